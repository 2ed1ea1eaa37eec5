// Case-mix across sites (Table 1 by site): each variable summarised per site, tested across sites, with
// each site's standardized difference from the other sites together — the differences in case-mix that
// explain why a model's C differs between sites (Debray et al., J Clin Epidemiol 2015).
import { quantileType7 } from "./bootstrap.js";
import { ifComputable, StatsInputError } from "./errors.js";
import { chiSquareTest, regularizedBeta } from "./tests-classic.js";

export type CaseMixVariable =
  | { name: string; kind: "continuous"; groups: readonly (readonly number[])[] }
  | { name: string; kind: "categorical"; groups: readonly (readonly string[])[] };

export interface ContinuousSummary {
  n: number;
  mean: number;
  sd: number;
  median: number;
  q1: number;
  q3: number;
}

export type CaseMixRow =
  | {
      name: string;
      kind: "continuous";
      groups: ContinuousSummary[];
      /** One-way ANOVA across groups (equal variances); null with fewer than two usable groups. */
      p: number | null;
      /** Each group against the others pooled: (m − m₀)/√((s² + s₀²)/2). */
      smd: (number | null)[];
    }
  | {
      name: string;
      kind: "categorical";
      levels: string[];
      groups: { n: number; counts: number[]; percents: number[] }[];
      /** Pearson χ² across groups × levels (no continuity correction beyond R's 2×2 default). */
      p: number | null;
      /** Each group against the others: the largest |(p − p₀)/√((p(1−p) + p₀(1−p₀))/2)| over the levels. */
      smd: (number | null)[];
    };

function summarise(x: readonly number[]): ContinuousSummary {
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const sorted = Float64Array.from(x).sort();
  return {
    n,
    mean,
    sd,
    median: quantileType7(sorted, 0.5),
    q1: quantileType7(sorted, 0.25),
    q3: quantileType7(sorted, 0.75),
  };
}

/**
 * One-way ANOVA: F = [Σ nᵢ(x̄ᵢ − x̄)²/(k − 1)] / [Σ Σ (x − x̄ᵢ)²/(N − k)], p = P(F(k − 1, N − k) > F).
 * R: oneway.test(x ~ g, var.equal = TRUE)$p.value.
 */
export function onewayAnovaP(groups: readonly (readonly number[])[]): number {
  const used = groups.filter((g) => g.length > 0);
  const k = used.length;
  const total = used.reduce((s, g) => s + g.length, 0);
  if (k < 2 || total - k < 1) throw new StatsInputError("one-way ANOVA needs two groups and more values than groups");
  const grand = used.reduce((s, g) => s + g.reduce((a, b) => a + b, 0), 0) / total;
  let between = 0;
  let within = 0;
  for (const g of used) {
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    between += g.length * (mean - grand) ** 2;
    for (const v of g) within += (v - mean) ** 2;
  }
  const [d1, d2] = [k - 1, total - k];
  if (within === 0) throw new StatsInputError("one-way ANOVA: every group is constant");
  const f = between / d1 / (within / d2);
  return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

/** A Table 1 by site. Missing values are the caller's to drop beforehand (and to report). */
export function caseMixTable(variables: readonly CaseMixVariable[]): CaseMixRow[] {
  return variables.map((v) => {
    if (v.kind === "continuous") {
      const groups = v.groups.map(summarise);
      const smd = v.groups.map((g, i) => {
        const rest = v.groups.flatMap((h, j) => (j === i ? [] : h));
        if (g.length < 2 || rest.length < 2) return null;
        const a = summarise(g);
        const b = summarise(rest);
        const denominator = Math.sqrt((a.sd ** 2 + b.sd ** 2) / 2);
        return denominator > 0 ? (a.mean - b.mean) / denominator : null;
      });
      return { name: v.name, kind: "continuous", groups, p: ifComputable(() => onewayAnovaP(v.groups)), smd };
    }
    const levels = [...new Set(v.groups.flat())].sort();
    const counts = v.groups.map((g) => levels.map((l) => g.filter((x) => x === l).length));
    const groups = counts.map((c, k) => ({
      n: v.groups[k]!.length,
      counts: c,
      percents: c.map((x) => (v.groups[k]!.length ? (100 * x) / v.groups[k]!.length : 0)),
    }));
    const nonEmpty = counts.filter((c) => c.some((x) => x > 0));
    const p = nonEmpty.length >= 2 && levels.length >= 2 ? ifComputable(() => chiSquareTest(nonEmpty).p) : null;
    const smd = v.groups.map((g, i) => {
      const rest = v.groups.flatMap((h, j) => (j === i ? [] : h));
      if (g.length === 0 || rest.length === 0) return null;
      let largest: number | null = null;
      for (const level of levels) {
        const p1 = g.filter((x) => x === level).length / g.length;
        const p0 = rest.filter((x) => x === level).length / rest.length;
        const denominator = Math.sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2);
        if (denominator === 0) continue;
        const d = (p1 - p0) / denominator;
        if (largest === null || Math.abs(d) > Math.abs(largest)) largest = d;
      }
      return largest;
    });
    return { name: v.name, kind: "categorical", levels, groups, p, smd };
  });
}
