// Worker process: consumes pg-boss queues on the platform's PostgreSQL — run__score (one batch of a
// validation run) today; metric jobs join it. Any number of worker processes on any number of hosts
// can run side by side. Reports liveness for /readyz.
import PgBoss from "pg-boss";
import { FileContentStore, ModelCache, QUEUES, RunScorePayload, scoreRunBatch } from "@fracval/core";
import { createPrismaClient } from "@fracval/db";
import { startHeartbeat } from "./heartbeat.js";

const url = process.env.DATABASE_URL;
const storageDir = process.env.FRACVAL_STORAGE_DIR;
if (!url || !storageDir) {
  console.error("[worker] DATABASE_URL and FRACVAL_STORAGE_DIR are required");
  process.exit(2);
}

const db = createPrismaClient(url);
// Maintenance expires jobs of workers that died mid-batch so that another worker retries them.
const boss = new PgBoss({ connectionString: url, maintenanceIntervalSeconds: Number(process.env.FRACVAL_QUEUE_MAINTENANCE_SECONDS ?? 30) });
/** Optional pause per batch (ms), to watch progress in a demo or to kill a worker mid-run in a test. */
const batchDelayMs = Number(process.env.FRACVAL_WORKER_BATCH_DELAY_MS ?? 0);
boss.on("error", (error: Error & { code?: string }) => {
  if (error.code !== "57P01") console.error("[worker] queue error:", error); // 57P01: server shutting down
});
await boss.start();
await boss.createQueue(QUEUES.runScore);
const models = new ModelCache(new FileContentStore(storageDir), 4, (line) => console.log(line));
await boss.work<RunScorePayload>(QUEUES.runScore, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
  const payload = RunScorePayload.parse(job!.data); // a malformed payload fails the job (retries, then dead-letter)
  if (batchDelayMs) await new Promise((r) => setTimeout(r, batchDelayMs));
  await scoreRunBatch(db, models, payload); // throws on transient errors: the job fails and is retried
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
