// Cox proportional hazards by Newton-Raphson on the Efron partial likelihood.
import { AllCensoredError, ModelFitError, StatsInputError } from "./errors.js";
import { chiSquareSf, twoSidedP, Z_95 } from "./distributions.js";
import { inverseSymmetric, solveSymmetric, type Matrix } from "./linalg.js";
import { sameLength, survivalData, toFloat64, type BinaryInput, type NumericInput } from "./validate.js";

export interface CoxResult {
  terms: string[];
  coef: number[];
  se: number[];
  hr: number[];
  hrCi: { lower: number; upper: number }[];
  /** Wald p-value of each coefficient. */
  p: number[];
  /** Log partial likelihood at β = 0 and at the estimate. */
  loglik: [number, number];
  lrChisq: number;
  waldChisq: number;
  scoreChisq: number;
  df: number;
  lrP: number;
  waldP: number;
  scoreP: number;
  n: number;
  events: number;
  iterations: number;
  /** Inverse information at the estimate (covariance of coef). */
  variance: Matrix;
  /** Reference covariate values: means, 0 for 0/1 indicators (R: fit$means); the baseline hazard is at these (basehaz(fit, centered = TRUE)). */
  means: number[];
  /** Cumulative baseline hazard at the covariate means, one step per distinct event time (Efron increments). */
  baseline: { time: number[]; cumulativeHazard: number[] };
}

/** H₀(t) at the covariate means: the last step at or before t (0 before the first event). */
export function baselineHazardAt(fit: CoxResult, t: number): number {
  let h = 0;
  for (let k = 0; k < fit.baseline.time.length && fit.baseline.time[k]! <= t; k++)
    h = fit.baseline.cumulativeHazard[k]!;
  return h;
}

/**
 * Predicted absolute risk by t for covariate values x (named like the terms):
 * 1 − exp(−H₀(t)·exp(βᵀ(x − x̄))). R: 1 − summary(survfit(fit, newdata = x), times = t)$surv.
 */
export function coxPredictRisk(fit: CoxResult, x: Record<string, number>, t: number): number {
  let lp = 0;
  fit.terms.forEach((term, a) => {
    const value = x[term];
    if (value === undefined || !Number.isFinite(value))
      throw new StatsInputError(`coxPredictRisk: covariate "${term}" is missing or not finite`);
    lp += fit.coef[a]! * (value - fit.means[a]!);
  });
  return 1 - Math.exp(-baselineHazardAt(fit, t) * Math.exp(lp));
}

/** Efron-adjusted cumulative baseline hazard: at an event time with d deaths, ΔH = Σ_{l<d} 1/(S0 − (l/d)·D0). */
function efronBaseline(order: Uint32Array, time: Float64Array, event: Uint8Array, x: Float64Array[], beta: number[]) {
  const n = time.length;
  const times: number[] = [];
  const increments: number[] = [];
  let s0 = 0;
  for (let k = 0; k < n; ) {
    const t = time[order[k]!]!;
    let d0 = 0;
    let deaths = 0;
    while (k < n && time[order[k]!] === t) {
      const i = order[k]!;
      let eta = 0;
      for (let a = 0; a < x.length; a++) eta += beta[a]! * x[a]![i]!;
      const r = Math.exp(eta);
      s0 += r;
      if (event[i]) {
        deaths++;
        d0 += r;
      }
      k++;
    }
    if (deaths > 0) {
      let dh = 0;
      for (let l = 0; l < deaths; l++) dh += 1 / (s0 - (l / deaths) * d0);
      times.push(t);
      increments.push(dh);
    }
  }
  // accumulated from the earliest time (order runs latest first)
  times.reverse();
  increments.reverse();
  let h = 0;
  return { time: times, cumulativeHazard: increments.map((dh) => (h += dh)) };
}

interface Evaluation {
  loglik: number;
  gradient: number[];
  information: Matrix;
}

/**
 * Log partial likelihood with Efron's handling of tied event times: for d events at t with risk-set
 * sums S0, S1, S2 and event-set sums D0, D1, D2, for l = 0..d−1 use S − (l/d)·D. Returns value,
 * gradient and observed information.
 */
function efron(
  order: Uint32Array,
  time: Float64Array,
  event: Uint8Array,
  x: Float64Array[],
  beta: number[],
): Evaluation {
  const p = x.length;
  const n = time.length;
  const gradient = new Array<number>(p).fill(0);
  const information: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let loglik = 0;
  let s0 = 0;
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p);
  // order: by time descending, so risk sets grow as we go.
  for (let k = 0; k < n; ) {
    const t = time[order[k]!]!;
    let d0 = 0;
    const d1 = new Float64Array(p);
    const d2 = new Float64Array(p * p);
    let deaths = 0;
    while (k < n && time[order[k]!] === t) {
      const i = order[k]!;
      let eta = 0;
      for (let a = 0; a < p; a++) eta += beta[a]! * x[a]![i]!;
      const r = Math.exp(eta);
      s0 += r;
      for (let a = 0; a < p; a++) {
        s1[a]! += r * x[a]![i]!;
        for (let b = 0; b <= a; b++) s2[a * p + b]! += r * x[a]![i]! * x[b]![i]!;
      }
      if (event[i]) {
        deaths++;
        loglik += eta;
        d0 += r;
        for (let a = 0; a < p; a++) {
          gradient[a]! += x[a]![i]!;
          d1[a]! += r * x[a]![i]!;
          for (let b = 0; b <= a; b++) d2[a * p + b]! += r * x[a]![i]! * x[b]![i]!;
        }
      }
      k++;
    }
    for (let l = 0; l < deaths; l++) {
      const f = l / deaths;
      const denom = s0 - f * d0;
      loglik -= Math.log(denom);
      for (let a = 0; a < p; a++) {
        const ma = (s1[a]! - f * d1[a]!) / denom;
        gradient[a]! -= ma;
        for (let b = 0; b <= a; b++) {
          const mb = (s1[b]! - f * d1[b]!) / denom;
          const v = (s2[a * p + b]! - f * d2[a * p + b]!) / denom - ma * mb;
          information[a]![b]! += v;
          if (a !== b) information[b]![a]! += v;
        }
      }
    }
  }
  return { loglik, gradient, information };
}

/**
 * Cox model h(t|x) = h₀(t)·exp(βᵀx), fitted by Newton-Raphson with step halving from β = 0 on the Efron
 * partial likelihood. Wald χ² = βᵀIβ, score χ² = U(0)ᵀI(0)⁻¹U(0), likelihood-ratio χ² = 2(ℓ(β̂) − ℓ(0)).
 * `covariates`: one numeric column per term. Rejects data without events, constant covariates
 * (singular information) and non-convergence. R: survival::coxph(Surv(time, event) ~ ..., ties = "efron").
 */
export function coxPH(timeIn: NumericInput, eventIn: BinaryInput, covariates: Record<string, NumericInput>): CoxResult {
  const terms = Object.keys(covariates);
  if (!terms.length) throw new StatsInputError("a Cox model needs at least one covariate");
  sameLength({
    time: timeIn.length,
    event: eventIn.length,
    ...Object.fromEntries(terms.map((t) => [t, covariates[t]!.length])),
  });
  const { time, event } = survivalData(timeIn, eventIn);
  const n = time.length;
  const events = event.reduce((s, e) => s + e, 0);
  if (events === 0) throw new AllCensoredError(n);
  // Centre covariates (as coxph does) for numerical stability; β is unchanged by centring.
  const means: number[] = [];
  const x = terms.map((t) => {
    const column = Float64Array.from(toFloat64(covariates[t]!, t));
    // As coxph: centre on the mean, except 0/1 indicators, whose reference is 0.
    const indicator = column.every((v) => v === 0 || v === 1);
    const mean = indicator ? 0 : column.reduce((s, v) => s + v, 0) / n;
    means.push(mean);
    for (let i = 0; i < n; i++) column[i]! -= mean;
    return column;
  });
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => time[b]! - time[a]! || a - b);

  const p = terms.length;
  let beta = new Array<number>(p).fill(0);
  const initial = efron(order, time, event, x, beta);
  const scoreStep = solveSymmetric(initial.information, initial.gradient);
  const scoreChisq = initial.gradient.reduce((s, g, a) => s + g * scoreStep[a]!, 0);
  let current = initial;
  let iterations = 0;
  for (; iterations < 50; iterations++) {
    const step = solveSymmetric(current.information, current.gradient);
    let candidate = beta.map((b, a) => b + step[a]!);
    let next = efron(order, time, event, x, candidate);
    for (
      let halving = 0;
      halving < 30 && !(next.loglik >= current.loglik - 1e-12 * Math.abs(current.loglik));
      halving++
    ) {
      candidate = candidate.map((c, a) => (c + beta[a]!) / 2);
      next = efron(order, time, event, x, candidate);
    }
    const change = Math.abs(next.loglik - current.loglik);
    beta = candidate;
    current = next;
    if (change <= 1e-13 * Math.abs(next.loglik) && step.every((s) => Math.abs(s) < 1e-9)) break;
  }
  if (iterations >= 50) throw new ModelFitError("Cox model did not converge in 50 Newton-Raphson iterations");
  if (beta.some((b) => !Number.isFinite(b))) throw new ModelFitError("Cox model diverged (monotone likelihood?)");
  const variance = inverseSymmetric(current.information);
  const se = variance.map((row, a) => Math.sqrt(row[a]!));
  const waldChisq = beta.reduce(
    (s, b, a) => s + b * current.information[a]!.reduce((t, v, c) => t + v * beta[c]!, 0),
    0,
  );
  const lrChisq = 2 * (current.loglik - initial.loglik);
  return {
    terms,
    coef: beta,
    se,
    hr: beta.map(Math.exp),
    hrCi: beta.map((b, a) => ({ lower: Math.exp(b - Z_95 * se[a]!), upper: Math.exp(b + Z_95 * se[a]!) })),
    p: beta.map((b, a) => twoSidedP(b / se[a]!)),
    loglik: [initial.loglik, current.loglik],
    lrChisq,
    waldChisq,
    scoreChisq,
    df: p,
    lrP: chiSquareSf(lrChisq, p),
    waldP: chiSquareSf(waldChisq, p),
    scoreP: chiSquareSf(scoreChisq, p),
    n,
    events,
    iterations: iterations + 1,
    variance,
    means,
    baseline: efronBaseline(order, time, event, x, beta),
  };
}
