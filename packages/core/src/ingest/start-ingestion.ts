// Starts the ingestion of an uploaded dataset in the background; the dataset's status (VALIDATING →
// READY / REJECTED) and validation report tell the waiting client how it went.
import { createHmac } from "node:crypto";
import type { Db, ValidationDataset } from "@fracval/db";
import type { ContentStore } from "../content-store.js";
import { recordAudit } from "../audit.js";
import { AppError } from "../errors.js";
import { getUploadableDataset } from "../datasets.js";
import type { Viewer } from "../viewer.js";
import { ingestDatasetFolder } from "./ingest-dataset.js";

/** The de-identification key is derived from the pseudonym secret: one secret to keep, two purposes. */
export function ingestSecretsFrom(pseudonymSecret: string) {
  return { pseudonym: pseudonymSecret, deidentification: createHmac("sha256", pseudonymSecret).update("deidentification").digest("hex") };
}

export async function startIngestion(db: Db, store: ContentStore, viewer: Viewer, datasetId: string, folder: string, pseudonymSecret: string): Promise<ValidationDataset> {
  const dataset = await getUploadableDataset(db, viewer, datasetId);
  // Claim it atomically: a second "finish" while this one runs gets CONFLICT, not a second ingestion.
  const { count } = await db.validationDataset.updateMany({ where: { id: dataset.id, status: "UPLOADING" }, data: { status: "VALIDATING" } });
  if (!count) throw new AppError("CONFLICT", `Dataset ${dataset.id} is already being validated.`);
  await recordAudit(db, viewer, { action: "dataset.ingest", siteId: dataset.siteId, resource: dataset.id });
  const running = ingestDatasetFolder(db, store, { datasetId, folder, secrets: ingestSecretsFrom(pseudonymSecret), claimed: true });
  running.catch((error: unknown) => console.error(`[ingest] dataset ${datasetId} failed:`, error));
  // The caller polls the dataset for the outcome.
  return { ...dataset, status: "VALIDATING" };
}
