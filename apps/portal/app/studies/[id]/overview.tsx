// The study overview: for a chosen metric, a site × model version matrix of every score (the model, FRAX MOF
// and hip, the clinical baselines) with the pooled estimate of each model version, and forest plots of the
// model, FRAX MOF and their difference with the random-effects pooled estimate (diamond), its prediction
// interval, I² and τ². The numbers come precomputed from the metrics job; only pooling runs per request.
import { forestChart, heatmapChart, sourceLabel, type ForestRow, type HeatmapCell } from "@fracval/charts";
import { graphql } from "@/gql";
import type { MetricName, PortalStudyForestQuery, PortalStudyResultsQuery } from "@/gql/graphql";
import { apiQuery } from "@/lib/api";
import { Chart } from "@/components/chart";

const StudyForest = graphql(`
  query PortalStudyForest($id: ID!, $metric: MetricName!, $horizon: Int, $diff: MetricName!, $hasDiff: Boolean!) {
    model: studyForest(studyId: $id, metric: $metric, horizonDays: $horizon) {
      modelVersion { id family version } scale notPooled
      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }
      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
    }
    frax: studyForest(studyId: $id, metric: $metric, scoreSource: "frax_mof", horizonDays: $horizon) {
      modelVersion { id family version } scale notPooled
      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }
      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
    }
    diff: studyForest(studyId: $id, metric: $diff, scoreSource: "model-vs-frax_mof", horizonDays: $horizon)
      @include(if: $hasDiff) {
      modelVersion { id family version } scale notPooled
      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }
      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
    }
  }
`);

type ForestPlot = PortalStudyForestQuery["model"][number];
type ComparisonRow = PortalStudyResultsQuery["studyComparison"][number];

/** The metrics a PI chooses between; AUC(t) and the horizon-bound ones at the study horizon. */
export const OVERVIEW_METRICS: {
  value: string;
  label: string;
  metric: MetricName;
  diff: MetricName | null;
  atHorizon: boolean;
}[] = [
  { value: "harrellC", label: "Harrell's C", metric: "harrellC", diff: "harrellCDiff", atHorizon: false },
  {
    value: "timeDependentAuc",
    label: "AUC(t) at the horizon",
    metric: "timeDependentAuc",
    diff: "timeDependentAucDiff",
    atHorizon: true,
  },
  { value: "unoC", label: "Uno's C", metric: "unoC", diff: null, atHorizon: true },
  { value: "auroc", label: "AUROC (complete case)", metric: "auroc", diff: "aurocDiff", atHorizon: true },
  { value: "calibrationOE", label: "Calibration O/E", metric: "calibrationOE", diff: null, atHorizon: true },
  { value: "sensitivity", label: "Sensitivity at the threshold", metric: "sensitivity", diff: null, atHorizon: true },
  { value: "specificity", label: "Specificity at the threshold", metric: "specificity", diff: null, atHorizon: true },
];

const num = (x: number | null | undefined) => (x === null || x === undefined ? "—" : x.toFixed(3));
const withCi = (e: number, lo: number | null, hi: number | null) =>
  `${num(e)}${lo !== null && hi !== null ? ` (${num(lo)}–${num(hi)})` : ""}`;

export function forestRows(plot: ForestPlot): ForestRow[] {
  const rows: ForestRow[] = plot.sites.map((s) => ({
    label: `${s.site.code}${s.run.release.state === "RELEASED" ? "" : " (draft)"}${s.weight !== null ? ` · ${(s.weight * 100).toFixed(0)} %` : ""}`,
    estimate: s.estimate,
    lower: s.ciLower,
    upper: s.ciUpper,
    n: s.n,
  }));
  if (plot.pooled)
    rows.push(
      {
        label: `Pooled (${plot.pooled.method}${plot.pooled.hksj ? ", HKSJ" : ""}, k = ${plot.pooled.k})`,
        estimate: plot.pooled.estimate,
        lower: plot.pooled.ciLower,
        upper: plot.pooled.ciUpper,
        pooled: true,
      },
      {
        label: "95 % prediction interval",
        estimate: plot.pooled.estimate,
        lower: plot.pooled.predictionLower,
        upper: plot.pooled.predictionUpper,
        pooled: true,
      },
    );
  return rows;
}

export function heterogeneity(plot: ForestPlot | undefined): string {
  if (!plot?.pooled) return plot?.notPooled ? `Not pooled: ${plot.notPooled}.` : "";
  const p = plot.pooled;
  return `I² ${(p.i2 * 100).toFixed(0)} %, τ² ${p.tau2.toPrecision(2)}, Q ${p.q.toFixed(2)} (p ${p.qP < 0.001 ? "< 0.001" : p.qP.toFixed(3)})`;
}

export async function StudyOverview({
  studyId,
  horizonDays,
  rows,
  metricChoice,
  modelChoice,
}: {
  studyId: string;
  horizonDays: number | null;
  rows: ComparisonRow[];
  metricChoice: string | undefined;
  modelChoice: string | undefined;
}) {
  const choice = OVERVIEW_METRICS.find((m) => m.value === metricChoice) ?? OVERVIEW_METRICS[0]!;
  const horizon = choice.atHorizon ? horizonDays : null;
  const forests = await apiQuery(StudyForest, {
    id: studyId,
    metric: choice.metric,
    horizon,
    diff: choice.diff ?? "harrellCDiff",
    hasDiff: choice.diff !== null,
  });
  const models = [
    ...new Map(rows.map((r) => [`${r.modelVersion.family}@${r.modelVersion.version}`, r.modelVersion])).keys(),
  ];
  const model = models.includes(modelChoice ?? "") ? modelChoice! : models[0];
  const matches = (m: ComparisonRow["metrics"][number], source: string) =>
    m.metric === choice.metric &&
    m.scoreSource === source &&
    m.subgroup === "all" &&
    (horizon === null || m.horizonDays === horizon);
  const sources = [
    ...new Set(
      rows.flatMap((r) =>
        r.metrics
          .filter((m) => m.metric === choice.metric && !m.scoreSource.startsWith("model-"))
          .map((m) => m.scoreSource),
      ),
    ),
  ].sort((a, b) => (a === "model" ? -1 : b === "model" ? 1 : a.localeCompare(b)));
  const cells: HeatmapCell[] = [];
  for (const r of rows) {
    const rowLabel = `${r.site.code} · ${r.modelVersion.family}@${r.modelVersion.version}${r.run.release.state === "RELEASED" ? "" : " (draft)"}`;
    for (const source of sources) {
      const m = r.metrics.find((x) => matches(x, source));
      cells.push({
        row: rowLabel,
        column: sourceLabel(source),
        value: r.hidden ? null : (m?.estimate ?? null),
        label: r.hidden ? "withheld" : m ? withCi(m.estimate, m.ciLower, m.ciUpper) : "—",
      });
    }
  }
  // The pooled row of each model version, for the model and FRAX MOF (the comparators pooled per request).
  for (const plot of forests.model) {
    const rowLabel = `Pooled · ${plot.modelVersion.family}@${plot.modelVersion.version}`;
    const frax = forests.frax.find((f) => f.modelVersion.id === plot.modelVersion.id);
    for (const source of sources) {
      const pooled = source === "model" ? plot.pooled : source === "frax_mof" ? frax?.pooled : null;
      cells.push({
        row: rowLabel,
        column: sourceLabel(source),
        value: pooled?.estimate ?? null,
        label: pooled ? withCi(pooled.estimate, pooled.ciLower, pooled.ciUpper) : "—",
      });
    }
  }
  const heatmap =
    cells.length > 0
      ? heatmapChart(`${choice.label} by site and model version`, choice.label, cells, "Site · model version", "Score")
      : null;
  const chosen = (list: ForestPlot[] | undefined) =>
    list?.find((f) => `${f.modelVersion.family}@${f.modelVersion.version}` === model);
  const forestCharts = [
    {
      plot: chosen(forests.model),
      title: `${choice.label} of ${model}`,
      reference: choice.metric === "calibrationOE" ? 1 : null,
    },
    { plot: chosen(forests.frax), title: `${choice.label} of FRAX MOF (on ${model}'s patients)`, reference: null },
    { plot: chosen(forests.diff), title: `${choice.label}: ${model} − FRAX MOF`, reference: 0 },
  ].flatMap(({ plot, title, reference }) =>
    plot && plot.sites.length > 0
      ? [
          {
            chart: forestChart(title, `${choice.label} (95 % CI)`, forestRows(plot), reference),
            note: heterogeneity(plot),
          },
        ]
      : [],
  );
  return (
    <div className="mb-6 space-y-4" data-testid="study-overview">
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          <span className="mb-1 text-slate-700">Metric</span>
          <select name="metric" defaultValue={choice.value} className="rounded border border-slate-300 px-2 py-1">
            {OVERVIEW_METRICS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        {models.length > 1 && (
          <label className="flex flex-col">
            <span className="mb-1 text-slate-700">Forest plots of</span>
            <select name="model" defaultValue={model} className="rounded border border-slate-300 px-2 py-1">
              {models.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="rounded bg-indigo-700 px-3 py-1.5 text-white hover:bg-indigo-800">
          Show
        </button>
      </form>
      {heatmap && <Chart chart={heatmap} name={`study-${studyId}-${choice.value}-matrix`} />}
      <p className="text-xs text-slate-600">
        Grey cells: withheld (fewer than the minimum cell count, and no patient-level access to the site) or not
        computable. Pooled: random effects (REML, Hartung-Knapp-Sidik-Jonkman) on the{" "}
        {forests.model[0]?.scale ?? "logit"} scale, over the sites you may see.
      </p>
      <div className="grid gap-4 xl:grid-cols-2 [&>*]:min-w-0">
        {forestCharts.map(({ chart, note }) => (
          <div key={chart.title}>
            <Chart chart={chart} name={`study-${studyId}-${chart.title.split(" ")[0]!.toLowerCase()}-forest`} />
            {note && (
              <p className="mt-1 text-xs text-slate-600" data-testid="heterogeneity">
                {note}
              </p>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
