"use client";
// One chart of the run or study pages: the Vega-Lite spec rendered with vega-embed (tooltips; SVG and PNG
// export in its menu), its numbers as a table behind a toggle (the text alternative), and those numbers as
// CSV. The spec and table come from @fracval/charts, the same ones reports render on the server. The table
// is built when it is opened and the CSV when it is asked for: a study overview has a dozen charts, and
// rendering every number three more times into the page made it several times larger and slower to serve.
import { useEffect, useMemo, useRef, useState } from "react";
import { buildChart, type Chart as ChartData, type ChartRecipe, tableCsv } from "@fracval/charts";

/** A chart built, or the recipe to build it here (the page then carries its numbers once). */
export function Chart({ chart: built, recipe, name }: { chart?: ChartData; recipe?: ChartRecipe; name: string }) {
  const chart = useMemo(() => built ?? buildChart(recipe!), [built, recipe]);
  const target = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [numbersShown, setNumbersShown] = useState(false);
  useEffect(() => {
    let finalize: (() => void) | undefined;
    let cancelled = false;
    // vega-embed touches the DOM: loaded in the browser only.
    import("vega-embed")
      .then(async ({ default: embed }) => {
        if (cancelled || !target.current) return;
        const result = await embed(target.current, chart.spec, {
          renderer: "svg",
          actions: { export: true, source: false, compiled: false, editor: false },
          downloadFileName: name,
        });
        // The drawing is an image named by the chart's title (its numbers are the table below), and vega-embed's
        // menu button, an icon only, gets a name: screen readers announced an unnamed control.
        const drawing = target.current.querySelector("svg.marks");
        drawing?.setAttribute("role", "img");
        drawing?.setAttribute("aria-label", chart.title);
        target.current.querySelector("details > summary")?.setAttribute("aria-label", "Save the chart as SVG or PNG");
        finalize = () => result.finalize();
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [chart, name]);
  const downloadCsv = () => {
    const url = URL.createObjectURL(new Blob([tableCsv(chart.table)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${name}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <figure
      className="min-w-0 max-w-full rounded-lg border border-slate-200 bg-white p-4"
      data-testid="chart"
      aria-label={chart.title}
    >
      {/* vega-embed makes its target an inline-block as wide as the chart: the outer box scrolls instead. */}
      <div className="max-w-full overflow-x-auto">
        {/* Not role="img" itself: it also holds vega-embed's menu, and an image may not contain a control. */}
        <div ref={target} className="min-h-[200px]" />
      </div>
      {failed && (
        <p className="text-sm text-red-700">The chart could not be drawn ({failed}); its numbers are below.</p>
      )}
      <figcaption className="mt-2 flex flex-wrap items-center gap-4 text-sm">
        <details
          className="w-full"
          data-testid="chart-numbers"
          onToggle={(event) => setNumbersShown(event.currentTarget.open)}
        >
          <summary className="cursor-pointer text-indigo-700">Show the numbers ({chart.title})</summary>
          {numbersShown && (
            <div className="mt-2 max-h-72 overflow-auto">
              <table className="w-full text-xs">
                <thead className="bg-slate-100 text-left">
                  <tr>
                    {chart.table.columns.map((c) => (
                      <th key={c} className="p-1">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {chart.table.rows.map((row, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed table, never reordered
                    <tr key={k} className="border-t border-slate-100">
                      {row.map((cell, j) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed row
                        <td key={j} className="p-1">
                          {cell ?? "—"}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </details>
        <button type="button" onClick={downloadCsv} className="text-indigo-700 hover:underline">
          Numbers as CSV
        </button>
        <span className="text-slate-500">SVG and PNG: the ⋯ menu of the chart</span>
      </figcaption>
    </figure>
  );
}
