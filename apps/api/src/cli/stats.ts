// `fracval stats metrics|cox|meta`: validation statistics from a CSV file, printed as one JSON object.
import {
  aurocAtHorizon,
  bootstrap,
  calibrationAtHorizon,
  horizonLabels,
  metricStatistic,
  netBenefit,
  thresholdMetrics,
  youdenThreshold,
  compareConcordance,
  compareTimeDependentAuc,
  coxPH,
  delongTest,
  harrellC,
  kaplanMeier,
  logRankTest,
  StatsInputError,
  timeDependentAuc,
  unoC,
  competingRisksAuc,
  competingRisksCalibration,
  cumulativeIncidence,
  cumulativeIncidenceAt,
  grayTest,
  poolOnScale,
  POOLING_SCALES,
  type PoolingScale,
  type ConcordanceResult,
  type KaplanMeierCurve,
} from "@fracval/stats";
import {
  completeCases,
  type CsvTable,
  eventColumn,
  nonNegative,
  numberList,
  numericColumn,
  readCsv,
  statusColumn,
  textColumn,
} from "./csv-columns.js";
import { UsageError } from "./usage-error.js";

/** Risk thresholds of the decision curve (net benefit) reported with every --risk column. */
const NET_BENEFIT_THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

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
  /** With "1", --event codes 0 censored / 1 event of interest / 2 competing event (death). */
  cause?: string;
}

function concordanceSection(c: ConcordanceResult) {
  return {
    estimate: c.estimate,
    se: c.se,
    ci: [c.ci.lower, c.ci.upper],
    concordant: c.concordant,
    discordant: c.discordant,
    tiedRisk: c.tiedRisk,
    tiedTime: c.tiedTime,
  };
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
  if (flags.cause !== undefined) return competingRisksMetrics(flags);
  const riskSpecs = parseRiskSpecs(flags.risk ?? []);
  const table = analysedRows(flags, riskSpecs);
  const time = numericColumn(table, flags.time, "--time", nonNegative);
  const event = eventColumn(table, flags.event, "--event");
  const score = numericColumn(table, flags.score, "--score");
  const horizons = flags.horizon ? numberList(flags.horizon, "--horizon") : [];
  const tau = flags.tau ? numberList(flags.tau, "--tau")[0]! : undefined;
  const comparator = flags.compare ? numericColumn(table, flags.compare, "--compare") : undefined;
  const group = flags.group ? textColumn(table, flags.group, "--group") : undefined;
  const risks = riskColumns(table, riskSpecs);
  const cutoffs = flags.thresholds
    ? flags.thresholds.split(",").map((x) => {
        const v = Number(x.trim());
        if (x.trim() === "" || !Number.isFinite(v)) throw new UsageError(`--thresholds: "${x}" is not a number`);
        return v;
      })
    : [];
  const replicates = flags.bootstrap === undefined ? 0 : Number(flags.bootstrap);
  if (flags.bootstrap !== undefined && (!Number.isInteger(replicates) || replicates < 2))
    throw new UsageError(`--bootstrap: "${flags.bootstrap}" is not a whole number ≥ 2`);
  const seed = flags.seed === undefined ? 1 : Number(flags.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed: "${flags.seed}" is not an integer`);

  const out: Record<string, unknown> = {
    n: time.length,
    events: event.reduce((s, e) => s + e, 0),
    ...omittedSection(table),
  };
  const harrell = asUsage("harrellC", () => harrellC(time, event, score));
  out.harrellC = concordanceSection(harrell);
  if (tau !== undefined) {
    const uno = asUsage("unoC", () => unoC(time, event, score, tau));
    out.unoC = { estimate: uno.estimate, se: uno.se, ci: [uno.ci.lower, uno.ci.upper], tau };
  }
  if (horizons.length) {
    out.auroc = horizons.map((h) => {
      const a = asUsage(`auroc at ${h}`, () => aurocAtHorizon(time, event, score, h));
      return {
        horizon: h,
        n: a.n,
        cases: a.cases,
        estimate: a.estimate,
        se: a.se,
        ci: a.ci ? [a.ci.lower, a.ci.upper] : null,
      };
    });
  }
  if (horizons.length) {
    out.timeDependentAuc = horizons.map((h) => {
      const a = asUsage(`timeDependentAuc at ${h}`, () => timeDependentAuc(time, event, score, h));
      return { time: h, estimate: a.estimate, se: a.se, ci: [a.ci.lower, a.ci.upper] };
    });
  }
  if (risks.length) {
    out.calibration = risks.map((r) => {
      const c = asUsage(`calibration of ${r.column}`, () => calibrationAtHorizon(time, event, r.values, r.horizon));
      return {
        horizon: r.horizon,
        risk: r.column,
        observed: c.observed,
        expected: c.expected,
        oe: c.oe,
        oeSe: c.oeSe,
        oeCi: c.oeCi ? [c.oeCi.lower, c.oeCi.upper] : null,
        slope: c.slope,
        slopeCi: [c.slopeCi.lower, c.slopeCi.upper],
        brier: c.brier,
        ipa: c.ipa,
        groups: c.groups,
      };
    });
    out.netBenefit = risks.flatMap((r) =>
      asUsage(`net benefit of ${r.column}`, () =>
        netBenefit(time, event, r.values, r.horizon, NET_BENEFIT_THRESHOLDS),
      ).map((p) => ({
        horizon: r.horizon,
        risk: r.column,
        threshold: p.threshold,
        model: p.model,
        treatAll: p.treatAll,
      })),
    );
  }
  if (cutoffs.length && horizons.length) {
    out.thresholds = horizons.flatMap((h) => {
      const { label, included } = horizonLabels(time, event, h);
      const keep = Array.from(included.keys()).filter((i) => included[i]);
      const s = keep.map((i) => score[i]!);
      const y = keep.map((i) => label[i]!);
      const youden = asUsage(`Youden at ${h}`, () => youdenThreshold(s, y));
      return cutoffs.map((c) => {
        const m = thresholdMetrics(s, y, c);
        const p = (x: typeof m.sensitivity) => ({ estimate: x.estimate, ci: x.ci ? [x.ci.lower, x.ci.upper] : null });
        return {
          horizon: h,
          threshold: c,
          sensitivity: p(m.sensitivity),
          specificity: p(m.specificity),
          ppv: p(m.ppv),
          npv: p(m.npv),
          accuracy: p(m.accuracy),
          f1: m.f1,
          youdenThreshold: youden.threshold,
        };
      });
    });
  } else if (cutoffs.length) {
    throw new UsageError("--thresholds needs --horizon (cases are events by the horizon)");
  }
  if (replicates) {
    const data = { time, event, score };
    const summary = (name: "harrellC" | "unoC" | "aurocAtHorizon", at?: number) => {
      const b = asUsage(`bootstrap of ${name}`, () =>
        bootstrap(time.length, metricStatistic(name, at === undefined ? data : { ...data, at }), { replicates, seed }),
      );
      return { se: b.se, ci: [b.ci.lower, b.ci.upper], failed: b.failed };
    };
    out.bootstrap = {
      replicates,
      seed,
      method: "percentile",
      harrellC: summary("harrellC"),
      ...(tau !== undefined ? { unoC: summary("unoC", tau) } : {}),
      ...(horizons.length ? { auroc: horizons.map((h) => ({ horizon: h, ...summary("aurocAtHorizon", h) })) } : {}),
    };
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
        return {
          horizon: h,
          estimate: a.estimate,
          comparatorEstimate: b.estimate,
          p: asUsage(`DeLong test at ${h}`, () => delongTest(a, b)).p,
        };
      }),
      timeDependentAuc: horizons.map((h) => {
        const a = timeDependentAuc(time, event, score, h);
        const b = asUsage(`timeDependentAuc of --compare at ${h}`, () => timeDependentAuc(time, event, comparator, h));
        return { time: h, estimate: a.estimate, comparatorEstimate: b.estimate, p: compareTimeDependentAuc(a, b).p };
      }),
    };
  }
  if (group) {
    const groups = groupLevels(group);
    out.kaplanMeier = groups.flatMap((g) => {
      const idx = group.flatMap((x, i) => (x === g ? [i] : []));
      return kaplanMeierRows(
        g,
        kaplanMeier(
          idx.map((i) => time[i]!),
          idx.map((i) => event[i]!),
        ),
      );
    });
    const lr = asUsage("logRank", () => logRankTest(time, event, group));
    out.logRank = { chisq: lr.chisq, df: lr.df, p: lr.p };
  } else {
    out.kaplanMeier = kaplanMeierRows("all", kaplanMeier(time, event));
  }
  return out;
}

/**
 * `stats metrics --cause 1`: the event column codes 0 censored, 1 the event of interest, 2 a competing
 * event. Aalen-Johansen cumulative incidence (by --group, with Gray's test), cause-specific AUC(t) at each
 * --horizon (paired with --compare), calibration of each --risk with Aalen-Johansen observed risk.
 */
function competingRisksMetrics(flags: MetricsFlags): Record<string, unknown> {
  if (flags.cause !== "1")
    throw new UsageError(
      `--cause: "${flags.cause}" must be 1 (the event of interest is coded 1, the competing event 2)`,
    );
  for (const [flag, given] of [
    ["--tau", flags.tau],
    ["--thresholds", flags.thresholds],
    ["--bootstrap", flags.bootstrap],
  ] as const) {
    if (given !== undefined) throw new UsageError(`${flag} is not available with --cause`);
  }
  const riskSpecs = parseRiskSpecs(flags.risk ?? []);
  const table = analysedRows(flags, riskSpecs);
  const time = numericColumn(table, flags.time, "--time", nonNegative);
  const status = statusColumn(table, flags.event, "--event");
  const score = numericColumn(table, flags.score, "--score");
  const horizons = flags.horizon ? numberList(flags.horizon, "--horizon") : [];
  const comparator = flags.compare ? numericColumn(table, flags.compare, "--compare") : undefined;
  const group = flags.group ? textColumn(table, flags.group, "--group") : undefined;
  const risks = riskColumns(table, riskSpecs);
  const count = (code: number) => status.reduce((s, x) => s + (x === code ? 1 : 0), 0);
  const out: Record<string, unknown> = {
    n: time.length,
    events: count(1),
    competingEvents: count(2),
    cause: 1,
    ...omittedSection(table),
  };
  const groups = group ? groupLevels(group) : ["all"];
  out.cumulativeIncidence = groups.flatMap((g) => {
    const idx = group ? group.flatMap((x, i) => (x === g ? [i] : [])) : Array.from(time.keys());
    const curve = asUsage(`cumulative incidence of ${g}`, () =>
      cumulativeIncidence(
        idx.map((i) => time[i]!),
        idx.map((i) => status[i]!),
      ),
    );
    const at = horizons.length ? horizons.filter((h) => h <= curve.maxTime) : Array.from(curve.times);
    return at.map((t) => {
      const p = cumulativeIncidenceAt(curve, t);
      return { group: g, time: t, estimate: p.estimate, se: p.se, ci: p.ci ? [p.ci.lower, p.ci.upper] : null };
    });
  });
  if (group) {
    const gray = asUsage("grayTest", () => grayTest(time, status, group));
    out.grayTest = { statistic: gray.statistic, df: gray.df, p: gray.p };
  }
  if (horizons.length) {
    const aucs = horizons.map((h) =>
      asUsage(`timeDependentAuc at ${h}`, () => competingRisksAuc(time, status, score, h)),
    );
    out.timeDependentAuc = aucs.map((a) => ({
      time: a.time,
      estimate: a.estimate,
      se: a.se,
      ci: [a.ci.lower, a.ci.upper],
      cases: a.cases,
      controls: a.controls,
    }));
    if (comparator) {
      out.comparison = {
        comparator: flags.compare,
        timeDependentAuc: aucs.map((a) => {
          const b = asUsage(`timeDependentAuc of --compare at ${a.time}`, () =>
            competingRisksAuc(time, status, comparator, a.time),
          );
          const d = compareTimeDependentAuc(a, b);
          return {
            time: a.time,
            estimate: a.estimate,
            comparatorEstimate: b.estimate,
            difference: d.estimate,
            se: d.se,
            p: d.p,
          };
        }),
      };
    }
  }
  if (risks.length) {
    out.calibration = risks.map((r) => {
      const c = asUsage(`calibration of ${r.column}`, () =>
        competingRisksCalibration(time, status, r.values, r.horizon),
      );
      return {
        horizon: r.horizon,
        risk: r.column,
        observed: c.observed,
        expected: c.expected,
        oe: c.oe,
        oeSe: c.oeSe,
        oeCi: c.oeCi ? [c.oeCi.lower, c.oeCi.upper] : null,
        brier: c.brier,
        ipa: c.ipa,
      };
    });
  }
  return out;
}

/**
 * The groups in the order R's factor() gives its levels: numerically when every value is a number (1, 2, 10,
 * not 1, 10, 2), else sorted as text.
 */
function groupLevels(group: readonly string[]): string[] {
  const levels = [...new Set(group)];
  const numeric = levels.every((g) => g.trim() !== "" && Number.isFinite(Number(g)));
  return numeric ? levels.sort((a, b) => Number(a) - Number(b)) : levels.sort();
}

interface RiskSpec {
  column: string;
  horizon: number;
}

/** "--risk risk5y@1826" → the column and its horizon. */
function parseRiskSpecs(specs: readonly string[]): RiskSpec[] {
  return specs.map((spec) => {
    const match = /^(.+)@([0-9.]+)$/.exec(spec);
    if (!match) throw new UsageError(`--risk: "${spec}" must be COLUMN@HORIZON, e.g. risk5y@1826`);
    return { column: match[1]!, horizon: numberList(match[2]!, "--risk")[0]! };
  });
}

function riskColumns(table: CsvTable, specs: readonly RiskSpec[]) {
  return specs.map(({ column, horizon }) => {
    const values = numericColumn(table, column, "--risk", (v) =>
      v < 0 || v > 1 ? "is not a risk between 0 and 1" : null,
    );
    return { column, horizon, values };
  });
}

/** The rows `stats metrics` analyses: complete in every column it was given (R's na.omit). */
function analysedRows(flags: MetricsFlags, risks: readonly RiskSpec[]): CsvTable {
  return completeCases(readCsv(flags.input), [
    [flags.time, "--time"],
    [flags.event, "--event"],
    [flags.score, "--score"],
    ...(flags.compare ? [[flags.compare, "--compare"] as const] : []),
    ...(flags.group ? [[flags.group, "--group"] as const] : []),
    ...risks.map((r) => [r.column, "--risk"] as const),
  ]);
}

/** `omitted` in the printed JSON when rows were left out for NA; absent otherwise, as R says nothing then. */
function omittedSection(table: CsvTable): { omitted?: CsvTable["omitted"] } {
  return table.omitted ? { omitted: table.omitted } : {};
}

export interface CoxFlags {
  input: string;
  time: string;
  event: string;
  covariates: string;
}

export function statsCox(flags: CoxFlags): Record<string, unknown> {
  const names = flags.covariates
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!names.length) throw new UsageError("--covariates: give at least one column");
  const table = completeCases(readCsv(flags.input), [
    [flags.time, "--time"],
    [flags.event, "--event"],
    ...names.map((name) => [name, "--covariates"] as const),
  ]);
  const time = numericColumn(table, flags.time, "--time", nonNegative);
  const event = eventColumn(table, flags.event, "--event");
  const covariates = Object.fromEntries(names.map((name) => [name, numericColumn(table, name, "--covariates")]));
  const fit = asUsage("cox", () => coxPH(time, event, covariates));
  return {
    terms: fit.terms,
    coef: fit.coef,
    se: fit.se,
    hr: fit.hr,
    hrCi: fit.hrCi.map((c) => [c.lower, c.upper]),
    p: fit.p,
    loglik: fit.loglik,
    lrChisq: fit.lrChisq,
    waldChisq: fit.waldChisq,
    scoreChisq: fit.scoreChisq,
    n: fit.n,
    events: fit.events,
    ...omittedSection(table),
  };
}

export interface MetaFlags {
  input: string;
  estimate: string;
  se: string;
  label?: string;
  scale?: string;
  method?: string;
  hksj?: boolean;
}

/**
 * `fracval stats meta`: random-effects pooling of per-site estimates (REML or DerSimonian-Laird, HKSJ by
 * default), as metafor::rma.uni + predict(), back-transformed to the natural scale; `i2` and `weight` are
 * fractions, `pooled.se` is on the analysis scale (as metafor reports it).
 */
export function statsMeta(flags: MetaFlags): Record<string, unknown> {
  const scaleName = (flags.scale ?? "identity") as PoolingScale;
  const scale = POOLING_SCALES[scaleName];
  if (!scale) throw new UsageError(`--scale: "${flags.scale}" must be logit, log or identity`);
  const method = (flags.method ?? "REML").toUpperCase();
  if (method !== "REML" && method !== "DL") throw new UsageError(`--method: "${flags.method}" must be REML or DL`);
  const table = completeCases(readCsv(flags.input), [
    [flags.estimate, "--estimate"],
    [flags.se, "--se"],
  ]);
  const estimates = numericColumn(table, flags.estimate, "--estimate", scale.check);
  const ses = numericColumn(table, flags.se, "--se", (v) => (v > 0 ? null : "must be a positive standard error"));
  const labels: string[] = flags.label
    ? textColumn(table, flags.label, "--label")
    : Array.from(estimates, (_, i) => `row ${table.rowNumber(i)}`);
  const hksj = flags.hksj ?? true;
  const fit = asUsage("meta", () => poolOnScale(Array.from(estimates), Array.from(ses), scaleName, { method, hksj }));
  return {
    ...fit,
    studies: labels.map((label, i) => ({ label, ...fit.studies[i]! })),
    ...omittedSection(table),
  };
}
