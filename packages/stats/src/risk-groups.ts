// Risk groups from one or two scores and thresholds (seed 004: BpVF ≥ 0.5 → HIGH, else GpVF ≥ 0.6 →
// LH, else LL), summarised by counts, event rates, Kaplan-Meier, log-rank and Cox hazard ratios.
import { StatsInputError } from "./errors.js";
import { coxPH, type CoxResult } from "./cox.js";
import { kaplanMeier, survivalAt, type KaplanMeierCurve } from "./kaplan-meier.js";
import { logRankTest, type LogRankResult } from "./logrank.js";
import { sameLength, survivalData, type BinaryInput, type NumericInput } from "./validate.js";

/** Ordered rules: the first whose score is ≥ its threshold names the group; the last may be "otherwise". */
export interface RiskGroupRule {
  groups: { name: string; when: { score: string; atLeast: number } | "otherwise" }[];
  /** Reference group of the hazard ratios. */
  reference: string;
}

export function assignRiskGroups(rule: RiskGroupRule, scores: Record<string, NumericInput>): string[] {
  const names = Object.keys(scores);
  const n = sameLength(Object.fromEntries(names.map((k) => [k, scores[k]!.length])));
  return Array.from({ length: n }, (_, i) => {
    for (const g of rule.groups) {
      if (g.when === "otherwise") return g.name;
      const column = scores[g.when.score];
      if (!column)
        throw new StatsInputError(
          `risk-group rule uses score "${g.when.score}", which was not given (have ${names.join(", ")})`,
        );
      if (column[i]! >= g.when.atLeast) return g.name;
    }
    throw new StatsInputError(`subject ${i} matches no risk group; end the rule with an "otherwise" group`);
  });
}

export interface RiskGroupSummary {
  groups: {
    name: string;
    n: number;
    share: number;
    events: number;
    risk: { estimate: number; lower: number | null; upper: number | null } | null;
    curve: KaplanMeierCurve;
  }[];
  logRank: LogRankResult;
  /** Cox model with one indicator per non-reference group (terms "<group> vs <reference>") plus covariates. */
  cox: CoxResult;
}

/**
 * Per group: n, events, KM risk 1 − Ŝ(h) with CI at `horizon` (when given) and the KM curve; log-rank
 * over groups; Cox HRs of each group vs `reference`, adjusted for `covariates`; the model's LR χ².
 * R: survfit(~ group), survdiff(~ group), coxph(Surv ~ relevel(factor(group), ref) + covariates).
 */
export function summariseRiskGroups(
  timeIn: NumericInput,
  eventIn: BinaryInput,
  group: readonly string[],
  options: { reference: string; horizon?: number; covariates?: Record<string, NumericInput> },
): RiskGroupSummary {
  sameLength({ time: timeIn.length, event: eventIn.length, group: group.length });
  const { time, event } = survivalData(timeIn, eventIn);
  const names = [...new Set(group)];
  if (!names.includes(options.reference))
    throw new StatsInputError(`reference group "${options.reference}" has no subjects (groups: ${names.join(", ")})`);
  const others = names.filter((g) => g !== options.reference).sort();
  const ordered = [options.reference, ...others];
  const groups = ordered.map((name) => {
    const idx = group.flatMap((g, i) => (g === name ? [i] : []));
    const curve = kaplanMeier(
      idx.map((i) => time[i]!),
      idx.map((i) => event[i]!),
    );
    const at = options.horizon === undefined ? null : survivalAt(curve, options.horizon);
    return {
      name,
      n: idx.length,
      share: idx.length / time.length,
      events: curve.events,
      risk: at
        ? {
            estimate: 1 - at.survival,
            lower: at.upper === null ? null : 1 - at.upper,
            upper: at.lower === null ? null : 1 - at.lower,
          }
        : null,
      curve,
    };
  });
  const indicators = Object.fromEntries(
    others.map((g) => [`${g} vs ${options.reference}`, Float64Array.from(group, (x) => (x === g ? 1 : 0))]),
  );
  return {
    groups,
    logRank: logRankTest(time, event, group),
    cox: coxPH(time, event, { ...indicators, ...(options.covariates ?? {}) }),
  };
}
