// next-auth: e-mail + password checked by the API (verifyCredentials), JWT session cookie that the API
// decodes with the shared AUTH_SECRET. Roles and site grants are re-read by the API on every request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

const API_URL = process.env.FRACVAL_API_URL ?? "http://localhost:4000/graphql";

const Login = z.object({ email: z.string().email(), password: z.string().min(1) });

interface VerifiedUser {
  id: string;
  name: string;
  email: string;
  role: string;
}

async function verifyCredentials(email: string, password: string): Promise<VerifiedUser | null> {
  const response = await fetch(API_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "mutation($email: String!, $password: String!) { verifyCredentials(email: $email, password: $password) { id name email role } }",
      variables: { email, password },
    }),
  });
  const body = (await response.json()) as { data?: { verifyCredentials: VerifiedUser } | null };
  return body.data?.verifyCredentials ?? null;
}

declare module "next-auth" {
  interface User {
    role?: string;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: string };
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
      async authorize(credentials) {
        const parsed = Login.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        return user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null;
      },
    }),
  ],
  callbacks: {
    authorized({ auth: session, request }) {
      const open = request.nextUrl.pathname.startsWith("/login");
      return open || !!session?.user;
    },
    jwt({ token, user }) {
      if (user) token.role = user.role;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = typeof token.role === "string" ? token.role : "";
      return session;
    },
  },
});
