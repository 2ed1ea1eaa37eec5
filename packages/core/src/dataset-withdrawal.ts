// A site takes a validation set back: its patients, their images and every prediction made on them are
// deleted; the runs keep their aggregate metrics and curves, marked as coming from a withdrawn dataset (a
// validation paper may already cite them). Members of the site only; audited with the reason.
import type { Db, ValidationDataset } from "@fracval/db";
import { assertCanActOnSite, canSeeSiteAggregates } from "./access.js";
import { recordAudit } from "./audit.js";
import { decodeSeriesIndex, type ContentStore } from "./content-store.js";
import { AppError, badInput, notFound } from "./errors.js";
import type { Viewer } from "./viewer.js";

export interface WithdrawnDataset {
  dataset: ValidationDataset;
  patientsDeleted: number;
  predictionsDeleted: number;
  runsCancelled: number;
  imagesDeleted: number;
}

/** Blobs of a stored image series: the file itself, or a CT series' index and every slice it lists. */
async function seriesBlobs(store: ContentStore, storageKey: string): Promise<string[]> {
  try {
    const bytes = await store.get(storageKey);
    // A DICOM file starts with its 128-byte preamble, an index with "{".
    if (bytes[0] !== "{".charCodeAt(0)) return [storageKey];
    return [...decodeSeriesIndex(bytes), storageKey];
  } catch {
    return [storageKey]; // already gone, or not an index
  }
}

export async function withdrawValidationDataset(
  db: Db,
  store: ContentStore,
  viewer: Viewer,
  datasetId: string,
  reason: string,
): Promise<WithdrawnDataset> {
  const dataset = await db.validationDataset.findUnique({ where: { id: datasetId }, include: { site: true } });
  if (!dataset || !canSeeSiteAggregates(viewer, dataset.siteId)) throw notFound("Dataset", datasetId);
  assertCanActOnSite(viewer, dataset.siteId, dataset.site.code, { kind: "Dataset", id: datasetId });
  const why = reason.trim();
  if (why.length < 3) throw badInput("reason", "reason: say why the dataset is withdrawn (it is audited)", reason);
  if (dataset.status !== "READY" && dataset.status !== "REJECTED")
    throw new AppError(
      "CONFLICT",
      `Dataset ${datasetId} is ${dataset.status}: cancel an upload in progress instead; only a READY or REJECTED dataset is withdrawn.`,
    );
  const series = await db.imageSeries.findMany({
    where: { patient: { datasetId } },
    select: { storageKey: true },
  });
  const result = await db.$transaction(
    async (tx) => {
      const cancelled = await tx.validationRun.updateMany({
        where: { datasetId, status: { in: ["QUEUED", "RUNNING", "COMPUTING_METRICS"] } },
        data: { status: "CANCELLED", finishedAt: new Date(), error: "dataset withdrawn by its site" },
      });
      const predictions = await tx.prediction.deleteMany({ where: { run: { datasetId } } });
      // Baselines, outcomes, image series rows and provided scores go with their patients (cascade).
      const patients = await tx.patient.deleteMany({ where: { datasetId } });
      const updated = await tx.validationDataset.update({
        where: { id: datasetId },
        data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawReason: why },
      });
      await recordAudit(tx, viewer, {
        action: "dataset.withdraw",
        siteId: dataset.siteId,
        resource: datasetId,
        details: {
          reason: why,
          patients: patients.count,
          predictions: predictions.count,
          runsCancelled: cancelled.count,
        },
      });
      return { updated, patients: patients.count, predictions: predictions.count, cancelled: cancelled.count };
    },
    { timeout: 120_000 },
  );
  // Image blobs are content-addressed: one still referenced by another dataset's series stays.
  const keys = [...new Set(series.map((s) => s.storageKey))];
  const stillUsed = new Set(
    (await db.imageSeries.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } })).map(
      (s) => s.storageKey,
    ),
  );
  let imagesDeleted = 0;
  for (const key of keys) {
    if (stillUsed.has(key)) continue;
    for (const blob of await seriesBlobs(store, key)) await store.delete(blob);
    imagesDeleted++;
  }
  return {
    dataset: result.updated,
    patientsDeleted: result.patients,
    predictionsDeleted: result.predictions,
    runsCancelled: result.cancelled,
    imagesDeleted,
  };
}
