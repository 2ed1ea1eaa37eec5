// Role-aware navigation. Hiding a link is convenience only: the API refuses what a role may not do.
import Link from "next/link";
import { auth, signOut } from "@/auth";
import { graphql } from "@/gql";
import { apiQuery } from "@/lib/api";
import { NavLinks } from "./nav-links";

const EndSession = graphql(`mutation PortalEndSession { endSession }`);

/** Ends the session on the API (its token stops working at once), then clears the cookie. */
async function signOutEverywhere() {
  "use server";
  await apiQuery(EndSession).catch(() => null); // an already-ended session has nothing to end
  await signOut({ redirectTo: "/login" });
}

const LINKS: { href: string; label: string; roles: string[] }[] = [
  { href: "/studies", label: "Studies", roles: ["ADMIN", "PI", "INVESTIGATOR"] },
  { href: "/sites", label: "Sites", roles: ["ADMIN", "PI", "INVESTIGATOR"] },
  { href: "/datasets", label: "My datasets", roles: ["PI", "INVESTIGATOR"] },
  { href: "/upload", label: "Upload", roles: ["PI", "INVESTIGATOR"] },
  { href: "/admin", label: "Admin", roles: ["ADMIN"] },
];

export async function Nav() {
  const session = await auth();
  if (!session?.user) return null;
  const { name, role } = session.user;
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/studies" className="text-lg font-semibold text-indigo-700">
          FracVal
        </Link>
        <NavLinks links={LINKS.filter((l) => l.roles.includes(role)).map(({ href, label }) => ({ href, label }))} />
        <span className="ml-auto text-sm text-slate-600" data-testid="whoami">
          {name} · {role}
        </span>
        <Link href="/account" className="text-sm text-indigo-700 hover:underline" title="Your sites and your password">
          Account
        </Link>
        <form action={signOutEverywhere}>
          <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
            Sign out
          </button>
        </form>
      </nav>
    </header>
  );
}
