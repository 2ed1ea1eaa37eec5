// The dataset__ingest job: validates a finished upload, pseudonymises its patients, de-identifies and
// stores its images, and makes the dataset READY, or REJECTED with a report naming row, column and
// reason. The raw upload (identifying headers, hospital file names) is deleted on either outcome.
import { createHmac, randomUUID } from "node:crypto";
import { AppError, datasetUploadFolder, errorClass, IngestDatasetPayload, QUEUES, removeRawUpload, type ContentStore } from "@fracval/core";
import type { Db, Prisma, ValidationDataset } from "@fracval/db";
import { ingestDatasetFolder, type IngestSecrets } from "../ingest/ingest-dataset.js";
import type { Task } from "./task.js";

/** The de-identification key is derived from the pseudonym secret: one secret to keep, two purposes. */
export function ingestSecretsFrom(pseudonymSecret: string): IngestSecrets {
  return { pseudonym: pseudonymSecret, deidentification: createHmac("sha256", pseudonymSecret).update("deidentification").digest("hex") };
}

export interface IngestDatasetJobOptions {
  folder: string;
  secrets: IngestSecrets;
  signal?: AbortSignal;
}

/**
 * One attempt at a dataset__ingest job. Returns the dataset once READY or REJECTED, or null when there is
 * nothing to do (another attempt finished it). A failure is rethrown for pg-boss to retry: the dataset is
 * still VALIDATING and nothing of the attempt is visible.
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
    throw error;
  }
}

/**
 * After the last attempt: the dataset is REJECTED with a reference, where the waiting investigator sees it.
 * The error's own text can hold internals (paths, SQL, a cell's value): the report gets a reference, the
 * log the error's class.
 */
export async function rejectAfterPlatformFailure(db: Db, datasetId: string, error: unknown, log: (line: string) => void): Promise<void> {
  const reference = randomUUID();
  log(`dataset ${datasetId}: ingestion failed on the platform (reference ${reference}): ${errorClass(error)}`);
  const reason = `ingestion failed on the platform, not because of the data (reference ${reference}); nothing was stored — upload the files again as a new dataset, and tell the FracVal administrators if this happens again`;
  const report: Prisma.InputJsonObject = { rows: 0, problemCount: 1, problems: [{ row: 0, column: "", value: "", reason }] };
  await db.validationDataset.updateMany({ where: { id: datasetId, status: "VALIDATING" }, data: { status: "REJECTED", validationReport: report } });
}

export const datasetIngest: Task<IngestDatasetPayload> = {
  queue: QUEUES.datasetIngest,
  payload: IngestDatasetPayload,
  pollingIntervalSeconds: 1,
  subject: ({ datasetId }) => `dataset ${datasetId}: ingestion`,
  // Its messages can quote what was being read (a header value, a manifest cell, a path).
  describeError: errorClass,
  async run(payload, { db, store, uploadsDir, pseudonymSecret, signal, log }) {
    const folder = datasetUploadFolder(uploadsDir, payload.datasetId);
    const dataset = await ingestDatasetJob(db, store, payload, { folder, secrets: ingestSecretsFrom(pseudonymSecret), signal });
    if (dataset) log(`dataset ${dataset.id}: ${dataset.status} (${dataset.patientCount} patients)`);
    // READY or REJECTED, or finished by another attempt: only the de-identified copies are kept.
    removeRawUpload(folder);
  },
  async giveUp(payload, { db, uploadsDir, log }, error) {
    await rejectAfterPlatformFailure(db, payload.datasetId, error, log);
    // Rejected for good: the raw upload goes now, not never.
    removeRawUpload(datasetUploadFolder(uploadsDir, payload.datasetId));
  },
};
