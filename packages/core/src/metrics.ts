// Stored metric results: aggregate data, visible per site according to access.aggregateSiteIds, with
// small-cell protection (see study-comparison.ts): a run whose metrics rest on fewer than 10 patients
// or events is withheld from viewers without patient-level access to its site, and so is a small
// subgroup row.
import type { Db, MetricResult, Prisma } from "@fracval/db";
import { aggregateSiteIds, canReadPatientData } from "./access.js";
import { protectSmallCells } from "./study-comparison.js";
import type { Viewer } from "./viewer.js";

/**
 * One total order of stored metric rows (a run has one row per metric × source × horizon × subgroup), so
 * that every listing and export of the same results is byte-identical.
 */
export const METRIC_ROW_ORDER = [
  { runId: "asc" }, { metric: "asc" }, { scoreSource: "asc" }, { horizonDays: "asc" }, { subgroup: "asc" }, { id: "asc" },
] satisfies Prisma.MetricResultOrderByWithRelationInput[];

export async function listMetricResults(db: Db, viewer: Viewer, filter: { runId?: string; datasetId?: string }): Promise<MetricResult[]> {
  const visible = aggregateSiteIds(viewer);
  const rows = await db.metricResult.findMany({
    where: {
      ...(filter.runId ? { runId: filter.runId } : {}),
      ...(filter.datasetId ? { datasetId: filter.datasetId } : {}),
      ...(visible ? { dataset: { siteId: { in: visible } } } : {}),
    },
    include: { dataset: { select: { siteId: true } } },
    orderBy: METRIC_ROW_ORDER,
  });
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = row.runId ?? `dataset:${row.datasetId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()]
    .flatMap((group) => protectSmallCells(group, canReadPatientData(viewer, group[0]!.dataset.siteId)).metrics)
    .map(({ dataset: _dataset, ...row }) => row);
}
