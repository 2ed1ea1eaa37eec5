// The seed papers' Table 1: baseline characteristics of two cohorts side by side with p-values.
import { StatsInputError } from "./errors.js";
import { chiSquareTest, tTest } from "./tests-classic.js";

export type BaselineVariable =
  | { name: string; kind: "continuous"; values: [readonly number[], readonly number[]] }
  | { name: string; kind: "categorical"; values: [readonly string[], readonly string[]] };

export type BaselineRow =
  | {
      name: string;
      kind: "continuous";
      groups: { n: number; mean: number; sd: number }[];
      welchP: number;
      studentP: number;
    }
  | {
      name: string;
      kind: "categorical";
      levels: string[];
      groups: { n: number; counts: number[]; percents: number[] }[];
      chisqP: number;
    };

/**
 * One row per variable: mean ± SD with Welch and Student t-test p (R: t.test(var.equal = FALSE/TRUE)),
 * or counts and % per level with the χ² p (R: chisq.test(table(group, x))). Missing values are the
 * caller's to drop beforehand.
 */
export function baselineTable(variables: readonly BaselineVariable[]): BaselineRow[] {
  return variables.map((v) => {
    if (v.kind === "continuous") {
      const groups = v.values.map((x) => {
        if (x.length < 2) throw new StatsInputError(`${v.name}: a group has ${x.length} value(s); need at least 2`);
        const mean = x.reduce((s, y) => s + y, 0) / x.length;
        return { n: x.length, mean, sd: Math.sqrt(x.reduce((s, y) => s + (y - mean) ** 2, 0) / (x.length - 1)) };
      });
      return {
        name: v.name,
        kind: "continuous",
        groups,
        welchP: tTest(v.values[0], v.values[1], true).p,
        studentP: tTest(v.values[0], v.values[1], false).p,
      };
    }
    const levels = [...new Set([...v.values[0], ...v.values[1]])].sort();
    const counts = v.values.map((x) => levels.map((l) => x.filter((y) => y === l).length));
    const groups = counts.map((c, k) => ({
      n: v.values[k]!.length,
      counts: c,
      percents: c.map((x) => (100 * x) / v.values[k]!.length),
    }));
    return { name: v.name, kind: "categorical", levels, groups, chisqP: chiSquareTest(counts).p };
  });
}
