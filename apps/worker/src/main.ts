// Worker process: consumes pg-boss queues on the platform's PostgreSQL — run__score (one batch of a
// validation run) and run__metrics (a run's metrics once every batch is scored). Any number of worker
// processes on any number of hosts can run side by side. Reports liveness for /readyz.
import PgBoss from "pg-boss";
import { computeRunMetricsJob, contentStoreFromEnv, createQueues, failRun, FileContentStore, messageOf, metricsFailure, ModelCache, QUEUES, RunMetricsPayload, RunScorePayload, scoreRunBatch, transactionalEnqueue } from "@fracval/core";
import { createPrismaClient } from "@fracval/db";
import { cpus } from "node:os";
import { workerConfig, type WorkerConfig } from "./config.js";
import { startHeartbeat, type Heartbeat } from "./heartbeat.js";

let config: WorkerConfig;
try {
  config = workerConfig();
} catch (error) {
  console.error(`[worker] ${(error as Error).message}`);
  process.exit(2);
}
if (config.threadsClamped) console.log(`[worker] INTRA_OP_NUM_THREADS=${process.env.INTRA_OP_NUM_THREADS} × WORKERS=${config.workers} exceeds ${cpus().length} cores; using ${config.intraOpNumThreads}`);
console.log(`[worker] execution providers ${config.providers.join(" → ")}, intraOpNumThreads ${config.intraOpNumThreads} (${config.workers} worker(s), ${cpus().length} cores)`);

const db = createPrismaClient(config.databaseUrl);
// Maintenance expires jobs of workers that died mid-batch so that another worker retries them.
const boss = new PgBoss({ connectionString: config.databaseUrl, maintenanceIntervalSeconds: config.maintenanceSeconds });
const batchDelayMs = config.batchDelayMs;
boss.on("error", (error: Error & { code?: string }) => {
  if (error.code !== "57P01") console.error("[worker] queue error:", error); // 57P01: server shutting down
});
await boss.start();
// Installed before the first job is taken: a stop signal lets the current job finish, whenever it comes.
let heartbeat: Heartbeat | undefined;
async function shutdown(signal: string) {
  console.log(`[worker] ${signal}: finishing current jobs`);
  await boss.stop({ graceful: true, wait: true });
  await heartbeat?.stop();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
await createQueues(boss);
// When a run's last batch is scored, its metrics job is enqueued in the same transaction as the status change.
const enqueue = transactionalEnqueue(boss);
const models = new ModelCache(contentStoreFromEnv({ ...process.env, FRACVAL_STORAGE_DIR: config.storageDir }, (dir) => new FileContentStore(dir)), 4, (line) => console.log(line), { intraOpNumThreads: config.intraOpNumThreads, providers: config.providers });
/**
 * Runs one job. A failure is logged with its attempt number and rethrown, so that pg-boss retries it with
 * backoff; after the last attempt the run fails with `reason`, where the person waiting sees it.
 */
async function attempt(job: PgBoss.JobWithMetadata<unknown>, runId: string, what: string, reason: (error: unknown) => string, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    const lastAttempt = job.retryCount >= job.retryLimit;
    console.error(`[worker] run ${runId}: ${what} failed (attempt ${job.retryCount + 1} of ${job.retryLimit + 1}${lastAttempt ? "" : ", will be retried"}): ${(error as Error).stack ?? error}`);
    if (lastAttempt) await failRun(db, runId, reason(error));
    throw error;
  }
}

await boss.work<RunScorePayload>(QUEUES.runScore, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
  const payload = RunScorePayload.parse(job!.data); // a malformed payload fails the job (retries, then dead-letter)
  if (batchDelayMs) await new Promise((r) => setTimeout(r, batchDelayMs));
  const what = `a batch of ${payload.patientIds.length} patients`;
  await attempt(job!, payload.runId, what, (error) => `${what} failed ${job!.retryCount + 1} times: ${messageOf(error)}`, () => scoreRunBatch(db, models, payload, { enqueue }));
});
await boss.work<RunMetricsPayload>(QUEUES.runMetrics, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
  const { runId } = RunMetricsPayload.parse(job!.data);
  await attempt(job!, runId, "metrics", metricsFailure, () => computeRunMetricsJob(db, models, runId));
});
heartbeat = await startHeartbeat(db, null);
console.log(`[worker] ready (${heartbeat.id})`);

