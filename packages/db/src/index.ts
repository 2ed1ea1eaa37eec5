export { createPrismaClient, DEFAULT_TIMEOUTS, type DatabaseTimeouts, type Db } from "./client.js";
export * from "./generated/prisma/client.js";
export { startEmbeddedPostgres, freePort, type RunningPostgres } from "./embedded-postgres.js";
export { applyMigrations, createMigration } from "./migrate.js";
export {
  resolveLocalDatabase,
  readRuntimeInfo,
  writeRuntimeInfo,
  clearRuntimeInfo,
  clusterDir,
  type LocalDatabase,
} from "./local-database.js";
export { dataDir, repoRoot } from "./paths.js";
export {
  DATA_CHANGED_CHANNEL,
  listenForDataChanges,
  listenToChannel,
  type ChannelListener,
  type DataChangeFeed,
  type DataChangeFeedOptions,
} from "./data-changes.js";
