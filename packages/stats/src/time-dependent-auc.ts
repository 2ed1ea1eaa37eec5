// Time-dependent (cumulative/dynamic) AUC with inverse-probability-of-censoring weights and its
// influence-function standard error, including the term from estimating the censoring distribution.
import { SingleClassError, StatsInputError } from "./errors.js";
import { twoSidedP, Z_95 } from "./distributions.js";
import { lowerBound, upperBound } from "./fenwick.js";
import { censoringHazardSums, censoringSurvivalBefore, groupByTime, seFromInfluence } from "./censoring.js";
import { sameLength, survivalData, toFloat64, type BinaryInput, type NumericInput } from "./validate.js";

export interface TimeDependentAucResult {
  time: number;
  estimate: number;
  se: number;
  /** 95% interval clipped to [0, 1], as riskRegression reports it. */
  ci: { lower: number; upper: number };
  cases: number;
  controls: number;
  /** Influence function per subject (input order); se = sd(IF)/√n. */
  influence: Float64Array;
}

/**
 * AUC(t) = Σᵢ Σⱼ Wᵢ·[I(Mᵢ > Mⱼ) + ½I(Mᵢ = Mⱼ)] / (Σᵢ Wᵢ · #controls), cases i: Tᵢ ≤ t with an event,
 * weighted Wᵢ = 1/Ĝ(Tᵢ−); controls j: Tⱼ > t (their common weight 1/Ĝ(t) cancels). `score`: higher =
 * higher risk. SE = sd(IF)/√n with IF = IF₀ (Ĝ fixed) + the Nelson-Aalen term of Ĝ.
 * Rejects no cases or no controls at t, invalid values. R: riskRegression::Score(list(score),
 * Hist(time, event) ~ 1, metrics = "auc", cens.model = "km", times = t).
 */
export function timeDependentAuc(
  timeIn: NumericInput,
  eventIn: BinaryInput,
  scoreIn: NumericInput,
  t: number,
): TimeDependentAucResult {
  const n = sameLength({ time: timeIn.length, event: eventIn.length, score: scoreIn.length });
  const { time, event } = survivalData(timeIn, eventIn);
  const score = toFloat64(scoreIn, "score");
  const byTime = groupByTime(time, event);
  const censoring = {
    gBefore: censoringSurvivalBefore(byTime),
    atRisk: byTime.atRisk,
    hazardSumThrough: censoringHazardSums(byTime),
  };

  // Cases with their weights; controls' scores sorted for the Mann-Whitney sums.
  const caseIdx: number[] = [];
  const controlScores: number[] = [];
  for (let i = 0; i < n; i++) {
    if (event[i] && time[i]! <= t) caseIdx.push(i);
    else if (time[i]! > t) controlScores.push(score[i]!);
  }
  const m = caseIdx.length;
  const nControls = controlScores.length;
  if (m === 0 || nControls === 0) throw new SingleClassError(m, nControls, `at time ${t}`);
  const sortedControls = Float64Array.from(controlScores).sort();
  const caseWeight = new Float64Array(n);
  const caseRankOfTime = new Int32Array(n);
  for (const i of caseIdx) {
    caseRankOfTime[i] = byTime.ranks[i]!;
    const g = censoring.gBefore[byTime.ranks[i]!]!;
    if (!(g > 0))
      throw new StatsInputError(`censoring survival is 0 before time ${time[i]}: IPCW weights are undefined`);
    caseWeight[i] = 1 / g;
  }
  // S_i = #controls below case i + ½ ties (per unit control weight); ν and μ without the 1/G(t) factor.
  let sumCaseWeights = 0;
  let weightedPairs = 0;
  const below = new Float64Array(n);
  for (const i of caseIdx) {
    const lo = lowerBound(sortedControls, score[i]!);
    below[i] = lo + 0.5 * (upperBound(sortedControls, score[i]!) - lo);
    sumCaseWeights += caseWeight[i]!;
    weightedPairs += caseWeight[i]! * below[i]!;
  }
  const estimate = weightedPairs / (sumCaseWeights * nControls);

  // IF₀ (censoring weights held fixed): ratio of V-statistics, ν/μ with μ = ΣW·#controls/n².
  const mu = (sumCaseWeights * nControls) / (n * n);
  const influence = new Float64Array(n);
  for (const i of caseIdx) influence[i] = ((caseWeight[i]! / n) * (below[i]! - estimate * nControls)) / mu;
  const sortedCases = Float64Array.from(caseIdx, (i) => score[i]!).sort();
  const caseWeightsByScore = caseIdx.map((i) => ({ s: score[i]!, w: caseWeight[i]! })).sort((a, b) => a.s - b.s);
  const cumulativeCaseWeight = new Float64Array(m + 1);
  caseWeightsByScore.forEach((c, k) => (cumulativeCaseWeight[k + 1] = cumulativeCaseWeight[k]! + c.w));
  for (let j = 0; j < n; j++) {
    if (!(time[j]! > t)) continue;
    // Σ over cases of Wᵢ[I(Mᵢ > Mⱼ) + ½ I(Mᵢ = Mⱼ)]
    const lo = lowerBound(sortedCases, score[j]!);
    const hi = upperBound(sortedCases, score[j]!);
    const above =
      sumCaseWeights - cumulativeCaseWeight[hi]! + 0.5 * (cumulativeCaseWeight[hi]! - cumulativeCaseWeight[lo]!);
    influence[j] = ((1 / n) * (above - estimate * sumCaseWeights)) / mu;
  }

  // Censoring term: Σ_cases aᵢ·IF_k(Λc(Tᵢ−)), aᵢ = Wᵢ(Sᵢ − AUC·#controls)/(n²μ); the 1/G(t) parts cancel.
  // IF_k(Λc(s−)) = I(censored, T_k < s)·n/Y(T_k) − H(min(s−, T_k)).
  const groups = byTime.distinct.length;
  const aByGroup = new Float64Array(groups); // Σ aᵢ over cases whose time is group g
  const aHBefore = new Float64Array(groups); // Σ aᵢ H(Tᵢ−) over cases at group g
  for (const i of caseIdx) {
    const g = caseRankOfTime[i]!;
    const a = (caseWeight[i]! * (below[i]! - estimate * nControls)) / (n * n * mu);
    aByGroup[g]! += a;
    aHBefore[g]! += a * (g > 0 ? censoring.hazardSumThrough[g - 1]! : 0);
  }
  const aFrom = new Float64Array(groups + 1); // Σ a over groups ≥ g
  for (let g = groups - 1; g >= 0; g--) aFrom[g] = aFrom[g + 1]! + aByGroup[g]!;
  const aHUpTo = new Float64Array(groups + 1); // Σ aᵢ H(Tᵢ−) over groups ≤ g (index g+1)
  for (let g = 0; g < groups; g++) aHUpTo[g + 1] = aHUpTo[g]! + aHBefore[g]!;
  for (let k = 0; k < n; k++) {
    const g = byTime.ranks[k]!;
    const jump = event[k] ? 0 : (n / censoring.atRisk[g]!) * aFrom[g + 1]!; // cases strictly later
    const compensator = aHUpTo[g + 1]! + censoring.hazardSumThrough[g]! * aFrom[g + 1]!;
    influence[k]! += jump - compensator;
  }

  const se = seFromInfluence(influence);
  return {
    time: t,
    estimate,
    se,
    ci: { lower: Math.max(0, estimate - Z_95 * se), upper: Math.min(1, estimate + Z_95 * se) },
    cases: m,
    controls: nControls,
    influence,
  };
}

export interface TimeDependentAucDifference {
  time: number;
  estimate: number;
  se: number;
  p: number;
  ci: { lower: number; upper: number };
}

/** AUC(t) of a minus AUC(t) of b on the same subjects: se = sd(IFₐ − IF_b)/√n. R: Score(...)$AUC$contrasts. */
export function compareTimeDependentAuc(
  a: TimeDependentAucResult,
  b: TimeDependentAucResult,
): TimeDependentAucDifference {
  const n = sameLength({ a: a.influence.length, b: b.influence.length });
  const d = Float64Array.from({ length: n }, (_, k) => a.influence[k]! - b.influence[k]!);
  const se = seFromInfluence(d);
  const estimate = a.estimate - b.estimate;
  return {
    time: a.time,
    estimate,
    se,
    p: se > 0 ? twoSidedP(estimate / se) : 1,
    ci: { lower: estimate - Z_95 * se, upper: estimate + Z_95 * se },
  };
}
