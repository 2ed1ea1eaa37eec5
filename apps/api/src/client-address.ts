// Whose sign-in attempt is it? Sign-ins through the portal all reach the API from the portal's address, so a
// per-address limit there would be one limit for every visitor of the portal: 50 failed attempts by anyone
// would lock everyone out for 15 minutes. The portal therefore passes on its visitor's address with a proof
// (HMAC-SHA256 under the AUTH_SECRET both share); the API takes the address only with a valid proof, so a
// caller cannot spread its guesses over made-up addresses.
import type { IncomingHttpHeaders } from "node:http";
import { isProof, portalProof } from "./portal-proof.js";

export const CLIENT_ADDRESS_HEADER = "x-fracval-client-address";
export const CLIENT_PROOF_HEADER = "x-fracval-client-proof";

/** The proof the portal sends with a visitor's address. */
export function clientAddressProof(authSecret: string, address: string): string {
  return portalProof(authSecret, `client-address:${address}`);
}

/** The visitor's address when the portal vouches for it, else the connection's own address. */
export function clientAddress(
  headers: IncomingHttpHeaders,
  authSecret: string,
  connectionAddress: string | undefined,
): string | undefined {
  const address = headers[CLIENT_ADDRESS_HEADER];
  if (typeof address !== "string" || address === "" || address.length > 64) return connectionAddress;
  return isProof(headers[CLIENT_PROOF_HEADER], clientAddressProof(authSecret, address))
    ? `portal visitor ${address}`
    : connectionAddress;
}
