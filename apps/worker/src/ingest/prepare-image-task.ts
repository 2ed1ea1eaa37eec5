// The body of an IngestPool thread: reads the file, inspects, de-identifies and hashes it (and stages it in
// the content store when asked).
import { readFileSync } from "node:fs";
import { KeptReadBuffer, movingBytes } from "@fracval/inference/thread-pool";
import { isPng } from "./png-signature.js";
import { prepareImageFile, type PreparedImage, type PrepareTask } from "./prepare-image.js";

/** This thread's read buffer, reused file after file. */
const kept = new KeptReadBuffer();

export default function prepareTask(task: PrepareTask): PreparedImage | null {
  // A staged file's bytes never leave this thread: they are read into the thread's own buffer, reused.
  const bytes = task.stageIn ? kept.read([task.path])[0]! : asBytes(readFileSync(task.path));
  if (isPng(bytes)) return null; // the caller wraps it (it needs the manifest's pixel spacing)
  // With stageIn the file is written into the store's folder here: the main thread only renames it into place.
  const prepared = prepareImageFile(bytes, task.deid, task.stageIn);
  return movingBytes(prepared, [prepared.deidentified]);
}

const asBytes = (file: Buffer) => new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
