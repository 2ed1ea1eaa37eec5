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
export declare function startTestApi(db: Db): Promise<TestApi>;
/** A next-auth session token exactly as the portal's cookie carries it. */
export declare function sessionTokenFor(user: {
    id: string;
    email: string;
    name: string;
    role: string;
}, secret?: string): Promise<string>;
