// One image file as ingestion needs it: inspected (what the checks read), de-identified by the profile and
// hashed (its content-store key). Pure, so that it runs the same on the calling thread or on a worker thread
// of an IngestPool; the checks and the store writes stay with the caller, file by file, in order.
import { messageOf, sha256Hex } from "@fracval/core";
import { ThreadPool } from "@fracval/inference";
import { deidentifyDicom, type DeidentifyOptions } from "./deidentify-dicom.js";
import { inspectDicom, type InspectResult } from "./inspect-dicom.js";

export interface PreparedImage {
  inspected: InspectResult;
  /** The de-identified file and its sha256; null where the file did not inspect. */
  deidentified: Uint8Array | null;
  sha256: string | null;
  /**
   * De-identification failed (the message): thrown by the caller only if the file passes its checks, as it
   * would have been had the file been de-identified after them.
   */
  failure: string | null;
}

export function prepareImageFile(bytes: Uint8Array, deid: DeidentifyOptions): PreparedImage {
  const inspected = inspectDicom(bytes);
  if (!inspected.ok) return { inspected, deidentified: null, sha256: null, failure: null };
  try {
    const deidentified = deidentifyDicom(bytes, deid);
    return { inspected, deidentified, sha256: sha256Hex(deidentified), failure: null };
  } catch (error) {
    return { inspected, deidentified: null, sha256: null, failure: messageOf(error) };
  }
}

export interface PrepareTask {
  /** The uploaded file: read by the thread itself, so that the bytes never pass through the main thread. */
  path: string;
  deid: DeidentifyOptions;
}

/** prepareImageFile on worker threads: the slices of a CT series are inspected and de-identified side by side. */
export class IngestPool {
  private readonly pool: ThreadPool<PrepareTask, PreparedImage | null>;

  constructor(threads?: number) {
    this.pool = new ThreadPool(new URL("./prepare-image-entry.mjs", import.meta.url), threads);
  }

  get threads(): number {
    return this.pool.threads;
  }

  /**
   * prepareImageFile on the file's bytes, read by a thread; null for a PNG (wrapped as DICOM by the caller
   * first). The de-identified file is moved back, not copied.
   */
  run(path: string, deid: DeidentifyOptions): Promise<PreparedImage | null> {
    return this.pool.run({ path, deid });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
