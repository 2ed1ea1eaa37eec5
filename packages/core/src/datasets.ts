// Validation datasets: summaries (counts, status, report) are aggregate data; their rows are not.
import { z } from "zod";
import type { Db, ValidationDataset } from "@fracval/db";
import { aggregateSiteIds, assertCanActOnSite, canSeeSiteAggregates } from "./access.js";
import { recordAudit } from "./audit.js";
import { AppError, notFound } from "./errors.js";
import { uploadProblemReport } from "./ingest/validate-manifest.js";
import { assertWithinDailyQuota } from "./quotas.js";
import type { Viewer } from "./viewer.js";

export interface DatasetFilter {
  studyId?: string;
  siteId?: string;
}

export function listDatasets(db: Db, viewer: Viewer, filter: DatasetFilter = {}): Promise<ValidationDataset[]> {
  const visible = aggregateSiteIds(viewer);
  return db.validationDataset.findMany({
    where: {
      ...(filter.studyId ? { studyId: filter.studyId } : {}),
      AND: [filter.siteId ? { siteId: filter.siteId } : {}, visible ? { siteId: { in: visible } } : {}],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/** A dataset the viewer may see; NOT_FOUND (not FORBIDDEN) otherwise, so ids do not leak existence. */
export async function getDataset(db: Db, viewer: Viewer, id: string): Promise<ValidationDataset> {
  const dataset = await db.validationDataset.findUnique({ where: { id } });
  if (!dataset || !canSeeSiteAggregates(viewer, dataset.siteId)) throw notFound("Dataset", id);
  return dataset;
}

export const CreateValidationDatasetOptions = z.object({
  studyId: z.string().min(1),
  siteId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  providedScoreNames: z
    .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, "score names are letters, digits and _ (max 40)"))
    .max(20)
    .default([]),
});
export type CreateValidationDatasetOptions = z.input<typeof CreateValidationDatasetOptions>;

/** A new dataset in UPLOADING, for the viewer's site (investigators, the site's partner key, PIs). */
export async function createValidationDataset(
  db: Db,
  viewer: Viewer,
  options: CreateValidationDatasetOptions,
): Promise<ValidationDataset> {
  const input = CreateValidationDatasetOptions.parse(options);
  const [site, study] = await Promise.all([
    db.site.findUnique({ where: { id: input.siteId } }),
    db.study.findUnique({ where: { id: input.studyId } }),
  ]);
  if (!site) throw notFound("Site", input.siteId);
  if (!study) throw notFound("Study", input.studyId);
  assertCanActOnSite(viewer, site.id, site.code);
  await assertWithinDailyQuota(db, viewer, site.id, "datasets");
  return db.$transaction(async (tx) => {
    const dataset = await tx.validationDataset.create({
      data: {
        name: input.name,
        siteId: site.id,
        studyId: study.id,
        uploadedById: viewer.userId,
        providedScoreNames: input.providedScoreNames,
      },
    });
    await recordAudit(tx, viewer, { action: "dataset.create", siteId: site.id, resource: dataset.id });
    return dataset;
  });
}

/** The dataset a viewer may upload files to: UPLOADING, and of a site they may act on. */
export async function getUploadableDataset(db: Db, viewer: Viewer, id: string): Promise<ValidationDataset> {
  const dataset = await db.validationDataset.findUnique({ where: { id }, include: { site: true } });
  if (!dataset) throw notFound("Dataset", id);
  assertCanActOnSite(viewer, dataset.siteId, dataset.site.code, { kind: "Dataset", id });
  if (dataset.status !== "UPLOADING")
    throw new AppError(
      "CONFLICT",
      `Dataset ${id} is ${dataset.status}; files can only be added while it is UPLOADING.`,
    );
  const { site: _site, ...rest } = dataset;
  return rest;
}

/**
 * Cancels an upload that will not be finished (a client that gave up, a wrong folder): UPLOADING →
 * REJECTED with the reason, audited. The caller deletes its files (datasetUploadFolder, incoming uploads).
 */
export async function cancelDatasetUpload(db: Db, viewer: Viewer, id: string): Promise<ValidationDataset> {
  const dataset = await getUploadableDataset(db, viewer, id);
  return db.$transaction(async (tx) => {
    const report = uploadProblemReport("the upload was cancelled before it was finished; nothing was stored");
    const { count } = await tx.validationDataset.updateMany({
      where: { id, status: "UPLOADING" },
      data: { status: "REJECTED", validationReport: report },
    });
    if (!count) throw new AppError("CONFLICT", `Dataset ${id} is no longer UPLOADING.`);
    await recordAudit(tx, viewer, { action: "dataset.cancel", siteId: dataset.siteId, resource: id });
    return tx.validationDataset.findUniqueOrThrow({ where: { id } });
  });
}
