// The site release state of a run's results, the same badge in every view.
const STYLES = {
  DRAFT: "bg-amber-100 text-amber-900 border-amber-300",
  RELEASED: "bg-emerald-100 text-emerald-900 border-emerald-300",
  WITHDRAWN: "bg-slate-200 text-slate-800 border-slate-400",
} as const;
const LABELS = { DRAFT: "Draft: not released", RELEASED: "Released", WITHDRAWN: "Withdrawn" } as const;

export function ReleaseBadge({ state }: { state: keyof typeof STYLES }) {
  return (
    <span className={`rounded border px-2 py-0.5 text-xs font-medium ${STYLES[state]}`} data-testid="release-state">
      {LABELS[state]}
    </span>
  );
}
