import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";

/**
 * Where to go after signing in: the page that sent the visitor here (next-auth's callbackUrl), reduced to a
 * path on this portal so that a crafted link cannot send anyone elsewhere; /studies by default.
 */
function landingPath(raw: unknown): string {
  if (typeof raw !== "string" || raw === "") return "/studies";
  const url = new URL(raw, "http://portal.invalid");
  const path = `${url.pathname}${url.search}`;
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login") ? path : "/studies";
}

async function login(formData: FormData) {
  "use server";
  const redirectTo = landingPath(formData.get("callbackUrl"));
  try {
    await signIn("credentials", { email: formData.get("email"), password: formData.get("password"), redirectTo });
  } catch (error) {
    const back = `callbackUrl=${encodeURIComponent(redirectTo)}`;
    const locked = error instanceof CredentialsSignin ? /^locked-(\d+)$/.exec(error.code) : null;
    if (locked) redirect(`/login?error=locked&minutes=${locked[1]}&${back}`);
    if (error instanceof AuthError) redirect(`/login?error=1&${back}`);
    throw error; // signIn signals its redirect by throwing NEXT_REDIRECT
  }
}

export const metadata = { title: "Sign in · FracVal" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string; changed?: string; minutes?: string }>;
}) {
  const { error, callbackUrl, changed, minutes } = await searchParams;
  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-1 text-xl font-semibold">Sign in to FracVal</h1>
      <p className="mb-6 text-sm text-slate-600">External validation of fracture-risk models across sites.</p>
      {changed && !error && (
        <p role="status" className="mb-4 rounded bg-emerald-50 p-2 text-sm text-emerald-800">
          Your password is changed and your sessions have ended: sign in with the new password.
        </p>
      )}
      {error && (
        <p role="alert" className="mb-4 rounded bg-red-50 p-2 text-sm text-red-700">
          {error === "locked"
            ? `Too many failed sign-ins for this account or from your address: try again in ${
                /^\d+$/.test(minutes ?? "") ? minutes : "15"
              } minute(s). An ADMIN can reset a forgotten password.`
            : "E-mail or password is wrong."}
        </p>
      )}
      <form action={login} className="space-y-4">
        <input type="hidden" name="callbackUrl" value={landingPath(callbackUrl)} />
        <label className="block text-sm">
          E-mail
          <input
            name="email"
            type="email"
            required
            autoComplete="username"
            className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="block text-sm">
          Password
          <input
            name="password"
            type="password"
            required
            autoComplete="current-password"
            className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          className="w-full rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
        >
          Sign in
        </button>
      </form>
    </div>
  );
}
