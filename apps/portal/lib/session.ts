// The session's lifetimes, shared by next-auth's configuration (auth.ts) and the page cache (server.ts).
/** A session ends two hours after its last use. */
export const SESSION_MAX_AGE_SECONDS = 2 * 60 * 60;
/** Its cookie is renewed on a request at most this often (the page cache serves a kept page only before). */
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;
