// Ingestion as a durable job: finishing an upload claims the dataset (UPLOADING → VALIDATING) and
// enqueues its dataset__ingest job in one transaction; an API process runs the job (ingestDatasetJob),
// and pg-boss retries it when that process fails or dies. The dataset's status (READY / REJECTED) and
// validation report tell the waiting client how it went.
import { createHmac, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db, Prisma, ValidationDataset } from "@fracval/db";
import type { ContentStore } from "../content-store.js";
import { recordAudit } from "../audit.js";
import { AppError, errorClass } from "../errors.js";
import { getUploadableDataset } from "../datasets.js";
import { QUEUES, type Enqueue } from "../job-queue.js";
import type { Viewer } from "../viewer.js";
import { ingestDatasetFolder, type IngestSecrets } from "./ingest-dataset.js";

export const IngestDatasetPayload = z.object({ datasetId: z.string().min(1) });
export type IngestDatasetPayload = z.infer<typeof IngestDatasetPayload>;

/** The de-identification key is derived from the pseudonym secret: one secret to keep, two purposes. */
export function ingestSecretsFrom(pseudonymSecret: string): IngestSecrets {
  return { pseudonym: pseudonymSecret, deidentification: createHmac("sha256", pseudonymSecret).update("deidentification").digest("hex") };
}

export async function startIngestion(db: Db, enqueue: Enqueue, viewer: Viewer, datasetId: string): Promise<ValidationDataset> {
  const dataset = await getUploadableDataset(db, viewer, datasetId);
  return db.$transaction(async (tx) => {
    // Claim it atomically: a second "finish" while this one runs gets CONFLICT, not a second ingestion.
    const { count } = await tx.validationDataset.updateMany({ where: { id: dataset.id, status: "UPLOADING" }, data: { status: "VALIDATING", progressDone: 0, progressTotal: 0 } });
    if (!count) throw new AppError("CONFLICT", `Dataset ${dataset.id} is already being validated.`);
    await recordAudit(tx, viewer, { action: "dataset.ingest", siteId: dataset.siteId, resource: dataset.id });
    await enqueue(tx, QUEUES.datasetIngest, { datasetId: dataset.id } satisfies IngestDatasetPayload);
    // The caller polls the dataset for the outcome.
    return { ...dataset, status: "VALIDATING" as const, progressDone: 0, progressTotal: 0 };
  });
}

export interface IngestDatasetJobOptions {
  folder: string;
  secrets: IngestSecrets;
  /** No retry follows this attempt: a failure rejects the dataset with the reason. */
  lastAttempt: boolean;
  signal?: AbortSignal;
}

/**
 * One attempt at a dataset__ingest job. Returns the dataset once READY or REJECTED, or null when there is
 * nothing to do (another attempt finished it). A failure is rethrown for pg-boss to retry — the
 * transaction rolled back, so the dataset is still VALIDATING with nothing stored — except after the
 * last attempt, when the dataset is REJECTED with the reason, where the waiting investigator sees it.
 */
export async function ingestDatasetJob(db: Db, store: ContentStore, payload: IngestDatasetPayload, options: IngestDatasetJobOptions): Promise<ValidationDataset | null> {
  const datasetId = payload.datasetId;
  try {
    return await ingestDatasetFolder(db, store, { datasetId, folder: options.folder, secrets: options.secrets, claimed: true, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    // CONFLICT / NOT_FOUND: the dataset is no longer VALIDATING (an earlier attempt finished it: nothing to
    // do), or another attempt holds it (a job handed out again after its expiry). That attempt decides
    // the outcome; this one must not reject the dataset under it.
    const otherAttempt = error instanceof AppError && (error.code === "CONFLICT" || error.code === "NOT_FOUND");
    if (otherAttempt && (await db.validationDataset.findUnique({ where: { id: datasetId } }))?.status !== "VALIDATING") return null;
    if (options.lastAttempt && !otherAttempt && !options.signal?.aborted) {
      // The error's own text can hold internals (paths, SQL, a cell's value): the report gets a reference, the log the error.
      const reference = randomUUID();
      console.error(`[ingest] dataset ${datasetId} failed on the platform (reference ${reference}): ${errorClass(error)}`);
      const reason = `ingestion failed on the platform, not because of the data (reference ${reference}); nothing was stored — upload the files again as a new dataset, and tell the FracVal administrators if this happens again`;
      const report: Prisma.InputJsonObject = { rows: 0, problemCount: 1, problems: [{ row: 0, column: "", value: "", reason }] };
      await db.validationDataset.updateMany({ where: { id: datasetId, status: "VALIDATING" }, data: { status: "REJECTED", validationReport: report } });
    }
    throw error;
  }
}
