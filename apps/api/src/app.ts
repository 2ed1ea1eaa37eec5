// The HTTP application: GraphQL at /graphql, /healthz, /readyz. Used by server.ts and by the tests.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express, { type Express } from "express";
import type { DataChangeFeed, Db } from "@fracval/db";
import type { ContentStore, Enqueue } from "@fracval/core";
import { clientAddress } from "./client-address.js";
import { buildContext, type Context } from "./context.js";
import { createUploadRouter } from "./uploads.js";
import { createExportRouter } from "./exports.js";
import { studyResultsCache } from "./graphql/study-results-cache.js";
import { formatError } from "./graphql/format-error.js";
import { buildSchema } from "./graphql/schema.js";
import { checkReadiness } from "./health.js";
import { httpErrorHandler, notFoundHandler } from "./http-errors.js";
import { keyRateLimit } from "./key-rate-limit.js";
import { auditedAnswerHeader, auditScopeMiddleware, pageCacheKeyRouter } from "./page-cache-key.js";

export interface AppOptions {
  db: Db;
  store: ContentStore;
  authSecret: string;
  /** Origins allowed to call the API from a browser (the portal). */
  corsOrigins: string[];
  production: boolean;
  /** Where tus uploads land (the workers ingest them: apps/worker/src/tasks/dataset__ingest.ts). */
  uploadsDir: string;
  /** Job queue producer; tests may pass one that records jobs. */
  enqueue: Enqueue;
  /** Counts the dead-letter queue for /readyz (absent in tests without a queue). */
  deadLetters?: () => Promise<number>;
  /** Requests per minute per partner API key on /graphql and /exports (default KEY_REQUESTS_PER_MINUTE). */
  keyRequestsPerMinute?: number;
  /** Files and bytes per dataset (defaults MAX_FILES_PER_DATASET, MAX_BYTES_PER_DATASET). */
  uploadLimits?: { files: number; bytes: number };
  /** The data-change epoch for the portal's page cache (absent: /page-cache-key says pages cannot be kept). */
  dataChanges?: DataChangeFeed;
}

export interface App {
  express: Express;
  stop(): Promise<void>;
}

/**
 * Query limits (graphql-armor): one request may not nest deeper than a real page does, alias a field into
 * thousands of copies, or cost more than the biggest dashboard query. Limits well above what the portal
 * and CLI send (the e2e test runs them), far below what exhausts the process.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 5000,
  maxDirectives: 30,
  maxCost: 50_000,
} as const;
/** Request bodies: small without credentials, room for an ONNX upload (registerModelVersion) with them. */
export const BODY_LIMITS = { anonymous: "64kb", authenticated: "25mb" } as const;

export async function createApp(options: AppOptions): Promise<App> {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    formatError,
    // The published contract is apps/api/schema.graphql; introspection only in development.
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    // graphql-armor types its plugins against @apollo/server's CommonJS typings, ours are the ESM ones: the
    // same objects, two copies of one declaration.
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      studyResultsCache(),
      auditedAnswerHeader(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    // server.ts handles SIGTERM/SIGINT: Apollo's own handler would re-raise the signal and end the
    // process before the job queue has handed back an ingestion in progress.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const anonymousJson = express.json({ limit: BODY_LIMITS.anonymous });
  const authenticatedJson = express.json({ limit: BODY_LIMITS.authenticated });
  const jsonBody: express.RequestHandler = (req, res, next) => {
    const credentials = Boolean(req.headers.authorization) || /authjs\.session-token=/.test(req.headers.cookie ?? "");
    (credentials ? authenticatedJson : anonymousJson)(req, res, next);
  };
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/readyz", async (_req, res) => {
    const readiness = await checkReadiness(options.db, options.deadLetters ? { deadLetters: options.deadLetters } : {});
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  app.use(
    "/page-cache-key",
    pageCacheKeyRouter({
      db: options.db,
      authSecret: options.authSecret,
      ...(options.dataChanges ? { dataChanges: options.dataChanges } : {}),
    }),
  );
  const rateLimit = keyRateLimit(options.db, options.keyRequestsPerMinute);
  app.use(
    "/exports",
    rateLimit,
    cors<cors.CorsRequest>({ origin: options.corsOrigins, credentials: true }),
    createExportRouter({ db: options.db, authSecret: options.authSecret }),
  );
  app.use(
    "/uploads",
    cors<cors.CorsRequest>({
      origin: options.corsOrigins,
      credentials: true,
      exposedHeaders: ["Location", "Upload-Offset", "Upload-Length", "Tus-Resumable"],
    }),
    createUploadRouter({
      db: options.db,
      authSecret: options.authSecret,
      uploadsDir: options.uploadsDir,
      ...(options.uploadLimits
        ? { maxFilesPerDataset: options.uploadLimits.files, maxBytesPerDataset: options.uploadLimits.bytes }
        : {}),
    }),
  );
  app.use(
    "/graphql",
    rateLimit,
    cors<cors.CorsRequest>({ origin: options.corsOrigins, credentials: true }),
    jsonBody, // registerModelVersion carries an ONNX file (≤ 10 MB, base64): only with credentials
    auditScopeMiddleware, // after the body is read: its stream events would leave the scope
    expressMiddleware(apollo, {
      context: ({ req }) =>
        buildContext(
          { db: options.db, store: options.store, enqueue: options.enqueue, uploadsDir: options.uploadsDir },
          req.headers,
          options.authSecret,
          clientAddress(req.headers, options.authSecret, req.ip),
        ),
    }),
  );
  app.use(notFoundHandler);
  app.use(httpErrorHandler);
  return { express: app, stop: () => apollo.stop() };
}
