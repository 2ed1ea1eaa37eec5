// Per-request context: who is asking, resolved from an API key or a portal session token.
import type { Db } from "@fracval/db";
import {
  AppError,
  authenticateApiKey,
  loadUserViewer,
  unauthenticated,
  type ContentStore,
  type Enqueue,
  type Viewer,
} from "@fracval/core";
import { decode } from "@auth/core/jwt";
import type { IncomingHttpHeaders } from "node:http";

/** What every request may use, whoever asks. */
export interface Services {
  db: Db;
  store: ContentStore;
  /** Enqueues jobs inside a transaction (ingestion, validation runs). */
  enqueue: Enqueue;
  /** Where tus uploads land (a cancelled upload's files are deleted from here). */
  uploadsDir: string;
}

export interface Context extends Services {
  viewer: Viewer | null;
  /** Credentials were presented but rejected; protected fields throw this instead of a generic error. */
  authError: AppError | null;
  /** The calling address (the portal's, for sign-ins through it), for per-client rate limits. */
  client: string | undefined;
  /** Results computed once per request and shared by the fields that need them (memoized). */
  memo: Map<string, Promise<unknown>>;
}

/** `compute` once per request and key: a study's comparison rows feed its table, forests and case-mix. */
export function memoized<T>(context: Pick<Context, "memo">, key: string, compute: () => Promise<T>): Promise<T> {
  let value = context.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    context.memo.set(key, value);
  }
  return value;
}

/** next-auth's cookie names; they are also the salt of the session JWE. */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return undefined; // a malformed cookie is no credential (and no reason for a 500)
    }
  }
  return undefined;
}

/** The user a portal session token stands for, and when the token was issued (seconds since the epoch). */
export async function authenticateSessionToken(
  db: Db,
  token: string,
  authSecret: string,
): Promise<{ viewer: Viewer; issuedAt: number | null }> {
  for (const salt of SESSION_COOKIES) {
    const payload = await decode({ token, secret: authSecret, salt }).catch(() => null);
    if (payload?.sub) {
      const viewer = await loadUserViewer(db, payload.sub);
      if (!viewer) throw unauthenticated("This account is disabled or no longer exists.");
      // Signed out (or all sessions ended) since this token was issued: it is no credential any more.
      const issuedUnder = typeof payload.sv === "number" ? payload.sv : 0;
      if (issuedUnder !== viewer.sessionVersion) throw unauthenticated("This session has ended; sign in again.");
      return { viewer, issuedAt: typeof payload.iat === "number" ? payload.iat : null };
    }
  }
  throw unauthenticated("The session token is invalid or expired; sign in again.");
}

/** The session token a request carries (a bearer that is not an API key, or next-auth's cookie). */
export function sessionTokenOf(headers: IncomingHttpHeaders): string | undefined {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer?.startsWith("fv_")) return undefined;
  return bearer ?? SESSION_COOKIES.map((name) => cookie(headers.cookie, name)).find(Boolean);
}

export async function authenticate(db: Db, headers: IncomingHttpHeaders, authSecret: string): Promise<Viewer | null> {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer?.startsWith("fv_")) return authenticateApiKey(db, bearer);
  const sessionToken = sessionTokenOf(headers);
  return sessionToken ? (await authenticateSessionToken(db, sessionToken, authSecret)).viewer : null;
}

export async function buildContext(
  services: Services,
  headers: IncomingHttpHeaders,
  authSecret: string,
  client?: string,
): Promise<Context> {
  try {
    const viewer = await authenticate(services.db, headers, authSecret);
    return { ...services, viewer, authError: null, client, memo: new Map() };
  } catch (error) {
    if (error instanceof AppError) return { ...services, viewer: null, authError: error, client, memo: new Map() };
    throw error;
  }
}
