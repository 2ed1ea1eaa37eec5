// The body of an IngestPool thread: reads the file, inspects, de-identifies and hashes it (and stages it in
// the content store when asked).
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { movingBytes } from "@fracval/inference/thread-pool";
import { isPng } from "./png-signature.js";
import { prepareImageFile, type PreparedImage, type PrepareTask } from "./prepare-image.js";

export default function prepareTask(task: PrepareTask): PreparedImage | null {
  // A staged file's bytes never leave this thread: they are read into the thread's own buffer, reused.
  const bytes = task.stageIn ? readIntoThreadBuffer(task.path) : asBytes(readFileSync(task.path));
  if (isPng(bytes)) return null; // the caller wraps it (it needs the manifest's pixel spacing)
  // With stageIn the file is written into the store's folder here: the main thread only renames it into place.
  const prepared = prepareImageFile(bytes, task.deid, task.stageIn);
  return movingBytes(prepared, [prepared.deidentified]);
}

const asBytes = (file: Buffer) => new Uint8Array(file.buffer, file.byteOffset, file.byteLength);

/** Files up to this size are read into the reused buffer (radiographs, CT slices); larger ones on their own. */
const REUSED_BUFFER_MAX = 64 * 1024 ** 2;
let threadBuffer = new Uint8Array(0);

/**
 * The file's bytes in this thread's buffer, valid until the next call: a fresh buffer per file costs its page
 * faults every time (about half the system time of reading a 1.2 MB radiograph).
 */
function readIntoThreadBuffer(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > REUSED_BUFFER_MAX) return asBytes(readFileSync(fd));
    if (size > threadBuffer.length)
      threadBuffer = new Uint8Array(Math.min(REUSED_BUFFER_MAX, Math.max(size, 2 * threadBuffer.length)));
    let length = 0;
    for (let read = -1; length < size && read !== 0; length += read)
      read = readSync(fd, threadBuffer, length, size - length, length);
    return threadBuffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
