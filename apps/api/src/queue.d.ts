import { type ContentStore, type Enqueue, type EnqueueOptions } from "@fracval/core";
import type { Db } from "@fracval/db";
import type { IngestConfig } from "./context.js";
export interface JobQueue {
    enqueue: Enqueue;
    stop(): Promise<void>;
}
export interface IngestionConsumer extends IngestConfig {
    db: Db;
    store: ContentStore;
}
/**
 * Starts pg-boss on the platform database; with `ingestion`, this process also runs ingestion jobs.
 * On stop, an ingestion in progress is abandoned at its next row (rolled back) and handed back to the
 * queue, so that a restart or a deploy neither waits for it nor leaves the dataset VALIDATING.
 */
export declare function startJobQueue(databaseUrl: string, options?: EnqueueOptions & {
    ingestion?: IngestionConsumer;
}): Promise<JobQueue>;
