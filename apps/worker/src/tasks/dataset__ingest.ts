// The dataset__ingest job: validates a finished upload, pseudonymises its patients, de-identifies and
// stores its images, and makes the dataset READY, or REJECTED with a report naming row, column and
// reason. The raw upload (identifying headers, hospital file names) is deleted on either outcome.
//
// One job is one slice of at most INGEST_SLICE_SECONDS (src/ingest/ingest-dataset.ts): a slice that runs
// out of time checkpoints and enqueues the next in the same transaction. Jobs are short, so their expiry
// is short too (FRACVAL_INGEST_EXPIRE_SECONDS, 60 s): a worker that dies mid-slice is replaced within
// a minute or two, and its successor resumes at the last checkpoint.
import { createHmac, randomUUID } from "node:crypto";
import {
  AppError,
  datasetUploadFolder,
  errorClass,
  IngestDatasetPayload,
  QUEUES,
  removeIncomingUploads,
  removeRawUpload,
  uploadProblemReport,
  type ContentStore,
  type Enqueue,
} from "@fracval/core";
import type { Db, ValidationDataset } from "@fracval/db";
import { discardStaged, ingestDatasetSlice, type IngestSecrets } from "../ingest/ingest-dataset.js";
import type { IngestPool } from "../ingest/prepare-image.js";
import type { Task } from "./task.js";

/** The de-identification key is derived from the pseudonym secret: one secret to keep, two purposes. */
export function ingestSecretsFrom(pseudonymSecret: string): IngestSecrets {
  return {
    pseudonym: pseudonymSecret,
    deidentification: createHmac("sha256", pseudonymSecret).update("deidentification").digest("hex"),
  };
}

/** How long one dataset__ingest job works before it checkpoints and hands over to the next. */
export const INGEST_SLICE_SECONDS = Number(process.env.FRACVAL_INGEST_SLICE_SECONDS ?? 20);

export interface IngestDatasetJobOptions {
  folder: string;
  secrets: IngestSecrets;
  signal?: AbortSignal;
  /** With a queue: slices of sliceMs, each enqueueing the next. Without: to the end in one call. */
  enqueue?: Enqueue;
  sliceMs?: number;
  /** Threads that inspect and de-identify a series' slices side by side. */
  pool?: IngestPool | null;
  /** The folder is the dataset's raw upload, removed at the end: rows' images go as checkpoints pass them. */
  removeCheckpointedImages?: boolean;
}

/**
 * One attempt at a dataset__ingest job. Returns the dataset once READY or REJECTED, "continued" when the
 * slice ran out of time (its successor is enqueued), or null when there is nothing to do (another attempt
 * finished it, or holds it). A failure is rethrown for pg-boss to retry: the dataset is still VALIDATING,
 * with its checkpoint, and nothing of the attempt is visible.
 */
export async function ingestDatasetJob(
  db: Db,
  store: ContentStore,
  payload: IngestDatasetPayload,
  options: IngestDatasetJobOptions,
): Promise<ValidationDataset | "continued" | null> {
  const datasetId = payload.datasetId;
  try {
    const { enqueue } = options;
    const outcome = await ingestDatasetSlice(db, store, {
      datasetId,
      folder: options.folder,
      secrets: options.secrets,
      claimed: true,
      pool: options.pool ?? null,
      removeCheckpointedImages: options.removeCheckpointedImages ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(enqueue
        ? {
            sliceMs: options.sliceMs ?? INGEST_SLICE_SECONDS * 1000,
            continueWith: (tx) => enqueue(tx, QUEUES.datasetIngest, payload),
          }
        : {}),
    });
    return outcome.state === "finished" ? outcome.dataset : "continued";
  } catch (error) {
    // CONFLICT / NOT_FOUND: the dataset is no longer VALIDATING (an earlier attempt finished it), or is gone,
    // or another attempt moved its checkpoint under this one (a job handed out again after its expiry while
    // the first still ran). Either way that attempt owns the outcome; this one steps aside.
    if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "NOT_FOUND")) return null;
    throw error;
  }
}

/**
 * After the last attempt: the dataset is REJECTED with a reference, where the waiting investigator sees it.
 * The error's own text can hold internals (paths, SQL, a cell's value): the report gets a reference, the
 * log the error's class.
 */
export async function rejectAfterPlatformFailure(
  db: Db,
  store: ContentStore,
  datasetId: string,
  error: unknown,
  log: (line: string) => void,
): Promise<void> {
  const reference = randomUUID();
  log(`dataset ${datasetId}: ingestion failed on the platform (reference ${reference}): ${errorClass(error)}`);
  const reason = `ingestion failed on the platform, not because of the data (reference ${reference}); nothing was stored — upload the files again as a new dataset, and tell the FracVal administrators if this happens again`;
  const report = uploadProblemReport(reason);
  await discardStaged(db, store, datasetId);
  await db.validationDataset.updateMany({
    where: { id: datasetId, status: "VALIDATING" },
    data: { status: "REJECTED", validationReport: report },
  });
}

export const datasetIngest: Task<IngestDatasetPayload> = {
  queue: QUEUES.datasetIngest,
  payload: IngestDatasetPayload,
  pollingIntervalSeconds: 1,
  subject: ({ datasetId }) => `dataset ${datasetId}: ingestion`,
  // Its messages can quote what was being read (a header value, a manifest cell, a path).
  describeError: errorClass,
  async run(payload, { db, store, uploadsDir, pseudonymSecret, signal, log, enqueue, ingestPool }) {
    const folder = datasetUploadFolder(uploadsDir, payload.datasetId);
    const dataset = await ingestDatasetJob(db, store, payload, {
      folder,
      secrets: ingestSecretsFrom(pseudonymSecret),
      signal,
      enqueue,
      pool: ingestPool(),
      removeCheckpointedImages: true,
    });
    if (dataset === "continued") return; // the next slice is queued; the upload is still needed
    // Stepped aside: if another attempt still holds the dataset, it still reads this upload.
    if (
      !dataset &&
      (await db.validationDataset.findUnique({ where: { id: payload.datasetId } }))?.status === "VALIDATING"
    )
      return;
    if (dataset) log(`dataset ${dataset.id}: ${dataset.status} (${dataset.patientCount} patients)`);
    // READY or REJECTED, or finished by another attempt: only the de-identified copies are kept, and no
    // unfinished upload of the dataset can complete any more.
    removeRawUpload(folder);
    removeIncomingUploads(uploadsDir, payload.datasetId);
  },
  async giveUp(payload, { db, store, uploadsDir, log }, error) {
    await rejectAfterPlatformFailure(db, store, payload.datasetId, error, log);
    // Rejected for good: the raw upload goes now, not never.
    removeRawUpload(datasetUploadFolder(uploadsDir, payload.datasetId));
    removeIncomingUploads(uploadsDir, payload.datasetId);
  },
};
