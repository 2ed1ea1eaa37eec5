// Image decoding and preprocessing for scoring on worker threads: the same function (preprocessImages) as
// on the calling thread, so both give the same tensors. Each thread builds a card's pipeline once.
import type { Pipeline } from "./pipelines.js";
import type { PreprocessInput, PreprocessResult } from "./preprocess.js";
import { ThreadPool } from "./thread-pool.js";

/** One patient's images as files on this machine (a local content store's blobs), read by the thread itself. */
export type PreprocessFiles = Omit<PreprocessInput, "blobs"> & { files: string[] };

/**
 * What a thread receives: the pipeline by name and checked options, and one patient's images, as bytes or as
 * files it reads into a buffer it keeps.
 */
export type PreprocessTask = (PreprocessInput | PreprocessFiles) & { pipeline: { name: string; options: unknown } };

export class PreprocessPool {
  private readonly pool: ThreadPool<PreprocessTask, PreprocessResult>;

  constructor(threads?: number) {
    this.pool = new ThreadPool(new URL("./preprocess-worker-entry.mjs", import.meta.url), threads);
  }

  get threads(): number {
    return this.pool.threads;
  }

  /** The same result as preprocessImages(pipeline, input) on this thread. The blobs may be moved (unusable after). */
  run(pipeline: Pipeline, input: PreprocessInput): Promise<PreprocessResult> {
    return this.pool.run({ pipeline: { name: pipeline.name, options: pipeline.options }, ...input }, input.blobs);
  }

  /**
   * The same result as preprocessImages on the files' bytes: the thread reads them into a buffer it keeps
   * (no fresh memory per patient, nothing passes through the calling thread). A file that cannot be read
   * rejects, as a failed read of the store would.
   */
  runOnFiles(pipeline: Pipeline, input: PreprocessFiles): Promise<PreprocessResult> {
    return this.pool.run({ pipeline: { name: pipeline.name, options: pipeline.options }, ...input });
  }

  /** Resolves once every thread has loaded the preprocessing code. */
  warmUp(): Promise<void> {
    return this.pool.warmUp();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
