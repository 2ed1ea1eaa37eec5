import { type Express } from "express";
import type { Db } from "@fracval/db";
import type { ContentStore, Enqueue } from "@fracval/core";
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
export declare function createApp(options: AppOptions): Promise<App>;
