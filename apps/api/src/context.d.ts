import type { Db } from "@fracval/db";
import { AppError, type ContentStore, type Enqueue, type Viewer } from "@fracval/core";
import type { IncomingHttpHeaders } from "node:http";
/** Where uploads land and the secret ingestion pseudonymises with. */
export interface IngestConfig {
    uploadsDir: string;
    pseudonymSecret: string;
}
export interface Context {
    db: Db;
    store: ContentStore;
    /** Enqueues jobs inside a transaction (ingestion, validation runs). */
    enqueue: Enqueue;
    viewer: Viewer | null;
    /** Credentials were presented but rejected; protected fields throw this instead of a generic error. */
    authError: AppError | null;
}
/** next-auth's cookie names; they are also the salt of the session JWE. */
export declare const SESSION_COOKIES: readonly ["authjs.session-token", "__Secure-authjs.session-token"];
export declare function authenticate(db: Db, headers: IncomingHttpHeaders, authSecret: string): Promise<Viewer | null>;
export declare function buildContext(db: Db, store: ContentStore, enqueue: Enqueue, headers: IncomingHttpHeaders, authSecret: string): Promise<Context>;
