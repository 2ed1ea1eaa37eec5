// The HTTP application: GraphQL at /graphql, /healthz, /readyz. Used by server.ts and by the tests.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express, { type Express } from "express";
import type { Db } from "@fracval/db";
import type { ContentStore, Enqueue } from "@fracval/core";
import { buildContext, type Context } from "./context.js";
import { createUploadRouter } from "./uploads.js";
import { createExportRouter } from "./exports.js";
import { formatError } from "./graphql/format-error.js";
import { buildSchema } from "./graphql/schema.js";
import { checkReadiness } from "./health.js";
import { httpErrorHandler, notFoundHandler } from "./http-errors.js";

export interface AppOptions {
  db: Db;
  store: ContentStore;
  authSecret: string;
  /** Origins allowed to call the API from a browser (the portal). */
  corsOrigins: string[];
  production: boolean;
  /** Where tus uploads land (ingestion itself runs as a job, see queue.ts). */
  uploadsDir: string;
  /** Job queue producer; tests may pass one that records jobs. */
  enqueue: Enqueue;
}

export interface App {
  express: Express;
  stop(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    formatError,
    introspection: true, // partner hospitals explore the schema
    includeStacktraceInErrorResponses: false,
    plugins: options.production ? [ApolloServerPluginLandingPageDisabled()] : [],
    // server.ts handles SIGTERM/SIGINT: Apollo's own handler would re-raise the signal and end the
    // process before the job queue has handed back an ingestion in progress.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/readyz", async (_req, res) => {
    const readiness = await checkReadiness(options.db);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  app.use("/exports", cors<cors.CorsRequest>({ origin: options.corsOrigins, credentials: true }), createExportRouter({ db: options.db, authSecret: options.authSecret }));
  app.use("/uploads", cors<cors.CorsRequest>({ origin: options.corsOrigins, credentials: true, exposedHeaders: ["Location", "Upload-Offset", "Upload-Length", "Tus-Resumable"] }), createUploadRouter({ db: options.db, authSecret: options.authSecret, uploadsDir: options.uploadsDir }));
  app.use(
    "/graphql",
    cors<cors.CorsRequest>({ origin: options.corsOrigins, credentials: true }),
    express.json({ limit: "25mb" }), // registerModelVersion carries an ONNX file (≤ 10 MB, base64)
    expressMiddleware(apollo, { context: ({ req }) => buildContext(options.db, options.store, options.enqueue, req.headers, options.authSecret) }),
  );
  app.use(notFoundHandler);
  app.use(httpErrorHandler);
  return { express: app, stop: () => apollo.stop() };
}
