// Real processes on a private PostgreSQL that a test may pause (SIGSTOP on the postmaster and every
// backend: the server is there but answers nothing, as a hung database does) and resume.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FileContentStore, registerModelDirectory, seedDemoData } from "@fracval/core";
import {
  applyMigrations,
  createPrismaClient,
  freePort,
  startEmbeddedPostgres,
  type Db,
  type RunningPostgres,
} from "@fracval/db";
import { childPids, TEST_AUTH_SECRET, TEST_PSEUDONYM_SECRET } from "@fracval/testing";

export const root = fileURLToPath(new URL("../../", import.meta.url));

export interface PausablePlatform {
  pg: RunningPostgres;
  db: Db;
  storageDir: string;
  uploadsDir: string;
  apiUrl: string;
  /** SIGSTOP / SIGCONT on every process of the server. */
  pause(): void;
  resume(): void;
  startApi(): ChildProcess & { log: () => string };
  startWorker(env?: Record<string, string>): ChildProcess & { log: () => string };
  stop(): Promise<void>;
}

/** Pids of the server: the postmaster (postmaster.pid) and its children (backends, background workers). */
function serverPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  return [postmaster, ...childPids(postmaster)];
}

export async function startPausablePlatform(): Promise<PausablePlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), "fracval-fault-pg-"));
  const pg = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false, database: "fracval" });
  await applyMigrations(pg.url);
  const db = createPrismaClient(pg.url);
  await seedDemoData(db, { pseudonymSecret: TEST_PSEUDONYM_SECRET, demoPatientsPerSite: 20 });
  const storageDir = mkdtempSync(join(tmpdir(), "fracval-fault-store-"));
  const uploadsDir = mkdtempSync(join(tmpdir(), "fracval-fault-uploads-"));
  await registerModelDirectory(db, new FileContentStore(storageDir), join(root, "models"));
  const apiPort = await freePort();
  const children: ChildProcess[] = [];
  let paused: number[] = [];
  const env = {
    ...process.env,
    DATABASE_URL: pg.url,
    AUTH_SECRET: TEST_AUTH_SECRET,
    API_PORT: String(apiPort),
    FRACVAL_STORAGE_DIR: storageDir,
    FRACVAL_UPLOAD_DIR: uploadsDir,
    FRACVAL_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
    FRACVAL_QUEUE_MAINTENANCE_SECONDS: "1",
  };
  const start = (entry: string, extra: Record<string, string> = {}) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, entry)], {
      env: { ...env, ...extra },
      stdio: ["ignore", "pipe", "pipe"],
    }) as ChildProcess & { log: () => string };
    let log = "";
    child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    child.log = () => log;
    children.push(child);
    return child;
  };
  return {
    pg,
    db,
    storageDir,
    uploadsDir,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    pause() {
      paused = serverPids(dataDir);
      for (const pid of paused) process.kill(pid, "SIGSTOP");
    },
    resume() {
      for (const pid of paused) process.kill(pid, "SIGCONT");
      paused = [];
    },
    startApi: () => start("apps/api/src/server.ts"),
    startWorker: (extra = {}) => start("apps/worker/src/main.ts", extra),
    async stop() {
      for (const pid of paused) process.kill(pid, "SIGCONT");
      for (const child of children) child.kill("SIGKILL");
      await db.$disconnect().catch(() => {});
      await pg.stop();
      for (const dir of [storageDir, uploadsDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
