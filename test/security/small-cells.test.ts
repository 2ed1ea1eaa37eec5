// The small-cell rule (minimum cell count 10) per metric row and per count, with complementary
// suppression: each derivation route of SECURITY.md is tried here and must fail. Pure policy tests, then
// the same through the real API for a PI without patient-level access.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discloseMetrics } from "@fracval/core";
import type { MetricResult } from "@fracval/db";
import { securityFixture, type SecurityFixture } from "./support.js";

let id = 0;
function row(metric: string, n: number, events: number, extra: Partial<MetricResult> = {}): MetricResult {
  return {
    id: `m${++id}`,
    datasetId: "d",
    runId: "r",
    scoreSource: "model",
    metric,
    horizonDays: null,
    subgroup: "all",
    estimate: 0.7,
    se: 0.03,
    ciLower: 0.64,
    ciUpper: 0.76,
    n,
    events,
    details: null,
    provenance: {},
    createdAt: new Date(0),
    ...extra,
  };
}
const guardedView = (rows: MetricResult[]) => discloseMetrics(rows, () => false);
const subgroups = (rows: { subgroup: string }[]) => rows.map((r) => r.subgroup).sort();

describe("per row, not per run (too strict before)", () => {
  it("a 1-year AUC(t) with 6 cases is withheld; the rest of the 400-patient / 63-event run is shown", () => {
    const rows = [
      row("harrellC", 400, 63),
      row("timeDependentAuc", 400, 6, { horizonDays: 365 }),
      row("timeDependentAuc", 400, 40, { horizonDays: 1826 }),
    ];
    const shown = guardedView(rows);
    expect(shown.rows.map((r) => `${r.metric}@${r.horizonDays}`)).toEqual(["harrellC@null", "timeDependentAuc@1826"]);
    expect(shown.withheld).toBe(1);
  });
  it("a row whose non-events are fewer than 10 is withheld too (n − events is derivable)", () => {
    expect(guardedView([row("harrellC", 100, 95)]).rows).toEqual([]);
  });
  it("a viewer with patient-level access sees every row unchanged", () => {
    const rows = [row("harrellC", 12, 3), row("harrellC", 12, 3, { subgroup: "sex=F" })];
    expect(discloseMetrics(rows, () => true).rows).toEqual(rows);
  });
});

describe("complementary suppression (too loose before)", () => {
  it("all − sex=F = sex=M: when sex=M is small, sex=F goes too", () => {
    const rows = [
      row("harrellC", 400, 63),
      row("harrellC", 380, 58, { subgroup: "sex=F" }),
      row("harrellC", 20, 5, { subgroup: "sex=M" }),
    ];
    expect(subgroups(guardedView(rows).rows)).toEqual(["all"]);
  });
  it("a subgroup with no row at all (nothing computable) counts as withheld: its sibling goes", () => {
    const rows = [row("harrellC", 400, 63), row("harrellC", 395, 62, { subgroup: "sex=F" })];
    expect(subgroups(guardedView(rows).rows)).toEqual(["all"]);
  });
  it("all − two age bands = the third: one small band takes the smallest other band with it, not the largest", () => {
    const rows = [
      row("harrellC", 400, 63),
      row("harrellC", 30, 3, { subgroup: "age<65" }),
      row("harrellC", 150, 20, { subgroup: "age65-74" }),
      row("harrellC", 220, 40, { subgroup: "age>=75" }),
    ];
    expect(subgroups(guardedView(rows).rows)).toEqual(["age>=75", "all"]);
  });
  it("risk groups: one small group takes the smallest other group with it", () => {
    const g = (name: string, n: number, e: number) =>
      row("riskGroupRisk", n, e, { subgroup: `group=${name}`, horizonDays: 3652 });
    expect(subgroups(guardedView([g("HIGH", 15, 4), g("LH", 60, 12), g("LL", 325, 30)]).rows)).toEqual(["group=LL"]);
  });
  it("image manufacturers: a member that is not computable (named by the set) takes the smallest shown one with it", () => {
    const set = ["manufacturer=GE", "manufacturer=Philips", "manufacturer=SIEMENS"];
    const m = (name: string, n: number, e: number) =>
      row("harrellC", n, e, { subgroup: `manufacturer=${name}`, details: { subgroupSet: set } });
    // Philips (6 patients, no fracture) has no row: all − GE − SIEMENS would give its count away.
    expect(subgroups(guardedView([row("harrellC", 400, 63), m("GE", 250, 40), m("SIEMENS", 144, 23)]).rows)).toEqual([
      "all",
      "manufacturer=GE",
    ]);
    // Every member shown and large: all stay.
    const all = [row("harrellC", 400, 63), m("GE", 200, 30), m("Philips", 60, 12), m("SIEMENS", 140, 21)];
    expect(subgroups(guardedView(all).rows)).toEqual([
      "all",
      "manufacturer=GE",
      "manufacturer=Philips",
      "manufacturer=SIEMENS",
    ]);
  });
  it("a 2×2 table with a cell of 3 withholds sensitivity, specificity, PPV and NPV", () => {
    const counts = { threshold: 0.3, truePositive: 40, falsePositive: 120, trueNegative: 200, falseNegative: 3 };
    const rows = ["sensitivity", "specificity", "ppv", "npv"].map((m) => row(m, 363, 43, { details: counts }));
    expect(guardedView(rows).rows).toEqual([]);
  });
  it("calibration deciles resting on 2 or 3 events lose their table; the overall O/E stays", () => {
    const groups = Array.from({ length: 10 }, (_, k) => ({
      n: 40,
      events: k < 3 ? 2 : 8,
      meanRisk: 0.1,
      observed: 0.1,
    }));
    const [shown] = guardedView([
      row("calibrationOE", 400, 63, { details: { observed: 0.15, expected: 0.14, groups } }),
    ]).rows;
    expect(shown!.details).toEqual({ observed: 0.15, expected: 0.14, groupsWithheld: true });
  });
  it("FRAX missing for 3 patients: the FRAX and paired rows keep their estimates but not the counts that would give those 3 away", () => {
    const rows = [
      row("harrellC", 400, 63),
      row("harrellC", 397, 62, { scoreSource: "frax_mof", details: { excludedMissingScore: 3 } }),
      row("harrellCDiff", 397, 62, { scoreSource: "model-vs-frax_mof", details: { p: 0.04 } }),
      row("harrellC", 350, 50, { scoreSource: "frax_hip", details: { excludedMissingScore: 50 } }),
    ];
    const shown = guardedView(rows).rows;
    expect(shown.find((r) => r.scoreSource === "frax_mof")).toMatchObject({
      n: null,
      events: null,
      estimate: 0.7,
      details: { countsWithheld: true },
    });
    expect(shown.find((r) => r.scoreSource === "frax_mof")!.details).not.toHaveProperty("excludedMissingScore");
    expect(shown.find((r) => r.scoreSource === "model-vs-frax_mof")).toMatchObject({
      n: null,
      events: null,
      details: { p: 0.04 },
    });
    expect(shown.find((r) => r.scoreSource === "frax_hip")).toMatchObject({ n: 350, events: 50 }); // 50 missing: not a small cell
  });
});

describe("through the API, for a PI without patient-level access to Severance", () => {
  let f: SecurityFixture;
  let runId: string;
  beforeAll(async () => {
    f = await securityFixture();
    const run = await f.runAt("Severance", "SUCCEEDED");
    runId = run.runId;
    const rows = [
      row("harrellC", 400, 63),
      row("timeDependentAuc", 400, 6, { horizonDays: 365 }),
      row("harrellC", 380, 58, { subgroup: "sex=F" }),
      row("harrellC", 20, 5, { subgroup: "sex=M" }),
    ];
    await f.t.db.metricResult.createMany({
      data: rows.map(({ id: _id, createdAt: _c, details: _d, provenance: _p, ...r }) => ({
        ...r,
        datasetId: run.datasetId,
        runId,
        provenance: {},
      })),
    });
  }, 60_000);
  afterAll(async () => f?.stop());

  it("dataset and run counts: small event counts and small runs are withheld from the PI, shown to the site", async () => {
    const dataset = await f.t.db.validationDataset.findFirstOrThrow({ where: { site: { code: "Severance" } } });
    expect(dataset.patientCount).toBeGreaterThanOrEqual(10);
    const smallEvents = dataset.eventCount < 10 || dataset.patientCount - dataset.eventCount < 10;
    const small = await f.runAt("Severance", "RUNNING");
    await f.t.db.validationRun.update({
      where: { id: small.runId },
      data: { progressTotal: 8, progressDone: 3, progressFailed: 1 },
    });
    const q =
      "query($d: ID!, $r: ID!) { dataset(id: $d) { patientCount eventCount } run(id: $r) { progressTotal progressDone progressFailed } }";
    const pi = await f.api.gql<{
      dataset: { patientCount: number | null; eventCount: number | null };
      run: Record<string, number | null>;
    }>(q, { d: dataset.id, r: small.runId }, f.token.pi);
    expect(pi.data!.dataset).toEqual({
      patientCount: dataset.patientCount,
      eventCount: smallEvents ? null : dataset.eventCount,
    });
    expect(pi.data!.run).toEqual({ progressTotal: null, progressDone: null, progressFailed: null });
    const own = await f.api.gql<{ dataset: { eventCount: number }; run: Record<string, number> }>(
      q,
      { d: dataset.id, r: small.runId },
      f.token.severance,
    );
    expect(own.data!.dataset.eventCount).toBe(dataset.eventCount);
    expect(own.data!.run).toEqual({ progressTotal: 8, progressDone: 3, progressFailed: 1 });
  });

  it("a finished small run read through the cached study snapshot: the site sees its counts, the PI after it does not", async () => {
    // studyComparison serves one run object to every viewer of the study (a per-process snapshot): what one
    // viewer may see must never be remembered on it for the next.
    const small = await f.runAt("Severance", "SUCCEEDED");
    await f.t.db.validationRun.update({
      where: { id: small.runId },
      data: { progressTotal: 7, progressDone: 7, progressFailed: 2, finishedAt: new Date() },
    });
    const { studyId } = await f.datasetOf("Severance");
    const q = `query($s: ID!) { studyComparison(studyId: $s) { run { id progressTotal progressFailed } } }`;
    type Rows = {
      studyComparison: { run: { id: string; progressTotal: number | null; progressFailed: number | null } }[];
    };
    const rowOf = (res: { data: Rows | null }) => res.data!.studyComparison.find((r) => r.run.id === small.runId)!;
    const own = await f.api.gql<Rows>(q, { s: studyId }, f.token.severance);
    expect(rowOf(own).run).toMatchObject({ progressTotal: 7, progressFailed: 2 });
    const pi = await f.api.gql<Rows>(q, { s: studyId }, f.token.pi);
    expect(rowOf(pi).run).toMatchObject({ progressTotal: null, progressFailed: null });
  });

  it("metricResults and the metrics CSV show the whole-cohort C, and neither the small AUC(t) nor the sex subgroups", async () => {
    const res = await f.api.gql<{ metricResults: { metric: string; subgroup: string; n: number | null }[] }>(
      "query($r: ID!) { metricResults(runId: $r) { metric subgroup horizonDays n } }",
      { r: runId },
      f.token.pi,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.metricResults).toEqual([{ metric: "harrellC", subgroup: "all", horizonDays: null, n: 400 }]);
    const csv = await (
      await fetch(`${f.api.url}/exports/runs/${runId}/metrics.csv`, {
        headers: { authorization: `Bearer ${f.token.pi}` },
      })
    ).text();
    expect(csv.trim().split("\n")).toHaveLength(2);
    // The site's own investigator sees all four rows.
    const own = await f.api.gql<{ metricResults: unknown[] }>(
      "query($r: ID!) { metricResults(runId: $r) { metric } }",
      { r: runId },
      f.token.severance,
    );
    expect(own.data!.metricResults).toHaveLength(4);
  });
});
