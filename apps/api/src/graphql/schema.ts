// Builds the executable schema from the per-module SDL files and resolvers, with access rules applied.
import { makeExecutableSchema } from "@graphql-tools/schema";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyAccessRules } from "./access-rules.js";
import type { Resolvers } from "../schema/types.js";
import { resolvers as base } from "../schema/base/resolvers.js";
import { resolvers as viewer } from "../schema/viewer/resolvers.js";
import { resolvers as sites } from "../schema/sites/resolvers.js";
import { resolvers as studies } from "../schema/studies/resolvers.js";
import { resolvers as models } from "../schema/models/resolvers.js";
import { resolvers as datasets } from "../schema/datasets/resolvers.js";
import { resolvers as patients } from "../schema/patients/resolvers.js";
import { resolvers as runs } from "../schema/runs/resolvers.js";
import { resolvers as metrics } from "../schema/metrics/resolvers.js";
import { resolvers as curves } from "../schema/curves/resolvers.js";
import { resolvers as casemix } from "../schema/casemix/resolvers.js";
import { resolvers as apikeys } from "../schema/apikeys/resolvers.js";
import { resolvers as audit } from "../schema/audit/resolvers.js";
import { resolvers as admin } from "../schema/admin/resolvers.js";

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), "..", "schema");

/** Module name → resolvers; each module's SDL is schema/<name>/schema.graphql. `base` comes first. */
const MODULES: Record<string, Resolvers> = {
  base,
  viewer,
  sites,
  studies,
  models,
  datasets,
  patients,
  runs,
  metrics,
  curves,
  casemix,
  apikeys,
  audit,
  admin,
};

export function moduleTypeDefs(): string[] {
  return Object.keys(MODULES).map((name) => readFileSync(join(schemaDir, name, "schema.graphql"), "utf8"));
}

/** `extraTypeDefs` lets tests add fields, e.g. one without an access rule, which must be refused. */
export function buildSchema(extraTypeDefs: string[] = []): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: [...moduleTypeDefs(), ...extraTypeDefs],
    resolvers: Object.values(MODULES),
  });
  return applyAccessRules(schema);
}

const SDL_HEADER = `# FracVal GraphQL API — the contract partner hospitals build against.
# Generated from apps/api/src/schema/*/schema.graphql by \`npm run schema:print -w @fracval/api\`; do not edit.
# Endpoint: POST /graphql. Authenticate with \`Authorization: Bearer fv_...\` (API key) or a portal session.
# Access: @public = anyone; @auth = signed in, narrowed by roles (API keys are PARTNER) and, for API keys, scopes;
# shown on every root field and on every nested field that returns site data.
# Site scoping is enforced on the data itself: patient-level rows only for sites you have patient-data access to,
# and every patient-level read is audited. Errors carry extensions.code: UNAUTHENTICATED, FORBIDDEN,
# BAD_USER_INPUT (with field or row/column), NOT_FOUND, CONFLICT, INTERNAL_SERVER_ERROR.

`;

/** The whole SDL as partners read it (committed as apps/api/schema.graphql; a test keeps it current). */
export function printFullSchema(): string {
  const schema = makeExecutableSchema({ typeDefs: moduleTypeDefs(), resolvers: Object.values(MODULES) });
  return `${SDL_HEADER + printSchemaWithDirectives(schema)}\n`;
}
