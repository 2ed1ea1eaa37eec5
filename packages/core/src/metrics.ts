// Stored metric results: aggregate data, visible per site according to access.aggregateSiteIds.
import type { Db, MetricResult } from "@fracval/db";
import { aggregateSiteIds } from "./access.js";
import type { Viewer } from "./viewer.js";

export function listMetricResults(db: Db, viewer: Viewer, filter: { runId?: string; datasetId?: string }): Promise<MetricResult[]> {
  const visible = aggregateSiteIds(viewer);
  return db.metricResult.findMany({
    where: {
      ...(filter.runId ? { runId: filter.runId } : {}),
      ...(filter.datasetId ? { datasetId: filter.datasetId } : {}),
      ...(visible ? { dataset: { siteId: { in: visible } } } : {}),
    },
    orderBy: [{ metric: "asc" }, { scoreSource: "asc" }, { horizonDays: "asc" }],
  });
}
