import Link from "next/link";
import { forestChart } from "@fracval/charts";
import { graphql } from "@/gql";
import type { PortalCaseMixQuery } from "@/gql/graphql";
import { designatedDatasets } from "@/lib/designated-datasets";
import { apiPageQuery } from "@/lib/api";
import { Chart } from "@/components/chart";

export const metadata = { title: "Case-mix by site · FracVal" };

const CaseMixQuery = graphql(`
  query PortalCaseMix($id: ID!, $datasets: [ID!]) {
    study(id: $id) { id title }
    studyCaseMix(studyId: $id, datasets: $datasets) {
      sites { site { code name } patients dataset { name } }
      variables {
        name kind unit levels p smd
        groups { n mean sd median q1 q3 counts percents missing withheld }
      }
      scoreSpread { site { code } modelVersion { family version } n mean sd q1 median q3 }
    }
  }
`);

type Variable = PortalCaseMixQuery["studyCaseMix"]["variables"][number];
type Cell = Variable["groups"][number];

const f = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? "—" : x.toFixed(digits));
const pValue = (p: number | null) => (p === null ? "—" : p < 0.001 ? "< 0.001" : p.toFixed(3));

function continuous(cell: Cell, name: string): string {
  if (cell.withheld || cell.mean === null) return "withheld";
  // Follow-up is skewed: median (IQR); the rest mean ± SD.
  return name === "Follow-up" ? `${f(cell.median)} (${f(cell.q1)}–${f(cell.q3)})` : `${f(cell.mean)} ± ${f(cell.sd)}`;
}

function categorical(cell: Cell, level: number): string {
  const count = cell.counts?.[level];
  if (count === null || count === undefined) return "< 10";
  return `${count} (${f(cell.percents?.[level])} %)`;
}

export default async function CaseMixPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ dataset?: string | string[] }>;
}) {
  const { id } = await params;
  // The sites' designated datasets, as chosen on the study page.
  const datasets = designatedDatasets((await searchParams).dataset);
  const { study, studyCaseMix: mix } = await apiPageQuery(CaseMixQuery, { id, datasets });
  const spread = mix.scoreSpread.length
    ? forestChart(
        "Spread of the model's score (linear predictor) by site",
        "Score: median and interquartile range",
        mix.scoreSpread.map((s) => ({
          label: `${s.site.code} · ${s.modelVersion.family}@${s.modelVersion.version} (SD ${s.sd.toFixed(2)})`,
          estimate: s.median,
          lower: s.q1,
          upper: s.q3,
          n: s.n,
        })),
      )
    : null;
  return (
    <section className="space-y-6">
      <div>
        <Link href={`/studies/${study.id}`} className="text-sm text-indigo-700">
          ← {study.title}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Case-mix by site (Table 1)</h1>
        <p className="text-sm text-slate-600">
          Each site&apos;s latest validation set. Mean ± SD (follow-up: median and IQR) or n (%); p across sites by
          one-way ANOVA or χ²; SMD: each site against the other sites together (|SMD| &gt; 0.1 is a notable difference).
          Counts under 10 are shown only to the site&apos;s own members.
        </p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="case-mix">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="p-2">Characteristic</th>
              {mix.sites.map((s) => (
                <th key={s.site.code} className="p-2">
                  {s.site.code}
                  <div className="text-xs font-normal text-slate-600">
                    n = {s.patients ?? "< 10"} · {s.dataset.name}
                  </div>
                </th>
              ))}
              <th className="p-2">p</th>
              <th className="p-2">SMD by site</th>
            </tr>
          </thead>
          <tbody>
            {mix.variables.flatMap((v) => {
              const smd = v.smd.map((d, k) => `${mix.sites[k]?.site.code} ${f(d, 2)}`).join(", ");
              if (v.kind === "CONTINUOUS")
                return [
                  <tr key={v.name} className="border-t border-slate-100">
                    <th className="p-2 text-left font-medium">
                      {v.name}
                      {v.unit ? ` (${v.unit})` : ""}
                    </th>
                    {v.groups.map((g, k) => (
                      <td key={mix.sites[k]!.site.code} className="p-2">
                        {continuous(g, v.name)}
                        {g.missing ? <span className="text-xs text-slate-500"> · {g.missing} missing</span> : null}
                      </td>
                    ))}
                    <td className="whitespace-nowrap p-2">{pValue(v.p)}</td>
                    <td className="p-2 text-xs">{smd}</td>
                  </tr>,
                ];
              const levels = v.levels ?? [];
              // A yes/no variable is one row (the "yes" count); others one row per category.
              const shown =
                levels.length === 2 && levels.includes("yes") ? [levels.indexOf("yes")] : levels.map((_, k) => k);
              return shown.map((level, row) => (
                <tr key={`${v.name}-${levels[level]}`} className="border-t border-slate-100">
                  <th className="p-2 text-left font-medium">
                    {shown.length === 1 ? v.name : row === 0 ? `${v.name}: ${levels[level]}` : `… ${levels[level]}`}
                  </th>
                  {v.groups.map((g, k) => (
                    <td key={mix.sites[k]!.site.code} className="p-2">
                      {categorical(g, level)}
                    </td>
                  ))}
                  <td className="whitespace-nowrap p-2">{row === 0 ? pValue(v.p) : ""}</td>
                  <td className="p-2 text-xs">{row === 0 ? smd : ""}</td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      </div>
      {spread && <Chart chart={spread} name={`study-${id}-score-spread`} />}
    </section>
  );
}
