// Ingestion as a durable job: finishing an upload claims the dataset (UPLOADING → VALIDATING) and
// enqueues its dataset__ingest job in one transaction; a worker runs the job (apps/worker/src/tasks/
// dataset__ingest.ts), and pg-boss retries it when that worker fails or dies. The dataset's status (READY / REJECTED) and
// validation report tell the waiting client how it went.
import { z } from "zod";
import type { Db, ValidationDataset } from "@fracval/db";
import { recordAudit } from "../audit.js";
import { AppError } from "../errors.js";
import { getUploadableDataset } from "../datasets.js";
import { QUEUES, type Enqueue } from "../job-queue.js";
import type { Viewer } from "../viewer.js";

export const IngestDatasetPayload = z.object({ datasetId: z.string().min(1) });
export type IngestDatasetPayload = z.infer<typeof IngestDatasetPayload>;

export async function startIngestion(
  db: Db,
  enqueue: Enqueue,
  viewer: Viewer,
  datasetId: string,
): Promise<ValidationDataset> {
  const dataset = await getUploadableDataset(db, viewer, datasetId);
  return db.$transaction(async (tx) => {
    // Claim it atomically: a second "finish" while this one runs gets CONFLICT, not a second ingestion.
    const { count } = await tx.validationDataset.updateMany({
      where: { id: dataset.id, status: "UPLOADING" },
      data: { status: "VALIDATING", progressDone: 0, progressTotal: 0 },
    });
    if (!count) throw new AppError("CONFLICT", `Dataset ${dataset.id} is already being validated.`);
    await recordAudit(tx, viewer, { action: "dataset.ingest", siteId: dataset.siteId, resource: dataset.id });
    await enqueue(tx, QUEUES.datasetIngest, { datasetId: dataset.id } satisfies IngestDatasetPayload);
    // The caller polls the dataset for the outcome.
    return { ...dataset, status: "VALIDATING" as const, progressDone: 0, progressTotal: 0 };
  });
}
