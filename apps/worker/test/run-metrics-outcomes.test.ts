// Outcomes as hospitals record them, through computeRunMetrics on real PostgreSQL: follow-up that
// continues after the fracture (the analysis time of an event is event_days, not followup_days), and
// FRAX that is missing for some patients or for all (the model keeps every scored patient; each
// comparator is compared on the patients that have it, with that n and the exclusions stated).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aurocAtHorizon, competingRisksAuc, harrellC, mulberry32, timeDependentAuc } from "@fracval/stats";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileContentStore, listMetricResults, loadUserViewer, RunCurves } from "@fracval/core";
import { computeRunMetrics, computeRunMetricsJob, ModelCache } from "../src/index.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 60_000);
afterAll(async () => t?.drop());

interface CohortRow {
  followUpDays: number;
  eventDays: number | null;
  deathDays?: number | null;
  fraxMof: number | null;
  fraxHip: number | null;
  score: number;
  ageYears: number;
  female: boolean;
}

/** A registry-shaped cohort: observation goes on for years after most fractures. */
function registryCohort(n: number, seed: number, fraxMissing: (i: number) => boolean): CohortRow[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const risk = random();
    const eventTime = Math.ceil(-Math.log(1 - random()) / (0.0001 + 0.0006 * risk));
    const endOfObservation = 200 + Math.floor(random() * 3400);
    const event = eventTime <= endOfObservation;
    const frax = Math.min(0.6, 0.03 + 0.2 * risk + 0.1 * random());
    return {
      followUpDays: endOfObservation,
      eventDays: event ? eventTime : null,
      fraxMof: fraxMissing(i) ? null : frax,
      fraxHip: fraxMissing(i) ? null : frax / 3,
      score: risk + 0.6 * random(),
      ageYears: 55 + Math.floor(random() * 35),
      female: random() < 0.7,
    };
  });
}

const MANIFEST = {
  family: "outcome-test",
  version: "1.0.0",
  study: "ct-bone-muscle",
  kind: "CLINICAL_BASELINE",
  task: "SCORE",
  horizonDays: null,
  inputs: [{ name: "clinical", dtype: "float32", shape: ["batch", 1] }],
  outputs: [{ name: "score", meaning: "a risk score", direction: "higher = higher risk" }],
  trainingData: "synthetic",
  intendedUse: "tests",
  licence: "Apache-2.0",
  sha256: "0".repeat(64),
};

/** A dataset of `rows` at Bundang, a run of a test model on it with every patient scored. */
async function runOn(rows: CohortRow[], label: string, compute: "metrics" | "job" = "metrics") {
  const site = await t.db.site.findFirstOrThrow({ where: { code: "Bundang" } });
  const study = await t.db.study.findFirstOrThrow({ where: { slug: "ct-bone-muscle" } });
  const model = await t.db.modelVersion.create({
    data: {
      family: `outcome-test-${label}`,
      version: "1.0.0",
      studyId: study.id,
      kind: "CLINICAL_BASELINE",
      modality: "CT_ABDOMEN",
      task: "SCORE",
      outputSemantics: "a risk score, higher = higher risk",
      artifactSha256: "0".repeat(64),
      artifactStorageKey: "none",
      manifest: { ...MANIFEST, family: `outcome-test-${label}` },
      status: "DRAFT", // not offered as a baseline to the other runs
    },
  });
  const dataset = await t.db.validationDataset.create({
    data: {
      name: `outcomes ${label}`,
      siteId: site.id,
      studyId: study.id,
      status: "READY",
      patientCount: rows.length,
      providedScoreNames: [],
      sha256: "f".repeat(64),
    },
  });
  const run = await t.db.validationRun.create({
    data: {
      modelVersionId: model.id,
      datasetId: dataset.id,
      status: "COMPUTING_METRICS",
      codeVersion: "test",
      progressTotal: rows.length,
      progressDone: rows.length,
    },
  });
  for (const [i, r] of rows.entries()) {
    const patient = await t.db.patient.create({
      data: {
        siteId: site.id,
        datasetId: dataset.id,
        pseudonym: `${label}-${String(i).padStart(5, "0")}`,
        baseline: {
          create: {
            ageYears: r.ageYears,
            sex: r.female ? "FEMALE" : "MALE",
            fraxMof10y: r.fraxMof,
            fraxHip10y: r.fraxHip,
          },
        },
        outcome: {
          create: {
            followUpDays: r.followUpDays,
            incidentVertebralFracture: r.eventDays !== null,
            eventDays: r.eventDays,
            deathDays: r.deathDays ?? null,
          },
        },
      },
    });
    await t.db.prediction.create({ data: { runId: run.id, patientId: patient.id, score: r.score } });
  }
  if (compute === "metrics") await computeRunMetrics(t.db, run.id);
  else
    await computeRunMetricsJob(
      t.db,
      new ModelCache(new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-outcomes-")))),
      run.id,
    );
  const metrics = await t.db.metricResult.findMany({ where: { runId: run.id } });
  return { run, metrics };
}

const analysisTime = (r: CohortRow) => r.eventDays ?? r.followUpDays;
const eventOf = (r: CohortRow) => (r.eventDays !== null ? 1 : 0);

describe("event time: follow-up that continues after the fracture", () => {
  const rows = registryCohort(400, 11, () => false);
  it("the cohort has what makes the difference: fractures inside longer follow-up, some within 5 years", () => {
    const inside = rows.filter((r) => r.eventDays !== null && r.eventDays < r.followUpDays);
    expect(inside.length).toBeGreaterThan(50);
    expect(
      rows.filter((r) => r.eventDays !== null && r.eventDays <= 1826 && r.followUpDays > 1826).length,
    ).toBeGreaterThan(10);
  });

  it("metrics use event_days for events and followup_days otherwise", async () => {
    const { metrics, run } = await runOn(rows, "eventtime");
    const time = rows.map(analysisTime);
    const event = rows.map(eventOf);
    const score = rows.map((r) => r.score);
    const c = metrics.find((m) => m.metric === "harrellC" && m.scoreSource === "model" && m.subgroup === "all")!;
    expect(c.estimate).toBeCloseTo(harrellC(time, event, score).estimate, 12);
    const a = metrics.find((m) => m.metric === "auroc" && m.scoreSource === "model" && m.subgroup === "all")!;
    const direct = aurocAtHorizon(time, event, score, 1826);
    expect(a.estimate).toBeCloseTo(direct.estimate, 12);
    expect(a.events).toBe(direct.cases);
    const td = metrics.find(
      (m) =>
        m.metric === "timeDependentAuc" && m.scoreSource === "model" && m.horizonDays === 1826 && m.subgroup === "all",
    )!;
    expect(td.estimate).toBeCloseTo(timeDependentAuc(time, event, score, 1826).estimate, 12);
    // Using the end of observation as the event time would have given another AUROC.
    const wrong = aurocAtHorizon(
      rows.map((r) => r.followUpDays),
      event,
      score,
      1826,
    );
    expect(wrong.cases).toBeLessThan(direct.cases);
    // The run's curves are stored with its metrics, from the same analysis times.
    const stored = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
    const curves = RunCurves.parse(stored.curves);
    const roc = curves.roc.find((s) => s.scoreSource === "model")!;
    expect(roc.auc).toBeCloseTo(direct.estimate, 12);
    expect(roc.cases).toBe(direct.cases);
    const auc5 = curves.aucOverTime.find((s) => s.scoreSource === "model")!.points.find((p) => p.days === 1826)!;
    expect(auc5.estimate).toBeCloseTo(timeDependentAuc(time, event, score, 1826).estimate, 12);
  });
});

describe("comparators that are missing for some or all patients", () => {
  it("the model keeps every scored patient; FRAX is compared on the patients with FRAX, with n and exclusions stated", async () => {
    const rows = registryCohort(360, 12, (i) => i % 4 === 0); // a quarter without FRAX
    const { metrics } = await runOn(rows, "partialfrax");
    const time = rows.map(analysisTime);
    const event = rows.map(eventOf);
    const modelC = metrics.find((m) => m.metric === "harrellC" && m.scoreSource === "model" && m.subgroup === "all")!;
    expect(modelC.n).toBe(360);
    expect(modelC.estimate).toBeCloseTo(
      harrellC(
        time,
        event,
        rows.map((r) => r.score),
      ).estimate,
      12,
    );
    const withFrax = rows.flatMap((r, i) => (r.fraxMof !== null ? [i] : []));
    const fraxC = metrics.find((m) => m.metric === "harrellC" && m.scoreSource === "frax_mof" && m.subgroup === "all")!;
    expect(fraxC.n).toBe(withFrax.length);
    expect(fraxC.estimate).toBeCloseTo(
      harrellC(
        withFrax.map((i) => time[i]!),
        withFrax.map((i) => event[i]!),
        withFrax.map((i) => rows[i]!.fraxMof!),
      ).estimate,
      12,
    );
    expect(fraxC.details).toMatchObject({ excludedMissingScore: 90 });
    // The paired difference is on the same patients: the model's C on the FRAX subset minus FRAX's.
    const diff = metrics.find((m) => m.metric === "harrellCDiff" && m.scoreSource === "model-vs-frax_mof")!;
    const modelOnSubset = harrellC(
      withFrax.map((i) => time[i]!),
      withFrax.map((i) => event[i]!),
      withFrax.map((i) => rows[i]!.score),
    ).estimate;
    expect(diff.n).toBe(withFrax.length);
    expect(diff.estimate).toBeCloseTo(modelOnSubset - fraxC.estimate, 12);
  });

  it("without any FRAX the model still gets its metrics, and FRAX none", async () => {
    const rows = registryCohort(300, 13, () => true);
    const { metrics } = await runOn(rows, "nofrax");
    expect(metrics.filter((m) => m.scoreSource === "model" && m.metric === "harrellC")).not.toHaveLength(0);
    expect(metrics.filter((m) => m.scoreSource.includes("frax"))).toHaveLength(0);
  });
});

describe("the run's flow of participants and whether it succeeded", () => {
  it("stores uploaded → not scored → analysed, censored before the horizon, and each comparator's exclusions", async () => {
    const rows = registryCohort(200, 15, (i) => i % 5 === 0);
    const { run } = await runOn(rows, "flow");
    const stored = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
    const time = rows.map(analysisTime);
    const censoredEarly = rows.filter((r, i) => r.eventDays === null && time[i]! <= 1826).length;
    expect(stored.participantFlow).toEqual({
      uploaded: 200,
      notScored: [],
      missingOutcome: 0,
      analysed: 200,
      events: rows.filter((r) => r.eventDays !== null).length,
      censoredBeforeHorizon: censoredEarly,
      horizonDays: 1826,
      competingRisks: false,
      deathsBeforeFracture: null,
      comparators: [
        { scoreSource: "frax_mof", analysed: 160, excludedMissingScore: 40 },
        { scoreSource: "frax_hip", analysed: 160, excludedMissingScore: 40 },
      ],
    });
    const metric = await t.db.metricResult.findFirstOrThrow({
      where: { runId: run.id, metric: "harrellC", scoreSource: "model" },
    });
    expect(metric.provenance).toMatchObject({
      datasetSha256: "f".repeat(64),
      modelSha256: "0".repeat(64),
      statsVersion: "0.1.0",
      onnxruntimeVersion: "1.30.0",
      seed: 20261123,
      patients: 200,
    });
    expect((metric.provenance as { codeVersion: string }).codeVersion).toMatch(
      /^(git:[0-9a-f]{40}(-dirty)?|fracval@\d+\.\d+\.\d+\+[0-9a-f]{16})$/,
    );
  });

  it("a run whose metrics cannot be computed at all (no fracture) FAILS with the reason instead of SUCCEEDING empty", async () => {
    const rows = registryCohort(50, 16, () => false).map((r) => ({ ...r, eventDays: null }));
    const { run, metrics } = await runOn(rows, "noevents", "job");
    expect(metrics).toHaveLength(0);
    const stored = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored.status).toBe("FAILED");
    expect(stored.error).toBe(
      "metrics: no metric could be computed: 50 of 50 patients analysed (0 not scored, 0 without an outcome) with 0 events; every statistic needs patients with and without a fracture",
    );
  });
});

describe("death as a competing risk", () => {
  /** Deaths end follow-up: a third of those without a fracture die before the end of observation. */
  function withDeaths(rows: CohortRow[]): CohortRow[] {
    const random = mulberry32(99);
    return rows.map((r) => {
      if (random() < 0.3) {
        const death = Math.max(r.eventDays ?? 1, Math.floor(r.followUpDays * random()));
        if (r.eventDays !== null) return { ...r, deathDays: r.followUpDays }; // died after the fracture: still a fracture
        return { ...r, followUpDays: death, deathDays: death };
      }
      return r;
    });
  }

  it("with death_days, AUC(t) is the cause-specific one, early deaths are controls of the complete-case AUROC, and every row says so", async () => {
    const rows = withDeaths(registryCohort(400, 21, () => false));
    const { run, metrics } = await runOn(rows, "deaths");
    const status = rows.map((r) => (r.eventDays !== null ? 1 : r.deathDays ? 2 : 0));
    const time = rows.map((r) => r.eventDays ?? r.deathDays ?? r.followUpDays);
    const score = rows.map((r) => r.score);
    expect(status.filter((s) => s === 2).length).toBeGreaterThan(40);
    const td = metrics.find(
      (m) => m.metric === "timeDependentAuc" && m.scoreSource === "model" && m.horizonDays === 1826,
    )!;
    const direct = competingRisksAuc(time, status, score, 1826);
    expect(td.estimate).toBeCloseTo(direct.estimate, 12);
    expect(td.se).toBeCloseTo(direct.se, 12);
    expect(td.details).toMatchObject({
      competingRisks: true,
      analysis: expect.stringMatching(/death a competing event/),
    });
    // The same data with deaths treated as censoring would give another AUC(t).
    expect(
      Math.abs(
        timeDependentAuc(
          time,
          status.map((s) => (s === 1 ? 1 : 0)),
          score,
          1826,
        ).estimate - direct.estimate,
      ),
    ).toBeGreaterThan(1e-4);
    const auroc = metrics.find((m) => m.metric === "auroc" && m.scoreSource === "model" && m.subgroup === "all")!;
    const ccTime = time.map((t, i) => (status[i] === 2 ? Math.max(t, 1827) : t));
    expect(auroc.estimate).toBeCloseTo(
      aurocAtHorizon(
        ccTime,
        status.map((s) => (s === 1 ? 1 : 0)),
        score,
        1826,
      ).estimate,
      12,
    );
    const stored = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored.participantFlow).toMatchObject({
      competingRisks: true,
      deathsBeforeFracture: status.filter((s) => s === 2).length,
    });
  });

  it("without death_days the rows say that death was not accounted for", async () => {
    const { metrics } = await runOn(
      registryCohort(200, 22, () => false),
      "nodeaths",
    );
    const td = metrics.find(
      (m) => m.metric === "timeDependentAuc" && m.scoreSource === "model" && m.horizonDays === 1826,
    )!;
    expect(td.details).toMatchObject({ competingRisks: false });
  });
});

describe("byte-stable metric listings", () => {
  it("orders rows by every key, subgroup included, whatever order they were stored in", async () => {
    const rows = registryCohort(300, 17, () => false);
    const { run } = await runOn(rows, "order");
    // Store the same rows again in reverse order: the listing must not change.
    const stored = await t.db.metricResult.findMany({ where: { runId: run.id } });
    const admin = (await loadUserViewer(
      t.db,
      (
        await t.db.user.findFirstOrThrow({ where: { email: "admin@fracval.demo" } })
      ).id,
    ))!;
    const first = JSON.stringify(
      (await listMetricResults(t.db, admin, { runId: run.id })).map(({ id: _id, createdAt: _c, ...r }) => r),
    );
    await t.db.metricResult.deleteMany({ where: { runId: run.id } });
    await t.db.metricResult.createMany({
      data: [...stored].reverse().map(({ id: _id, createdAt: _c, ...r }) => ({
        ...r,
        details: r.details ?? undefined,
        provenance: r.provenance ?? {},
      })),
    });
    const second = JSON.stringify(
      (await listMetricResults(t.db, admin, { runId: run.id })).map(({ id: _id, createdAt: _c, ...r }) => r),
    );
    expect(second).toBe(first);
    const keys = JSON.parse(first).map(
      (r: { metric: string; scoreSource: string; horizonDays: number | null; subgroup: string }) =>
        `${r.metric}|${r.scoreSource}|${r.horizonDays ?? "~"}|${r.subgroup}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("intervals for C and AUC on the logit scale", () => {
  it("C and AUC rows carry the delta-method logit interval, inside (0, 1), and say so", async () => {
    const rows = registryCohort(120, 14, () => false);
    const { metrics } = await runOn(rows, "logitci");
    for (const m of metrics.filter(
      (r) => ["harrellC", "unoC", "auroc", "timeDependentAuc"].includes(r.metric) && r.se !== null,
    )) {
      // logit(C) ± z·SE/(C(1 − C)), back-transformed.
      const logit = Math.log(m.estimate / (1 - m.estimate));
      const half = (1.959963984540054 * m.se!) / (m.estimate * (1 - m.estimate));
      const ci = { lower: 1 / (1 + Math.exp(-(logit - half))), upper: 1 / (1 + Math.exp(-(logit + half))) };
      expect(m.ciLower).toBeCloseTo(ci.lower, 12);
      expect(m.ciUpper).toBeCloseTo(ci.upper, 12);
      expect(m.ciLower!).toBeGreaterThan(0);
      expect(m.ciUpper!).toBeLessThan(1);
      expect(m.details).toMatchObject({ ciMethod: "logit (delta method)" });
    }
  });
});
