// Maps errors to the GraphQL response: AppError → its code and user-safe message; anything else →
// INTERNAL_SERVER_ERROR with no internals (logged server-side with a reference id).
import { unwrapResolverError } from "@apollo/server/errors";
import { APP_ERROR_CODES, AppError } from "@fracval/core";
import type { GraphQLFormattedError } from "graphql";
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.userMessage,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: APP_ERROR_CODES[original.code].graphql, ...(original.location ?? {}) },
    };
  }
  if (original instanceof ZodError) {
    const issue = original.issues[0];
    const field = issue?.path.join(".") || "input";
    return {
      message: `${field}: ${issue?.message ?? "invalid value"}`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: APP_ERROR_CODES.BAD_USER_INPUT.graphql, field },
    };
  }
  // Errors graphql-js raises itself (parse, validation, variable coercion) are safe and already coded.
  const code = formatted.extensions?.code;
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR")
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code },
    };
  const reference = randomUUID();
  console.error(`[api] internal error ${reference}:`, original);
  return {
    message: `Internal server error (reference ${reference}).`,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: "INTERNAL_SERVER_ERROR", reference },
  };
}
