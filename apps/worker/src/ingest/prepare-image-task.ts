// The body of an IngestPool thread: reads the file, inspects, de-identifies and hashes it (and stages it in
// the content store when asked).
import { readFileSync } from "node:fs";
import { movingBytes } from "@fracval/inference";
import { isPng } from "./png-signature.js";
import { prepareImageFile, type PreparedImage, type PrepareTask } from "./prepare-image.js";

export default function prepareTask(task: PrepareTask): PreparedImage | null {
  const file = readFileSync(task.path);
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  if (isPng(bytes)) return null; // the caller wraps it (it needs the manifest's pixel spacing)
  // With stageIn the file is written into the store's folder here: the main thread only renames it into place.
  const prepared = prepareImageFile(bytes, task.deid, task.stageIn);
  return movingBytes(prepared, [prepared.deidentified]);
}
