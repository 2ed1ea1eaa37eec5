// The one error map of the HTTP routes (exports, uploads, health, and whatever reaches express before
// GraphQL does): an AppError becomes its status and user message; bad input that express or a library
// rejects (malformed JSON, an oversized body, an undecodable URL) becomes a 4xx with a code; anything
// else is a 500 with a reference — never a stack, a server path or a library's text. JSON, never HTML.
import { randomUUID } from "node:crypto";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { APP_ERROR_CODES, AppError, errorClass } from "@fracval/core";

export interface HttpError {
  status: number;
  body: { error: string; code: string; reference?: string };
}

/** Errors express's body parser and router raise for bad requests, by their `type` or class. */
function clientError(error: unknown): HttpError | null {
  const e = error as { type?: string; status?: number; name?: string };
  if (e?.type === "entity.parse.failed")
    return { status: 400, body: { error: "The request body is not valid JSON.", code: "BAD_USER_INPUT" } };
  if (e?.type === "entity.too.large")
    return { status: 413, body: { error: "The request body is too large.", code: "BAD_USER_INPUT" } };
  if (e?.type === "encoding.unsupported" || e?.type === "charset.unsupported")
    return { status: 415, body: { error: "Send the body as UTF-8 JSON.", code: "BAD_USER_INPUT" } };
  if (error instanceof URIError)
    return { status: 400, body: { error: "The URL is not validly encoded.", code: "BAD_USER_INPUT" } };
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500)
    return { status: e.status, body: { error: "The request was not understood.", code: "BAD_USER_INPUT" } };
  return null;
}

export function toHttpError(error: unknown, where: string): HttpError {
  if (error instanceof AppError)
    return {
      status: APP_ERROR_CODES[error.code].http,
      body: { error: error.userMessage, code: APP_ERROR_CODES[error.code].graphql },
    };
  const client = clientError(error);
  if (client) return client;
  const reference = randomUUID();
  console.error(`[api] ${where} failed (reference ${reference}): ${errorClass(error)}`);
  return {
    status: 500,
    body: { error: `Internal server error (reference ${reference}).`, code: "INTERNAL_SERVER_ERROR", reference },
  };
}

/** Last express middleware: every error not handled by a route. */
export const httpErrorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const mapped = toHttpError(error, `${req.method} ${req.path.split("/")[1] ?? ""}`);
  if (res.headersSent) return;
  res.status(mapped.status).json(mapped.body);
};

/** Unknown routes: a JSON 404 instead of express's HTML page. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({ error: "No such route.", code: "NOT_FOUND" });
};

/** Ids in URLs are cuids: anything else (a NUL byte, a traversal, …) is simply not found. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
