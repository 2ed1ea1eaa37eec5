"use client";
// Release or withdraw a run's results, with the comment the audit trail keeps.
import { useActionState } from "react";
import { changeRelease, type ReleaseFormState } from "./actions";

export function ReleaseForm({ runId, state }: { runId: string; state: "DRAFT" | "RELEASED" | "WITHDRAWN" }) {
  const [result, action, pending] = useActionState<ReleaseFormState, FormData>(changeRelease, { error: null });
  const change = state === "RELEASED" ? "withdraw" : "release";
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-2" data-testid="release-form">
      <input type="hidden" name="runId" value={runId} />
      <input type="hidden" name="change" value={change} />
      <label className="flex min-w-64 flex-1 flex-col text-sm">
        <span className="mb-1 text-slate-700">
          {change === "release" ? "Why these results may leave the site" : "Why the results are withdrawn"} (audited)
        </span>
        <input
          name="comment"
          required
          minLength={3}
          className="rounded border border-slate-300 px-2 py-1 focus:outline-2 focus:outline-indigo-600"
          placeholder={change === "release" ? "Checked against our registry" : "Outcome linkage error found"}
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 ${
          change === "release" ? "bg-indigo-700 hover:bg-indigo-800" : "bg-red-700 hover:bg-red-800"
        }`}
        data-testid={`${change}-button`}
      >
        {change === "release" ? "Release to the network" : "Withdraw the release"}
      </button>
      {result.error && (
        <p className="w-full text-sm text-red-700" role="alert">
          {result.error}
        </p>
      )}
    </form>
  );
}
