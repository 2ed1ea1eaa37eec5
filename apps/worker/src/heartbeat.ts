// Tells the API (/readyz) that this worker is alive: one row per process, refreshed every 10 s.
import type { Db } from "@fracval/db";
import { hostname } from "node:os";

export const HEARTBEAT_INTERVAL_MS = 10_000;

export interface Heartbeat {
  id: string;
  stop(): Promise<void>;
}

export async function startHeartbeat(db: Db, executionProvider: string | null): Promise<Heartbeat> {
  const startedAt = new Date();
  const id = `${hostname()}:${process.pid}:${startedAt.getTime()}`;
  const beat = () => db.workerHeartbeat.upsert({
    where: { id },
    update: { lastSeenAt: new Date() },
    create: { id, hostname: hostname(), pid: process.pid, executionProvider, startedAt, lastSeenAt: new Date() },
  });
  await beat();
  const timer = setInterval(() => void beat().catch((e: unknown) => console.error("[worker] heartbeat failed:", e)), HEARTBEAT_INTERVAL_MS);
  return {
    id,
    async stop() {
      clearInterval(timer);
      await db.workerHeartbeat.delete({ where: { id } }).catch(() => {});
    },
  };
}
