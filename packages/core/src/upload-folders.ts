// Where a dataset's raw upload lies: written by the API (tus), read by the worker's ingestion, deleted by
// whichever reaches a terminal state first. Both mount the same uploads volume.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "./errors.js";

export function datasetUploadFolder(uploadsDir: string, datasetId: string): string {
  if (!/^[a-z0-9]+$/i.test(datasetId)) throw new AppError("BAD_USER_INPUT", "invalid dataset id", { location: { field: "datasetId" } });
  return join(uploadsDir, "datasets", datasetId);
}

/** Deletes a dataset's raw upload folder (identifying headers, hospital file names): on every terminal state. */
export function removeRawUpload(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
