// The stored curves against R (goldens from reference/curves.R): the full ROC curve equals pROC's coords,
// the thinned one keeps its steps at least `minStep` patients apart; the flexible calibration curve, ICI,
// E50 and E90 equal rms::rcs + survival::coxph + survfit.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { flexibleCalibration, rocCurve, splineKnots3, splineTerm3 } from "../src/curves.js";

interface DataSet {
  name: string;
  time: number[];
  event: number[];
  risk: number[];
  horizon: number;
}
interface Result {
  data: string;
  roc: { cases: number; controls: number; fpr: number[]; tpr: number[] };
  knots: number[];
  spline: number[];
  coef: number[];
  ici: number;
  e50: number;
  e90: number;
  curve: { predicted: number[]; observed: number[] };
}
const golden = JSON.parse(readFileSync(new URL("../reference/curves.json", import.meta.url), "utf8")) as {
  rms: string;
  datasets: DataSet[];
  results: Result[];
};

const close = (actual: number, expected: number, what: string, tol = 1e-6) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(tol);

function completeCase(d: DataSet) {
  const idx = d.time.flatMap((t, i) => (t <= d.horizon && d.event[i] === 0 ? [] : [i]));
  return {
    score: idx.map((i) => d.risk[i]!),
    label: idx.map((i) => (d.time[i]! <= d.horizon && d.event[i] === 1 ? 1 : 0)),
  };
}

describe.each(golden.results)("curves on $data", (want) => {
  const d = golden.datasets.find((s) => s.name === want.data)!;

  it("the full ROC curve is pROC's (1 − specificity, sensitivity) pairs", () => {
    const { score, label } = completeCase(d);
    const roc = rocCurve(score, label, { maxPoints: 1e9, minStep: 1 });
    expect([roc.cases, roc.controls]).toEqual([want.roc.cases, want.roc.controls]);
    const key = (fpr: number, tpr: number) => `${fpr.toFixed(10)},${tpr.toFixed(10)}`;
    const ours = new Set(roc.points.map((p) => key(p.fpr, p.tpr)));
    const theirs = new Set(want.roc.fpr.map((f, k) => key(f, want.roc.tpr[k]!)));
    expect(ours).toEqual(theirs);
  });

  it("a thinned ROC curve keeps at most maxPoints, each step at least minStep patients, and both corners", () => {
    const { score, label } = completeCase(d);
    const roc = rocCurve(score, label, { maxPoints: 20, minStep: 10 });
    expect(roc.points.length).toBeLessThanOrEqual(20);
    expect(roc.points[0]).toEqual({ threshold: null, fpr: 0, tpr: 0 });
    expect(roc.points.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
    for (let k = 1; k < roc.points.length; k++) {
      const a = roc.points[k - 1]!;
      const b = roc.points[k]!;
      const patients = Math.round((b.fpr - a.fpr) * roc.controls + (b.tpr - a.tpr) * roc.cases);
      expect(patients).toBeGreaterThanOrEqual(10);
    }
  });

  it(`flexible calibration equals rms::rcs + coxph + survfit: knots, ICI, E50, E90 and the curve`, () => {
    const x = d.risk.map((r) => Math.log(-Math.log(1 - r)));
    const knots = splineKnots3(x);
    knots.forEach((k, i) => close(k, want.knots[i]!, `knot ${i}`, 1e-10));
    want.spline.forEach((s, i) => close(splineTerm3(x[i]!, knots), s, `spline term ${i}`, 1e-10));
    const cal = flexibleCalibration(d.time, d.event, d.risk, d.horizon);
    close(cal.ici, want.ici, "ICI");
    close(cal.e50, want.e50, "E50");
    close(cal.e90, want.e90, "E90");
    cal.curve.forEach((p, k) => {
      close(p.predicted, want.curve.predicted[k]!, `grid ${k}`, 1e-10);
      close(p.observed, want.curve.observed[k]!, `observed ${k}`);
    });
  });
});
