// Forest plots of a study: for one metric, each site's estimate with its CI (the latest released run of each
// site × model version, as studyComparison shows it to this viewer) and the random-effects pooled estimate
// with its prediction interval, I², τ² and Cochran's Q (packages/stats poolOnScale = metafor). Pooling is
// the only statistics done at request time. A site's row withheld from this viewer is neither drawn nor
// pooled, so nothing withheld can be backed out of the pooled number.
import type { ModelVersion, Site, ValidationDataset, ValidationRun } from "@fracval/db";
import { poolOnScale, StatsInputError, type PooledOnScale, type PoolingScale } from "@fracval/stats";
import type { MetricName } from "./metrics.js";
import { studyComparison, type ComparisonRow } from "./study-comparison.js";
import type { Viewer } from "./viewer.js";

/** Where each metric is pooled: discrimination and proportions on the logit scale, O/E on the log scale. */
export function poolingScaleOf(metric: MetricName): PoolingScale {
  if (metric.endsWith("Diff")) return "identity";
  if (metric === "calibrationOE") return "log";
  return "logit";
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
}

export interface ForestPlot {
  modelVersion: ModelVersion;
  metric: MetricName;
  scoreSource: string;
  horizonDays: number | null;
  scale: PoolingScale;
  sites: ForestSite[];
  /** Null with fewer than two sites that have a standard error. */
  pooled: PooledOnScale | null;
  /** Why there is no pooled estimate, when there is none. */
  notPooled: string | null;
}

export async function studyForest(
  db: Parameters<typeof studyComparison>[0],
  viewer: Viewer,
  studyId: string,
  query: { metric: MetricName; scoreSource?: string; horizonDays?: number | null },
  /** The study's comparison rows when the caller has them already (several forests in one request). */
  comparison?: Promise<ComparisonRow[]>,
): Promise<ForestPlot[]> {
  const scoreSource = query.scoreSource ?? "model";
  const rows = await (comparison ?? studyComparison(db, viewer, studyId));
  // One row per site × model version: the site's latest finished run (rows come newest dataset first).
  const bySiteModel = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.site.id}/${row.modelVersion.id}`;
    const seen = bySiteModel.get(key);
    if (!seen || (row.run.finishedAt ?? row.run.createdAt) > (seen.run.finishedAt ?? seen.run.createdAt))
      bySiteModel.set(key, row);
  }
  const models = new Map<string, { modelVersion: ModelVersion; sites: ForestSite[] }>();
  for (const row of bySiteModel.values()) {
    const metric = row.metrics.find(
      (m) =>
        m.metric === query.metric &&
        m.scoreSource === scoreSource &&
        m.subgroup === "all" &&
        (query.horizonDays === undefined || query.horizonDays === null || m.horizonDays === query.horizonDays),
    );
    if (!metric) continue;
    const entry = models.get(row.modelVersion.id) ?? { modelVersion: row.modelVersion, sites: [] };
    entry.sites.push({
      site: row.site,
      dataset: row.dataset,
      run: row.run,
      estimate: metric.estimate,
      ciLower: metric.ciLower,
      ciUpper: metric.ciUpper,
      se: metric.se,
      n: metric.n,
      weight: null,
    });
    models.set(row.modelVersion.id, entry);
  }
  const scale = poolingScaleOf(query.metric);
  return [...models.values()]
    .sort(
      (a, b) =>
        a.modelVersion.family.localeCompare(b.modelVersion.family) ||
        a.modelVersion.version.localeCompare(b.modelVersion.version),
    )
    .map(({ modelVersion, sites }) => {
      sites.sort((a, b) => a.site.code.localeCompare(b.site.code));
      const poolable = sites.filter((s) => s.se !== null && s.se > 0);
      let pooled: PooledOnScale | null = null;
      let notPooled: string | null = null;
      if (poolable.length < 2) notPooled = "fewer than two sites with a standard error";
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
        scoreSource,
        horizonDays: query.horizonDays ?? null,
        scale,
        sites,
        pooled,
        notPooled,
      };
    });
}
