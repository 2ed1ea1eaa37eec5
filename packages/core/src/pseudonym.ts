// Patient pseudonyms: HMAC-SHA256 keyed per site (key = HMAC(secret, "site:" + siteId)), so the same
// hospital ID gives the same pseudonym within a site, different ones across sites, and cannot be
// reversed without the server secret.
import { createHmac } from "node:crypto";

export function pseudonymise(secret: string, siteId: string, hospitalPatientId: string): string {
  if (secret.length < 16) throw new Error("pseudonym secret must have at least 16 characters");
  const siteKey = createHmac("sha256", secret).update(`site:${siteId}`).digest();
  return `P${createHmac("sha256", siteKey).update(hospitalPatientId.trim()).digest("hex").slice(0, 24)}`;
}
