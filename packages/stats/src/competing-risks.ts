// Competing risks: a fracture (cause 1) or death first (cause 2) — Aalen-Johansen cumulative incidence
// with Gray's variance, Gray's test between groups, and the cause-specific (IPCW) AUC(t), Brier score and
// calibration at a horizon. Status codes: 0 censored, 1 event of interest, 2 competing event.
import { chiSquareSf, Z_95 } from "./distributions.js";
import { AllCensoredError, InvalidValueError, SingleClassError, StatsInputError } from "./errors.js";
import {
  censoringHazardSums,
  censoringSurvivalBefore,
  groupByTime,
  seFromInfluence,
  type TimeGroups,
} from "./censoring.js";
import { lowerBound, upperBound } from "./fenwick.js";
import { solveSymmetric } from "./linalg.js";
import type { TimeDependentAucResult } from "./time-dependent-auc.js";
import { sameLength, toFloat64, type NumericInput } from "./validate.js";

export type StatusInput = Uint8Array | Int32Array | readonly number[];

export interface CompetingRisksData {
  time: Float64Array;
  /** 0 censored, 1 event of interest, 2 competing event. */
  status: Uint8Array;
}

/** Times ≥ 0 and status codes 0, 1 or 2 (any other code is refused with its position). */
export function competingRisksData(timeIn: NumericInput, statusIn: StatusInput): CompetingRisksData {
  sameLength({ time: timeIn.length, status: statusIn.length });
  const time = toFloat64(timeIn, "time", { nonNegative: true });
  const status = new Uint8Array(statusIn.length);
  for (let i = 0; i < statusIn.length; i++) {
    const s = statusIn[i];
    if (s !== 0 && s !== 1 && s !== 2)
      throw new InvalidValueError("status", i, s, "must be 0 (censored), 1 (event of interest) or 2 (competing event)");
    status[i] = s;
  }
  return { time, status };
}

export interface CumulativeIncidenceCurve {
  /** Times of the events of interest, ascending. */
  times: Float64Array;
  /** F(t) just after each of those times. */
  estimate: Float64Array;
  /** Gray's variance of F(t) at each of those times. */
  variance: Float64Array;
  /** Largest follow-up time: F is defined up to here. */
  maxTime: number;
  n: number;
  events: number;
  competingEvents: number;
}

/**
 * Aalen-Johansen cumulative incidence of cause 1: F(t) = Σ_{s ≤ t} Ŝ(s−)·d₁(s)/Y(s), Ŝ the all-cause
 * Kaplan-Meier; variance by Gray's (1988) delta-method formula, with the tie correction of cmprsk.
 * Rejects an empty sample. R: cmprsk::cuminc(time, status, cencode = 0)$`1 1` (est, var) — a port of its
 * Fortran `cinc`, checked to 1e-10 on mgus2 and Melanoma.
 */
export function cumulativeIncidence(
  timeIn: NumericInput,
  statusIn: StatusInput,
  cause: 1 | 2 = 1,
): CumulativeIncidenceCurve {
  const { time, status } = competingRisksData(timeIn, statusIn);
  const n = time.length;
  if (n === 0) throw new StatsInputError("cumulative incidence needs at least one observation");
  const order = Array.from(time.keys()).sort((a, b) => time[a]! - time[b]!);
  const times: number[] = [];
  const estimate: number[] = [];
  const variance: number[] = [];
  let survival = 1; // fk: all-cause KM just before the current time
  let f = 0;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  let atRisk = n;
  let events = 0;
  let competing = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && time[order[end + 1]!] === time[order[start]!]) end++;
    let d1 = 0;
    let d2 = 0;
    for (let k = start; k <= end; k++) {
      const s = status[order[k]!]!;
      if (s === cause) d1++;
      else if (s !== 0) d2++;
    }
    events += d1;
    competing += d2;
    const d = d1 + d2;
    if (d > 0) {
      const after = (survival * (atRisk - d)) / atRisk;
      if (d1 > 0) f += (survival * d1) / atRisk;
      if (d2 > 0 && after > 0) {
        const tie = d2 > 1 ? 1 - (d2 - 1) / (atRisk - 1) : 1;
        const t6 = (survival * survival * tie * d2) / (atRisk * atRisk);
        const t3 = 1 / after;
        const t4 = f / after;
        v1 += t4 * t4 * t6;
        v2 += t3 * t4 * t6;
        v3 += t3 * t3 * t6;
      }
      if (d1 > 0) {
        const tie = d1 > 1 ? 1 - (d1 - 1) / (atRisk - 1) : 1;
        const t6 = (survival * survival * tie * d1) / (atRisk * atRisk);
        const t3 = after > 0 ? 1 / after : 0;
        const t4 = 1 + t3 * f;
        v1 += t4 * t4 * t6;
        v2 += t3 * t4 * t6;
        v3 += t3 * t3 * t6;
        times.push(time[order[start]!]!);
        estimate.push(f);
        variance.push(v1 + f * f * v3 - 2 * f * v2);
      }
      survival = after;
    }
    atRisk = n - (end + 1);
    start = end + 1;
  }
  return {
    times: Float64Array.from(times),
    estimate: Float64Array.from(estimate),
    variance: Float64Array.from(variance),
    maxTime: time[order[n - 1]!]!,
    n,
    events,
    competingEvents: competing,
  };
}

export interface CumulativeIncidencePoint {
  time: number;
  estimate: number;
  se: number;
  /** 95 % interval on the log(−log) scale: F^exp(±z·SE/(F·log F)); null where F is 0 or 1. */
  ci: { lower: number; upper: number } | null;
}

/**
 * F(t) and its SE from a curve: the value after the last event time ≤ t (0 before the first). Rejects t
 * beyond the largest follow-up time (R: cmprsk::timepoints gives NA there).
 */
export function cumulativeIncidenceAt(curve: CumulativeIncidenceCurve, t: number): CumulativeIncidencePoint {
  if (t > curve.maxTime)
    throw new StatsInputError(`cumulative incidence at ${t} is beyond the largest follow-up time ${curve.maxTime}`);
  const k = upperBound(curve.times, t) - 1;
  const estimate = k >= 0 ? curve.estimate[k]! : 0;
  const se = k >= 0 ? Math.sqrt(Math.max(0, curve.variance[k]!)) : 0;
  let ci: CumulativeIncidencePoint["ci"] = null;
  if (estimate > 0 && estimate < 1) {
    const u = (Z_95 * se) / (estimate * Math.abs(Math.log(estimate)));
    ci = { lower: estimate ** Math.exp(u), upper: estimate ** Math.exp(-u) };
  }
  return { time: t, estimate, se, ci };
}

export interface GrayTestResult {
  statistic: number;
  df: number;
  p: number;
  /** Group labels in the order the scores use (sorted, as R's factor levels). */
  groups: string[];
}

/**
 * Gray's (1988) K-sample test that the cumulative incidence of `cause` is the same in every group:
 * scores sᵢ = Σ_t w(t)[d₁ᵢ(t) − d₁(t)·Rᵢ(t)/R(t)] with Rᵢ = Yᵢ(1 − F₁ᵢ(t−))/Ŝᵢ(t−), w = (1 − F(t−))^ρ,
 * statistic s'V⁻¹s on the first K − 1 groups, chi-square with K − 1 df. Rejects fewer than two groups.
 * R: cmprsk::cuminc(time, status, group, rho = 0)$Tests — a port of its Fortran `crstm` (one stratum).
 */
export function grayTest(
  timeIn: NumericInput,
  statusIn: StatusInput,
  group: readonly string[],
  cause: 1 | 2 = 1,
  rho = 0,
): GrayTestResult {
  const { time, status } = competingRisksData(timeIn, statusIn);
  sameLength({ time: time.length, group: group.length });
  const labels = [...new Set(group)].sort();
  const ng = labels.length;
  if (ng < 2) throw new StatsInputError(`Gray's test needs at least two groups; got ${ng}`);
  const n = time.length;
  const order = Array.from(time.keys()).sort((a, b) => time[a]! - time[b]!);
  const gi = Int32Array.from(order, (i) => labels.indexOf(group[i]!));
  const m = Uint8Array.from(order, (i) => (status[i] === 0 ? 0 : status[i] === cause ? 1 : 2));
  const y = Float64Array.from(order, (i) => time[i]!);
  const ng1 = ng - 1;
  const rs = new Float64Array(ng);
  for (const g of gi) rs[g]! += 1;
  const f1m = new Float64Array(ng);
  const f1 = new Float64Array(ng);
  const skmm = new Float64Array(ng).fill(1);
  const skm = new Float64Array(ng).fill(1);
  const v3 = new Float64Array(ng);
  const v2 = Array.from({ length: ng1 }, () => new Float64Array(ng));
  const c = Array.from({ length: ng }, () => new Float64Array(ng));
  const a = Array.from({ length: ng }, () => new Float64Array(ng));
  const s = new Float64Array(ng1);
  const v = Array.from({ length: ng1 }, () => new Float64Array(ng1)); // lower triangle used
  let fm = 0;
  let f = 0;
  for (let ll = 0; ll < n; ) {
    let lu = ll;
    while (lu + 1 < n && y[lu + 1]! <= y[ll]!) lu++;
    const d = [new Float64Array(ng), new Float64Array(ng), new Float64Array(ng)];
    for (let i = ll; i <= lu; i++) d[m[i]!]![gi[i]!]! += 1;
    let nd1 = 0;
    let nd2 = 0;
    for (let i = 0; i < ng; i++) {
      nd1 += d[1]![i]!;
      nd2 += d[2]![i]!;
    }
    if (nd1 > 0 || nd2 > 0) {
      let tr = 0;
      let tq = 0;
      for (let i = 0; i < ng; i++) {
        if (rs[i]! <= 0) continue;
        const td = d[1]![i]! + d[2]![i]!;
        skm[i] = (skmm[i]! * (rs[i]! - td)) / rs[i]!;
        f1[i] = f1m[i]! + (skmm[i]! * d[1]![i]!) / rs[i]!;
        tr += rs[i]! / skmm[i]!;
        tq += (rs[i]! * (1 - f1m[i]!)) / skmm[i]!;
      }
      f = fm + nd1 / tr;
      const fb = (1 - fm) ** rho;
      for (let i = 0; i < ng; i++) {
        for (let j = i; j < ng; j++) a[i]![j] = 0;
        if (rs[i]! <= 0) continue;
        const t1 = rs[i]! / skmm[i]!;
        a[i]![i] = fb * t1 * (1 - t1 / tr);
        if (a[i]![i] !== 0) c[i]![i]! += (a[i]![i]! * nd1) / (tr * (1 - fm));
        for (let j = i + 1; j < ng; j++) {
          if (rs[j]! <= 0) continue;
          a[i]![j] = (-fb * t1 * rs[j]!) / (skmm[j]! * tr);
          if (a[i]![j] !== 0) c[i]![j]! += (a[i]![j]! * nd1) / (tr * (1 - fm));
        }
      }
      for (let i = 1; i < ng; i++) {
        for (let j = 0; j < i; j++) {
          a[i]![j] = a[j]![i]!;
          c[i]![j] = c[j]![i]!;
        }
      }
      for (let i = 0; i < ng1; i++) {
        if (rs[i]! <= 0) continue;
        s[i]! += fb * (d[1]![i]! - (nd1 * rs[i]! * (1 - f1m[i]!)) / (skmm[i]! * tq));
      }
      if (nd1 > 0) {
        for (let k = 0; k < ng; k++) {
          if (rs[k]! <= 0) continue;
          const t4 = skm[k]! > 0 ? 1 - (1 - f) / skm[k]! : 1;
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k]! - 1) : 1;
          const t3 = (t5 * skmm[k]! * nd1) / (tr * rs[k]!);
          v3[k]! += t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = a[i]![k]! - t4 * c[i]![k]!;
            v2[i]![k]! += t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = a[j]![k]! - t4 * c[j]![k]!;
              v[i]![j]! += t1 * t2 * t3;
            }
          }
        }
      }
      if (nd2 > 0) {
        for (let k = 0; k < ng; k++) {
          if (skm[k]! <= 0 || d[2]![k]! <= 0) continue;
          const t4 = (1 - f) / skm[k]!;
          const t5 = d[2]![k]! > 1 ? 1 - (d[2]![k]! - 1) / (rs[k]! - 1) : 1;
          const t3 = (t5 * skmm[k]! ** 2 * d[2]![k]!) / rs[k]! ** 2;
          v3[k]! += t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = t4 * c[i]![k]!;
            v2[i]![k]! -= t1 * t4 * t3;
            for (let j = 0; j <= i; j++) v[i]![j]! += t1 * (t4 * c[j]![k]!) * t3;
          }
        }
      }
    }
    if (lu >= n - 1) break;
    for (let i = ll; i <= lu; i++) rs[gi[i]!]! -= 1;
    fm = f;
    f1m.set(f1);
    skmm.set(skm);
    ll = lu + 1;
  }
  for (let i = 0; i < ng1; i++) {
    for (let j = 0; j <= i; j++) {
      for (let k = 0; k < ng; k++) {
        v[i]![j]! += c[i]![k]! * c[j]![k]! * v3[k]!;
        v[i]![j]! += c[i]![k]! * v2[j]![k]!;
        v[i]![j]! += c[j]![k]! * v2[i]![k]!;
      }
    }
  }
  const full = Array.from({ length: ng1 }, (_, i) =>
    Array.from({ length: ng1 }, (_, j) => (j <= i ? v[i]![j]! : v[j]![i]!)),
  );
  const solved = solveSymmetric(full, Array.from(s));
  const statistic = solved.reduce((sum, x, i) => sum + x * s[i]!, 0);
  return { statistic, df: ng1, p: chiSquareSf(statistic, ng1), groups: labels };
}

/** The censoring distribution of competing-risks data (any event ends follow-up uncensored). */
function censoringOf(
  time: Float64Array,
  status: Uint8Array,
): { byTime: TimeGroups; gBefore: Float64Array; hazardSumThrough: Float64Array } {
  const anyEvent = Uint8Array.from(status, (s) => (s === 0 ? 0 : 1));
  const byTime = groupByTime(time, anyEvent);
  return { byTime, gBefore: censoringSurvivalBefore(byTime), hazardSumThrough: censoringHazardSums(byTime) };
}

/**
 * Cause-specific cumulative/dynamic AUC(t) under competing risks: cases i have the event of interest
 * by t, weighted 1/Ĝ(Tᵢ−); controls j are event-free at t (weight 1/Ĝ(t)) or had the competing event by t
 * (weight 1/Ĝ(Tⱼ−)); AUC = ΣΣ WᵢWⱼ[I(Mᵢ > Mⱼ) + ½I(Mᵢ = Mⱼ)] / (ΣWᵢ·ΣWⱼ). SE = sd(IF)/√n, IF including the
 * Nelson-Aalen term of the censoring Kaplan-Meier Ĝ. `score`: higher = higher risk of the event of
 * interest. Rejects no case or no control at t. R: riskRegression::Score(list(score), Hist(time, status)
 * ~ 1, cause = 1, metrics = "auc", cens.model = "km", times = t).
 */
export function competingRisksAuc(
  timeIn: NumericInput,
  statusIn: StatusInput,
  scoreIn: NumericInput,
  t: number,
  cause: 1 | 2 = 1,
): TimeDependentAucResult {
  const { time, status } = competingRisksData(timeIn, statusIn);
  const n = sameLength({ time: time.length, score: scoreIn.length });
  const score = toFloat64(scoreIn, "score");
  const { byTime, gBefore, hazardSumThrough } = censoringOf(time, status);
  const gAtT = gBefore[upperBound(byTime.distinct, t)]!; // Ĝ(t), censorings at t included
  const weight = new Float64Array(n);
  const isCase = new Uint8Array(n);
  const isControl = new Uint8Array(n);
  /** Where each weight's Ĝ is evaluated: "before group g" (g = rank), or −1 for Ĝ(t). */
  const weightAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (time[i]! <= t && status[i] !== 0) {
      const g = gBefore[byTime.ranks[i]!]!;
      if (!(g > 0))
        throw new StatsInputError(`censoring survival is 0 before time ${time[i]}: IPCW weights are undefined`);
      weight[i] = 1 / g;
      weightAt[i] = byTime.ranks[i]!;
      if (status[i] === cause) isCase[i] = 1;
      else isControl[i] = 1;
    } else if (time[i]! > t) {
      if (!(gAtT > 0)) throw new StatsInputError(`censoring survival is 0 at time ${t}: IPCW weights are undefined`);
      weight[i] = 1 / gAtT;
      weightAt[i] = -1;
      isControl[i] = 1;
    }
  }
  const cases: number[] = [];
  const controls: number[] = [];
  for (let i = 0; i < n; i++) {
    if (isCase[i]) cases.push(i);
    else if (isControl[i]) controls.push(i);
  }
  if (cases.length === 0 || controls.length === 0)
    throw new SingleClassError(cases.length, controls.length, `at time ${t}`);
  // Weighted Mann-Whitney sums by sorting each class once: for a case, Σ control weights below (+½ ties).
  const bySorted = (idx: number[]) => {
    const sorted = [...idx].sort((a, b) => score[a]! - score[b]!);
    const scores = Float64Array.from(sorted, (i) => score[i]!);
    const cumulative = new Float64Array(sorted.length + 1);
    sorted.forEach((i, k) => (cumulative[k + 1] = cumulative[k]! + weight[i]!));
    return { scores, cumulative, total: cumulative[sorted.length]! };
  };
  const ctl = bySorted(controls);
  const cas = bySorted(cases);
  const below = new Float64Array(n); // cases: weighted controls below; controls: weighted cases above
  for (const i of cases) {
    const lo = lowerBound(ctl.scores, score[i]!);
    const hi = upperBound(ctl.scores, score[i]!);
    below[i] = ctl.cumulative[lo]! + 0.5 * (ctl.cumulative[hi]! - ctl.cumulative[lo]!);
  }
  for (const j of controls) {
    const lo = lowerBound(cas.scores, score[j]!);
    const hi = upperBound(cas.scores, score[j]!);
    below[j] = cas.total - cas.cumulative[hi]! + 0.5 * (cas.cumulative[hi]! - cas.cumulative[lo]!);
  }
  let nu = 0;
  for (const i of cases) nu += weight[i]! * below[i]!;
  const estimate = nu / (cas.total * ctl.total);
  // IF with the weights held fixed: V-statistic ratio ν/μ, μ = ΣWᵢΣWⱼ/n².
  const mu = (cas.total * ctl.total) / (n * n);
  const influence = new Float64Array(n);
  // a_l = ∂AUC/∂log W_l (per unit of n⁻²): the weight of l times its share of ν minus AUC times its share of μ.
  const a = new Float64Array(n);
  for (const i of cases) a[i] = (weight[i]! * (below[i]! - estimate * ctl.total)) / (n * n * mu);
  for (const j of controls) a[j] = (weight[j]! * (below[j]! - estimate * cas.total)) / (n * n * mu);
  for (const l of [...cases, ...controls]) influence[l] = n * a[l]!;
  // Censoring term: Σ_l a_l · IF_k(Λc(s_l)), with s_l = T_l− for weights 1/Ĝ(T_l−) and t for 1/Ĝ(t).
  // IF_k(Λc(s)) = I(k censored, T_k in the range)·n/Y(T_k) − H(min(s, T_k)), H = Σ n·c(u)/Y(u)².
  const groups = byTime.distinct.length;
  const tGroup = upperBound(byTime.distinct, t) - 1; // last group ≤ t
  const aAt = new Float64Array(groups + 1); // Σ a over weights evaluated "before group g"; index groups = Ĝ(t)
  for (const l of [...cases, ...controls]) {
    if (weightAt[l]! >= 0) aAt[weightAt[l]!]! += a[l]!;
    else aAt[groups]! += a[l]!;
  }
  // Convert "Ĝ(t)" to "before group tGroup + 1" (Λc through t = Λc before the next group).
  const aBefore = new Float64Array(groups + 1);
  for (let g = 0; g < groups; g++) aBefore[g] = aAt[g]!;
  aBefore[tGroup + 1]! += aAt[groups]!;
  const aFrom = new Float64Array(groups + 2); // Σ aBefore over g' ≥ g
  for (let g = groups; g >= 0; g--) aFrom[g] = aFrom[g + 1]! + aBefore[g]!;
  const aHUpTo = new Float64Array(groups + 2); // Σ aBefore[g']·H(g'−) over g' ≤ g (index g + 1)
  for (let g = 0; g <= groups; g++) aHUpTo[g + 1] = aHUpTo[g]! + aBefore[g]! * (g > 0 ? hazardSumThrough[g - 1]! : 0);
  for (let k = 0; k < n; k++) {
    const g = byTime.ranks[k]!;
    const jump = status[k] === 0 ? (n / byTime.atRisk[g]!) * aFrom[g + 1]! : 0; // weights evaluated strictly later
    const compensator = aHUpTo[g + 1]! + hazardSumThrough[g]! * aFrom[g + 1]!;
    influence[k]! += jump - compensator;
  }
  const se = seFromInfluence(influence);
  return {
    time: t,
    estimate,
    se,
    ci: { lower: Math.max(0, estimate - Z_95 * se), upper: Math.min(1, estimate + Z_95 * se) },
    cases: cases.length,
    controls: controls.length,
    influence,
  };
}

export interface CompetingRisksBrier {
  time: number;
  brier: number;
  /** Brier of the null model: everyone gets the Aalen-Johansen F(t) of the whole sample. */
  nullBrier: number;
  /** Index of prediction accuracy, 1 − brier/nullBrier. */
  ipa: number;
}

/**
 * Brier score of predicted risks of cause 1 by t under competing risks: (1/n)Σ Wᵢ(I(Tᵢ ≤ t, cause 1) −
 * Fᵢ)², Wᵢ = 1/Ĝ(Tᵢ−) for any event by t, 1/Ĝ(t) for the event-free at t, 0 for those censored by t.
 * Null model: the Aalen-Johansen F(t) for all. Rejects risks outside [0, 1].
 * R: riskRegression::Score(..., cause = 1, metrics = "brier", null.model = TRUE, summary = "ipa").
 */
export function competingRisksBrier(
  timeIn: NumericInput,
  statusIn: StatusInput,
  riskIn: NumericInput,
  t: number,
  cause: 1 | 2 = 1,
): CompetingRisksBrier {
  const { time, status } = competingRisksData(timeIn, statusIn);
  const n = sameLength({ time: time.length, risk: riskIn.length });
  const risk = toFloat64(riskIn, "risk");
  risk.forEach((r, i) => {
    if (r < 0 || r > 1) throw new InvalidValueError("risk", i, r, "a predicted risk must lie in [0, 1]");
  });
  const { byTime, gBefore } = censoringOf(time, status);
  const gAtT = gBefore[upperBound(byTime.distinct, t)]!;
  const nullRisk = cumulativeIncidenceAt(cumulativeIncidence(time, status, cause), t).estimate;
  let brier = 0;
  let nullBrier = 0;
  for (let i = 0; i < n; i++) {
    let w = 0;
    if (time[i]! <= t && status[i] !== 0) w = 1 / gBefore[byTime.ranks[i]!]!;
    else if (time[i]! > t) w = 1 / gAtT;
    const y = time[i]! <= t && status[i] === cause ? 1 : 0;
    brier += w * (y - risk[i]!) ** 2;
    nullBrier += w * (y - nullRisk) ** 2;
  }
  brier /= n;
  nullBrier /= n;
  return { time: t, brier, nullBrier, ipa: 1 - brier / nullBrier };
}

export interface CompetingRisksCalibration {
  horizon: number;
  n: number;
  /** Aalen-Johansen F(horizon) of the event of interest. */
  observed: number;
  observedSe: number;
  expected: number;
  oe: number;
  /** exp(log(O/E) ± z·SE(O)/O), E held fixed. */
  oeCi: { lower: number; upper: number } | null;
  /** SE of O/E with E held fixed: SE(O) / E (Gray's SE of the Aalen-Johansen estimate). */
  oeSe: number;
  brier: number;
  ipa: number;
}

/**
 * Calibration-in-the-large of predicted risks of cause 1 at the horizon under competing risks: observed
 * = Aalen-Johansen F(h) with Gray's SE, expected = mean predicted risk; Brier and IPA as
 * competingRisksBrier. R: cmprsk::cuminc + timepoints, and riskRegression::Score(..., cause = 1).
 */
export function competingRisksCalibration(
  timeIn: NumericInput,
  statusIn: StatusInput,
  riskIn: NumericInput,
  horizon: number,
  cause: 1 | 2 = 1,
): CompetingRisksCalibration {
  const { time, status } = competingRisksData(timeIn, statusIn);
  const n = sameLength({ time: time.length, risk: riskIn.length });
  if (!status.some((s) => s === cause)) throw new AllCensoredError(n, `(no event of cause ${cause})`);
  const point = cumulativeIncidenceAt(cumulativeIncidence(time, status, cause), horizon);
  const { brier, ipa } = competingRisksBrier(time, status, riskIn, horizon, cause);
  const risk = toFloat64(riskIn, "risk");
  const expected = risk.reduce((s, r) => s + r, 0) / n;
  if (!(expected > 0)) throw new StatsInputError("every predicted risk is 0: O/E is undefined");
  const oe = point.estimate / expected;
  const oeCi =
    point.estimate > 0
      ? {
          lower: oe * Math.exp((-Z_95 * point.se) / point.estimate),
          upper: oe * Math.exp((Z_95 * point.se) / point.estimate),
        }
      : null;
  const oeSe = point.se / expected;
  return { horizon, n, observed: point.estimate, observedSe: point.se, expected, oe, oeSe, oeCi, brier, ipa };
}
