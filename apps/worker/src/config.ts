// Worker settings from the environment. CPU threads are a shared budget: WORKERS processes on a host,
// each giving onnxruntime intraOpNumThreads threads, must not oversubscribe the cores.
import { cpus } from "node:os";
import { secretWeakness } from "@fracval/core";

export interface WorkerConfig {
  databaseUrl: string;
  storageDir: string;
  /** The raw uploads the API writes (the same volume): ingestion reads them and deletes them when done. */
  uploadsDir: string;
  /** Keys the patient pseudonyms and the de-identification (only the workers hold it). */
  pseudonymSecret: string;
  /** Worker processes on this host (the budget is split between them). */
  workers: number;
  intraOpNumThreads: number;
  /**
   * Threads for image work (IMAGE_THREADS; default this worker's share of the cores, 0: none): inspecting and
   * de-identifying the slices of a series at ingestion, decoding and preprocessing at scoring.
   */
  imageThreads: number;
  /** INTRA_OP_NUM_THREADS asked for more than this worker's share of the cores. */
  threadsClamped: boolean;
  providers: ("cuda" | "cpu")[];
  maintenanceSeconds: number;
}

/** intraOpNumThreads: as requested but never more than cores / workers (at least 1). */
export function threadBudget(options: { workers: number; cores: number; requested?: number }): {
  threads: number;
  clamped: boolean;
} {
  const share = Math.max(1, Math.floor(options.cores / Math.max(1, options.workers)));
  if (options.requested === undefined) return { threads: share, clamped: false };
  return options.requested > share
    ? { threads: share, clamped: true }
    : { threads: Math.max(1, options.requested), clamped: false };
}

export function workerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const databaseUrl = env.DATABASE_URL;
  const storageDir = env.FRACVAL_STORAGE_DIR;
  const uploadsDir = env.FRACVAL_UPLOAD_DIR;
  const pseudonymSecret = env.FRACVAL_PSEUDONYM_SECRET;
  if (!databaseUrl || !storageDir || !uploadsDir || !pseudonymSecret)
    throw new Error("DATABASE_URL, FRACVAL_STORAGE_DIR, FRACVAL_UPLOAD_DIR and FRACVAL_PSEUDONYM_SECRET are required");
  if (pseudonymSecret.length < 16) throw new Error("FRACVAL_PSEUDONYM_SECRET must have at least 16 characters");
  // In production a placeholder or guessable secret would let anyone re-identify pseudonyms.
  const weakness = env.NODE_ENV === "production" ? secretWeakness(pseudonymSecret) : null;
  if (weakness) throw new Error(`FRACVAL_PSEUDONYM_SECRET ${weakness}`);
  const workers = Number(env.WORKERS ?? 1);
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error(`WORKERS must be a whole number ≥ 1 (got "${env.WORKERS}")`);
  const requested = env.INTRA_OP_NUM_THREADS === undefined ? undefined : Number(env.INTRA_OP_NUM_THREADS);
  if (requested !== undefined && !(Number.isInteger(requested) && requested >= 1))
    throw new Error(`INTRA_OP_NUM_THREADS must be a whole number ≥ 1 (got "${env.INTRA_OP_NUM_THREADS}")`);
  const imageThreads = env.IMAGE_THREADS === undefined ? undefined : Number(env.IMAGE_THREADS);
  if (imageThreads !== undefined && !(Number.isInteger(imageThreads) && imageThreads >= 0))
    throw new Error(`IMAGE_THREADS must be a whole number ≥ 0 (got "${env.IMAGE_THREADS}")`);
  const providers = (env.EXECUTION_PROVIDERS ?? "cuda,cpu").split(",").map((p) => p.trim());
  for (const p of providers)
    if (p !== "cuda" && p !== "cpu") throw new Error(`EXECUTION_PROVIDERS: unknown provider "${p}" (cuda, cpu)`);
  const budget = threadBudget({ workers, cores: cpus().length, ...(requested !== undefined ? { requested } : {}) });
  return {
    databaseUrl,
    storageDir,
    uploadsDir,
    pseudonymSecret,
    workers,
    intraOpNumThreads: budget.threads,
    // Image work and onnxruntime take turns on a patient's way through scoring, so both get the whole share.
    imageThreads: imageThreads ?? threadBudget({ workers, cores: cpus().length }).threads,
    threadsClamped: budget.clamped,
    providers: providers as ("cuda" | "cpu")[],
    maintenanceSeconds: Number(env.FRACVAL_QUEUE_MAINTENANCE_SECONDS ?? 30),
  };
}
