import type { Db } from "@fracval/db";
export declare const WORKER_HEARTBEAT_WINDOW_MS = 30000;
export interface Readiness {
    ready: boolean;
    database: boolean;
    migrations: {
        committed: number;
        applied: number;
    };
    workers: number;
    problems: string[];
}
export declare function checkReadiness(db: Db, now?: Date): Promise<Readiness>;
