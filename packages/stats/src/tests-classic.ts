// Two-sample tests for the baseline-characteristics table: Student and Welch t-tests, Pearson χ².
import { StatsInputError } from "./errors.js";
import { chiSquareSf, logGamma } from "./distributions.js";

/** Regularized incomplete beta I_x(a, b) by its continued fraction (modified Lentz). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - regularizedBeta(1 - x, b, a);
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)) / a;
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m < 10_000; m++) {
    const m2 = 2 * m;
    let numerator = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    numerator = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return front * f;
}

/** Two-sided p of Student's t with df degrees of freedom (R: 2 * pt(-|t|, df)). */
export function studentTwoSidedP(t: number, df: number): number {
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

export interface TTestResult {
  meanA: number;
  meanB: number;
  t: number;
  df: number;
  p: number;
}

function meanVar(x: readonly number[]): { mean: number; variance: number } {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  return { mean, variance: x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1) };
}

/** Two-sample t-test; `welch` (default true, like R) for unequal variances. R: t.test(a, b, var.equal = !welch). */
export function tTest(a: readonly number[], b: readonly number[], welch = true): TTestResult {
  if (a.length < 2 || b.length < 2)
    throw new StatsInputError(`a t-test needs at least 2 values per group; got ${a.length} and ${b.length}`);
  const x = meanVar(a);
  const y = meanVar(b);
  let t: number;
  let df: number;
  if (welch) {
    const sa = x.variance / a.length;
    const sb = y.variance / b.length;
    t = (x.mean - y.mean) / Math.sqrt(sa + sb);
    df = (sa + sb) ** 2 / (sa ** 2 / (a.length - 1) + sb ** 2 / (b.length - 1));
  } else {
    df = a.length + b.length - 2;
    const pooled = ((a.length - 1) * x.variance + (b.length - 1) * y.variance) / df;
    t = (x.mean - y.mean) / Math.sqrt(pooled * (1 / a.length + 1 / b.length));
  }
  if (!Number.isFinite(t)) throw new StatsInputError("t-test: both groups are constant");
  return { meanA: x.mean, meanB: y.mean, t, df, p: studentTwoSidedP(t, df) };
}

/**
 * Pearson χ² test of independence of an r×c table of counts, with Yates' continuity correction for
 * 2×2 tables (R's default). R: chisq.test(table) (correct = TRUE).
 */
export function chiSquareTest(
  table: readonly (readonly number[])[],
  yates = true,
): { chisq: number; df: number; p: number } {
  const rows = table.map((r) => r.reduce((s, v) => s + v, 0));
  const columns = table[0]!.map((_, j) => table.reduce((s, r) => s + r[j]!, 0));
  const total = rows.reduce((s, v) => s + v, 0);
  if (rows.some((r) => r === 0) || columns.some((c) => c === 0))
    throw new StatsInputError("χ² test: a row or column of the table is empty");
  const expected = table.map((r, i) => r.map((_, j) => (rows[i]! * columns[j]!) / total));
  const deviations = table.flatMap((r, i) => r.map((v, j) => Math.abs(v - expected[i]![j]!)));
  const yatesTerm = yates && table.length === 2 && columns.length === 2 ? Math.min(0.5, ...deviations) : 0;
  let chisq = 0;
  table.forEach((r, i) =>
    r.forEach((v, j) => (chisq += (Math.abs(v - expected[i]![j]!) - yatesTerm) ** 2 / expected[i]![j]!)),
  );
  const df = (table.length - 1) * (columns.length - 1);
  return { chisq, df, p: chiSquareSf(chisq, df) };
}
