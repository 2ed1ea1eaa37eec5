import type { Db } from "@fracval/db";
export interface GraphQLResponse<T = Record<string, unknown>> {
    status: number;
    data: T | null;
    errors?: {
        message: string;
        path?: string[];
        extensions?: Record<string, unknown>;
    }[];
}
export interface TestApi {
    url: string;
    gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, credentials?: string | null): Promise<GraphQLResponse<T>>;
    stop(): Promise<void>;
}
/**
 * With `databaseUrl`, the API gets its real job queue on that database and ingests finished uploads as the
 * server does; without it, jobs are dropped (for tests of access rules that never ingest).
 */
export declare function startTestApi(db: Db, options?: {
    databaseUrl?: string;
}): Promise<TestApi>;
