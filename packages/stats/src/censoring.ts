// Survival data grouped by distinct time, and the Kaplan-Meier of the censoring distribution used for
// every inverse-probability-of-censoring weight in this package (Uno's C, AUC(t), Brier).
import { bucketByRank, denseRanks } from "./fenwick.js";

export interface TimeGroups {
  /** Distinct times, ascending. */
  distinct: Float64Array;
  /** Dense rank of each subject's time. */
  ranks: Int32Array;
  /** Subjects ordered by time; order[starts[g] .. starts[g+1]) are those at distinct[g]. */
  order: Uint32Array;
  starts: Uint32Array;
  /** At distinct[g]: subjects at risk (time ≥ distinct[g]), events and censorings. */
  atRisk: Float64Array;
  deaths: Float64Array;
  censored: Float64Array;
}

export function groupByTime(time: Float64Array, event: Uint8Array): TimeGroups {
  const ranking = denseRanks(time);
  const { order, starts } = bucketByRank(ranking);
  const groups = ranking.count;
  const atRisk = new Float64Array(groups);
  const deaths = new Float64Array(groups);
  const censored = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    atRisk[g] = time.length - starts[g]!;
    for (let k = starts[g]!; k < starts[g + 1]!; k++) (event[order[k]!] ? deaths : censored)[g]! += 1;
  }
  return { distinct: ranking.distinct, ranks: ranking.ranks, order, starts, atRisk, deaths, censored };
}

/**
 * Kaplan-Meier of the censoring distribution, left-continuous: element g is G(distinct[g]−) =
 * Π_{s < distinct[g]} (1 − c(s)/(n(s) − d(s))), events at s leaving the risk set before the censorings
 * at s (R survival 3.5's fastkm1 behind timewt = "n/G2"; riskRegression's cens.model = "km"). The extra
 * last element is G after the last time, so G(t) = result[number of distinct times ≤ t].
 */
export function censoringSurvivalBefore(groups: Pick<TimeGroups, "atRisk" | "deaths" | "censored">): Float64Array {
  const n = groups.atRisk.length;
  const g = new Float64Array(n + 1);
  let survival = 1;
  for (let k = 0; k < n; k++) {
    g[k] = survival;
    const remaining = groups.atRisk[k]! - groups.deaths[k]!;
    if (remaining > 0) survival *= 1 - groups.censored[k]! / remaining;
  }
  g[n] = survival;
  return g;
}

/**
 * The Nelson-Aalen pieces of the censoring distribution's influence function, per distinct time:
 * Y(u) = #{T ≥ u}, h(u) = n·c(u)/Y(u)², H = cumulative h (through u).
 */
export function censoringHazardSums(groups: TimeGroups): Float64Array {
  const n = groups.order.length;
  const through = new Float64Array(groups.atRisk.length);
  let cumulative = 0;
  for (let k = 0; k < through.length; k++) {
    cumulative += (n * groups.censored[k]!) / (groups.atRisk[k]! * groups.atRisk[k]!);
    through[k] = cumulative;
  }
  return through;
}

/** Standard error of an estimator from its influence function: sd(IF)/√n (sample sd, n − 1). */
export function seFromInfluence(influence: Float64Array): number {
  const n = influence.length;
  let mean = 0;
  for (const v of influence) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of influence) ss += (v - mean) ** 2;
  return Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
}
