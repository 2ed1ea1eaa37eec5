// Enforces the @public / @auth rule of every root field, and refuses a schema where one is missing.
// (Like Redwood's auth directives, but checked against our own allow-list: @deprecated is no rule.)
import { getDirective, MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import { requireRoleAndScopes } from "@fracval/core";
import type { ApiScope, UserRole } from "@fracval/db";
import type { Context } from "../context.js";

export const ACCESS_DIRECTIVES = ["public", "auth"] as const;

export class MissingAccessRuleError extends Error {
  constructor(readonly fields: string[]) {
    super(`Every Query and Mutation field needs exactly one access rule (@${ACCESS_DIRECTIVES.join(" or @")}); fix: ${fields.join(", ")}`);
    this.name = "MissingAccessRuleError";
  }
}

export function assertEveryRootFieldHasAccessRule(schema: GraphQLSchema): void {
  const offenders: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const rules = (field.astNode?.directives ?? []).filter((d) => (ACCESS_DIRECTIVES as readonly string[]).includes(d.name.value));
      if (rules.length !== 1) offenders.push(`${root!.name}.${field.name}`);
    }
  }
  if (offenders.length) throw new MissingAccessRuleError(offenders);
}

interface AuthArgs {
  roles?: UserRole[];
  scopes?: ApiScope[];
}

export function applyAccessRules(schema: GraphQLSchema): GraphQLSchema {
  assertEveryRootFieldHasAccessRule(schema);
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (fieldConfig) => {
      const auth = getDirective(schema, fieldConfig, "auth")?.[0] as AuthArgs | undefined;
      if (!auth) return fieldConfig; // @public
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      return {
        ...fieldConfig,
        resolve(source, args, context: Context, info) {
          if (context.authError) throw context.authError;
          requireRoleAndScopes(context.viewer, auth.roles ?? null, auth.scopes ?? []);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
