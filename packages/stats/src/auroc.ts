// AUROC with DeLong variance and the paired DeLong test, by midranks in O(n log n).
import { SingleClassError } from "./errors.js";
import { twoSidedP, Z_95 } from "./distributions.js";
import { sameLength, survivalData, toFloat64, toIndicator, type BinaryInput, type NumericInput } from "./validate.js";
import { lowerBound, upperBound } from "./fenwick.js";

export interface AurocResult {
  estimate: number;
  /** DeLong standard error; null with a single case or a single control (R: NA). */
  se: number | null;
  /** 95% DeLong interval, clipped to [0, 1] as pROC does; null where se is. */
  ci: { lower: number; upper: number } | null;
  cases: number;
  controls: number;
  /** DeLong structural components per subject, in input order: V10 per case, V01 per control (computed on demand, for paired tests). */
  placements(): { cases: Float64Array; controls: Float64Array };
}

function sampleVariance(x: Float64Array): number {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) * (v - mean);
  return ss / (x.length - 1);
}

function sampleCovariance(x: Float64Array, y: Float64Array): number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= x.length;
  my /= y.length;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! - mx) * (y[i]! - my);
  return s / (x.length - 1);
}

/**
 * Area under the ROC curve: P(score of a case > score of a control) + ½ P(tie) (Mann-Whitney).
 * `score`: higher = more likely a case. `label`: 1 = case, 0 = control.
 * DeLong: V10ᵢ = share of controls below case i (+½ ties), V01ⱼ = share of cases above control j;
 * var = s²(V10)/m + s²(V01)/n. Rejects a single class, non-finite scores, labels other than 0/1.
 * R: pROC::roc(label, score, direction = "<"), pROC::ci.auc(method = "delong"), pROC::var.
 */
export function auroc(scoreIn: NumericInput, labelIn: BinaryInput): AurocResult {
  sameLength({ score: scoreIn.length, label: labelIn.length });
  const score = toFloat64(scoreIn, "score");
  const label = toIndicator(labelIn, "label");
  let m = 0;
  for (const l of label) m += l;
  const n = label.length - m;
  if (m === 0 || n === 0) throw new SingleClassError(m, n);
  const caseScores = new Float64Array(m);
  const controlScores = new Float64Array(n);
  for (let i = 0, a = 0, b = 0; i < label.length; i++) {
    if (label[i]) caseScores[a++] = score[i]!;
    else controlScores[b++] = score[i]!;
  }
  // Structural components on the sorted scores of each class by one merge walk; their mean and
  // variance do not depend on order. Per-subject placements are only built for paired tests.
  const sortedCases = Float64Array.from(caseScores).sort();
  const sortedControls = Float64Array.from(controlScores).sort();
  const v10 = new Float64Array(m);
  for (let a = 0, below = 0, upTo = 0; a < m; a++) {
    const x = sortedCases[a]!;
    while (below < n && sortedControls[below]! < x) below++;
    if (upTo < below) upTo = below;
    while (upTo < n && sortedControls[upTo]! <= x) upTo++;
    v10[a] = (below + 0.5 * (upTo - below)) / n;
  }
  const v01 = new Float64Array(n);
  for (let b = 0, below = 0, upTo = 0; b < n; b++) {
    const y = sortedControls[b]!;
    while (below < m && sortedCases[below]! < y) below++;
    if (upTo < below) upTo = below;
    while (upTo < m && sortedCases[upTo]! <= y) upTo++;
    v01[b] = (m - upTo + 0.5 * (upTo - below)) / m;
  }
  let estimate = 0;
  for (const v of v10) estimate += v;
  estimate /= m;
  // The sample variance of one placement is undefined: no standard error, as in pROC.
  const se = m > 1 && n > 1 ? Math.sqrt(sampleVariance(v10) / m + sampleVariance(v01) / n) : null;
  const placements = () => ({
    cases: caseScores.map((x) => {
      const below = lowerBound(sortedControls, x);
      return (below + 0.5 * (upperBound(sortedControls, x) - below)) / n;
    }),
    controls: controlScores.map((y) => {
      const atOrBelow = upperBound(sortedCases, y);
      return (m - atOrBelow + 0.5 * (atOrBelow - lowerBound(sortedCases, y))) / m;
    }),
  });
  return {
    estimate,
    se,
    ci: se === null ? null : { lower: Math.max(0, estimate - Z_95 * se), upper: Math.min(1, estimate + Z_95 * se) },
    cases: m,
    controls: n,
    placements,
  };
}

export interface DelongTestResult {
  difference: number;
  se: number;
  z: number;
  p: number;
}

/**
 * Paired DeLong test of AUC(a) − AUC(b) on the same subjects:
 * var = var_a + var_b − 2[cov(V10ᵃ, V10ᵇ)/m + cov(V01ᵃ, V01ᵇ)/n]; p = 2Φ(−|z|).
 * R: pROC::roc.test(roc_a, roc_b, method = "delong", paired = TRUE).
 */
export function delongTest(a: AurocResult, b: AurocResult): DelongTestResult {
  sameLength({ casesA: a.cases, casesB: b.cases });
  sameLength({ controlsA: a.controls, controlsB: b.controls });
  const m = a.cases;
  const n = a.controls;
  if (a.se === null || b.se === null)
    throw new SingleClassError(m, n, "twice or more each (the DeLong test needs at least 2 cases and 2 controls)");
  const pa = a.placements();
  const pb = b.placements();
  const covariance = sampleCovariance(pa.cases, pb.cases) / m + sampleCovariance(pa.controls, pb.controls) / n;
  const variance = a.se * a.se + b.se * b.se - 2 * covariance;
  const difference = a.estimate - b.estimate;
  const se = Math.sqrt(Math.max(0, variance));
  const z = se > 0 ? difference / se : 0;
  return { difference, se, z, p: se > 0 ? twoSidedP(z) : 1 };
}

/** Labels for AUROC at horizon h from survival data: 1 = event at or before h, 0 = time beyond h, excluded = censored at or before h. */
export function horizonLabels(
  timeIn: NumericInput,
  eventIn: BinaryInput,
  horizon: number,
): { label: Uint8Array; included: Uint8Array } {
  const { time, event } = survivalData(timeIn, eventIn);
  const label = new Uint8Array(time.length);
  const included = new Uint8Array(time.length);
  for (let i = 0; i < time.length; i++) {
    if (event[i] && time[i]! <= horizon) {
      label[i] = 1;
      included[i] = 1;
    } else if (time[i]! > horizon) included[i] = 1;
  }
  return { label, included };
}

/**
 * AUROC at horizon h for survival data: cases = event with time ≤ h, controls = time > h, subjects
 * censored at or before h excluded. Same estimator and DeLong variance as `auroc`.
 * R: pROC::roc on the subset, with those labels.
 */
export function aurocAtHorizon(
  time: NumericInput,
  event: BinaryInput,
  scoreIn: NumericInput,
  horizon: number,
): AurocResult & { horizon: number; n: number } {
  sameLength({ time: time.length, event: event.length, score: scoreIn.length });
  const score = toFloat64(scoreIn, "score");
  const { label, included } = horizonLabels(time, event, horizon);
  let kept = 0;
  for (let i = 0; i < included.length; i++) kept += included[i]!;
  const subsetScore = new Float64Array(kept);
  const subsetLabel = new Uint8Array(kept);
  let cases = 0;
  for (let i = 0, k = 0; i < included.length; i++) {
    if (!included[i]) continue;
    subsetScore[k] = score[i]!;
    subsetLabel[k++] = label[i]!;
    cases += label[i]!;
  }
  if (cases === 0 || cases === kept) throw new SingleClassError(cases, kept - cases, `at horizon ${horizon}`);
  return { ...auroc(subsetScore, subsetLabel), horizon, n: kept };
}
