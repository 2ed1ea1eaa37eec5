// Shared set-up of the adversarial tests: a fresh database cloned from the seeded template, the real API
// on an ephemeral port, and credentials of every demo user.
import { randomBytes } from "node:crypto";
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
  /** A run of a placeholder model version (never scored) on a site's demo dataset, in the given status. */
  runAt(
    code: "Bundang" | "Boramae" | "Severance",
    status: "RUNNING" | "SUCCEEDED",
    /** published: the model version is offered for runs; released (default true): a SUCCEEDED run's results
     * passed the site release gate, as the network sees them. */
    model?: { published?: boolean; released?: boolean },
  ): Promise<{ runId: string; modelId: string; datasetId: string }>;
  stop(): Promise<void>;
}

export async function securityFixture(): Promise<SecurityFixture> {
  const t = await createTestDatabase();
  const api = await startTestApi(t.db);
  const token = {} as Record<DemoUser, string>;
  for (const [who, email] of Object.entries(DEMO) as [DemoUser, string][])
    token[who] = await sessionTokenFor(await t.db.user.findUniqueOrThrow({ where: { email } }));
  return {
    t,
    api,
    token,
    viewer: async (who) =>
      (await loadUserViewer(t.db, (await t.db.user.findUniqueOrThrow({ where: { email: DEMO[who] } })).id))!,
    siteId: async (code) => (await t.db.site.findUniqueOrThrow({ where: { code } })).id,
    datasetOf: async (code) =>
      t.db.validationDataset.findFirstOrThrow({ where: { site: { code } }, select: { id: true, studyId: true } }),
    async runAt(code, status, options = {}) {
      const dataset = await t.db.validationDataset.findFirstOrThrow({
        where: { site: { code } },
        include: { study: true },
      });
      const model = await t.db.modelVersion.create({
        data: {
          family: `security-${code.toLowerCase()}-${randomBytes(4).toString("hex")}`,
          version: "1.0.0",
          studyId: dataset.studyId,
          kind: "CLINICAL_BASELINE",
          modality: dataset.study.modality,
          task: "SCORE",
          outputSemantics: "score",
          artifactSha256: "0".repeat(64),
          artifactStorageKey: "none",
          manifest: {},
          ...(options.published ? { status: "PUBLISHED" as const } : {}),
        },
      });
      const run = await t.db.validationRun.create({
        data: {
          modelVersionId: model.id,
          datasetId: dataset.id,
          codeVersion: "test",
          status,
          ...(status === "SUCCEEDED" && options.released !== false ? { releaseState: "RELEASED" as const } : {}),
        },
      });
      return { runId: run.id, modelId: model.id, datasetId: dataset.id };
    },
    async stop() {
      await api.stop();
      await t.drop();
    },
  };
}
