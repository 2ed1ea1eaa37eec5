// The building blocks of the printable TRIPOD+AI reports (per run and per study): a numbered section and a
// figure rendered on the server from the dashboard's own chart spec.
import type { Chart } from "@fracval/charts";
import { renderSvg } from "@fracval/charts/render";

/** A chart as an image (vector in print): nothing of the SVG is put into the page's DOM. */
export async function Figure({ chart, note }: { chart: Chart; note?: string }) {
  const svg = await renderSvg(chart.spec);
  return (
    <figure className="report-figure">
      {/* biome-ignore lint/performance/noImgElement: an inline data: SVG, nothing for next/image to optimise */}
      <img
        alt={chart.title}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        className="max-w-full"
      />
      {note && <figcaption className="text-xs text-slate-600">{note}</figcaption>}
    </figure>
  );
}

/** A report section headed by the TRIPOD+AI item numbers it answers. */
export function Section({ item, title, children }: { item: string; title: string; children: React.ReactNode }) {
  return (
    <section className="report-section mt-6" data-testid="report-section">
      <h2 className="text-lg font-semibold">
        <span className="mr-2 text-slate-500">{item}</span>
        {title}
      </h2>
      <div className="mt-2 space-y-2 text-sm">{children}</div>
    </section>
  );
}
