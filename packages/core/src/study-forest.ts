// Forest plots of a study: for one metric, each site's estimate with its CI (one run per site × model
// version on the site's designated dataset, as studyComparison shows it to this viewer) and the
// random-effects pooled estimate with its prediction interval, I², τ² and Cochran's Q (packages/stats
// poolOnScale = metafor). Pooling is the only statistics done at request time. A site's row withheld from this viewer is neither drawn nor
// pooled, so nothing withheld can be backed out of the pooled number.
import type { ModelVersion, Site, ValidationDataset, ValidationRun } from "@fracval/db";
import { poolOnScale, StatsInputError, type PooledOnScale, type PoolingScale } from "@fracval/stats";
import type { ShownMetric } from "./disclosure.js";
import { AppError } from "./errors.js";
import type { MetricName } from "./metrics.js";
import { studyComparison, type ComparisonRow } from "./study-comparison.js";
import type { Viewer } from "./viewer.js";

/** What is drawn of a metric row: its estimate, or the calibration slope, Brier score or IPA of a calibration row. */
export const FOREST_STATISTICS = ["ESTIMATE", "CALIBRATION_SLOPE", "BRIER", "IPA"] as const;
export type ForestStatistic = (typeof FOREST_STATISTICS)[number];

/** Where each metric is pooled: discrimination and proportions on the logit scale, O/E on the log scale. */
export function poolingScaleOf(metric: MetricName, statistic: ForestStatistic = "ESTIMATE"): PoolingScale {
  if (statistic !== "ESTIMATE") return "identity";
  if (metric.endsWith("Diff")) return "identity";
  if (metric === "calibrationOE") return "log";
  return "logit";
}

const Z_95 = 1.959963984540054;

/**
 * The statistic of one stored row with its CI and standard error. The calibration slope's CI is a Wald
 * interval (logistic or Cox recalibration), so its SE is the half-width / z; Brier and IPA have no SE stored.
 */
export function forestStatisticOf(
  row: Pick<ShownMetric, "estimate" | "ciLower" | "ciUpper" | "se" | "details">,
  statistic: ForestStatistic,
): { estimate: number; ciLower: number | null; ciUpper: number | null; se: number | null } | null {
  if (statistic === "ESTIMATE")
    return { estimate: row.estimate, ciLower: row.ciLower, ciUpper: row.ciUpper, se: row.se };
  const d = (row.details ?? {}) as Record<string, unknown>;
  const number = (key: string) => (typeof d[key] === "number" && Number.isFinite(d[key]) ? (d[key] as number) : null);
  if (statistic === "CALIBRATION_SLOPE") {
    const slope = number("slope");
    if (slope === null) return null;
    const lower = number("slopeCiLower");
    const upper = number("slopeCiUpper");
    const se = lower !== null && upper !== null ? (upper - lower) / (2 * Z_95) : null;
    return { estimate: slope, ciLower: lower, ciUpper: upper, se };
  }
  const value = number(statistic === "BRIER" ? "brier" : "ipa");
  return value === null ? null : { estimate: value, ciLower: null, ciUpper: null, se: null };
}

export interface ForestSite {
  site: Site;
  dataset: ValidationDataset;
  run: ValidationRun;
  estimate: number;
  ciLower: number | null;
  ciUpper: number | null;
  se: number | null;
  n: number | null;
  /** Weight in the pooled estimate (0–1); null when the site is not pooled. */
  weight: number | null;
  /** A paired difference's test p-value (DeLong, or the paired C / AUC(t) test); null for other rows. */
  p: number | null;
}

export interface ForestPlot {
  modelVersion: ModelVersion;
  metric: MetricName;
  statistic: ForestStatistic;
  scoreSource: string;
  horizonDays: number | null;
  scale: PoolingScale;
  sites: ForestSite[];
  /** Null with fewer than two sites that have a standard error. */
  pooled: PooledOnScale | null;
  /** Why there is no pooled estimate, when there is none. */
  notPooled: string | null;
}

export interface ForestQuery {
  metric: MetricName;
  /** What is drawn of the metric's rows (default ESTIMATE; the others read calibrationOE rows). */
  statistic?: ForestStatistic;
  /** One score source (default "model"); ignored with everySource. */
  scoreSource?: string;
  /** A plot for every score source the runs have for the metric: model, FRAX MOF and hip, each baseline. */
  everySource?: boolean;
  horizonDays?: number | null;
}

/** Model first, then FRAX MOF, FRAX hip, the baselines and anything else alphabetically. */
const SOURCE_ORDER = ["model", "frax_mof", "frax_hip"];
const bySourceOrder = (a: string, b: string) => {
  // Differences model-vs-<comparator> in their comparator's order.
  const rank = (source: string) => {
    const s = source.startsWith("model-vs-") ? source.slice("model-vs-".length) : source;
    return SOURCE_ORDER.includes(s) ? SOURCE_ORDER.indexOf(s) : SOURCE_ORDER.length;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
};

export async function studyForest(
  db: Parameters<typeof studyComparison>[0],
  viewer: Viewer,
  studyId: string,
  query: ForestQuery,
  /** The study's comparison rows when the caller has them already (several forests in one request). */
  comparison?: Promise<ComparisonRow[]>,
): Promise<ForestPlot[]> {
  const statistic = query.statistic ?? "ESTIMATE";
  if (statistic !== "ESTIMATE" && query.metric !== "calibrationOE")
    throw new AppError(
      "BAD_USER_INPUT",
      `The statistic ${statistic} belongs to calibrationOE rows, not to ${query.metric}.`,
      { location: { field: "statistic", value: statistic } },
    );
  // One row per site × model version (the site's designated dataset).
  const rows = await (comparison ?? studyComparison(db, viewer, studyId));
  const plots = new Map<string, { modelVersion: ModelVersion; scoreSource: string; sites: ForestSite[] }>();
  for (const row of rows) {
    for (const metric of row.metrics) {
      if (metric.metric !== query.metric || metric.subgroup !== "all") continue;
      if (!query.everySource && metric.scoreSource !== (query.scoreSource ?? "model")) continue;
      if (query.horizonDays !== undefined && query.horizonDays !== null && metric.horizonDays !== query.horizonDays)
        continue;
      const value = forestStatisticOf(metric, statistic);
      if (!value) continue;
      const key = `${row.modelVersion.id}|${metric.scoreSource}`;
      const plot = plots.get(key) ?? { modelVersion: row.modelVersion, scoreSource: metric.scoreSource, sites: [] };
      // A run has one row per metric × source × horizon; without a horizon asked for, the first one counts.
      if (plot.sites.some((s) => s.run.id === row.run.id)) continue;
      const p = (metric.details as { p?: unknown } | null)?.p;
      plot.sites.push({
        site: row.site,
        dataset: row.dataset,
        run: row.run,
        ...value,
        n: metric.n,
        weight: null,
        p: statistic === "ESTIMATE" && typeof p === "number" ? p : null,
      });
      plots.set(key, plot);
    }
  }
  const scale = poolingScaleOf(query.metric, statistic);
  return [...plots.values()]
    .sort(
      (a, b) =>
        a.modelVersion.family.localeCompare(b.modelVersion.family) ||
        a.modelVersion.version.localeCompare(b.modelVersion.version) ||
        bySourceOrder(a.scoreSource, b.scoreSource),
    )
    .map(({ modelVersion, scoreSource, sites }) => {
      sites.sort((a, b) => a.site.code.localeCompare(b.site.code));
      const poolable = sites.filter((s) => s.se !== null && s.se > 0);
      let pooled: PooledOnScale | null = null;
      let notPooled: string | null = null;
      if (statistic === "BRIER" || statistic === "IPA")
        notPooled = "the Brier score and IPA are stored without a standard error: shown per site, not pooled";
      else if (poolable.length < 2) notPooled = "fewer than two sites with a standard error";
      else {
        try {
          pooled = poolOnScale(
            poolable.map((s) => s.estimate),
            poolable.map((s) => s.se!),
            scale,
          );
          poolable.forEach((s, i) => {
            s.weight = pooled!.studies[i]!.weight;
          });
        } catch (error) {
          if (!(error instanceof StatsInputError)) throw error;
          notPooled = error.message;
        }
      }
      return {
        modelVersion,
        metric: query.metric,
        statistic,
        scoreSource,
        horizonDays: query.horizonDays ?? null,
        scale,
        sites,
        pooled,
        notPooled,
      };
    });
}
