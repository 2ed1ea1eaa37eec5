"use client";
// A form bound to a server action that answers { error } or { message, secret }: the error is shown beside
// the form (the API's own words, naming the field), a secret (a one-time password, an API key) once, with
// a copy button.
import { useActionState } from "react";

export interface ActionResult {
  error: string | null;
  message?: string | null;
  /** Shown once, with a copy button. */
  secret?: string | null;
  secretLabel?: string | null;
}

export function ActionForm({
  action,
  children,
  submit,
  danger = false,
  testId,
}: {
  action: (state: ActionResult, form: FormData) => Promise<ActionResult>;
  children: React.ReactNode;
  submit: string;
  danger?: boolean;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2 text-sm" data-testid={testId}>
      {children}
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-3 py-1.5 font-medium text-white focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600 disabled:opacity-50 ${
          danger ? "bg-red-700 hover:bg-red-800" : "bg-indigo-700 hover:bg-indigo-800"
        }`}
      >
        {submit}
      </button>
      {state.error && (
        <p role="alert" className="w-full text-red-700">
          {state.error}
        </p>
      )}
      {state.message && (
        <p role="status" className="w-full text-emerald-800">
          {state.message}
        </p>
      )}
      {state.secret && (
        <div className="w-full rounded border border-amber-300 bg-amber-50 p-2" data-testid="secret">
          <p className="text-amber-900">{state.secretLabel ?? "Shown once: copy it now."}</p>
          <code className="break-all" data-testid="secret-value">
            {state.secret}
          </code>{" "}
          <button
            type="button"
            className="ml-2 rounded border border-amber-400 px-2 py-0.5"
            onClick={() => navigator.clipboard?.writeText(state.secret ?? "")}
          >
            Copy
          </button>
        </div>
      )}
    </form>
  );
}

export const field = "rounded border border-slate-300 px-2 py-1 focus:outline-2 focus:outline-indigo-600";
