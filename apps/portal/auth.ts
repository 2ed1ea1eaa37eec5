// next-auth: e-mail + password checked by the API (verifyCredentials), JWT session cookie that the API
// decodes with the shared AUTH_SECRET. Roles and site grants are re-read by the API on every request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { CLIENT_ADDRESS_HEADER, clientAddressHeaders } from "@/lib/client-address";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "@/lib/session";

const API_URL = process.env.FRACVAL_API_URL ?? "http://localhost:4000/graphql";

const Login = z.object({ email: z.string().email(), password: z.string().min(1) });

interface VerifiedUser {
  id: string;
  name: string;
  email: string;
  role: string;
  sessionVersion: number;
}

async function verifyCredentials(
  email: string,
  password: string,
  visitorAddress: string | null,
): Promise<VerifiedUser | null> {
  const response = await fetch(API_URL, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await clientAddressHeaders(visitorAddress)) },
    body: JSON.stringify({
      query:
        "mutation($email: String!, $password: String!) { verifyCredentials(email: $email, password: $password) { id name email role sessionVersion } }",
      variables: { email, password },
    }),
  });
  const body = (await response.json()) as {
    data?: { verifyCredentials: VerifiedUser } | null;
    errors?: { extensions?: { code?: string; retryAfter?: number } }[];
  };
  const refusal = body.errors?.[0]?.extensions;
  if (refusal?.code === "RATE_LIMITED") throw new SignInLocked(Math.ceil((refusal.retryAfter ?? 900) / 60));
  return body.data?.verifyCredentials ?? null;
}

/**
 * A sign-in refused for too many failed attempts (this account, or this visitor's address): the sign-in page
 * says so and for how long, instead of "wrong password" while the right one is typed. Its code goes into
 * the redirect URL: the minutes only, nothing about the account.
 */
class SignInLocked extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `locked-${minutes}`;
  }
}

declare module "next-auth" {
  interface User {
    role?: string;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: string };
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Short sessions that slide while used: 2 hours without a request ends them; the token is re-issued at
  // most every 5 minutes of activity. Sign-out ends them on the API too (nav.tsx calls endSession).
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  pages: { signIn: "/login" },
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return; // a wrong password is not a server error
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = Login.safeParse(credentials);
        if (!parsed.success) return null;
        const visitor = request.headers.get(CLIENT_ADDRESS_HEADER);
        const user = await verifyCredentials(parsed.data.email, parsed.data.password, visitor);
        return user
          ? { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion }
          : null;
      },
    }),
  ],
  callbacks: {
    authorized({ auth: session, request }) {
      const open = request.nextUrl.pathname.startsWith("/login");
      return open || !!session?.user;
    },
    jwt({ token, user }) {
      if (user) {
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0; // the API refuses the token once the user's version moves on
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = typeof token.role === "string" ? token.role : "";
      return session;
    },
  },
});
