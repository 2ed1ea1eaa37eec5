// The curves of a validation paper as aggregates: the ROC curve thinned so that no step rests on fewer
// than a minimum number of patients, and the flexible calibration curve of a survival model with its
// integrated calibration index (Austin, Harrell & van Klaveren, Stat Med 2020).
import { quantileType7 } from "./bootstrap.js";
import { coxPH, coxPredictRisk } from "./cox.js";
import { SingleClassError, StatsInputError, InvalidValueError } from "./errors.js";
import { sameLength, survivalData, toFloat64, toIndicator, type BinaryInput, type NumericInput } from "./validate.js";

export interface RocPoint {
  /** Patients with score ≥ threshold are called positive; null for the (0, 0) corner (nobody positive). */
  threshold: number | null;
  fpr: number;
  tpr: number;
}

export interface RocCurve {
  cases: number;
  controls: number;
  /** From (0, 0) to (1, 1), by falling threshold. */
  points: RocPoint[];
}

/**
 * The empirical ROC curve: at each distinct score c, by falling c, TPR = #{cases with score ≥ c}/cases and
 * FPR = #{controls with score ≥ c}/controls, from (0, 0) to (1, 1). Thinned: a point is kept only when at
 * least `minStep` patients (and n/(maxPoints − 2)) became positive since the last kept one, so a stored
 * curve never shows where fewer patients lie; the end points are always kept. With minStep = 1 and enough
 * maxPoints it is the full curve. R: pROC::coords(roc(label, score, direction = "<"), "all") — the same
 * (1 − specificity, sensitivity) pairs, pROC's thresholds being midpoints between distinct scores.
 */
export function rocCurve(
  scoreIn: NumericInput,
  labelIn: BinaryInput,
  options: { maxPoints?: number; minStep?: number } = {},
): RocCurve {
  sameLength({ score: scoreIn.length, label: labelIn.length });
  const score = toFloat64(scoreIn, "score");
  const label = toIndicator(labelIn, "label");
  const n = score.length;
  const cases = label.reduce((s, l) => s + l, 0);
  const controls = n - cases;
  if (cases === 0 || controls === 0) throw new SingleClassError(cases, controls);
  const maxPoints = Math.max(3, options.maxPoints ?? 200);
  const step = Math.max(options.minStep ?? 1, Math.ceil(n / (maxPoints - 2)));
  const order = Array.from(score.keys()).sort((a, b) => score[b]! - score[a]!);
  const points: RocPoint[] = [{ threshold: null, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  let sinceKept = 0;
  for (let k = 0; k < n; ) {
    const c = score[order[k]!]!;
    while (k < n && score[order[k]!] === c) {
      if (label[order[k]!]) tp++;
      else fp++;
      sinceKept++;
      k++;
    }
    const last = k === n;
    // The last kept interior point must leave at least `step` patients before the (1, 1) corner too.
    if (last || (sinceKept >= step && n - k >= step)) {
      points.push({ threshold: c, fpr: fp / controls, tpr: tp / cases });
      sinceKept = 0;
    }
  }
  return { cases, controls, points };
}

/** Knots of a 3-knot restricted cubic spline: the 10th, 50th and 90th percentiles (R: Hmisc::rcspline.eval, nk = 3). */
export function splineKnots3(xIn: NumericInput): [number, number, number] {
  const sorted = Float64Array.from(toFloat64(xIn, "x")).sort();
  if (new Set(sorted).size < 5) throw new StatsInputError("a restricted cubic spline needs at least 5 distinct values");
  return [quantileType7(sorted, 0.1), quantileType7(sorted, 0.5), quantileType7(sorted, 0.9)];
}

/**
 * The nonlinear term of a 3-knot restricted cubic spline, Harrell's parametrisation normalised by
 * (k₃ − k₁)²: [(x − k₁)₊³ − (x − k₂)₊³·(k₃ − k₁)/(k₃ − k₂) + (x − k₃)₊³·(k₂ − k₁)/(k₃ − k₂)] / (k₃ − k₁)².
 * R: rms::rcs(x, 3) second column (Hmisc::rcspline.eval(x, knots, inclx = TRUE, norm = 2)).
 */
export function splineTerm3(x: number, [k1, k2, k3]: readonly [number, number, number]): number {
  const cube = (v: number) => (v > 0 ? v * v * v : 0);
  return (
    (cube(x - k1) - (cube(x - k2) * (k3 - k1)) / (k3 - k2) + (cube(x - k3) * (k2 - k1)) / (k3 - k2)) / (k3 - k1) ** 2
  );
}

export interface FlexibleCalibration {
  horizon: number;
  n: number;
  events: number;
  /** Integrated calibration index: mean |observed − predicted| over the patients. */
  ici: number;
  /** Median and 90th percentile of |observed − predicted|. */
  e50: number;
  e90: number;
  knots: [number, number, number];
  /** The smoothed observed risk over a grid of predicted risks (1st to 99th percentile of the predictions). */
  curve: { predicted: number; observed: number }[];
}

/**
 * Flexible calibration of predicted risks by `horizon` for a survival outcome (Austin, Harrell & van
 * Klaveren 2020): a Cox model of the outcome on a 3-knot restricted cubic spline of x = log(−log(1 − risk));
 * its predicted risk by the horizon is each patient's smoothed observed risk; ICI = mean |obs − pred|,
 * E50 = median, E90 = 90th percentile (type 7). R: coxph(Surv(time, event) ~ rcs(x, 3)) and
 * 1 − summary(survfit(fit, newdata), times = horizon)$surv (the paper's cph/survest, here with survival).
 */
export function flexibleCalibration(
  timeIn: NumericInput,
  eventIn: BinaryInput,
  riskIn: NumericInput,
  horizon: number,
  gridPoints = 50,
): FlexibleCalibration {
  sameLength({ time: timeIn.length, event: eventIn.length, risk: riskIn.length });
  const { time, event } = survivalData(timeIn, eventIn);
  const risk = toFloat64(riskIn, "risk");
  const x = Float64Array.from(risk, (r, i) => {
    if (!(r > 0 && r < 1))
      throw new InvalidValueError("risk", i, r, "flexible calibration needs risks strictly between 0 and 1");
    return Math.log(-Math.log(1 - r));
  });
  const knots = splineKnots3(x);
  const spline = Float64Array.from(x, (v) => splineTerm3(v, knots));
  const fit = coxPH(time, event, { x, spline });
  const observedAt = (v: number) => coxPredictRisk(fit, { x: v, spline: splineTerm3(v, knots) }, horizon);
  const differences = Float64Array.from(x, (v, i) => Math.abs(observedAt(v) - risk[i]!)).sort();
  const sortedRisk = Float64Array.from(risk).sort();
  const lo = quantileType7(sortedRisk, 0.01);
  const hi = quantileType7(sortedRisk, 0.99);
  const curve = Array.from({ length: gridPoints }, (_, k) => {
    const predicted = lo + ((hi - lo) * k) / (gridPoints - 1);
    return { predicted, observed: observedAt(Math.log(-Math.log(1 - predicted))) };
  });
  return {
    horizon,
    n: time.length,
    events: event.reduce((s, e) => s + e, 0),
    ici: differences.reduce((s, d) => s + d, 0) / differences.length,
    e50: quantileType7(differences, 0.5),
    e90: quantileType7(differences, 0.9),
    knots,
    curve,
  };
}
