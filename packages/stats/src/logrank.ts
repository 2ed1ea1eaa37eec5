// Log-rank test for k groups.
import { AllCensoredError, StatsInputError } from "./errors.js";
import { chiSquareSf } from "./distributions.js";
import { solveSymmetric } from "./linalg.js";
import { sameLength, survivalData, type BinaryInput, type NumericInput } from "./validate.js";

export interface LogRankResult {
  groups: string[];
  observed: number[];
  expected: number[];
  chisq: number;
  df: number;
  p: number;
}

/**
 * Log-rank test: at each event time, expected events per group Eg = d·ng/n, hypergeometric variance
 * Vgh = d(n−d)/(n−1)·(ng/n)(δgh − nh/n); χ² = (O−E)ᵀV⁻(O−E) over k−1 groups, df = k−1.
 * Rejects fewer than two groups and data without events. R: survival::survdiff(Surv(time, event) ~ group).
 */
export function logRankTest(timeIn: NumericInput, eventIn: BinaryInput, group: readonly string[]): LogRankResult {
  sameLength({ time: timeIn.length, event: eventIn.length, group: group.length });
  const { time, event } = survivalData(timeIn, eventIn);
  const groups = [...new Set(group)].sort();
  const k = groups.length;
  if (k < 2) throw new StatsInputError(`log-rank needs at least two groups; got ${k} (${groups.join(", ")})`);
  const index = new Map(groups.map((g, i) => [g, i]));
  const g = Int32Array.from(group, (x) => index.get(x)!);
  const order = Array.from(time.keys()).sort((a, b) => time[a]! - time[b]!);
  const atRisk = new Float64Array(k);
  for (const x of g) atRisk[x]! += 1;
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let total = time.length;
  for (let p = 0; p < order.length; ) {
    const t = time[order[p]!]!;
    const deaths = new Float64Array(k);
    const leaving = new Float64Array(k);
    let d = 0;
    while (p < order.length && time[order[p]!] === t) {
      const i = order[p]!;
      leaving[g[i]!]! += 1;
      if (event[i]) {
        deaths[g[i]!]! += 1;
        d++;
      }
      p++;
    }
    if (d > 0) {
      for (let a = 0; a < k; a++) {
        observed[a]! += deaths[a]!;
        expected[a]! += (d * atRisk[a]!) / total;
        if (total > 1) {
          const factor = (d * (total - d)) / (total - 1);
          for (let b = 0; b < k; b++) {
            variance[a]![b]! += factor * (atRisk[a]! / total) * ((a === b ? 1 : 0) - atRisk[b]! / total);
          }
        }
      }
    }
    for (let a = 0; a < k; a++) atRisk[a]! -= leaving[a]!;
    total -= leaving.reduce((s, x) => s + x, 0);
  }
  if (observed.every((o) => o === 0)) throw new AllCensoredError(time.length);
  const diff = observed.slice(0, k - 1).map((o, a) => o - expected[a]!);
  const v = variance.slice(0, k - 1).map((row) => row.slice(0, k - 1));
  const solution = solveSymmetric(v, diff);
  const chisq = diff.reduce((s, x, a) => s + x * solution[a]!, 0);
  return { groups, observed, expected, chisq, df: k - 1, p: chiSquareSf(chisq, k - 1) };
}
