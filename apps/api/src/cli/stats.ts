// `fracval stats metrics|cox`: validation statistics from a CSV file, printed as one JSON object.
import {
  aurocAtHorizon, compareConcordance, compareTimeDependentAuc, coxPH, delongTest, harrellC, kaplanMeier, logRankTest, StatsInputError, timeDependentAuc, unoC,
  type ConcordanceResult, type KaplanMeierCurve,
} from "@fracval/stats";
import { eventColumn, nonNegative, numberList, numericColumn, readCsv, textColumn } from "./csv-columns.js";
import { UsageError } from "./usage-error.js";

export interface MetricsFlags {
  input: string;
  time: string;
  event: string;
  score: string;
  horizon?: string;
  tau?: string;
  compare?: string;
  group?: string;
  risk?: string[];
  thresholds?: string;
  bootstrap?: string;
  seed?: string;
}

function concordanceSection(c: ConcordanceResult) {
  return { estimate: c.estimate, se: c.se, ci: [c.ci.lower, c.ci.upper], concordant: c.concordant, discordant: c.discordant, tiedRisk: c.tiedRisk, tiedTime: c.tiedTime };
}

function kaplanMeierRows(group: string, curve: KaplanMeierCurve) {
  return curve.steps.map((s) => ({ group, time: s.time, survival: s.survival, ci: [s.lower, s.upper] }));
}

/** Statistics errors are input errors of the file: exit 2 with their message. */
function asUsage<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof StatsInputError) throw new UsageError(`${what}: ${error.message}`);
    throw error;
  }
}

export function statsMetrics(flags: MetricsFlags): Record<string, unknown> {
  for (const [option, value] of [["--risk", flags.risk?.length ? flags.risk : undefined], ["--thresholds", flags.thresholds], ["--bootstrap", flags.bootstrap]] as const) {
    if (value !== undefined) throw new UsageError(`${option} is not available yet in this version (calibration, threshold metrics and bootstrap are being added)`);
  }
  const table = readCsv(flags.input);
  const time = numericColumn(table, flags.time, "--time", nonNegative);
  const event = eventColumn(table, flags.event, "--event");
  const score = numericColumn(table, flags.score, "--score");
  const horizons = flags.horizon ? numberList(flags.horizon, "--horizon") : [];
  const tau = flags.tau ? numberList(flags.tau, "--tau")[0]! : undefined;
  const comparator = flags.compare ? numericColumn(table, flags.compare, "--compare") : undefined;
  const group = flags.group ? textColumn(table, flags.group, "--group") : undefined;

  const out: Record<string, unknown> = { n: time.length, events: event.reduce((s, e) => s + e, 0) };
  const harrell = asUsage("harrellC", () => harrellC(time, event, score));
  out.harrellC = concordanceSection(harrell);
  if (tau !== undefined) {
    const uno = asUsage("unoC", () => unoC(time, event, score, tau));
    out.unoC = { estimate: uno.estimate, se: uno.se, ci: [uno.ci.lower, uno.ci.upper], tau };
  }
  if (horizons.length) {
    out.auroc = horizons.map((h) => {
      const a = asUsage(`auroc at ${h}`, () => aurocAtHorizon(time, event, score, h));
      return { horizon: h, n: a.n, cases: a.cases, estimate: a.estimate, se: a.se, ci: a.ci ? [a.ci.lower, a.ci.upper] : null };
    });
  }
  if (horizons.length) {
    out.timeDependentAuc = horizons.map((h) => {
      const a = asUsage(`timeDependentAuc at ${h}`, () => timeDependentAuc(time, event, score, h));
      return { time: h, estimate: a.estimate, se: a.se, ci: [a.ci.lower, a.ci.upper] };
    });
  }
  if (comparator) {
    const other = asUsage("harrellC of --compare", () => harrellC(time, event, comparator));
    const diff = compareConcordance(harrell, other);
    out.comparison = {
      comparator: flags.compare,
      harrellCDiff: { estimate: diff.estimate, se: diff.se, p: diff.p },
      auroc: horizons.map((h) => {
        const a = aurocAtHorizon(time, event, score, h);
        const b = aurocAtHorizon(time, event, comparator, h);
        return { horizon: h, estimate: a.estimate, comparatorEstimate: b.estimate, p: asUsage(`DeLong test at ${h}`, () => delongTest(a, b)).p };
      }),
      timeDependentAuc: horizons.map((h) => {
        const a = timeDependentAuc(time, event, score, h);
        const b = asUsage(`timeDependentAuc of --compare at ${h}`, () => timeDependentAuc(time, event, comparator, h));
        return { time: h, estimate: a.estimate, comparatorEstimate: b.estimate, p: compareTimeDependentAuc(a, b).p };
      }),
    };
  }
  if (group) {
    const groups = [...new Set(group)].sort();
    out.kaplanMeier = groups.flatMap((g) => {
      const idx = group.flatMap((x, i) => (x === g ? [i] : []));
      return kaplanMeierRows(g, kaplanMeier(idx.map((i) => time[i]!), idx.map((i) => event[i]!)));
    });
    const lr = asUsage("logRank", () => logRankTest(time, event, group));
    out.logRank = { chisq: lr.chisq, df: lr.df, p: lr.p };
  } else {
    out.kaplanMeier = kaplanMeierRows("all", kaplanMeier(time, event));
  }
  return out;
}

export interface CoxFlags {
  input: string;
  time: string;
  event: string;
  covariates: string;
}

export function statsCox(flags: CoxFlags): Record<string, unknown> {
  const table = readCsv(flags.input);
  const time = numericColumn(table, flags.time, "--time", nonNegative);
  const event = eventColumn(table, flags.event, "--event");
  const names = flags.covariates.split(",").map((s) => s.trim()).filter(Boolean);
  if (!names.length) throw new UsageError("--covariates: give at least one column");
  const covariates = Object.fromEntries(names.map((name) => [name, numericColumn(table, name, "--covariates")]));
  const fit = asUsage("cox", () => coxPH(time, event, covariates));
  return {
    terms: fit.terms, coef: fit.coef, se: fit.se, hr: fit.hr, hrCi: fit.hrCi.map((c) => [c.lower, c.upper]), p: fit.p,
    loglik: fit.loglik, lrChisq: fit.lrChisq, waldChisq: fit.waldChisq, scoreChisq: fit.scoreChisq, n: fit.n, events: fit.events,
  };
}
