// Image preprocessing on worker threads (piscina): decoding and the pipeline cost milliseconds per image and
// run on the CPU alone, so a worker process spreads its patients over `threads` threads while its main thread
// fetches blobs, talks to PostgreSQL and feeds onnxruntime. Each thread builds a card's pipeline once.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { Pipeline } from "./pipelines.js";
import type { PreprocessInput, PreprocessResult } from "./preprocess.js";

/** What a worker thread receives: the pipeline by name and checked options, and one patient's images. */
export interface PreprocessTask extends PreprocessInput {
  pipeline: { name: string; options: unknown };
}

/** A blob that owns its whole ArrayBuffer can be moved to the thread; one inside a shared buffer is copied. */
const ownsBuffer = (blob: Uint8Array) => blob.byteOffset === 0 && blob.byteLength === blob.buffer.byteLength;

export class PreprocessPool {
  private readonly pool: Piscina<PreprocessTask, PreprocessResult>;
  readonly threads: number;

  constructor(threads = availableParallelism()) {
    this.threads = Math.max(1, threads);
    this.pool = new Piscina({
      filename: new URL("./preprocess-worker-entry.mjs", import.meta.url).href,
      minThreads: this.threads,
      maxThreads: this.threads,
      // A patient at a time per thread: a queue in the pool, not in each thread, keeps all threads busy.
      concurrentTasksPerWorker: 1,
    });
  }

  /** The same result as preprocessImages(pipeline, input) on this thread. The blobs may be moved (unusable after). */
  run(pipeline: Pipeline, input: PreprocessInput): Promise<PreprocessResult> {
    const transferList = [...new Set(input.blobs.filter(ownsBuffer).map((b) => b.buffer as ArrayBuffer))];
    return this.pool.run({ pipeline: { name: pipeline.name, options: pipeline.options }, ...input }, { transferList });
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
