// Shared set-up of the adversarial tests: a fresh database cloned from the seeded template, the real API
// on an ephemeral port, and credentials of every demo user.
import { createTestDatabase, sessionTokenFor, type TestDatabase } from "@fracval/testing";
import { loadUserViewer, type UserViewer } from "@fracval/core";
import { startTestApi, type TestApi } from "../../apps/api/test/support/api.js";

export const DEMO = {
  admin: "admin@fracval.demo",
  pi: "pi@fracval.demo",
  bundang: "investigator.bundang@fracval.demo",
  boramae: "investigator.boramae@fracval.demo",
  severance: "investigator.severance@fracval.demo",
} as const;
export type DemoUser = keyof typeof DEMO;

export interface SecurityFixture {
  t: TestDatabase;
  api: TestApi;
  /** Session tokens as the portal sends them. */
  token: Record<DemoUser, string>;
  viewer(who: DemoUser): Promise<UserViewer>;
  siteId(code: "Bundang" | "Boramae" | "Severance"): Promise<string>;
  /** The seeded demo dataset of a site. */
  datasetOf(code: "Bundang" | "Boramae" | "Severance"): Promise<{ id: string; studyId: string }>;
  stop(): Promise<void>;
}

export async function securityFixture(): Promise<SecurityFixture> {
  const t = await createTestDatabase();
  const api = await startTestApi(t.db);
  const token = {} as Record<DemoUser, string>;
  for (const [who, email] of Object.entries(DEMO) as [DemoUser, string][]) token[who] = await sessionTokenFor(await t.db.user.findUniqueOrThrow({ where: { email } }));
  return {
    t,
    api,
    token,
    viewer: async (who) => (await loadUserViewer(t.db, (await t.db.user.findUniqueOrThrow({ where: { email: DEMO[who] } })).id))!,
    siteId: async (code) => (await t.db.site.findUniqueOrThrow({ where: { code } })).id,
    datasetOf: async (code) => t.db.validationDataset.findFirstOrThrow({ where: { site: { code } }, select: { id: true, studyId: true } }),
    async stop() {
      await api.stop();
      await t.drop();
    },
  };
}
