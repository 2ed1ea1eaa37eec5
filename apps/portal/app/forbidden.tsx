import Link from "next/link";

// Inside the layout, with status 403: a page the API refuses to this user's role (the admin console for a PI,
// say). What each role may do is decided by the API; this page only says so.
export default function Forbidden() {
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8" data-testid="forbidden">
      <title>Not for your role · FracVal</title>
      <h1 className="text-xl font-semibold">Not for your role</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your account may not use this page. If your work needs it, ask a FracVal administrator for the role or the site
        access it takes.
      </p>
      <Link href="/studies" className="mt-4 inline-block text-sm text-indigo-700">
        ← Studies
      </Link>
    </section>
  );
}
