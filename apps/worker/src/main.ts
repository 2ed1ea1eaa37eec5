// Worker process: consumes pg-boss queues on the platform's PostgreSQL. Inference and metric jobs are
// registered here as they arrive (see ARCHITECTURE.md); until then it keeps the queue schema ready and
// reports liveness for /readyz.
import PgBoss from "pg-boss";
import { createPrismaClient } from "@fracval/db";
import { startHeartbeat } from "./heartbeat.js";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("[worker] DATABASE_URL is required");
  process.exit(2);
}

const db = createPrismaClient(url);
const boss = new PgBoss({ connectionString: url });
boss.on("error", (error: Error & { code?: string }) => {
  if (error.code !== "57P01") console.error("[worker] queue error:", error); // 57P01: server shutting down
});
await boss.start();
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
