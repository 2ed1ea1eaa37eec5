// The model-only metrics of a run (calibration, threshold metrics, risk groups, subgroups) on a
// synthetic cohort, each equal to packages/stats called directly on the same columns.
import { describe, expect, it } from "vitest";
import { ModelManifest } from "@fracval/inference";
import {
  assignRiskGroups,
  binaryCalibration,
  calibrationAtHorizon,
  harrellC,
  horizonLabels,
  summariseRiskGroups,
  thresholdMetrics,
} from "@fracval/stats";
import { findProfile, generateCohort } from "@fracval/synth";
import { analysisTimeDays } from "@fracval/upload-format";
import { absoluteRisk, modelOnlyMetrics, subgroupMetrics, type MetricRow } from "../src/scoring/run-metrics.js";

const cohort = generateCohort(findProfile("Severance"), { n: 1500, seed: 77 });
const time = cohort.map(analysisTimeDays);
const event: number[] = cohort.map((p) => (p.event ? 1 : 0));
const score = cohort.map((p) => p.truth.risk10y);
const gpvf = cohort.map((p) => Math.min(1, p.truth.risk10y * 2.5));
const rows: MetricRow[] = cohort.map((p, i) => ({
  patient: {
    baseline: { sex: p.female ? "FEMALE" : "MALE", ageYears: p.age },
    providedScores: [{ name: "GpVF", value: gpvf[i]! }],
  },
}));
const card = (overrides: Record<string, unknown>) =>
  ModelManifest.parse({
    family: "test-model",
    version: "1.0.0",
    study: "verte-x-pvf",
    kind: "CLINICAL_BASELINE",
    task: "SCORE",
    horizonDays: null,
    inputs: [{ name: "clinical", dtype: "float32", shape: ["batch", 1] }],
    outputs: [{ name: "score", meaning: "a score", direction: "higher = higher risk" }],
    trainingData: "synthetic",
    intendedUse: "tests",
    licence: "Apache-2.0",
    sha256: "0".repeat(64),
    ...overrides,
  });
const rule = {
  groups: [
    { name: "HIGH", when: { score: "model", atLeast: 0.5 } },
    { name: "LH", when: { score: "provided:GpVF", atLeast: 0.6 } },
    { name: "LL", when: "otherwise" as const },
  ],
  reference: "LL",
};
const events = event.reduce((s, e) => s + e, 0);

describe("model-only run metrics", () => {
  it("sensitivity, specificity, PPV and NPV at the card's threshold, on patients with a known status at the horizon", () => {
    const out = modelOnlyMetrics({
      manifest: card({ threshold: 0.3 }),
      rule: null,
      horizon: 1826,
      time,
      event,
      score,
      rows,
      n: cohort.length,
      events,
    });
    const { label, included } = horizonLabels(time, event, 1826);
    const idx = Array.from(label.keys()).filter((i) => included[i]);
    const direct = thresholdMetrics(
      idx.map((i) => score[i]!),
      idx.map((i) => label[i]!),
      0.3,
    );
    const sens = out.find((r) => r.metric === "sensitivity")!;
    expect(sens.estimate).toBe(direct.sensitivity.estimate);
    expect(sens.ci).toEqual(direct.sensitivity.ci);
    expect(sens.n).toBe(idx.length);
    expect(out.find((r) => r.metric === "npv")!.estimate).toBe(direct.npv.estimate);
    expect(out.some((r) => r.metric === "calibrationOE")).toBe(false); // a SCORE is not an absolute risk
  });

  it("calibration when the model gives a probability at the horizon, or a log-hazard with H₀ at it", () => {
    const probability = card({ task: "PROBABILITY_AT_HORIZON", horizonDays: 3652 });
    const out = modelOnlyMetrics({
      manifest: probability,
      rule: null,
      horizon: 3652,
      time,
      event,
      score,
      rows,
      n: cohort.length,
      events,
    });
    expect(out.find((r) => r.metric === "calibrationOE")!.estimate).toBe(
      calibrationAtHorizon(time, event, score, 3652).oe,
    );
    // With its SE (natural scale, E fixed): the study's forest pools O/E on the log scale from it; without
    // one, every O/E forest said "fewer than two sites with a standard error".
    expect(out.find((r) => r.metric === "calibrationOE")!.se).toBe(calibrationAtHorizon(time, event, score, 3652).oeSe);
    expect(out.find((r) => r.metric === "calibrationOE")!.se).toBeGreaterThan(0);
    const logHazard = card({
      task: "LOG_HAZARD",
      horizonDays: 1826,
      baselineCumulativeHazard: [{ days: 1826, value: 0.1 }],
    });
    expect(absoluteRisk(logHazard, 1826, Math.log(2))).toBeCloseTo(1 - Math.exp(-0.2), 12);
    expect(absoluteRisk(logHazard, 3652, 0)).toBeNull(); // no H₀ at that horizon: no calibration
  });

  it("a model not calibrated for the population (case-control development): recalibration needs, and the recalibrated model beside it", () => {
    // Risks at a case-control prevalence: the true 5-year risk with its odds multiplied by 6.
    const inflated = cohort
      .map((c) => c.truth.risk5y)
      .map((r) => 1 / (1 + Math.exp(-(Math.log(r / (1 - r)) + Math.log(6)))));
    const manifest = card({
      task: "PROBABILITY_AT_HORIZON",
      horizonDays: 1826,
      calibratedForTargetPopulation: false,
      calibrationNote: "case-control",
    });
    const out = modelOnlyMetrics({
      manifest,
      rule: null,
      horizon: 1826,
      time,
      event,
      score: inflated,
      rows,
      n: cohort.length,
      events,
    });
    const model = out.find((r) => r.metric === "calibrationOE" && r.scoreSource === "model")!;
    const { label, included } = horizonLabels(time, event, 1826);
    const idx = Array.from(label.keys()).filter((i) => included[i]);
    const needs = binaryCalibration(
      idx.map((i) => inflated[i]!),
      idx.map((i) => label[i]!),
    );
    expect(model.details).toMatchObject({
      calibratedForTargetPopulation: false,
      interpretation: expect.stringMatching(/recalibration needs/),
      recalibrationIntercept: needs.intercept,
      recalibrationSlope: needs.slope,
      note: "case-control",
    });
    expect(model.estimate).toBeLessThan(0.5); // over-predicts several-fold
    const recalibrated = out.find((r) => r.metric === "calibrationOE" && r.scoreSource === "model-recalibrated")!;
    const { intercept, slope } = needs.recalibration;
    const p = inflated.map((r) => 1 / (1 + Math.exp(-(intercept + slope * Math.log(r / (1 - r))))));
    expect(recalibrated.estimate).toBeCloseTo(calibrationAtHorizon(time, event, p, 1826).oe, 12);
    expect(Math.abs(recalibrated.estimate - 1)).toBeLessThan(Math.abs(model.estimate - 1));
    // A calibrated card gets neither.
    const plain = modelOnlyMetrics({
      manifest: card({ task: "PROBABILITY_AT_HORIZON", horizonDays: 1826 }),
      rule: null,
      horizon: 1826,
      time,
      event,
      score,
      rows,
      n: cohort.length,
      events,
    });
    expect(plain.some((r) => r.scoreSource === "model-recalibrated")).toBe(false);
    expect(plain.find((r) => r.metric === "calibrationOE")!.details).not.toHaveProperty("recalibrationSlope");
  });

  it("the study's risk groups (seed 004: BpVF ≥ 0.5 HIGH, else GpVF ≥ 0.6 LH, else LL) from the model and the provided column", () => {
    const out = modelOnlyMetrics({
      manifest: card({}),
      rule,
      horizon: 3652,
      time,
      event,
      score,
      rows,
      n: cohort.length,
      events,
    });
    const direct = summariseRiskGroups(time, event, assignRiskGroups(rule, { model: score, "provided:GpVF": gpvf }), {
      reference: "LL",
      horizon: 3652,
    });
    const groups = out.filter((r) => r.metric === "riskGroupRisk");
    expect(groups.map((g) => g.subgroup).sort()).toEqual(direct.groups.map((g) => `group=${g.name}`).sort());
    for (const g of direct.groups) {
      const row = groups.find((r) => r.subgroup === `group=${g.name}`)!;
      expect(row.estimate).toBe(g.risk!.estimate);
      expect(row.n).toBe(g.n);
      expect(row.details).toMatchObject({ logRankP: direct.logRank.p });
    }
    expect((groups.find((r) => r.subgroup === "group=HIGH")!.details as { hazardRatio: number }).hazardRatio).toBe(
      direct.cox.hr[direct.cox.terms.indexOf("HIGH vs LL")],
    );
  });

  it("Harrell's C by sex and age band on each subgroup's own patients", () => {
    const out = subgroupMetrics({ horizon: 3652, time, event, score, rows });
    const old = cohort.flatMap((p, i) => (p.age >= 75 ? [i] : []));
    const row = out.find((r) => r.metric === "harrellC" && r.subgroup === "age>=75")!;
    expect(row.estimate).toBe(
      harrellC(
        old.map((i) => time[i]!),
        old.map((i) => event[i]!),
        old.map((i) => score[i]!),
      ).estimate,
    );
    expect(row.n).toBe(old.length);
    expect(new Set(out.map((r) => r.subgroup))).toEqual(new Set(["sex=F", "sex=M", "age<65", "age65-74", "age>=75"]));
    expect(out.every((r) => r.scoreSource === "model")).toBe(true);
  });

  it("image manufacturers are subgroups where there is more than one, each row naming the whole set", () => {
    const makers = ["GE MEDICAL  SYSTEMS", "SIEMENS", null];
    const withImages: MetricRow[] = rows.map((r, i) => ({
      patient: { ...r.patient, images: [{ manufacturer: makers[i % 3]! }] },
    }));
    const out = subgroupMetrics({ horizon: 3652, time, event, score, rows: withImages });
    const set = ["manufacturer=GE MEDICAL SYSTEMS", "manufacturer=SIEMENS", "manufacturer=unknown"];
    for (const [k, name] of set.entries()) {
      const idx = cohort.flatMap((_, i) => (i % 3 === k ? [i] : []));
      const c = out.find((r) => r.metric === "harrellC" && r.subgroup === name)!;
      expect(c.n).toBe(idx.length);
      expect(c.estimate).toBe(
        harrellC(
          idx.map((i) => time[i]!),
          idx.map((i) => event[i]!),
          idx.map((i) => score[i]!),
        ).estimate,
      );
      expect(c.details).toMatchObject({ subgroup: name, subgroupSet: set });
    }
    // One manufacturer for every image: no manufacturer subgroup (it would repeat the whole cohort).
    const one = rows.map((r) => ({ patient: { ...r.patient, images: [{ manufacturer: "GE" }] } }));
    const single = subgroupMetrics({ horizon: 3652, time, event, score, rows: one });
    expect(single.some((r) => r.subgroup?.startsWith("manufacturer="))).toBe(false);
  });
});
