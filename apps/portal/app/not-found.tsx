import Link from "next/link";

// Inside the layout: a bad id in a link is a page of the portal, not a crash.
export default function NotFound() {
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8" data-testid="not-found">
      <title>Not found · FracVal</title>
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        There is no such page, or it belongs to a site whose data you may not see.
      </p>
      <Link href="/studies" className="mt-4 inline-block text-sm text-indigo-700">
        ← Studies
      </Link>
    </section>
  );
}
