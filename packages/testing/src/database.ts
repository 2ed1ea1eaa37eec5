// A fresh database per test file, cloned from the migrated and seeded template in milliseconds.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type Db } from "@fracval/db";
import { TEMPLATE_DATABASE } from "./constants.js";

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.FRACVAL_TEST_PG_ADMIN_URL;
  if (!url) throw new Error("FRACVAL_TEST_PG_ADMIN_URL is unset: run tests through vitest.config.ts (global setup)");
  return url;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { template?: string } = {}): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const template = options.template ?? TEMPLATE_DATABASE;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = adminUrl().replace(/\/postgres$/, `/${name}`);
  const db = createPrismaClient(url);
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** An empty database (no migrations), for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  return createTestDatabase({ template: "template0" });
}
