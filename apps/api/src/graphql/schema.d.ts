import type { GraphQLSchema } from "graphql";
export declare function moduleTypeDefs(): string[];
/** `extraTypeDefs` lets tests add fields, e.g. one without an access rule, which must be refused. */
export declare function buildSchema(extraTypeDefs?: string[]): GraphQLSchema;
/** The whole SDL as partners read it (committed as apps/api/schema.graphql; a test keeps it current). */
export declare function printFullSchema(): string;
