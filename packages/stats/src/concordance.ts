// Harrell's and Uno's concordance with infinitesimal-jackknife standard errors, in O(n log n).
import { AllCensoredError, NoComparablePairsError } from "./errors.js";
import { denseRanks, Fenwick } from "./fenwick.js";
import { censoringSurvivalBefore, groupByTime } from "./censoring.js";
import { twoSidedP, waldInterval } from "./distributions.js";
import { sameLength, survivalData, toFloat64, type BinaryInput, type NumericInput } from "./validate.js";

export interface ConcordanceOptions {
  /** "n": every comparable pair weighs 1 (Harrell). "n/G2": pairs whose event is at t weigh 1/G(t−)² (Uno). */
  timeWeight?: "n" | "n/G2";
  /** Only events at times ≤ tau count (R: ymax). */
  tau?: number;
}

export interface ConcordanceResult {
  estimate: number;
  se: number;
  ci: { lower: number; upper: number };
  /** Weighted pair counts (equal to plain counts for Harrell's C). */
  concordant: number;
  discordant: number;
  /** Comparable pairs tied on the score (count ½). */
  tiedRisk: number;
  /** Pairs of events at the same time with different scores (not comparable). */
  tiedTime: number;
  /** Pairs of events at the same time with the same score. */
  tiedBoth: number;
  /** Per-subject influence on the estimate (IJ); var = Σ influence². */
  influence: Float64Array;
}

/**
 * Concordance of a risk score with survival: among comparable pairs (i has an event at tᵢ, j is still
 * under observation after tᵢ, or censored at tᵢ), the share where the higher score belongs to the earlier
 * event; ties on the score count ½. C = (concordant + tiedRisk/2)/(concordant + discordant + tiedRisk).
 * `score`: higher = higher risk. Variance: infinitesimal jackknife, var = ¼ Σₖ dfbetaₖ² of Somers' d.
 * Rejects non-finite or negative times, events other than 0/1, no events, no comparable pairs.
 * R: survival::concordance(Surv(time, event) ~ score, reverse = TRUE[, timewt = "n/G2", ymax = tau]).
 */
export function concordance(
  timeIn: NumericInput,
  eventIn: BinaryInput,
  scoreIn: NumericInput,
  options: ConcordanceOptions = {},
): ConcordanceResult {
  const n = sameLength({ time: timeIn.length, event: eventIn.length, score: scoreIn.length });
  const { time, event } = survivalData(timeIn, eventIn);
  const score = toFloat64(scoreIn, "score");
  if (!event.some((e) => e === 1)) throw new AllCensoredError(n);

  // Distinct times ascending, with the subjects at each time: deaths and censored separately.
  const byTime = groupByTime(time, event);
  const { order, starts, deaths: deathsAt, distinct: groupTime } = byTime;
  const groups = groupTime.length;

  // Weight of the pairs whose event is at each distinct time.
  const weight = new Float64Array(groups).fill(1);
  if (options.timeWeight === "n/G2") {
    const g = censoringSurvivalBefore(byTime);
    for (let k = 0; k < groups; k++) weight[k] = g[k]! > 0 ? 1 / (g[k]! * g[k]!) : 0;
  }
  if (options.tau !== undefined) for (let k = 0; k < groups; k++) if (groupTime[k]! > options.tau) weight[k] = 0;

  // Work in time order: position k holds subject order[k]. Sequential access to the per-subject
  // accumulators (instead of random access through `order`) is what makes 1e6 rows fast.
  const scoreRanking = denseRanks(score);
  const distinctScores = scoreRanking.count;
  const rank = new Int32Array(n);
  const dead = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    rank[k] = scoreRanking.ranks[order[k]!]!;
    dead[k] = event[order[k]!]!;
  }
  const infConcordant = new Float64Array(n);
  const infDiscordant = new Float64Array(n);
  const infTied = new Float64Array(n);
  let concordant = 0;
  let discordant = 0;
  let tiedRisk = 0;
  let tiedTime = 0;
  let tiedBoth = 0;

  // Pass 1, latest time first: each event against everyone later (and those censored at its time).
  const later = new Fenwick(distinctScores);
  const sameScore = new Map<number, number>();
  for (let g = groups - 1; g >= 0; g--) {
    const w = weight[g]!;
    const from = starts[g]!;
    const to = starts[g + 1]!;
    for (let k = from; k < to; k++) if (!dead[k]) later.add(rank[k]!, 1);
    for (let k = from; k < to; k++) {
      if (!dead[k]) continue;
      const r = rank[k]!;
      const below = later.below(r);
      const equal = later.below(r + 1) - below;
      const above = later.total - below - equal;
      infConcordant[k] = w * below;
      infDiscordant[k] = w * above;
      infTied[k] = w * equal;
      concordant += w * below;
      discordant += w * above;
      tiedRisk += w * equal;
    }
    if (deathsAt[g]! > 1) {
      sameScore.clear();
      for (let k = from; k < to; k++) if (dead[k]) sameScore.set(rank[k]!, (sameScore.get(rank[k]!) ?? 0) + 1);
      const d = deathsAt[g]!;
      let both = 0;
      for (const c of sameScore.values()) both += (c * (c - 1)) / 2;
      tiedBoth += w * both;
      tiedTime += w * ((d * (d - 1)) / 2 - both);
    }
    for (let k = from; k < to; k++) if (dead[k]) later.add(rank[k]!, 1);
  }

  // Pass 2, earliest time first: each subject's share as the later member of pairs with earlier events
  // (a death at t is compared with events before t; a censoring at t also with the events at t).
  const earlierEvents = new Fenwick(distinctScores);
  for (let g = 0; g < groups; g++) {
    const from = starts[g]!;
    const to = starts[g + 1]!;
    for (let phase = 0; phase < 3; phase++) {
      if (phase === 1) {
        for (let k = from; k < to; k++) if (dead[k]) earlierEvents.add(rank[k]!, weight[g]!);
        continue;
      }
      const wantDead = phase === 0 ? 1 : 0;
      for (let k = from; k < to; k++) {
        if (dead[k] !== wantDead) continue;
        const r = rank[k]!;
        const below = earlierEvents.below(r);
        const equal = earlierEvents.below(r + 1) - below;
        infConcordant[k]! += earlierEvents.total - below - equal; // the earlier event had the higher score
        infDiscordant[k]! += below;
        infTied[k]! += equal;
      }
    }
  }

  const pairs = concordant + discordant + tiedRisk;
  if (!(pairs > 0))
    throw new NoComparablePairsError(options.tau !== undefined ? `with events up to tau = ${options.tau}` : "");
  const somers = (concordant - discordant) / pairs;
  const influence = new Float64Array(n); // back in the caller's subject order
  let variance = 0;
  for (let k = 0; k < n; k++) {
    const dfbeta =
      (infConcordant[k]! - infDiscordant[k]!) / pairs -
      (somers / pairs) * (infConcordant[k]! + infDiscordant[k]! + infTied[k]!);
    influence[order[k]!] = dfbeta / 2;
    variance += (dfbeta * dfbeta) / 4;
  }
  const estimate = (somers + 1) / 2;
  const se = Math.sqrt(variance);
  return {
    estimate,
    se,
    ci: waldInterval(estimate, se),
    concordant,
    discordant,
    tiedRisk,
    tiedTime,
    tiedBoth,
    influence,
  };
}

/** Harrell's C. R: survival::concordance(Surv(time, event) ~ score, reverse = TRUE). */
export function harrellC(time: NumericInput, event: BinaryInput, score: NumericInput): ConcordanceResult {
  return concordance(time, event, score, { timeWeight: "n" });
}

/** Uno's C truncated at tau. R: survival::concordance(..., reverse = TRUE, timewt = "n/G2", ymax = tau). */
export function unoC(
  time: NumericInput,
  event: BinaryInput,
  score: NumericInput,
  tau: number,
): ConcordanceResult & { tau: number } {
  return { ...concordance(time, event, score, { timeWeight: "n/G2", tau }), tau };
}

export interface ConcordanceDifference {
  estimate: number;
  se: number;
  z: number;
  p: number;
  ci: { lower: number; upper: number };
}

/**
 * Difference C(a) − C(b) of two scores on the same subjects, with the IJ covariance:
 * var = Σₖ (infₐ,ₖ − inf_b,ₖ)². Two-sided p = 2Φ(−|z|).
 * R: the contrast of survival::concordance's IJ influence (dfbeta) of the two fits.
 */
export function compareConcordance(a: ConcordanceResult, b: ConcordanceResult): ConcordanceDifference {
  sameLength({ a: a.influence.length, b: b.influence.length });
  let variance = 0;
  for (let k = 0; k < a.influence.length; k++) {
    const d = a.influence[k]! - b.influence[k]!;
    variance += d * d;
  }
  const estimate = a.estimate - b.estimate;
  const se = Math.sqrt(variance);
  const z = se > 0 ? estimate / se : 0;
  return { estimate, se, z, p: se > 0 ? twoSidedP(z) : 1, ci: waldInterval(estimate, se) };
}
