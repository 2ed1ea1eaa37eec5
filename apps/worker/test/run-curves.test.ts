// The run page's curves as the metrics job stores them, checked against the statistics they are drawn
// from (each of which has its R golden in packages/stats), and as a viewer without patient-level access
// sees them: nothing resting on fewer than the minimum cell count.
import { describe, expect, it } from "vitest";
import {
  auroc,
  cumulativeIncidence,
  cumulativeIncidenceAt,
  flexibleCalibration,
  horizonLabels,
  kaplanMeier,
  mulberry32,
  netBenefit,
  quantileType7,
  survivalAt,
  timeDependentAuc,
} from "@fracval/stats";
import { protectRunCurves, RunCurves } from "@fracval/core";
import { computeRunCurves, INTERVENTION_THRESHOLDS, type CurveInputs } from "../src/index.js";

const HORIZON = 1826;

/** A cohort whose model gives a risk by 5 years (over-predicting a little), FRAX for everyone. */
function cohort(n: number, seed: number, deaths = false): CurveInputs {
  const random = mulberry32(seed);
  const time: number[] = [];
  const event: number[] = [];
  const status: number[] = [];
  const risk: number[] = [];
  const frax: number[] = [];
  for (let i = 0; i < n; i++) {
    const lp = 2 * random() - 1;
    const hazard = 0.00008 * Math.exp(1.2 * lp);
    const eventTime = Math.ceil(-Math.log(1 - random()) / hazard);
    const deathTime = deaths ? Math.ceil(-Math.log(1 - random()) / 0.0001) : Number.POSITIVE_INFINITY;
    const end = 300 + Math.floor(random() * 3300);
    const t = Math.min(eventTime, deathTime, end);
    time.push(t);
    event.push(t === eventTime ? 1 : 0);
    status.push(t === eventTime ? 1 : t === deathTime ? 2 : 0);
    risk.push(Math.min(0.95, 1.2 * (1 - Math.exp(-hazard * HORIZON))));
    frax.push(Math.min(0.6, Math.max(0.01, 0.1 + 0.08 * lp + 0.05 * (random() - 0.5))));
  }
  return {
    horizon: HORIZON,
    time,
    event,
    status: deaths ? status : null,
    scores: { model: risk, frax_mof: frax },
    modelRisk: risk,
    riskGroups: null,
    min: 10,
  };
}

describe("computeRunCurves", () => {
  const inputs = cohort(900, 7);
  const curves = RunCurves.parse(computeRunCurves(inputs));

  it("ROC: at most 200 points, its AUC the complete-case AUROC of the metric rows, steps of ≥ 10 patients", () => {
    const { label, included } = horizonLabels(inputs.time, inputs.event, HORIZON);
    const idx = inputs.time.flatMap((_, i) => (included[i] ? [i] : []));
    const direct = auroc(
      idx.map((i) => inputs.modelRisk![i]!),
      idx.map((i) => label[i]!),
    );
    const model = curves.roc.find((s) => s.scoreSource === "model")!;
    expect(model.auc).toBeCloseTo(direct.estimate, 12);
    expect([model.cases, model.controls]).toEqual([direct.cases, direct.controls]);
    expect(model.points.length).toBeLessThanOrEqual(200);
    for (let k = 1; k < model.points.length; k++) {
      const [a, b] = [model.points[k - 1]!, model.points[k]!];
      expect(Math.round((b.fpr - a.fpr) * model.controls + (b.tpr - a.tpr) * model.cases)).toBeGreaterThanOrEqual(10);
    }
    expect(curves.roc.map((s) => s.scoreSource)).toEqual(["model", "frax_mof"]);
  });

  it("AUC(t): every half year within follow-up, each point the censoring-weighted AUC(t) with its interval", () => {
    const series = curves.aucOverTime.find((s) => s.scoreSource === "model")!;
    expect(series.points.map((p) => p.days).slice(0, 4)).toEqual([365, 548, 731, 913]);
    for (const p of series.points) {
      const direct = timeDependentAuc(inputs.time, inputs.event, inputs.modelRisk!, p.days);
      expect(p.estimate).toBeCloseTo(direct.estimate, 12);
      expect([p.lower, p.upper, p.cases, p.controls]).toEqual([
        direct.ci.lower,
        direct.ci.upper,
        direct.cases,
        direct.controls,
      ]);
    }
  });

  it("incidence by tertile of the model score: 1 − Kaplan-Meier monthly, numbers at risk yearly", () => {
    const incidence = curves.incidence!;
    expect(incidence.grouping).toBe("tertiles of the model score");
    expect(incidence.groups.map((g) => g.name)).toEqual(["low tertile", "middle tertile", "high tertile"]);
    expect(incidence.groups.reduce((s, g) => s + g.n, 0)).toBe(900);
    const high = incidence.groups[2]!;
    const upperCut = quantileType7(Float64Array.from(inputs.modelRisk!).sort(), 2 / 3);
    const members = inputs.modelRisk!.flatMap((r, i) => (r > upperCut ? [i] : []));
    expect(high.n).toBe(members.length);
    expect(high.atRisk[0]).toEqual({ days: 0, atRisk: high.n });
    expect(high.atRisk.map((t) => t.days).slice(0, 3)).toEqual([0, 365, 731]);
    const km = kaplanMeier(
      members.map((i) => inputs.time[i]!),
      members.map((i) => inputs.event[i]!),
    );
    const point = high.points.find((p) => p.days === 720)!;
    expect(point.incidence).toBeCloseTo(1 - survivalAt(km, 720).survival, 12);
    expect(point.atRisk).toBe(members.filter((i) => inputs.time[i]! >= 720).length);
    expect(high.points.every((p, k) => k === 0 || p.incidence >= high.points[k - 1]!.incidence)).toBe(true);
    expect(high.points.at(-1)!.incidence).toBeGreaterThan(incidence.groups[0]!.points.at(-1)!.incidence);
  });

  it("calibration: ten deciles, pooled bins with ≥ 10 patients, events and non-events, and the flexible curve", () => {
    const [cal] = curves.calibration;
    expect(cal!.bins).toHaveLength(10);
    expect(cal!.bins.reduce((s, b) => s + b.n, 0)).toBe(900);
    expect(cal!.pooledBins.reduce((s, b) => s + b.n, 0)).toBe(900);
    for (const b of cal!.pooledBins) {
      expect(b.n).toBeGreaterThanOrEqual(10);
      expect(b.events).toBeGreaterThanOrEqual(10);
      expect(b.n - b.events).toBeGreaterThanOrEqual(10);
    }
    const direct = flexibleCalibration(inputs.time, inputs.event, inputs.modelRisk!, HORIZON);
    expect(cal!.flexible!.ici).toBeCloseTo(direct.ici, 12);
    expect(cal!.flexible!.curve).toHaveLength(50);
    expect(cal!.flexibleNote).toBeNull();
  });

  it("decision curve: model and FRAX net benefit = netBenefit, treat all, and the FRAX intervention thresholds", () => {
    const dc = curves.decisionCurve!;
    const direct = netBenefit(inputs.time, inputs.event, inputs.modelRisk!, HORIZON, [0.05, 0.2]);
    const model = dc.series.find((s) => s.scoreSource === "model")!;
    expect(model.points.find((p) => p.threshold === 0.05)!.netBenefit).toBeCloseTo(direct[0]!.model, 12);
    expect(dc.treatAll.find((p) => p.threshold === 0.2)!.netBenefit).toBeCloseTo(direct[1]!.treatAll, 12);
    expect(model.points.find((p) => p.threshold === 0.2)!.positives).toBe(
      inputs.modelRisk!.filter((r) => r >= 0.2).length,
    );
    expect(dc.series.map((s) => s.scoreSource)).toEqual(["model", "frax_mof"]);
    expect(dc.interventionThresholds).toEqual(INTERVENTION_THRESHOLDS);
  });
});

describe("under competing risks (deaths recorded)", () => {
  const inputs = cohort(700, 8, true);
  const curves = computeRunCurves(inputs);
  it("incidence is Aalen-Johansen's; the flexible curve is not drawn, and says why", () => {
    const low = curves.incidence!.groups[0]!;
    const lowerCut = quantileType7(Float64Array.from(inputs.modelRisk!).sort(), 1 / 3);
    const members = inputs.modelRisk!.flatMap((r, i) => (r <= lowerCut ? [i] : []));
    expect(low.n).toBe(members.length);
    const aj = cumulativeIncidence(
      members.map((i) => inputs.time[i]!),
      members.map((i) => inputs.status![i]!),
    );
    expect(low.points.find((p) => p.days === 1080)!.incidence).toBeCloseTo(
      cumulativeIncidenceAt(aj, 1080).estimate,
      12,
    );
    expect(curves.calibration[0]!.flexible).toBeNull();
    expect(curves.calibration[0]!.flexibleNote).toMatch(/competing risks/);
  });
});

describe("protectRunCurves", () => {
  it("a small site's curves: the site sees them all; a viewer without patient-level access sees nothing small", () => {
    const curves = computeRunCurves(cohort(60, 9));
    expect(protectRunCurves(curves, true)).toEqual({
      ...curves,
      calibration: curves.calibration.map((c) => ({ ...c, binsPooled: false })),
      withheldParts: 0,
    });
    const guarded = protectRunCurves(curves, false, 10);
    for (const s of guarded.roc) expect(Math.min(s.cases, s.controls)).toBeGreaterThanOrEqual(10);
    for (const s of guarded.aucOverTime)
      for (const p of s.points) expect(Math.min(p.cases, p.controls)).toBeGreaterThanOrEqual(10);
    for (const g of guarded.incidence?.groups ?? []) {
      expect(Math.min(g.n, g.events, g.n - g.events)).toBeGreaterThanOrEqual(10);
      for (const p of g.points) expect(p.atRisk).toBeGreaterThanOrEqual(10);
    }
    for (const c of guarded.calibration)
      for (const b of c.bins) expect(Math.min(b.n, b.events, b.n - b.events)).toBeGreaterThanOrEqual(10);
    for (const s of guarded.decisionCurve?.series ?? [])
      for (const p of s.points) expect(p.positives === 0 || p.positives >= 10).toBe(true);
    expect(guarded.withheldParts).toBeGreaterThan(0);
    expect(guarded.scoreDistribution).toMatchObject({ n: 60 }); // 60 patients: the spread is shown
  });
});
