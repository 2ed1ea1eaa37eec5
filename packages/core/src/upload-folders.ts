// Where a dataset's raw upload lies: written by the API (tus), read by the worker's ingestion, deleted by
// whichever reaches a terminal state first. Both mount the same uploads volume.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { AppError } from "./errors.js";

export function datasetUploadFolder(uploadsDir: string, datasetId: string): string {
  if (!/^[a-z0-9]+$/i.test(datasetId))
    throw new AppError("BAD_USER_INPUT", "invalid dataset id", { location: { field: "datasetId" } });
  return join(uploadsDir, "datasets", datasetId);
}

/**
 * A path given relative to a dataset folder (a manifest's image_path, an upload's relativePath, a bundle's
 * entry), resolved inside it; null when it would leave the folder.
 */
export function insideFolder(folder: string, relative: string): string | null {
  const root = resolve(folder);
  const target = resolve(root, relative);
  return target.startsWith(root + sep) ? target : null;
}

/** Deletes a dataset's raw upload folder (identifying headers, hospital file names): on every terminal state. */
export function removeRawUpload(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/** Where tus keeps files still being uploaded (`<id>` and its `<id>.json` with the upload's metadata). */
export function incomingUploadsFolder(uploadsDir: string): string {
  return join(uploadsDir, "incoming");
}

/**
 * Deletes every unfinished tus upload of a dataset (a file whose declared length was never reached):
 * once the dataset has left UPLOADING, none of them can complete, and each holds raw, identifying bytes.
 * Returns how many it removed.
 */
export function removeIncomingUploads(uploadsDir: string, datasetId: string): number {
  const incoming = incomingUploadsFolder(uploadsDir);
  if (!existsSync(incoming)) return 0;
  let removed = 0;
  for (const name of readdirSync(incoming)) {
    if (!name.endsWith(".json")) continue;
    const info = join(incoming, name);
    let owner: unknown;
    try {
      owner = (JSON.parse(readFileSync(info, "utf8")) as { metadata?: { datasetId?: string } }).metadata?.datasetId;
    } catch {
      continue; // being written, or not ours to judge
    }
    if (owner !== datasetId) continue;
    rmSync(info.slice(0, -".json".length), { force: true });
    rmSync(info, { force: true });
    removed++;
  }
  return removed;
}
