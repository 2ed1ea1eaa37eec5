// Seeded, reproducible nonparametric bootstrap with percentile intervals. Replicate r resamples with a
// generator seeded from (seed, r) alone, so any split of replicates over worker threads gives the
// same numbers as one thread.
import { StatsInputError } from "./errors.js";

/** splitmix32 step: decorrelates (seed, replicate) into a generator state. */
function mix(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** mulberry32: 32-bit state, period 2³², uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The resample (indices drawn with replacement) of replicate r. */
export function resampleIndices(n: number, seed: number, replicate: number, out = new Uint32Array(n)): Uint32Array {
  const random = mulberry32(mix(mix(seed) ^ replicate));
  for (let i = 0; i < n; i++) out[i] = Math.floor(random() * n);
  return out;
}

/** R's default quantile (type 7) of sorted values. */
export function quantileType7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface BootstrapOptions {
  replicates: number;
  seed: number;
  /** Confidence level of the percentile interval (default 0.95). */
  level?: number;
}

export interface BootstrapResult {
  replicates: number;
  /** Replicates where the statistic could not be computed (e.g. no events in the resample); excluded. */
  failed: number;
  se: number;
  ci: { lower: number; upper: number };
  values: Float64Array;
}

/** Statistic values for replicates [from, to): NaN marks a replicate whose statistic threw a StatsInputError. */
export function bootstrapRange(
  n: number,
  statistic: (indices: Uint32Array) => number,
  seed: number,
  from: number,
  to: number,
): Float64Array {
  const values = new Float64Array(to - from);
  const indices = new Uint32Array(n);
  for (let r = from; r < to; r++) {
    resampleIndices(n, seed, r, indices);
    try {
      values[r - from] = statistic(indices);
    } catch (error) {
      if (!(error instanceof StatsInputError)) throw error;
      values[r - from] = Number.NaN;
    }
  }
  return values;
}

/** Percentile interval and bootstrap SE from replicate values (NaN = failed replicate). */
export function summariseBootstrap(all: Float64Array, level = 0.95): BootstrapResult {
  const values = all.filter((v) => !Number.isNaN(v)).sort();
  if (values.length < 2)
    throw new StatsInputError(`bootstrap: only ${values.length} of ${all.length} replicates could be computed`);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const se = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
  const alpha = (1 - level) / 2;
  return {
    replicates: all.length,
    failed: all.length - values.length,
    se,
    ci: { lower: quantileType7(values, alpha), upper: quantileType7(values, 1 - alpha) },
    values,
  };
}

/**
 * Nonparametric bootstrap of `statistic` over subjects 0..n−1: percentile CI (R: quantile type 7 of
 * the replicates, as boot.ci(type = "perc") up to its interpolation) and SE = sd of the replicates.
 */
export function bootstrap(
  n: number,
  statistic: (indices: Uint32Array) => number,
  options: BootstrapOptions,
): BootstrapResult {
  if (!Number.isInteger(options.replicates) || options.replicates < 2)
    throw new StatsInputError(`bootstrap: replicates = ${options.replicates}; need an integer ≥ 2`);
  return summariseBootstrap(bootstrapRange(n, statistic, options.seed, 0, options.replicates), options.level);
}
