// Resolver map type shared by the schema modules. Arguments are typed per resolver and parsed by the
// domain services (zod) — the trust boundary is the service call, not this file.
import type { GraphQLScalarType } from "graphql";
import type { Context } from "../context.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- graphql-js passes the parent untyped
// Parents and arguments are typed per resolver (their own annotations) until the resolvers are generated from the SDL.
// biome-ignore lint/suspicious/noExplicitAny: a map of resolvers of every shape
type Resolver = (parent: any, args: any, context: Context) => unknown;
export type Resolvers = Record<string, GraphQLScalarType | Record<string, Resolver>>;
