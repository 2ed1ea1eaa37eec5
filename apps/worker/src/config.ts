// Worker settings from the environment. CPU threads are a shared budget: WORKERS processes on a host,
// each giving onnxruntime intraOpNumThreads threads, must not oversubscribe the cores.
import { cpus } from "node:os";

export interface WorkerConfig {
  databaseUrl: string;
  storageDir: string;
  /** Worker processes on this host (the budget is split between them). */
  workers: number;
  intraOpNumThreads: number;
  /** INTRA_OP_NUM_THREADS asked for more than this worker's share of the cores. */
  threadsClamped: boolean;
  providers: ("cuda" | "cpu")[];
  /** Optional pause per batch (ms), to watch progress in a demo or to kill a worker mid-run in a test. */
  batchDelayMs: number;
  maintenanceSeconds: number;
}

/** intraOpNumThreads: as requested but never more than cores / workers (at least 1). */
export function threadBudget(options: { workers: number; cores: number; requested?: number }): { threads: number; clamped: boolean } {
  const share = Math.max(1, Math.floor(options.cores / Math.max(1, options.workers)));
  if (options.requested === undefined) return { threads: share, clamped: false };
  return options.requested > share ? { threads: share, clamped: true } : { threads: Math.max(1, options.requested), clamped: false };
}

export function workerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const databaseUrl = env.DATABASE_URL;
  const storageDir = env.FRACVAL_STORAGE_DIR;
  if (!databaseUrl || !storageDir) throw new Error("DATABASE_URL and FRACVAL_STORAGE_DIR are required");
  const workers = Number(env.WORKERS ?? 1);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`WORKERS must be a whole number ≥ 1 (got "${env.WORKERS}")`);
  const requested = env.INTRA_OP_NUM_THREADS === undefined ? undefined : Number(env.INTRA_OP_NUM_THREADS);
  if (requested !== undefined && !(Number.isInteger(requested) && requested >= 1)) throw new Error(`INTRA_OP_NUM_THREADS must be a whole number ≥ 1 (got "${env.INTRA_OP_NUM_THREADS}")`);
  const providers = (env.EXECUTION_PROVIDERS ?? "cuda,cpu").split(",").map((p) => p.trim());
  for (const p of providers) if (p !== "cuda" && p !== "cpu") throw new Error(`EXECUTION_PROVIDERS: unknown provider "${p}" (cuda, cpu)`);
  const budget = threadBudget({ workers, cores: cpus().length, ...(requested !== undefined ? { requested } : {}) });
  return {
    databaseUrl,
    storageDir,
    workers,
    intraOpNumThreads: budget.threads,
    threadsClamped: budget.clamped,
    providers: providers as ("cuda" | "cpu")[],
    batchDelayMs: Number(env.FRACVAL_WORKER_BATCH_DELAY_MS ?? 0),
    maintenanceSeconds: Number(env.FRACVAL_QUEUE_MAINTENANCE_SECONDS ?? 30),
  };
}
