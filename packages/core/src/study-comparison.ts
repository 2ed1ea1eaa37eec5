// What the PI dashboard draws: for every site × model version of a study, the latest finished run's
// stored metrics (the latest released one for viewers outside the site) (model, FRAX and the paired comparisons), each row as the disclosure rules let this
// viewer see it (disclosure.ts: per row and per count, with complementary suppression).
import type { Db, ModelVersion, Site, ValidationDataset, ValidationRun } from "@fracval/db";
import { aggregateSiteIds, canReadPatientData, visibleResultsFilter } from "./access.js";
import { discloseMetrics, type ShownMetric } from "./disclosure.js";
import { notFound } from "./errors.js";
import { METRIC_ROW_ORDER } from "./metrics.js";
import type { Viewer } from "./viewer.js";

export interface ComparisonRow {
  site: Site;
  dataset: ValidationDataset;
  modelVersion: ModelVersion;
  run: ValidationRun;
  /** Some of the run's numbers rest on fewer than the minimum cell count. */
  smallCell: boolean;
  /** Rows (or counts) withheld from this viewer by the disclosure rules (disclosure.ts). */
  metrics: ShownMetric[];
  /** Every row of the run is withheld from this viewer. */
  hidden: boolean;
}

export async function studyComparison(db: Db, viewer: Viewer, studyId: string): Promise<ComparisonRow[]> {
  const study = await db.study.findUnique({ where: { id: studyId } });
  if (!study) throw notFound("Study", studyId);
  const visible = aggregateSiteIds(viewer);
  const released = visibleResultsFilter(viewer);
  const runs = await db.validationRun.findMany({
    where: {
      status: "SUCCEEDED",
      dataset: { studyId, ...(visible ? { siteId: { in: visible } } : {}) },
      // Released runs; the viewer's own site also sees its drafts (marked by run.releaseState).
      ...(released ?? {}),
    },
    include: { dataset: { include: { site: true } }, modelVersion: true, metrics: { orderBy: METRIC_ROW_ORDER } },
    orderBy: [{ finishedAt: "desc" }],
  });
  const latest = new Map<string, (typeof runs)[number]>();
  for (const run of runs) {
    const key = `${run.datasetId}/${run.modelVersionId}`;
    if (!latest.has(key)) latest.set(key, run);
  }
  return [...latest.values()]
    .sort(
      (a, b) =>
        a.dataset.site.code.localeCompare(b.dataset.site.code) ||
        a.modelVersion.family.localeCompare(b.modelVersion.family),
    )
    .map((run) => {
      // What a viewer without patient-level access sees decides smallCell, and is what such a viewer gets.
      const guarded = discloseMetrics(run.metrics, () => false);
      const shown = canReadPatientData(viewer, run.dataset.siteId) ? discloseMetrics(run.metrics, () => true) : guarded;
      const smallCell = guarded.withheld + guarded.countsWithheld > 0;
      const { dataset, modelVersion, metrics: _all, ...bare } = run;
      const { site, ...datasetRow } = dataset;
      return {
        site,
        dataset: datasetRow,
        modelVersion,
        run: bare,
        smallCell,
        hidden: run.metrics.length > 0 && shown.rows.length === 0,
        metrics: shown.rows,
      };
    });
}
