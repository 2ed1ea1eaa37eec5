// Worker process: consumes every queue of tasks/ (ingestion, scoring, metrics) on the platform's
// PostgreSQL, reports liveness for /readyz, and on SIGINT/SIGTERM finishes or hands back its job.
import { contentStoreFromEnv, errorClass, FileContentStore, isQueueBookkeepingFailure } from "@fracval/core";
import { createPrismaClient } from "@fracval/db";
import { cpus } from "node:os";
import { workerConfig, type WorkerConfig } from "./config.js";
import { startHeartbeat, type Heartbeat } from "./heartbeat.js";
import { IngestPool } from "./ingest/prepare-image.js";
import { ModelCache } from "./scoring/model-cache.js";
import { startWorker, type RunningWorker } from "./worker.js";

let config: WorkerConfig;
try {
  config = workerConfig();
} catch (error) {
  console.error(`[worker] ${(error as Error).message}`);
  process.exit(2);
}
if (config.threadsClamped)
  console.log(
    `[worker] INTRA_OP_NUM_THREADS=${process.env.INTRA_OP_NUM_THREADS} × WORKERS=${config.workers} exceeds ${cpus().length} cores; using ${config.intraOpNumThreads}`,
  );
console.log(
  `[worker] execution providers ${config.providers.join(" → ")}, intraOpNumThreads ${config.intraOpNumThreads}, ` +
    `image threads ${config.imageThreads} (${config.workers} worker(s), ${cpus().length} cores)`,
);

// Longer limits than a request's: a dataset's commit and a large run's metrics read many rows in one go.
const db = createPrismaClient(config.databaseUrl, { queryMs: 120_000, statementMs: 120_000 });
const store = contentStoreFromEnv(
  { ...process.env, FRACVAL_STORAGE_DIR: config.storageDir },
  (dir) => new FileContentStore(dir),
);
const models = new ModelCache(
  store,
  4,
  (line) => console.log(line),
  { intraOpNumThreads: config.intraOpNumThreads, providers: config.providers },
  config.imageThreads,
);

// Installed before the first job is taken: a stop signal lets the current job finish (or hands it back), whenever it comes.
let worker: RunningWorker | undefined;
let heartbeat: Heartbeat | undefined;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing or handing back the current job`);
  await worker?.stop();
  await heartbeat?.stop();
  await db.$disconnect();
  process.exit(0);
}
process.on("unhandledRejection", (reason) => {
  if (isQueueBookkeepingFailure(reason)) {
    console.error(
      `[worker] the queue could not record a job's outcome (${errorClass(reason)}; database unavailable?): the job is handed out again when it expires`,
    );
    return;
  }
  console.error(`[worker] unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`);
  process.exit(1);
});
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

// Ingestion's threads: IMAGE_THREADS of them. Each reads, inspects, de-identifies, hashes and writes a file
// into the content store's folder; the main thread checks the rows in order and renames the files into place
// (it was one fewer thread while the main thread wrote the files).
let ingestPool: IngestPool | null = null;
const ingestThreads = () => {
  if (!ingestPool && config.imageThreads > 1) ingestPool = new IngestPool(config.imageThreads);
  return ingestPool;
};
// Ingestion's and scoring's threads load their code before the worker says it is ready: otherwise the first
// upload and the first run each wait a second or two while the threads compile, and the compiling competes
// with whatever else runs then.
const warming = performance.now();
await Promise.all([ingestThreads()?.warmUp(), models.preprocessing?.warmUp()]);
console.log(`[worker] image threads loaded in ${((performance.now() - warming) / 1000).toFixed(1)} s`);
worker = await startWorker({
  databaseUrl: config.databaseUrl,
  db,
  store,
  models,
  ingestPool: ingestThreads,
  uploadsDir: config.uploadsDir,
  pseudonymSecret: config.pseudonymSecret,
  maintenanceSeconds: config.maintenanceSeconds,
});
heartbeat = await startHeartbeat(db, null);
console.log(`[worker] ready (${heartbeat.id})`);
