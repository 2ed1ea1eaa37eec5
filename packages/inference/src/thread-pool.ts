// CPU-bound image work on worker threads (piscina): a worker process spreads patients or files over its
// threads while its main thread talks to PostgreSQL and feeds onnxruntime; the threads read the files on this
// machine themselves (KeptReadBuffer). They run TypeScript modules: `entry` is a small .mjs that registers tsx
// and re-exports the module's default task.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
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

/** Reads of up to this many bytes in all go into a thread's kept buffer (radiographs, a CT patient's slices). */
const KEPT_BUFFER_MAX = 64 * 1024 ** 2;

/**
 * Files read on a thread into one buffer it keeps and reuses: a fresh buffer per file costs its page faults every
 * time (on these VMs about half the system time of reading a 1.2 MB radiograph). The bytes are valid until the
 * next read; larger reads get buffers of their own.
 */
export class KeptReadBuffer {
  private buffer = new Uint8Array(0);

  /** `max`: the most bytes one read keeps in the buffer (a larger read gets buffers of its own). */
  constructor(private readonly max = KEPT_BUFFER_MAX) {}

  /**
   * The files' bytes, in order: views into this buffer, valid until the next call. Each file starts on an 8-byte
   * boundary, as a file read on its own would (a decoder reads 16-bit pixels in place only where they are aligned).
   */
  read(paths: readonly string[]): Uint8Array[] {
    const fds: number[] = [];
    try {
      for (const path of paths) fds.push(openSync(path, "r"));
      const sizes = fds.map((fd) => fstatSync(fd).size);
      const starts: number[] = [];
      let total = 0;
      for (const size of sizes) {
        total = alignUp(total);
        starts.push(total);
        total += size;
      }
      if (total > this.max) return fds.map((fd) => asBytes(readFileSync(fd)));
      if (total > this.buffer.length)
        this.buffer = new Uint8Array(Math.min(this.max, Math.max(total, 2 * this.buffer.length)));
      return fds.map((fd, k) => {
        const start = starts[k]!;
        let length = 0;
        // A file that shrank since fstat ends where its bytes end (read returns 0).
        for (let read = -1; length < sizes[k]! && read !== 0; length += read)
          read = readSync(fd, this.buffer, start + length, sizes[k]! - length, length);
        return this.buffer.subarray(start, start + length);
      });
    } finally {
      for (const fd of fds) closeSync(fd);
    }
  }

  /** Whether these bytes are (part of) this buffer: a result that must outlive the next read is copied first. */
  holds(bytes: ArrayBufferView): boolean {
    return bytes.buffer === this.buffer.buffer;
  }
}

const alignUp = (size: number) => Math.ceil(size / 8) * 8;
const asBytes = (file: Buffer) => new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
