// Every list is paged: a maximum page size (BAD_USER_INPUT naming `first` above it) and a cursor (`after`,
// the id of the previous page's last item) that walks the whole list exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_LIMITS } from "@fracval/core";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
beforeAll(async () => {
  f = await securityFixture();
}, 60_000);
afterAll(async () => f?.stop());

const LISTS = [
  ["sites", "sites"],
  ["studies", "studies"],
  ["modelVersions", "modelVersions"],
  ["datasets", "datasets"],
  ["runs", "runs"],
  ["metricResults", "metricResults"],
  ["auditEvents", "auditEvents"],
] as const;

describe("paged lists", () => {
  it.each(LISTS)("%s refuses a page above its maximum, naming first", async (field, limits) => {
    const res = await f.api.gql(
      `query($n: Int) { ${field}(first: $n) { id } }`,
      { n: PAGE_LIMITS[limits].max + 1 },
      f.token.admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(res.data).toBeNull();
  });

  it("walks a list page by page with the cursor, each item exactly once", async () => {
    const dataset = await f.datasetOf("Severance");
    for (let k = 0; k < 5; k++)
      await f.api.gql(
        "query($d: ID!) { patients(datasetId: $d, first: 1) { id } }",
        { d: dataset.id },
        f.token.severance,
      ); // audit events
    for (const field of ["sites", "studies", "datasets", "auditEvents"] as const) {
      const all = (
        await f.api.gql<Record<string, { id: string }[]>>(`{ ${field}(first: 100) { id } }`, {}, f.token.admin)
      ).data![field]!.map((x) => x.id);
      expect(all.length, field).toBeGreaterThan(2);
      const walked: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { id: string }[] = (
          await f.api.gql<Record<string, { id: string }[]>>(
            `query($a: ID) { ${field}(first: 2, after: $a) { id } }`,
            { a: after },
            f.token.admin,
          )
        ).data![field]!;
        if (page.length === 0) break;
        walked.push(...page.map((x) => x.id));
        after = page.at(-1)!.id;
      }
      expect(walked, field).toEqual(all);
    }
  });

  it("nested lists are paged too: a study's datasets, a dataset's runs, a comparison row's metrics", async () => {
    const res = await f.api.gql<{ studies: { datasets: { id: string; runs: { id: string }[] }[] }[] }>(
      "{ studies(first: 1) { datasets(first: 1) { id runs(first: 1) { id } } } }",
      {},
      f.token.admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.studies[0]!.datasets.length).toBeLessThanOrEqual(1);
    const tooMany = await f.api.gql(
      "query($n: Int) { studies { datasets(first: $n) { id } } }",
      { n: PAGE_LIMITS.datasets.max + 1 },
      f.token.admin,
    );
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const study = await f.t.db.study.findFirstOrThrow({ where: { slug: "xray-deepsurv" } });
    const rows = await f.api.gql(
      "query($s: ID!, $n: Int) { studyComparison(studyId: $s, first: $n) { metrics(first: 1) { id } } }",
      { s: study.id, n: PAGE_LIMITS.studyComparison.max + 1 },
      f.token.admin,
    );
    expect(rows.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("predictions are paged in the database, and each page is audited as what it returned", async () => {
    const { runId, datasetId } = await f.runAt("Severance", "SUCCEEDED");
    const run = { id: runId };
    const patients = await f.t.db.patient.findMany({ where: { datasetId }, take: 5 });
    await f.t.db.prediction.createMany({
      data: patients.map((p, k) => ({ runId: run.id, patientId: p.id, score: k })),
    });
    const q = "query($r: ID!, $a: ID) { predictions(runId: $r, first: 3, after: $a) { patientId } }";
    const first = (
      await f.api.gql<{ predictions: { patientId: string }[] }>(q, { r: run.id, a: null }, f.token.severance)
    ).data!.predictions;
    expect(first).toHaveLength(3);
    const event = await f.t.db.auditEvent.findFirstOrThrow({
      where: { action: "predictions.read", resource: run.id },
      orderBy: { createdAt: "desc" },
    });
    expect(event.patientIds.sort()).toEqual(first.map((p) => p.patientId).sort());
    const ids = await f.t.db.prediction.findMany({
      where: { runId: run.id },
      orderBy: [{ patientId: "asc" }, { id: "asc" }],
    });
    const second = (
      await f.api.gql<{ predictions: { patientId: string }[] }>(q, { r: run.id, a: ids[2]!.id }, f.token.severance)
    ).data!.predictions;
    expect(second.map((p) => p.patientId)).toEqual(ids.slice(3).map((p) => p.patientId));
  });
});
