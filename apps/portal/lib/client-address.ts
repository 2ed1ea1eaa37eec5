// The visitor's address, passed on to the API with each sign-in so that its per-address limit counts
// visitors, not the portal (every sign-in reaches the API from the portal). server.ts writes the header from
// the connection; the proof (HMAC-SHA256 under the shared AUTH_SECRET) is what the API checks
// (apps/api/src/client-address.ts). Web Crypto: this runs wherever next-auth's authorize runs.
export const CLIENT_ADDRESS_HEADER = "x-fracval-client-address";
export const CLIENT_PROOF_HEADER = "x-fracval-client-proof";

/** The headers that tell the API whose sign-in this is; none when the address is unknown (`next dev`). */
export async function clientAddressHeaders(address: string | null | undefined): Promise<Record<string, string>> {
  const secret = process.env.AUTH_SECRET;
  if (!address || !secret) return {};
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(`client-address:${address}`));
  const proof = Array.from(new Uint8Array(signature), (b) => b.toString(16).padStart(2, "0")).join("");
  return { [CLIENT_ADDRESS_HEADER]: address, [CLIENT_PROOF_HEADER]: proof };
}
