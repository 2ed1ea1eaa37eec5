// Enforces the @public / @auth rule of every root field and of every object field that exposes site
// data, and refuses a schema where one is missing. (Like Redwood's auth directives, but checked against
// our own allow-list — @deprecated is no rule — and not only on root fields: a key with METRICS_READ must
// not read datasets or runs through `studies { datasets { runs } }`.)
import { getDirective, MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLFieldConfig, type GraphQLSchema } from "graphql";
import { requireRoleAndScopes } from "@fracval/core";
import type { ApiScope, UserRole } from "@fracval/db";
import type { Context } from "../context.js";

export const ACCESS_DIRECTIVES = ["public", "auth"] as const;

/** Types that carry a site's data: any field returning one needs its own access rule, at any depth. */
export const SITE_DATA_TYPES = [
  "ValidationDataset",
  "ValidationRun",
  "MetricResult",
  "Patient",
  "Prediction",
  "StudyComparisonRow",
  "ParticipantFlow",
  "AuditEvent",
  "ApiKey",
] as const;

export class MissingAccessRuleError extends Error {
  constructor(readonly fields: string[]) {
    super(
      `Every Query and Mutation field, and every field returning site data (${SITE_DATA_TYPES.join(", ")}), needs exactly one access rule (@${ACCESS_DIRECTIVES.join(" or @")}); fix: ${fields.join(", ")}`,
    );
    this.name = "MissingAccessRuleError";
  }
}

export function assertEveryFieldHasAccessRule(schema: GraphQLSchema): void {
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name),
  );
  const offenders: string[] = [];
  const types = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith("__"));
  // Root types first, so that offenders read Query…, Mutation…, then the object types.
  types.sort((a, b) => Number(roots.has(b.name)) - Number(roots.has(a.name)));
  for (const type of types) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const needsRule =
        roots.has(type.name) || (SITE_DATA_TYPES as readonly string[]).includes(getNamedType(field.type).name);
      if (!needsRule) continue;
      const rules = (field.astNode?.directives ?? []).filter((d) =>
        (ACCESS_DIRECTIVES as readonly string[]).includes(d.name.value),
      );
      if (rules.length !== 1) offenders.push(`${type.name}.${field.name}`);
    }
  }
  if (offenders.length) throw new MissingAccessRuleError(offenders);
}

interface AuthArgs {
  roles?: UserRole[];
  scopes?: ApiScope[];
}

export function applyAccessRules(schema: GraphQLSchema): GraphQLSchema {
  assertEveryFieldHasAccessRule(schema);
  const enforce = (fieldConfig: GraphQLFieldConfig<unknown, Context>) => {
    const auth = getDirective(schema, fieldConfig, "auth")?.[0] as AuthArgs | undefined;
    if (!auth) return fieldConfig; // @public, or a field that exposes no site data
    const resolve = fieldConfig.resolve ?? defaultFieldResolver;
    return {
      ...fieldConfig,
      resolve(source: unknown, args: Record<string, unknown>, context: Context, info: Parameters<typeof resolve>[3]) {
        if (context.authError) throw context.authError;
        requireRoleAndScopes(context.viewer, auth.roles ?? null, auth.scopes ?? []);
        return resolve(source, args, context, info);
      },
    };
  };
  return mapSchema(schema, { [MapperKind.ROOT_FIELD]: enforce, [MapperKind.OBJECT_FIELD]: enforce });
}
