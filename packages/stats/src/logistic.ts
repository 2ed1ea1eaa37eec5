// Logistic regression by iteratively reweighted least squares, and logistic calibration of predicted
// probabilities for binary outcomes.
import { ModelFitError, InvalidValueError, SingleClassError } from "./errors.js";
import { twoSidedP, Z_95 } from "./distributions.js";
import { inverseSymmetric, solveSymmetric } from "./linalg.js";
import { sameLength, toFloat64, toIndicator, type BinaryInput, type NumericInput } from "./validate.js";

export interface LogisticFit {
  coef: number[];
  se: number[];
  p: number[];
  deviance: number;
  iterations: number;
}

/**
 * Maximum likelihood logistic regression logit P(y = 1) = offset + Xβ (X includes the intercept column
 * when wanted), Newton-Raphson/IRLS to |Δβ| < 1e-12. R: glm(y ~ ..., family = binomial, offset = ...).
 */
export function logisticRegression(y: Uint8Array, columns: Float64Array[], offset?: Float64Array): LogisticFit {
  const n = y.length;
  const p = columns.length;
  let beta = new Array<number>(p).fill(0);
  let iterations = 0;
  let info: number[][] = [];
  for (; iterations < 100; iterations++) {
    const gradient = new Array<number>(p).fill(0);
    info = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < n; i++) {
      let eta = offset ? offset[i]! : 0;
      for (let a = 0; a < p; a++) eta += beta[a]! * columns[a]![i]!;
      const mu = 1 / (1 + Math.exp(-eta));
      const w = mu * (1 - mu);
      for (let a = 0; a < p; a++) {
        gradient[a]! += (y[i]! - mu) * columns[a]![i]!;
        for (let b = 0; b <= a; b++) info[a]![b]! += w * columns[a]![i]! * columns[b]![i]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) info[b]![a] = info[a]![b]!;
    const step = solveSymmetric(info, gradient);
    beta = beta.map((b, a) => b + step[a]!);
    if (step.every((s) => Math.abs(s) < 1e-12)) break;
  }
  if (iterations >= 100 || beta.some((b) => !Number.isFinite(b)))
    throw new ModelFitError("logistic regression did not converge (separation?)");
  const variance = inverseSymmetric(info);
  const se = variance.map((row, a) => Math.sqrt(row[a]!));
  let deviance = 0;
  for (let i = 0; i < n; i++) {
    let eta = offset ? offset[i]! : 0;
    for (let a = 0; a < p; a++) eta += beta[a]! * columns[a]![i]!;
    const mu = 1 / (1 + Math.exp(-eta));
    deviance -= 2 * (y[i] ? Math.log(mu) : Math.log(1 - mu));
  }
  return { coef: beta, se, p: beta.map((b, a) => twoSidedP(b / se[a]!)), deviance, iterations: iterations + 1 };
}

export interface BinaryCalibration {
  n: number;
  /** Calibration-in-the-large: intercept of logit P(y) = a + logit(p) (0 is ideal). */
  intercept: number;
  interceptCi: { lower: number; upper: number };
  /** Slope of logit P(y) = a + b·logit(p) (1 is ideal). */
  slope: number;
  slopeCi: { lower: number; upper: number };
  /** Logistic recalibration: p* = expit(recalibration.intercept + recalibration.slope·logit(p)). */
  recalibration: { intercept: number; slope: number };
  brier: number;
  observed: number;
  expected: number;
}

/**
 * Calibration of predicted probabilities p for a binary outcome y: intercept from
 * glm(y ~ offset(logit(p)), binomial), slope from glm(y ~ logit(p), binomial), Brier = mean((y − p)²).
 * Rejects probabilities outside (0, 1) and a single class.
 */
export function binaryCalibration(probabilityIn: NumericInput, outcomeIn: BinaryInput): BinaryCalibration {
  const n = sameLength({ probability: probabilityIn.length, outcome: outcomeIn.length });
  const p = toFloat64(probabilityIn, "probability");
  const y = toIndicator(outcomeIn, "outcome");
  const cases = y.reduce((s, v) => s + v, 0);
  if (cases === 0 || cases === n) throw new SingleClassError(cases, n - cases);
  const logit = Float64Array.from(p, (v, i) => {
    if (!(v > 0 && v < 1)) throw new InvalidValueError("probability", i, v, "must lie strictly between 0 and 1");
    return Math.log(v / (1 - v));
  });
  const ones = new Float64Array(n).fill(1);
  const large = logisticRegression(y, [ones], logit);
  const slopeFit = logisticRegression(y, [ones, logit]);
  let brier = 0;
  for (let i = 0; i < n; i++) brier += (y[i]! - p[i]!) ** 2;
  const a = large.coef[0]!;
  const b = slopeFit.coef[1]!;
  return {
    n,
    intercept: a,
    interceptCi: { lower: a - Z_95 * large.se[0]!, upper: a + Z_95 * large.se[0]! },
    slope: b,
    slopeCi: { lower: b - Z_95 * slopeFit.se[1]!, upper: b + Z_95 * slopeFit.se[1]! },
    recalibration: { intercept: slopeFit.coef[0]!, slope: b },
    brier: brier / n,
    observed: cases / n,
    expected: p.reduce((s, v) => s + v, 0) / n,
  };
}
