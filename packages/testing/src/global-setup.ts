// Starts one throw-away embedded PostgreSQL (or uses TEST_DATABASE_URL's server), builds the template
// database once (migrations + demo seed), and hands its coordinates to the test workers via env.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { applyMigrations, createPrismaClient, startEmbeddedPostgres, type RunningPostgres } from "@fracval/db";
import { seedDemoData } from "@fracval/core";
import { TEMPLATE_DATABASE, TEST_PSEUDONYM_SECRET } from "./constants.js";

export default async function setup(): Promise<() => Promise<void>> {
  // The compiled `fracval stats` bundle (bin/fracval.js runs it while current): rebuilt so tests never
  // skip it for being older than a source just edited.
  const built = spawnSync(
    process.execPath,
    [fileURLToPath(new URL("../../../scripts/build-cli.mjs", import.meta.url))],
    { encoding: "utf8" },
  );
  if (built.status !== 0) throw new Error(`scripts/build-cli.mjs failed: ${built.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), "fracval-test-pg-"));
  const server: RunningPostgres = await startEmbeddedPostgres({
    dataDir: dir,
    port: 0,
    persistent: false,
    database: TEMPLATE_DATABASE,
  });
  const db = createPrismaClient(server.url);
  await applyMigrations(server.url);
  await seedDemoData(db, { pseudonymSecret: TEST_PSEUDONYM_SECRET, demoPatientsPerSite: 20 });
  await db.$disconnect();
  // A template must have no open connections when it is cloned.
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [TEMPLATE_DATABASE],
  );
  await admin.end();
  process.env.FRACVAL_TEST_PG_ADMIN_URL = server.urlFor("postgres");
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
