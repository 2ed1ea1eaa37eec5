import { type Db } from "@fracval/db";
export interface TestDatabase {
    url: string;
    db: Db;
    drop(): Promise<void>;
}
export declare function createTestDatabase(options?: {
    template?: string;
}): Promise<TestDatabase>;
/** An empty database (no migrations), for migration tests. */
export declare function createEmptyDatabase(): Promise<TestDatabase>;
