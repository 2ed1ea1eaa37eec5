// The resolver map type of the schema modules, generated from the SDL (npm run codegen): arguments and
// results are the SDL's, parents are what the domain services return (the mappers in scripts/codegen.ts).
// Arguments are still parsed by the services (zod) — the trust boundary is the service call.
export type { Resolvers } from "./resolvers-types.js";
