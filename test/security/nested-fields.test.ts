// Access rules hold for every field of every type, not only for root fields: a key with METRICS_READ
// reads metrics, and nothing of datasets, validation reports or runs, whatever path it takes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@fracval/core";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
let metricsOnly: string;
beforeAll(async () => {
  f = await securityFixture();
  metricsOnly = (
    await createApiKey(f.t.db, null, {
      siteId: await f.siteId("Boramae"),
      name: "metrics only",
      scopes: ["METRICS_READ"],
    })
  ).key;
  await f.runAt("Boramae", "SUCCEEDED");
}, 60_000);
afterAll(async () => f?.stop());

describe("nested paths to site data need the scope of what they reach", () => {
  it.each([
    ["studies → datasets", "{ studies { datasets { id validationReport { problemCount } } } }"],
    ["studies → datasets → runs", "{ studies { datasets { runs { id status } } } }"],
    [
      "studyComparison → dataset and run",
      "query($s: ID!) { studyComparison(studyId: $s) { dataset { id } run { id } } }",
    ],
  ])("%s is refused to a METRICS_READ key, with no dataset or run in the answer", async (_path, query) => {
    const dataset = await f.datasetOf("Boramae");
    const res = await f.api.gql(query, { s: dataset.studyId }, metricsOnly);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(res)).not.toContain(dataset.id);
    expect(JSON.stringify(res)).not.toMatch(/validationReport"\s*:\s*\{|"status"\s*:\s*"SUCCEEDED"/);
  });

  it("the same key still reads what its scope allows", async () => {
    const dataset = await f.datasetOf("Boramae");
    const res = await f.api.gql(
      "query($d: ID!) { metricResults(datasetId: $d) { estimate } }",
      { d: dataset.id },
      metricsOnly,
    );
    expect(res.errors).toBeUndefined();
  });
});
