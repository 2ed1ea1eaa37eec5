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
  /** A check item by item (the model registry's contract check), shown as a table. */
  checklist?: { name: string; status: "PASSED" | "FAILED" | "NOT_CHECKED"; detail: string }[] | null;
}

const CHECK_MARK = { PASSED: "✓ passed", FAILED: "✗ failed", NOT_CHECKED: "– not checked" } as const;

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
    // Each field at most the form's width: a select as wide as its longest option stays on a phone's screen.
    <form action={formAction} className="flex flex-wrap items-end gap-2 text-sm [&>*]:max-w-full" data-testid={testId}>
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
      {state.checklist && (
        <table className="w-full text-left text-xs" data-testid="contract-checklist">
          <caption className="text-left text-sm text-slate-700">Contract check</caption>
          <thead className="bg-slate-100">
            <tr>
              <th className="p-1">Item</th>
              <th className="p-1">Result</th>
              <th className="p-1">Detail</th>
            </tr>
          </thead>
          <tbody>
            {state.checklist.map((c) => (
              <tr key={c.name} className="border-t border-slate-100" data-status={c.status}>
                <td className="p-1">{c.name}</td>
                <td
                  className={`p-1 whitespace-nowrap ${
                    c.status === "PASSED"
                      ? "text-emerald-800"
                      : c.status === "FAILED"
                        ? "text-red-700"
                        : "text-slate-500"
                  }`}
                >
                  {CHECK_MARK[c.status]}
                </td>
                <td className="p-1 break-all">{c.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
