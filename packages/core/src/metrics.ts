// Stored metric results: aggregate data, visible per site according to access.aggregateSiteIds once the site
// has released them (access.visibleResultsFilter), each row as the disclosure rules (disclosure.ts) let the viewer see it.
import type { Db, Prisma } from "@fracval/db";
import { aggregateSiteIds, canReadPatientData, visibleResultsFilter } from "./access.js";
import { discloseMetrics, type ShownMetric } from "./disclosure.js";
import type { Viewer } from "./viewer.js";

/** Every statistic the metrics job stores; the GraphQL enum MetricName lists the same (a test checks). */
export const METRIC_NAMES = [
  "harrellC",
  "unoC",
  "auroc",
  "timeDependentAuc",
  "calibrationOE",
  "riskGroupRisk",
  "sensitivity",
  "specificity",
  "ppv",
  "npv",
  "harrellCDiff",
  "aurocDiff",
  "timeDependentAucDiff",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/**
 * One total order of stored metric rows (a run has one row per metric × source × horizon × subgroup), so
 * that every listing and export of the same results is byte-identical.
 */
export const METRIC_ROW_ORDER = [
  { runId: "asc" },
  { metric: "asc" },
  { scoreSource: "asc" },
  { horizonDays: "asc" },
  { subgroup: "asc" },
  { id: "asc" },
] satisfies Prisma.MetricResultOrderByWithRelationInput[];

export async function listMetricResults(
  db: Db,
  viewer: Viewer,
  filter: { runId?: string; datasetId?: string },
): Promise<ShownMetric[]> {
  const visible = aggregateSiteIds(viewer);
  const released = visibleResultsFilter(viewer);
  const rows = await db.metricResult.findMany({
    where: {
      ...(filter.runId ? { runId: filter.runId } : {}),
      ...(filter.datasetId ? { datasetId: filter.datasetId } : {}),
      ...(visible ? { dataset: { siteId: { in: visible } } } : {}),
      // The release gate: draft and withdrawn results only for the run's own site (run-release.ts).
      ...(released ? { run: released } : {}),
    },
    include: { dataset: { select: { siteId: true } } },
    orderBy: METRIC_ROW_ORDER,
  });
  // Disclosure works per run: its subgroup sets and comparators are judged together.
  const shown = discloseMetrics(rows, (row) => canReadPatientData(viewer, row.dataset.siteId)).rows;
  return shown.map(({ dataset: _dataset, ...row }) => row);
}
