// Random-effects meta-analysis of per-site estimates (the pooled C-statistic, AUC, O/E or difference of a
// model across sites), as metafor::rma.uni(yi, sei = sei, method, test) and predict(): the estimates are
// pooled on the scale given (logit for C and AUC, log for O/E, identity for differences); the caller
// transforms and back-transforms.
import { chiSquareSf, normalQuantile, twoSidedP } from "./distributions.js";
import { InvalidValueError, LengthMismatchError, ModelFitError, StatsInputError } from "./errors.js";
import { regularizedBeta, studentTwoSidedP } from "./tests-classic.js";

export type MetaMethod = "REML" | "DL";

export interface MetaAnalysisOptions {
  /** Between-site variance estimator: restricted maximum likelihood (default) or DerSimonian-Laird. */
  method?: MetaMethod;
  /** Hartung-Knapp-Sidik-Jonkman: t(k − 1) and the scaled variance of the pooled estimate (default true). */
  hksj?: boolean;
  /** Two-sided confidence level (default 0.95). */
  level?: number;
}

export interface MetaAnalysisResult {
  k: number;
  method: MetaMethod;
  hksj: boolean;
  /** Pooled estimate μ̂ on the analysis scale, its standard error and confidence interval. */
  estimate: number;
  se: number;
  ci: { lower: number; upper: number };
  /** z (or t with HKSJ) statistic for μ = 0, its p-value and degrees of freedom (null for z). */
  statistic: number;
  p: number;
  df: number | null;
  tau2: number;
  /** I² as a fraction (metafor: 100 · τ² / (τ² + s²), s² the typical within-site variance). */
  i2: number;
  h2: number;
  /** Cochran's Q (fixed-effect weights), its degrees of freedom and p-value. */
  q: number;
  qDf: number;
  qP: number;
  /** Each site's weight in the pooled estimate, as a fraction: (1/(vᵢ + τ²)) / Σ. */
  weights: number[];
  /** Where the true effect of a new site is expected (metafor predict(): μ̂ ± crit · √(se² + τ²)). */
  predictionInterval: { lower: number; upper: number };
}

/** Student-t quantile (R: qt(p, df)), by bisection then Newton on the CDF, to ~1e-13. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p = ${p} is outside (0, 1)`);
  if (p === 0.5) return 0;
  const cdf = (t: number) => {
    const tail = regularizedBeta(df / (df + t * t), df / 2, 0.5) / 2;
    return t < 0 ? tail : 1 - tail;
  };
  let lo = -1;
  let hi = 1;
  while (cdf(lo) > p) lo *= 2;
  while (cdf(hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

interface Weighted {
  mu: number;
  sumW: number;
  w: number[];
}

function weighted(yi: readonly number[], vi: readonly number[], tau2: number): Weighted {
  const w = vi.map((v) => 1 / (v + tau2));
  const sumW = w.reduce((s, x) => s + x, 0);
  return { mu: w.reduce((s, x, i) => s + x * yi[i]!, 0) / sumW, sumW, w };
}

/** DerSimonian-Laird: τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)), w = 1/v. */
function tau2DerSimonianLaird(yi: readonly number[], vi: readonly number[], q: number): number {
  const w = vi.map((v) => 1 / v);
  const sumW = w.reduce((s, x) => s + x, 0);
  const sumW2 = w.reduce((s, x) => s + x * x, 0);
  return Math.max(0, (q - (yi.length - 1)) / (sumW - sumW2 / sumW));
}

/** Restricted log-likelihood of τ² (metafor's, constant included), for its check against τ² = 0. */
function restrictedLogLik(yi: readonly number[], vi: readonly number[], tau2: number): number {
  const { mu, sumW, w } = weighted(yi, vi, tau2);
  const rss = w.reduce((s, x, i) => s + x * (yi[i]! - mu) ** 2, 0);
  const k = yi.length;
  return (
    -0.5 * (k - 1) * Math.log(2 * Math.PI) -
    0.5 * vi.reduce((s, v) => s + Math.log(v + tau2), 0) -
    0.5 * Math.log(sumW) -
    0.5 * rss
  );
}

/**
 * REML by Fisher scoring exactly as metafor: start from the Hedges (HE) estimate (truncated at 0), step
 * adj = (y'PPy − tr P) / tr PP (halved while τ² + adj < 0) until |Δτ²| ≤ 1e-5, then keep τ² = 0 if its
 * restricted likelihood is higher (metafor's ll0check). P = W − W11'W/Σw, W = diag(1/(vᵢ + τ²)).
 */
function tau2Reml(yi: readonly number[], vi: readonly number[]): number {
  const k = yi.length;
  const mean = yi.reduce((s, y) => s + y, 0) / k;
  const rss = yi.reduce((s, y) => s + (y - mean) ** 2, 0);
  const trPV = vi.reduce((s, v) => s + v, 0) * (1 - 1 / k);
  let tau2 = Math.max(0, (rss - trPV) / (k - 1));
  for (let iter = 0, change = Infinity; change > 1e-5; iter++) {
    if (iter > 100) throw new ModelFitError("REML: the Fisher scoring algorithm did not converge (try method DL)");
    const { mu, sumW, w } = weighted(yi, vi, tau2);
    // Py = w ∘ (y − μ̂); y'PPy = Σ (wᵢ (yᵢ − μ̂))²; tr P = Σw − Σw²/Σw; tr PP = Σw² − 2Σw³/Σw + (Σw²)²/(Σw)².
    const yPPy = w.reduce((s, x, i) => s + (x * (yi[i]! - mu)) ** 2, 0);
    const sumW2 = w.reduce((s, x) => s + x * x, 0);
    const sumW3 = w.reduce((s, x) => s + x * x * x, 0);
    const trP = sumW - sumW2 / sumW;
    const trPP = sumW2 - (2 * sumW3) / sumW + sumW2 ** 2 / sumW ** 2;
    let adj = (yPPy - trP) / trPP;
    if (!Number.isFinite(adj)) adj = 0;
    while (tau2 + adj < 0) adj /= 2;
    const old = tau2;
    tau2 += adj;
    change = Math.abs(old - tau2);
  }
  const tol = Number.EPSILON ** 0.25;
  if (restrictedLogLik(yi, vi, 0) - restrictedLogLik(yi, vi, tau2) > tol && tau2 > 1e-5) return 0;
  return tau2;
}

/**
 * Random-effects pooling of estimates `yi` with standard errors `sei` (R: metafor::rma.uni(yi, sei = sei,
 * method = "REML" | "DL", test = "knha" | "z"); predict() for the prediction interval). HKSJ scales the
 * variance of μ̂ by Σwᵢ(yᵢ − μ̂)²/(k − 1) and uses t(k − 1), for the CI, the test and the prediction interval.
 */
export function randomEffectsMeta(
  yi: readonly number[],
  sei: readonly number[],
  options: MetaAnalysisOptions = {},
): MetaAnalysisResult {
  const k = yi.length;
  if (k < 2) throw new StatsInputError(`a meta-analysis needs at least 2 estimates (got ${k})`);
  if (sei.length !== k) throw new LengthMismatchError({ yi: k, sei: sei.length });
  yi.forEach((y, i) => {
    if (!Number.isFinite(y)) throw new InvalidValueError("yi", i, y, "not a finite number");
    if (!(Number.isFinite(sei[i]!) && sei[i]! > 0))
      throw new InvalidValueError("sei", i, sei[i], "must be a positive number");
  });
  const method = options.method ?? "REML";
  const hksj = options.hksj ?? true;
  const level = options.level ?? 0.95;
  const vi = sei.map((s) => s * s);

  // Cochran's Q and the typical within-site variance use the fixed-effect weights 1/v.
  const fixed = weighted(yi, vi, 0);
  const q = fixed.w.reduce((s, x, i) => s + x * (yi[i]! - fixed.mu) ** 2, 0);
  const sumW2Fixed = fixed.w.reduce((s, x) => s + x * x, 0);
  const typical = (k - 1) / (fixed.sumW - sumW2Fixed / fixed.sumW);

  const tau2 = method === "DL" ? tau2DerSimonianLaird(yi, vi, q) : tau2Reml(yi, vi);
  const { mu, sumW, w } = weighted(yi, vi, tau2);
  let variance = 1 / sumW;
  let df: number | null = null;
  if (hksj) {
    const rss = w.reduce((s, x, i) => s + x * (yi[i]! - mu) ** 2, 0);
    const s2w = rss <= Number.EPSILON ? 0 : rss / (k - 1);
    variance *= s2w;
    df = k - 1;
  }
  const se = Math.sqrt(variance);
  const crit = df === null ? normalQuantile(1 - (1 - level) / 2) : studentTQuantile(1 - (1 - level) / 2, df);
  const statistic = mu / se;
  const p = df === null ? twoSidedP(statistic) : studentTwoSidedP(statistic, df);
  const spread = Math.sqrt(variance + tau2);
  return {
    k,
    method,
    hksj,
    estimate: mu,
    se,
    ci: { lower: mu - crit * se, upper: mu + crit * se },
    statistic,
    p,
    df,
    tau2,
    i2: tau2 / (typical + tau2),
    h2: (typical + tau2) / typical,
    q,
    qDf: k - 1,
    qP: chiSquareSf(q, k - 1),
    weights: w.map((x) => x / sumW),
    predictionInterval: { lower: mu - crit * spread, upper: mu + crit * spread },
  };
}
