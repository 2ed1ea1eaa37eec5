// The one error type of FracVal. Services throw AppError; the API maps `code` to GraphQL and HTTP
// through APP_ERROR_CODES and shows only `userMessage` (never `internalMessage`) to callers.

export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "INTERNAL";

/** Exhaustive: adding a code without its mapping does not compile. */
export const APP_ERROR_CODES: Record<AppErrorCode, { graphql: string; http: number }> = {
  UNAUTHENTICATED: { graphql: "UNAUTHENTICATED", http: 401 },
  FORBIDDEN: { graphql: "FORBIDDEN", http: 403 },
  BAD_USER_INPUT: { graphql: "BAD_USER_INPUT", http: 400 },
  NOT_FOUND: { graphql: "NOT_FOUND", http: 404 },
  CONFLICT: { graphql: "CONFLICT", http: 409 },
  RATE_LIMITED: { graphql: "RATE_LIMITED", http: 429 },
  INTERNAL: { graphql: "INTERNAL_SERVER_ERROR", http: 500 },
};

/** Where in the input a problem is: a GraphQL field path, or a CSV row and column. */
export interface ProblemLocation {
  /** Seconds until a rate-limited request may be retried. */
  retryAfter?: number;
  field?: string;
  row?: number;
  column?: string;
  value?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly location: ProblemLocation | undefined;

  constructor(
    code: AppErrorCode,
    userMessage: string,
    options: { internalMessage?: string; location?: ProblemLocation; cause?: unknown } = {},
  ) {
    super(options.internalMessage ?? userMessage, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.location = options.location;
  }
}

/**
 * What a log line may say about an unexpected error: its class and code, never its message, which can
 * quote what was being read (a header value, a manifest cell, a path).
 */
export function errorClass(error: unknown): string {
  const e = error as { name?: string; code?: string } | null;
  return `${e?.name ?? "Error"}${e?.code ? ` ${e.code}` : ""}`;
}

export const unauthenticated = (message = "Sign in or send a valid API key.") =>
  new AppError("UNAUTHENTICATED", message);
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
export const notFound = (what: string, id: string) => new AppError("NOT_FOUND", `${what} ${id} does not exist.`);
export const badInput = (field: string, message: string, value?: unknown) =>
  new AppError("BAD_USER_INPUT", message, {
    location: { field, ...(value === undefined ? {} : { value: String(value) }) },
  });

/** The message of anything thrown (dicom-parser throws strings). For logs of our own errors, prefer errorClass. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
