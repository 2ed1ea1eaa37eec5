import type { GraphQLFormattedError } from "graphql";
export declare function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
