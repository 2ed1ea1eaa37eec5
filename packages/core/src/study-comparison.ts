// What the PI dashboard draws: for every site × model version of a study, the latest finished run's
// stored metrics (model, FRAX and the paired comparisons). Small-cell protection: a cell computed from
// fewer than 10 patients or 10 events is flagged, and its numbers are hidden from anyone without
// patient-level access to that site; so is any subgroup row (sex, age band, risk group) that small.
import type { Db, MetricResult, ModelVersion, Site, ValidationDataset, ValidationRun } from "@fracval/db";
import { aggregateSiteIds, canReadPatientData } from "./access.js";
import { notFound } from "./errors.js";
import { METRIC_ROW_ORDER } from "./metrics.js";
import type { Viewer } from "./viewer.js";

export const SMALL_CELL_MINIMUM = 10;

export interface ComparisonRow {
  site: Site;
  dataset: ValidationDataset;
  modelVersion: ModelVersion;
  run: ValidationRun;
  smallCell: boolean;
  /** Empty when the cell is small and the viewer may not see it. */
  metrics: MetricResult[];
  hidden: boolean;
}

const isSmall = (m: Pick<MetricResult, "n" | "events">) => m.n < SMALL_CELL_MINIMUM || m.events < SMALL_CELL_MINIMUM;

/** A run's cell is small when any of its whole-cohort metrics rests on fewer than 10 patients or events. */
export function isSmallCell(metrics: readonly MetricResult[]): boolean {
  return metrics.some((m) => m.subgroup === "all" && isSmall(m));
}

/**
 * One run's metrics as a viewer may see them: everything with patient-level access to the site; without
 * it, nothing of a small cell, and no small subgroup row of a cell that is not small.
 */
export function protectSmallCells<T extends MetricResult>(metrics: T[], mayReadPatientData: boolean): { smallCell: boolean; hidden: boolean; metrics: T[] } {
  const smallCell = isSmallCell(metrics);
  if (mayReadPatientData) return { smallCell, hidden: false, metrics };
  if (smallCell) return { smallCell, hidden: true, metrics: [] };
  return { smallCell, hidden: false, metrics: metrics.filter((m) => m.subgroup === "all" || !isSmall(m)) };
}

export async function studyComparison(db: Db, viewer: Viewer, studyId: string): Promise<ComparisonRow[]> {
  const study = await db.study.findUnique({ where: { id: studyId } });
  if (!study) throw notFound("Study", studyId);
  const visible = aggregateSiteIds(viewer);
  const runs = await db.validationRun.findMany({
    where: { status: "SUCCEEDED", dataset: { studyId, ...(visible ? { siteId: { in: visible } } : {}) } },
    include: { dataset: { include: { site: true } }, modelVersion: true, metrics: { orderBy: METRIC_ROW_ORDER } },
    orderBy: [{ finishedAt: "desc" }],
  });
  const latest = new Map<string, (typeof runs)[number]>();
  for (const run of runs) {
    const key = `${run.datasetId}/${run.modelVersionId}`;
    if (!latest.has(key)) latest.set(key, run);
  }
  return [...latest.values()]
    .sort((a, b) => a.dataset.site.code.localeCompare(b.dataset.site.code) || a.modelVersion.family.localeCompare(b.modelVersion.family))
    .map((run) => {
      const { smallCell, hidden, metrics } = protectSmallCells(run.metrics, canReadPatientData(viewer, run.dataset.siteId));
      const { dataset, modelVersion, metrics: _all, ...bare } = run;
      const { site, ...datasetRow } = dataset;
      return { site, dataset: datasetRow, modelVersion, run: bare, smallCell, hidden, metrics };
    });
}
