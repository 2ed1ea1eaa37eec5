// Writing into a site (datasets, uploads, runs) is for the site's own members: a PI of another site or an
// ADMIN reads results, and changes nothing at a site they do not belong to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
let runId: string;
let modelId: string;
beforeAll(async () => {
  f = await securityFixture();
  ({ runId, modelId } = await f.runAt("Boramae", "RUNNING", { published: true }));
}, 60_000);
afterAll(async () => f?.stop());

const createDataset = `mutation($s: ID!, $st: ID!) { createValidationDataset(input: { studyId: $st, siteId: $s, name: "foreign" }) { id } }`;

describe("only a site's members write into it", () => {
  it.each(["pi", "admin"] as const)(
    "%s cannot create a dataset at Boramae, start a run there or cancel one; nothing changes",
    async (who) => {
      const dataset = await f.datasetOf("Boramae");
      const before = { datasets: await f.t.db.validationDataset.count(), runs: await f.t.db.validationRun.count() };
      const created = await f.api.gql(
        createDataset,
        { s: await f.siteId("Boramae"), st: dataset.studyId },
        f.token[who],
      );
      expect(created.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const started = await f.api.gql(
        "mutation($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }",
        { m: modelId, d: dataset.id },
        f.token[who],
      );
      expect(started.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const cancelled = await f.api.gql(
        "mutation($id: ID!) { cancelValidationRun(id: $id) { status } }",
        { id: runId },
        f.token[who],
      );
      expect(cancelled.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect({ datasets: await f.t.db.validationDataset.count(), runs: await f.t.db.validationRun.count() }).toEqual(
        before,
      );
      expect((await f.t.db.validationRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("RUNNING");
    },
  );

  it("a PI who is a member of Bundang with patient-level access writes there", async () => {
    const bundang = await f.datasetOf("Bundang");
    const created = await f.api.gql<{ createValidationDataset: { id: string } }>(
      createDataset,
      { s: await f.siteId("Bundang"), st: bundang.studyId },
      f.token.pi,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createValidationDataset.id).toBeTruthy();
  });
});
