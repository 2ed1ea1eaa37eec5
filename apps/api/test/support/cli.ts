// The `fracval` CLI as an operator runs it, against a test database (DATABASE_URL): for the commands that
// work on the database directly (apikey create, user reset-password).
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";

const bin = fileURLToPath(new URL("../../bin/fracval.js", import.meta.url));

export interface CliAgainstDatabase {
  t: TestDatabase;
  /** Runs `fracval ...args` with DATABASE_URL set to the test database; exit status, stdout and stderr. */
  fracval(...args: string[]): SpawnSyncReturns<string>;
}

export async function cliAgainstTestDatabase(): Promise<CliAgainstDatabase> {
  const t = await createTestDatabase();
  return {
    t,
    fracval: (...args) =>
      spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8" }),
  };
}
