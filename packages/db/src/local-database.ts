// Finds the database a process should use: DATABASE_URL when set, else the embedded PostgreSQL that
// `npm start` runs (it writes .data/runtime.json), else a fresh start of that embedded cluster.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.js";
import { dataDir } from "./paths.js";

export const runtimeFile = join(dataDir, "runtime.json");
export const clusterDir = join(dataDir, "pg");
export const DEFAULT_PG_PORT = 54329;

export interface RuntimeInfo {
  databaseUrl: string;
  pid: number;
  apiUrl?: string;
  portalUrl?: string;
}

export function writeRuntimeInfo(info: RuntimeInfo): void {
  writeFileSync(runtimeFile, JSON.stringify(info, null, 2));
}

export function clearRuntimeInfo(): void {
  rmSync(runtimeFile, { force: true });
}

export function readRuntimeInfo(): RuntimeInfo | null {
  if (!existsSync(runtimeFile)) return null;
  const info = JSON.parse(readFileSync(runtimeFile, "utf8")) as RuntimeInfo;
  try {
    process.kill(info.pid, 0); // throws when the `npm start` process is gone
    return info;
  } catch {
    return null;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface LocalDatabase {
  url: string;
  /** Present when this process started the server; call before exiting. */
  embedded?: RunningPostgres;
}

/** The database for a CLI command or the platform. Starts the persistent embedded cluster only if needed. */
export async function resolveLocalDatabase(): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const running = readRuntimeInfo();
  if (running && (await reachable(running.databaseUrl))) return { url: running.databaseUrl };
  const port = Number(process.env.PG_PORT ?? DEFAULT_PG_PORT);
  const embedded = await startEmbeddedPostgres({ dataDir: clusterDir, port, persistent: true });
  return { url: embedded.url, embedded };
}
