// Tells the API (/readyz) that this worker is alive: one row per process, refreshed every 10 s. The
// same beat touches a file (FRACVAL_HEARTBEAT_FILE) that Kubernetes' liveness probe checks: a worker
// whose event loop or database connection hangs stops touching it and is restarted.
import type { Db } from "@fracval/db";
import { writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";

export const HEARTBEAT_INTERVAL_MS = 10_000;
export const HEARTBEAT_FILE = process.env.FRACVAL_HEARTBEAT_FILE ?? join(tmpdir(), "fracval-worker-heartbeat");

export interface Heartbeat {
  id: string;
  stop(): Promise<void>;
}

export async function startHeartbeat(db: Db, executionProvider: string | null): Promise<Heartbeat> {
  const startedAt = new Date();
  const id = `${hostname()}:${process.pid}:${startedAt.getTime()}`;
  const beat = async () => {
    await db.workerHeartbeat.upsert({
      where: { id },
      update: { lastSeenAt: new Date() },
      create: { id, hostname: hostname(), pid: process.pid, executionProvider, startedAt, lastSeenAt: new Date() },
    });
    writeFileSync(HEARTBEAT_FILE, `${id} ${new Date().toISOString()}\n`);
  };
  await beat();
  const timer = setInterval(
    () => void beat().catch((e: unknown) => console.error("[worker] heartbeat failed:", e)),
    HEARTBEAT_INTERVAL_MS,
  );
  return {
    id,
    async stop() {
      clearInterval(timer);
      await db.workerHeartbeat.delete({ where: { id } }).catch(() => {});
    },
  };
}
