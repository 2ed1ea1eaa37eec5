import type { ReactNode } from "react";

/**
 * A list on an admin page (users, keys, sites, audit trail): a bordered table under its column headings,
 * in a box that scrolls sideways on a phone so that the page itself never does.
 */
export function AdminTable({
  testId,
  columns,
  children,
}: {
  testId: string;
  /** Column headings, each different and none empty (a column of buttons is "Actions"). */
  columns: readonly string[];
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid={testId}>
        <thead className="bg-slate-100 text-left">
          <tr>
            {columns.map((heading) => (
              <th key={heading} className="p-2">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
