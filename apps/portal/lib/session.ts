// The portal's sessions: their cookie and lifetimes, shared by next-auth's configuration (auth.ts), the API
// client (lib/api.ts) and the page cache (server.ts).
/** next-auth's session cookie (the __Secure- name over HTTPS); the API decodes the token it holds. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
/** A session ends two hours after its last use. */
export const SESSION_MAX_AGE_SECONDS = 2 * 60 * 60;
/** Its cookie is renewed on a request at most this often (the page cache serves a kept page only before). */
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;
