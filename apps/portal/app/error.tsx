"use client";
// An unexpected failure of a page, inside the layout, with a way to try again. The message of the error
// itself is not shown (it may be internal); the digest lets operators find it in the logs.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section
      className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-8"
      role="alert"
      data-testid="page-error"
    >
      <h1 className="text-xl font-semibold">This page could not be shown</h1>
      <p className="mt-2 text-sm text-slate-600">
        The platform answered with an error{error.digest ? ` (reference ${error.digest})` : ""}. Try again; if it
        persists, tell your FracVal administrator the reference.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-indigo-700 px-3 py-1.5 text-sm text-white">
        Try again
      </button>
    </section>
  );
}
