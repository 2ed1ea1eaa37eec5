// The API's side of the job queue. It enqueues inside the transaction of the data a job concerns
// (pg-boss `send` with `db` bound to the Prisma transaction), and it consumes dataset__ingest: the
// uploads and the pseudonym secret live with the API, so any API process ingests any finished upload.
import { removeRawUpload } from "./uploads.js";
import PgBoss from "pg-boss";
import { createQueues, errorClass, ingestDatasetJob, IngestDatasetPayload, ingestSecretsFrom, messageOf, QUEUES, transactionalEnqueue, type ContentStore, type Enqueue, type EnqueueOptions } from "@fracval/core";
import type { Db } from "@fracval/db";
import type { IngestConfig } from "./context.js";
import { datasetUploadFolder } from "./uploads.js";

export interface JobQueue {
  enqueue: Enqueue;
  stop(): Promise<void>;
}

export interface IngestionConsumer extends IngestConfig {
  db: Db;
  store: ContentStore;
}

/**
 * Starts pg-boss on the platform database; with `ingestion`, this process also runs ingestion jobs.
 * On stop, an ingestion in progress is abandoned at its next row (rolled back) and handed back to the
 * queue, so that a restart or a deploy neither waits for it nor leaves the dataset VALIDATING.
 */
export async function startJobQueue(databaseUrl: string, options: EnqueueOptions & { ingestion?: IngestionConsumer } = {}): Promise<JobQueue> {
  // An API process that ingests also runs pg-boss maintenance, which hands the job of a process that
  // died mid-ingestion to another (the workers do the same for theirs).
  const boss = new PgBoss({
    connectionString: databaseUrl,
    supervise: Boolean(options.ingestion),
    maintenanceIntervalSeconds: Number(process.env.FRACVAL_QUEUE_MAINTENANCE_SECONDS ?? 30),
    schedule: false,
  });
  boss.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error("[api] queue error:", error);
  });
  await boss.start();
  await createQueues(boss);
  const enqueue = transactionalEnqueue(boss, options);
  const stopping = new AbortController();
  if (options.ingestion) {
    const { db, store, uploadsDir, pseudonymSecret } = options.ingestion;
    await boss.work<IngestDatasetPayload>(QUEUES.datasetIngest, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
      const payload = IngestDatasetPayload.parse(job!.data);
      const folder = datasetUploadFolder(uploadsDir, payload.datasetId);
      const lastAttempt = job!.retryCount >= job!.retryLimit;
      try {
        const dataset = await ingestDatasetJob(db, store, payload, { folder, secrets: ingestSecretsFrom(pseudonymSecret), lastAttempt, signal: stopping.signal });
        if (dataset) console.log(`[api] dataset ${dataset.id}: ${dataset.status} (${dataset.patientCount} patients)`);
      } catch (error) {
        if (stopping.signal.aborted) {
          // pg-boss retries a job that fails at shutdown; after its last attempt a fresh job takes over,
          // since a shutdown says nothing about the dataset.
          if (lastAttempt) await enqueue(db, QUEUES.datasetIngest, payload).catch((e: unknown) => console.error(`[api] dataset ${payload.datasetId}: could not enqueue the ingestion again: ${messageOf(e)}`));
          console.log(`[api] dataset ${payload.datasetId}: ingestion interrupted by shutdown and handed back to the queue`);
          throw error;
        }
        console.error(`[api] dataset ${payload.datasetId}: ingestion failed (attempt ${job!.retryCount + 1} of ${job!.retryLimit + 1}${lastAttempt ? "; dataset rejected" : ", will be retried"}): ${errorClass(error)}`);
        // Rejected for good: the raw upload (identifying headers) goes now, not never.
        if (lastAttempt) removeRawUpload(folder);
        throw error;
      }
      // READY or REJECTED, or finished by another attempt: the raw upload still carries identifying DICOM
      // headers; only the de-identified copies are kept.
      removeRawUpload(folder);
    });
  }
  return {
    enqueue,
    async stop() {
      stopping.abort("the API is shutting down");
      await boss.stop({ graceful: true, wait: true });
    },
  };
}
