// Server-side GraphQL client: forwards the signed-in user's session token to the API, which decodes it
// and applies every access rule itself. The portal holds no data access of its own.
import "server-only";
import { cookies } from "next/headers";
import { forbidden, notFound } from "next/navigation";
import type { TypedDocumentString } from "@/gql/graphql";
import { noteApiAnswer, noteRenderError } from "@fracval/page-cache/render";
import { SESSION_COOKIES } from "@/lib/session";

export const API_URL = process.env.FRACVAL_API_URL ?? "http://localhost:4000/graphql";
/** Set by the API on an answer that recorded an audit event (apps/api/src/page-cache-key.ts). */
const AUDITED_HEADER = "x-fracval-audited";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The signed-in user's session token (the API decides what it may do), or undefined. */
export async function sessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  return SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
}

/**
 * One GraphQL operation, written with `graphql()` from "@/gql" (typed from the SDL by `npm run codegen`),
 * sent with the user's session token; its variables and result are the operation's own types.
 */
export async function apiQuery<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  const query = document.toString();
  const token = await sessionToken();
  const response = await fetch(API_URL, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    cache: "no-store",
  }).catch((error: unknown) => {
    noteRenderError();
    throw error;
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  // The page cache (@fracval/page-cache) keeps no page whose render was audited or met an error.
  noteApiAnswer(response.headers.has(AUDITED_HEADER));
  const error = body.errors?.[0];
  if (error || !body.data) noteRenderError();
  if (error) throw new ApiError(error.message, error.extensions?.code ?? "INTERNAL_SERVER_ERROR");
  if (!body.data) throw new ApiError(`API answered ${response.status} without data`, "INTERNAL_SERVER_ERROR");
  return body.data;
}

/**
 * apiQuery for a page: an id the API does not know (or will not show this user) is the layout's 404 page; an
 * operation the API refuses to this user's role (a PI on the admin console) its 403 page (app/forbidden.tsx).
 */
export async function apiPageQuery<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  try {
    return await apiQuery(document, variables);
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") notFound();
    if (error instanceof ApiError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}
