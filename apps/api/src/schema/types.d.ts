import type { GraphQLScalarType } from "graphql";
import type { Context } from "../context.js";
type Resolver = (parent: any, args: any, context: Context) => unknown;
export type Resolvers = Record<string, GraphQLScalarType | Record<string, Resolver>>;
export {};
