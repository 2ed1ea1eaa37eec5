// /healthz: the process answers. /readyz: the database answers, every committed migration is applied,
// and a worker has sent a heartbeat recently.
import type { Db } from "@fracval/db";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@fracval/db";

export const WORKER_HEARTBEAT_WINDOW_MS = 30_000;

function committedMigrations(): string[] {
  const dir = join(repoRoot, "prisma", "migrations");
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory());
}

export interface Readiness {
  ready: boolean;
  database: boolean;
  migrations: { committed: number; applied: number };
  workers: number;
  problems: string[];
}

export async function checkReadiness(db: Db, now = new Date()): Promise<Readiness> {
  const committed = committedMigrations();
  const problems: string[] = [];
  let database = false;
  let applied = 0;
  let workers = 0;
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    database = true;
    const names = new Set(rows.map((r) => r.migration_name));
    applied = committed.filter((m) => names.has(m)).length;
    if (applied < committed.length) problems.push(`${committed.length - applied} migration(s) not applied`);
    workers = await db.workerHeartbeat.count({ where: { lastSeenAt: { gte: new Date(now.getTime() - WORKER_HEARTBEAT_WINDOW_MS) } } });
    if (workers === 0) problems.push("no worker heartbeat in the last 30 s");
  } catch {
    problems.push("database unreachable");
  }
  return { ready: problems.length === 0, database, migrations: { committed: committed.length, applied }, workers, problems };
}
