// /healthz: the process answers. /readyz: the database answers (within seconds: a database that hangs
// must not hang the probe), every committed migration is applied, and a worker has sent a heartbeat
// recently. The details also count the jobs in the dead-letter queue, for the admins.
import type { Db } from "@fracval/db";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@fracval/db";

export const WORKER_HEARTBEAT_WINDOW_MS = 30_000;
/** How long /readyz waits for the database before it answers 503. */
export const READINESS_TIMEOUT_MS = Number(process.env.FRACVAL_READINESS_TIMEOUT_MS ?? 3_000);

function committedMigrations(): string[] {
  const dir = join(repoRoot, "prisma", "migrations");
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory());
}

export interface Readiness {
  ready: boolean;
  database: boolean;
  migrations: { committed: number; applied: number };
  workers: number;
  /** Jobs whose retries are spent, waiting for an operator (null when it could not be counted). */
  deadLetters: number | null;
  problems: string[];
}

export interface ReadinessOptions {
  deadLetters?: () => Promise<number>;
  timeoutMs?: number;
  now?: Date;
}

class ReadinessTimeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new ReadinessTimeout()), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(db: Db, options: ReadinessOptions = {}): Promise<Readiness> {
  const now = options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  const committed = committedMigrations();
  const problems: string[] = [];
  let database = false;
  let applied = 0;
  let workers = 0;
  let deadLetters: number | null = null;
  try {
    await within(
      (async () => {
        const rows = await db.$queryRaw<
          { migration_name: string }[]
        >`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
        database = true;
        const names = new Set(rows.map((r) => r.migration_name));
        applied = committed.filter((m) => names.has(m)).length;
        if (applied < committed.length) problems.push(`${committed.length - applied} migration(s) not applied`);
        workers = await db.workerHeartbeat.count({
          where: { lastSeenAt: { gte: new Date(now.getTime() - WORKER_HEARTBEAT_WINDOW_MS) } },
        });
        if (workers === 0) problems.push("no worker heartbeat in the last 30 s");
        if (options.deadLetters) deadLetters = await options.deadLetters();
      })(),
      timeoutMs,
    );
  } catch (error) {
    database = false;
    problems.push(
      error instanceof ReadinessTimeout
        ? `database did not answer within ${timeoutMs / 1000} s`
        : "database unreachable",
    );
  }
  return {
    ready: problems.length === 0,
    database,
    migrations: { committed: committed.length, applied },
    workers,
    deadLetters,
    problems,
  };
}
