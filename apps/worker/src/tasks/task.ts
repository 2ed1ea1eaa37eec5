// What every queue job of the worker looks like: one file per job under tasks/, named after its queue
// (<entity>__<action>), registered in tasks/index.ts. worker.ts gives each the same treatment: payload
// parsed on arrival, failures logged with the attempt and retried with back-off, a give-up hook after
// the last attempt, and an awaited hand-back to the queue when the worker stops mid-job.
import type PgBoss from "pg-boss";
import type { ContentStore, Enqueue } from "@fracval/core";
import type { Db } from "@fracval/db";
import type { ZodType } from "zod";
import type { IngestPool } from "../ingest/prepare-image.js";
import type { ModelCache } from "../scoring/model-cache.js";

/** What a task may use: the database, the content store, the models, the uploads and the queue. */
export interface TaskContext {
  db: Db;
  store: ContentStore;
  models: ModelCache;
  /** The threads that inspect and de-identify a series' slices side by side (none: one after another). */
  ingestPool: () => IngestPool | null;
  /** Folder of the raw uploads (shared with the API, which writes them). */
  uploadsDir: string;
  /** The secret patient pseudonyms and de-identification keys derive from. */
  pseudonymSecret: string;
  enqueue: Enqueue;
  /** Aborted when the worker stops: a long task gives up at its next checkpoint. */
  signal: AbortSignal;
  log: (line: string) => void;
}

export interface Attempt {
  /** 1-based. */
  number: number;
  of: number;
  last: boolean;
}

export interface Task<P> {
  queue: string;
  payload: ZodType<P>;
  /** How often an idle worker asks for a job of this queue. */
  pollingIntervalSeconds: number;
  /** The subject of the log lines ("run …", "dataset …"). */
  subject(payload: P): string;
  run(payload: P, context: TaskContext, attempt: Attempt): Promise<void>;
  /** What a log line says about a failure (default: its message); ingestion says only the error's class. */
  describeError?(error: unknown): string;
  /** After the last attempt failed: record the reason where the person waiting sees it. */
  giveUp?(payload: P, context: TaskContext, error: unknown, attempt: Attempt): Promise<void>;
}

export type AnyTask = Task<unknown>;

export type JobOf = PgBoss.JobWithMetadata<unknown>;
