// API process entry point (started by `npm start`, or alone with the env of config.ts).
import { createPrismaClient, listenForDataChanges, type DataChangeFeed } from "@fracval/db";
import { contentStoreFromEnv, errorClass, FileContentStore, isQueueBookkeepingFailure } from "@fracval/core";
import type { Server } from "node:http";
import { createApp, type App } from "./app.js";
import { readConfig } from "./config.js";
import { startJobQueue, type JobQueue } from "./queue.js";
import { expireAbandonedUploads } from "./uploads.js";

const config = readConfig();
const db = createPrismaClient(config.DATABASE_URL);
// Installed first: a stop signal closes the server, then the queue producer and the database pool.
let server: Server | undefined;
let app: App | undefined;
let queue: JobQueue | undefined;
let dataChanges: DataChangeFeed | undefined;
async function shutdown(signal: string) {
  console.log(`[api] ${signal}: shutting down`);
  server?.close();
  await app?.stop();
  await dataChanges?.close();
  await queue?.stop();
  await db.$disconnect();
  process.exit(0);
}
process.on("unhandledRejection", (reason) => {
  if (isQueueBookkeepingFailure(reason)) {
    console.error(`[api] the job queue failed a call (${errorClass(reason)}; database unavailable?)`);
    return;
  }
  console.error(`[api] unhandled rejection: ${errorClass(reason)}`);
  process.exit(1);
});
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

const store = contentStoreFromEnv(
  { ...process.env, FRACVAL_STORAGE_DIR: config.FRACVAL_STORAGE_DIR },
  (dir) => new FileContentStore(dir),
);
const uploadsDir = config.FRACVAL_UPLOAD_DIR;
// The API only enqueues: ingestion, scoring and metrics run in the workers (apps/worker).
queue = await startJobQueue(config.DATABASE_URL);
// The portal keeps rendered pages while no data they may show has changed (@fracval/page-cache).
dataChanges = await listenForDataChanges(config.DATABASE_URL, {
  onError: (error) => console.error(`[api] data-change listener: ${errorClass(error)}; reconnecting`),
});
app = await createApp({
  db,
  store,
  authSecret: config.AUTH_SECRET,
  corsOrigins: [config.PORTAL_URL],
  production: config.NODE_ENV === "production",
  uploadsDir,
  enqueue: queue.enqueue,
  deadLetters: queue.deadLetters,
  dataChanges,
});
// Abandoned uploads (never finished) must not keep identifying files: swept at start and every 15 minutes.
const sweep = () =>
  expireAbandonedUploads(db, uploadsDir).then(
    (ids) => ids.length && console.log(`[api] ${ids.length} abandoned upload(s) expired and deleted`),
    (error: unknown) => console.error(`[api] upload sweep failed: ${errorClass(error)}`),
  );
void sweep();
setInterval(() => void sweep(), 15 * 60_000).unref();
server = app.express.listen(config.API_PORT, () =>
  console.log(`[api] GraphQL on http://localhost:${config.API_PORT}/graphql`),
);
// Idle keep-alive connections are closed by the client (undici: 4 s) or the load balancer, never by the
// server first: Node's 5 s default raced clients reusing a connection at that moment ("other side closed").
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
