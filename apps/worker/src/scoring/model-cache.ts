// Open onnxruntime sessions, one per model version, shared by every job of a worker process, and the
// process's image preprocessing threads.
import { loadModel, PreprocessPool, type LoadedModel } from "@fracval/inference";
import type { ContentStore } from "@fracval/core";

/** Least-recently-used cache of open model sessions, one per model version. */
export class ModelCache {
  private readonly entries = new Map<string, Promise<LoadedModel>>();
  constructor(
    readonly store: ContentStore,
    private readonly capacity = 4,
    private readonly log: (line: string) => void = console.log,
    private readonly sessionOptions: { intraOpNumThreads?: number; providers?: ("cuda" | "cpu")[] } = {},
    /** Threads that decode and preprocess images (a pool started on first use); 0: on the calling thread. */
    private readonly preprocessThreads = 0,
  ) {}

  private pool: PreprocessPool | null = null;

  /** The preprocessing threads, or null where images are preprocessed on the calling thread. */
  get preprocessing(): PreprocessPool | null {
    if (!this.pool && this.preprocessThreads > 0) this.pool = new PreprocessPool(this.preprocessThreads);
    return this.pool;
  }

  get(modelVersionId: string, artifactKey: string, manifest: unknown): Promise<LoadedModel> {
    const hit = this.entries.get(modelVersionId);
    if (hit) {
      this.entries.delete(modelVersionId);
      this.entries.set(modelVersionId, hit);
      return hit;
    }
    const loading = this.store
      .get(artifactKey)
      .then((bytes) => loadModel(bytes, manifest, { log: this.log, ...this.sessionOptions }));
    this.entries.set(modelVersionId, loading);
    loading.catch(() => this.entries.delete(modelVersionId));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      void this.entries
        .get(oldest)!
        .then((m) => m.session.release())
        .catch(() => {});
      this.entries.delete(oldest);
    }
    return loading;
  }
}
