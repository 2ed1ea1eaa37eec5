// Worker process: consumes pg-boss queues on the platform's PostgreSQL — run__score (one batch of a
// validation run) today; metric jobs join it. Any number of worker processes on any number of hosts
// can run side by side. Reports liveness for /readyz.
import PgBoss from "pg-boss";
import { failRun, FileContentStore, ModelCache, QUEUES, RunScorePayload, scoreRunBatch } from "@fracval/core";
import { createPrismaClient } from "@fracval/db";
import { cpus } from "node:os";
import { workerConfig, type WorkerConfig } from "./config.js";
import { startHeartbeat } from "./heartbeat.js";

let config: WorkerConfig;
try {
  config = workerConfig();
} catch (error) {
  console.error(`[worker] ${(error as Error).message}`);
  process.exit(2);
}
const requested = process.env.INTRA_OP_NUM_THREADS;
if (requested && Number(requested) > config.intraOpNumThreads) console.log(`[worker] INTRA_OP_NUM_THREADS=${requested} × WORKERS=${config.workers} exceeds ${cpus().length} cores; using ${config.intraOpNumThreads}`);
console.log(`[worker] execution providers ${config.providers.join(" → ")}, intraOpNumThreads ${config.intraOpNumThreads} (${config.workers} worker(s), ${cpus().length} cores)`);

const db = createPrismaClient(config.databaseUrl);
// Maintenance expires jobs of workers that died mid-batch so that another worker retries them.
const boss = new PgBoss({ connectionString: config.databaseUrl, maintenanceIntervalSeconds: config.maintenanceSeconds });
const batchDelayMs = config.batchDelayMs;
boss.on("error", (error: Error & { code?: string }) => {
  if (error.code !== "57P01") console.error("[worker] queue error:", error); // 57P01: server shutting down
});
await boss.start();
await boss.createQueue(QUEUES.runScore);
const models = new ModelCache(new FileContentStore(config.storageDir), 4, (line) => console.log(line), { intraOpNumThreads: config.intraOpNumThreads, providers: config.providers });
await boss.work<RunScorePayload>(QUEUES.runScore, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
  const payload = RunScorePayload.parse(job!.data); // a malformed payload fails the job (retries, then dead-letter)
  if (batchDelayMs) await new Promise((r) => setTimeout(r, batchDelayMs));
  try {
    await scoreRunBatch(db, models, payload);
  } catch (error) {
    // The job fails and pg-boss retries it with backoff; say why, for whoever reads the worker's log.
    const lastAttempt = job!.retryCount >= job!.retryLimit;
    console.error(`[worker] run ${payload.runId}: batch of ${payload.patientIds.length} failed (attempt ${job!.retryCount + 1} of ${job!.retryLimit + 1}${lastAttempt ? "" : ", will be retried"}): ${(error as Error).stack ?? error}`);
    // Out of retries: the run cannot complete, so it fails where the person waiting sees it.
    if (lastAttempt) await failRun(db, payload.runId, `a batch of ${payload.patientIds.length} patients failed ${job!.retryCount + 1} times: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
});
const heartbeat = await startHeartbeat(db, null);
console.log(`[worker] ready (${heartbeat.id})`);

async function shutdown(signal: string) {
  console.log(`[worker] ${signal}: finishing current jobs`);
  await boss.stop({ graceful: true, wait: true });
  await heartbeat.stop();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
