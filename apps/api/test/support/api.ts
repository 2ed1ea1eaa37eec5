// Runs the real API (express + Apollo) on an ephemeral port over a test database, and speaks GraphQL to it.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileContentStore } from "@fracval/core";
import type { DataChangeFeed, Db } from "@fracval/db";
import { createApp } from "../../src/app.js";
import { startJobQueue, type JobQueue } from "../../src/queue.js";
import { datasetIngest, ModelCache, startWorker } from "@fracval/worker";
import { TEST_AUTH_SECRET, TEST_PSEUDONYM_SECRET } from "@fracval/testing";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  url: string;
  /** Where tus uploads and dataset folders land. */
  uploadsDir: string;
  /** The content store's folder (de-identified images, model artifacts). */
  storeDir: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    credentials?: string | null,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * With `databaseUrl`, the API gets its real job queue on that database and a worker ingests finished uploads
 * as in production; without it, jobs are dropped (for tests of access rules that never ingest).
 */
export async function startTestApi(
  db: Db,
  options: {
    databaseUrl?: string;
    keyRequestsPerMinute?: number;
    uploadLimits?: { files: number; bytes: number };
    dataChanges?: DataChangeFeed;
  } = {},
): Promise<TestApi> {
  const storeDir = mkdtempSync(join(tmpdir(), "fracval-store-"));
  const store = new FileContentStore(storeDir);
  const ingest = {
    uploadsDir: mkdtempSync(join(tmpdir(), "fracval-uploads-")),
    pseudonymSecret: TEST_PSEUDONYM_SECRET,
  };
  const queue: JobQueue = options.databaseUrl
    ? await startJobQueue(options.databaseUrl)
    : { enqueue: async () => {}, deadLetters: async () => 0, stop: async () => {} };
  // Ingestion runs in a worker, as in production: here one in this process, for the ingestion queue only
  // (tests of runs start worker processes of their own).
  const worker = options.databaseUrl
    ? await startWorker({
        databaseUrl: options.databaseUrl,
        db,
        store,
        models: new ModelCache(store),
        ...ingest,
        tasks: [datasetIngest],
        log: () => {},
      })
    : null;
  const app = await createApp({
    db,
    store,
    authSecret: TEST_AUTH_SECRET,
    corsOrigins: [],
    production: true,
    uploadsDir: ingest.uploadsDir,
    enqueue: queue.enqueue,
    ...(options.keyRequestsPerMinute ? { keyRequestsPerMinute: options.keyRequestsPerMinute } : {}),
    ...(options.uploadLimits ? { uploadLimits: options.uploadLimits } : {}),
    ...(options.dataChanges ? { dataChanges: options.dataChanges } : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.express.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    uploadsDir: ingest.uploadsDir,
    storeDir,
    async gql(query, variables = {}, credentials = null) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(credentials ? { authorization: `Bearer ${credentials}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, "status">;
      return {
        status: response.status,
        data: (body.data ?? null) as never,
        ...(body.errors ? { errors: body.errors } : {}),
      };
    },
    async stop() {
      await new Promise((r) => server.close(r));
      await app.stop();
      await worker?.stop();
      await queue.stop();
    },
  };
}
