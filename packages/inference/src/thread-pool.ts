// CPU-bound image work on worker threads (piscina): a worker process spreads patients or files over its
// threads while its main thread reads blobs, talks to PostgreSQL and feeds onnxruntime. The threads run
// TypeScript modules: `entry` is a small .mjs that registers tsx and re-exports the module's default task.
import { availableParallelism } from "node:os";
import { move, Piscina, transferableSymbol, valueSymbol } from "piscina";

/** A byte array that owns its whole ArrayBuffer can be moved to a thread; one inside a shared buffer is copied. */
const ownsBuffer = (bytes: ArrayBufferView) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;

/** The distinct buffers of those views that own theirs: what can be moved between threads. */
const movableBuffers = (views: (ArrayBufferView | null | undefined)[]): ArrayBuffer[] => [
  ...new Set(views.flatMap((v) => (v && ownsBuffer(v) ? [v.buffer as ArrayBuffer] : []))),
];

export class ThreadPool<Task, Result> {
  private readonly pool: Piscina<Task, Result>;
  readonly threads: number;

  constructor(entry: URL, threads = availableParallelism()) {
    this.threads = Math.max(1, threads);
    this.pool = new Piscina({
      filename: entry.href,
      minThreads: this.threads,
      maxThreads: this.threads,
      // One task at a time per thread, the rest queued in the pool: all threads stay busy.
      concurrentTasksPerWorker: 1,
    });
  }

  /**
   * Resolves once every thread has loaded its entry (compiling its TypeScript takes a second or two): the
   * entry exports `warmUp`, a task that does nothing, and each thread runs one.
   */
  async warmUp(): Promise<void> {
    await Promise.all(Array.from({ length: this.threads }, () => this.pool.run(undefined as Task, { name: "warmUp" })));
  }

  /** Runs the entry's task on a thread; `handOver`: byte arrays moved there (unusable here after) where they can be. */
  run(task: Task, handOver: ArrayBufferView[] = []): Promise<Result> {
    return this.pool.run(task, { transferList: movableBuffers(handOver) });
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * For a thread's task body: its result with these byte arrays moved to the calling thread rather than
 * copied (those inside a shared buffer are copied). Only the result as a whole can carry them.
 */
export function movingBytes<Result>(result: Result, bytes: (ArrayBufferView | null | undefined)[]): Result {
  return move({ [transferableSymbol]: movableBuffers(bytes), [valueSymbol]: result } as never) as Result;
}
