// What the portal's server vouches for to the API (that it asks for a page-cache key; a sign-in's visitor
// address): an HMAC-SHA256 of the subject under the AUTH_SECRET both hold, which browsers and partners do not.
import { createHmac, timingSafeEqual } from "node:crypto";

/** The portal's proof of `subject`. */
export function portalProof(authSecret: string, subject: string): string {
  return createHmac("sha256", authSecret).update(subject).digest("hex");
}

/** Whether a presented header value is `expected`, compared in constant time. */
export function isProof(presented: unknown, expected: string): boolean {
  const given = Buffer.from(typeof presented === "string" ? presented : "");
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
