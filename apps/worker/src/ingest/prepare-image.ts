// One image file as ingestion needs it: inspected (what the checks read), de-identified by the profile and
// hashed (its content-store key). It runs the same on the calling thread or on a worker thread of an
// IngestPool; the checks stay with the caller, file by file, in order, and so does the decision to store: a
// thread may write the file into the store's folder under a name of its own, the caller renames it into place.
import { rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { stageBlob } from "@fracval/core/content-store";
import { messageOf } from "@fracval/core/errors";
import { ThreadPool } from "@fracval/inference/thread-pool";
import { deidentifyDicomParts, type DeidentifyOptions } from "./deidentify-dicom.js";
import { inspectDicom, type InspectResult } from "./inspect-dicom.js";

export interface PreparedImage {
  inspected: InspectResult;
  /** The de-identified file and its sha256; null where the file did not inspect. */
  deidentified: Uint8Array | null;
  sha256: string | null;
  /**
   * Prepared on a thread for a store on this machine: the de-identified file was written there, staged
   * (`stageBlob`), instead of coming back as `deidentified` — adopt it into the store, or remove it.
   */
  staged?: string;
  /**
   * De-identification failed (the message): thrown by the caller only if the file passes its checks, as it
   * would have been had the file been de-identified after them.
   */
  failure: string | null;
}

/**
 * With `stageIn` (the folder of a content store on this machine), the de-identified file is hashed and written
 * there piece by piece (`stageBlob`) and comes back as `staged`; without it, as `deidentified` bytes.
 */
export function prepareImageFile(bytes: Uint8Array, deid: DeidentifyOptions, stageIn?: string): PreparedImage {
  const inspected = inspectDicom(bytes);
  if (!inspected.ok) return { inspected, deidentified: null, sha256: null, failure: null };
  let parts: Uint8Array[];
  try {
    parts = deidentifyDicomParts(bytes, deid);
  } catch (error) {
    return { inspected, deidentified: null, sha256: null, failure: messageOf(error) };
  }
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  const sha256 = hash.digest("hex");
  if (stageIn)
    return { inspected, deidentified: null, sha256, staged: stageBlob(stageIn, sha256, parts), failure: null };
  return { inspected, deidentified: parts.length === 1 ? parts[0]! : Buffer.concat(parts), sha256, failure: null };
}

export interface PrepareTask {
  /** The uploaded file: read by the thread itself, so that the bytes never pass through the main thread. */
  path: string;
  deid: DeidentifyOptions;
  /** The content store's folder (a store on this machine): the de-identified file is staged there. */
  stageIn?: string;
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
   * first). With `stageIn` (the folder of a store on this machine) the de-identified file is written there by
   * the thread (`staged`); else it is moved back, not copied.
   */
  run(path: string, deid: DeidentifyOptions, stageIn?: string): Promise<PreparedImage | null> {
    return this.pool.run({ path, deid, ...(stageIn ? { stageIn } : {}) });
  }

  /** Resolves once every thread has loaded the ingestion code. */
  warmUp(): Promise<void> {
    return this.pool.warmUp();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Removes what a prepared image staged in the store, when it is not adopted after all (a refused row). */
export function discardPrepared(prepared: PreparedImage | { problem: unknown } | null): void {
  if (prepared && "staged" in prepared && prepared.staged) rmSync(prepared.staged, { force: true });
}
