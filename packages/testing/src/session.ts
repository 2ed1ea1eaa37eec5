import { encode } from "@auth/core/jwt";
import { TEST_AUTH_SECRET } from "./constants.js";

/** A next-auth session token exactly as the portal's cookie carries it. */
export async function sessionTokenFor(
  user: { id: string; email: string; name: string; role: string },
  secret = TEST_AUTH_SECRET,
): Promise<string> {
  return encode({
    token: { sub: user.id, email: user.email, name: user.name, role: user.role },
    secret,
    salt: "authjs.session-token",
  });
}
