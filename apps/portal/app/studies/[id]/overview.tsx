// The study overview: for a chosen metric, a site × model version matrix of every score (the model, FRAX MOF
// and hip, the clinical baselines) with the pooled estimate of each model version, and forest plots of the
// model, FRAX MOF and their difference with the random-effects pooled estimate (diamond), its prediction
// interval, I² and τ². The numbers come precomputed from the metrics job; only pooling runs per request.
import { sourceLabel, type ChartRecipe, type ForestRow, type HeatmapCell } from "@fracval/charts";
import { graphql } from "@/gql";
import type { ForestStatistic, MetricName, PortalStudyForestQuery, PortalStudyResultsQuery } from "@/gql/graphql";
import { apiQuery } from "@/lib/api";
import { Chart } from "@/components/chart";

const StudyForest = graphql(`
  query PortalStudyForest(
    $id: ID!
    $metric: MetricName!
    $statistic: ForestStatistic!
    $horizon: Int
    $diff: MetricName!
    $hasDiff: Boolean!
    $datasets: [ID!]
  ) {
    all: studyForest(
      studyId: $id
      metric: $metric
      statistic: $statistic
      everySource: true
      horizonDays: $horizon
      datasets: $datasets
    ) {
      modelVersion { id family version } scoreSource scale notPooled
      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }
      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
    }
    diff: studyForest(studyId: $id, metric: $diff, everySource: true, horizonDays: $horizon, datasets: $datasets)
      @include(if: $hasDiff) {
      modelVersion { id family version } scoreSource scale notPooled
      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }
      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
    }
  }
`);

type ForestPlot = PortalStudyForestQuery["all"][number];
type ComparisonRow = PortalStudyResultsQuery["studyComparison"][number];

/**
 * The metrics a PI chooses between. horizon: "study" for the study's horizon, a number of days for AUC(t) at
 * each stored horizon, null for metrics over the whole follow-up.
 */
interface OverviewMetric {
  value: string;
  label: string;
  metric: MetricName;
  statistic: ForestStatistic;
  diff: MetricName | null;
  horizon: "study" | number | null;
  /** The value of no effect or perfect calibration, drawn on the forest plots. */
  reference: number | null;
  /** The ideal of a calibration measure (too low and too high both off): the matrix's colours diverge from it. */
  centre: number | null;
}

export const OVERVIEW_METRICS: OverviewMetric[] = (
  [
    { value: "harrellC", label: "Harrell's C", metric: "harrellC", diff: "harrellCDiff", horizon: null },
    { value: "unoC", label: "Uno's C", metric: "unoC", diff: null, horizon: "study" },
    {
      value: "timeDependentAuc",
      label: "AUC(t) at the horizon",
      metric: "timeDependentAuc",
      diff: "timeDependentAucDiff",
      horizon: "study",
    },
    ...[365, 1826, 3652].map((days) => ({
      value: `timeDependentAuc@${days}`,
      label: `AUC(t) at ${Math.round(days / 365.25)} year${days > 400 ? "s" : ""}`,
      metric: "timeDependentAuc",
      diff: "timeDependentAucDiff",
      horizon: days,
    })),
    { value: "auroc", label: "AUROC (complete case)", metric: "auroc", diff: "aurocDiff", horizon: "study" },
    {
      value: "calibrationOE",
      label: "Calibration O/E",
      metric: "calibrationOE",
      diff: null,
      horizon: "study",
      reference: 1,
      centre: 1,
    },
    {
      value: "calibrationSlope",
      label: "Calibration slope",
      metric: "calibrationOE",
      statistic: "CALIBRATION_SLOPE",
      diff: null,
      horizon: "study",
      reference: 1,
      centre: 1,
    },
    { value: "brier", label: "Brier score", metric: "calibrationOE", statistic: "BRIER", diff: null, horizon: "study" },
    {
      value: "ipa",
      label: "IPA (index of prediction accuracy)",
      metric: "calibrationOE",
      statistic: "IPA",
      diff: null,
      horizon: "study",
      reference: 0,
    },
    {
      value: "sensitivity",
      label: "Sensitivity at the threshold",
      metric: "sensitivity",
      diff: null,
      horizon: "study",
    },
    {
      value: "specificity",
      label: "Specificity at the threshold",
      metric: "specificity",
      diff: null,
      horizon: "study",
    },
  ] as (Omit<OverviewMetric, "statistic" | "reference" | "centre"> & Partial<OverviewMetric>)[]
).map((m) => ({ statistic: "ESTIMATE", reference: null, centre: null, ...m }));

const num = (x: number | null | undefined) => (x === null || x === undefined ? "—" : x.toFixed(3));
const withCi = (e: number, lo: number | null, hi: number | null) =>
  `${num(e)}${lo !== null && hi !== null ? ` (${num(lo)}–${num(hi)})` : ""}`;

export function forestRows(plot: Omit<ForestPlot, "scoreSource">): ForestRow[] {
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

export function heterogeneity(plot: Omit<ForestPlot, "scoreSource"> | undefined): string {
  if (!plot?.pooled) return plot?.notPooled ? `Not pooled: ${plot.notPooled}.` : "";
  const p = plot.pooled;
  return `I² ${(p.i2 * 100).toFixed(0)} %, τ² ${p.tau2.toPrecision(2)}, Q ${p.q.toFixed(2)} (p ${p.qP < 0.001 ? "< 0.001" : p.qP.toFixed(3)})`;
}

/** The choices of each site's designated dataset (studyResultDatasets). */
export type SiteDatasets = PortalStudyResultsQuery["studyResultDatasets"][number];

export async function StudyOverview({
  studyId,
  horizonDays,
  rows,
  siteDatasets,
  designated,
  metricChoice,
  modelChoice,
}: {
  studyId: string;
  horizonDays: number | null;
  rows: ComparisonRow[];
  siteDatasets: SiteDatasets[];
  /** The datasets designated in the address (one per site at most). */
  designated: string[];
  metricChoice: string | undefined;
  modelChoice: string | undefined;
}) {
  const choice = OVERVIEW_METRICS.find((m) => m.value === metricChoice) ?? OVERVIEW_METRICS[0]!;
  const horizon = choice.horizon === "study" ? horizonDays : choice.horizon;
  const forests = await apiQuery(StudyForest, {
    id: studyId,
    metric: choice.metric,
    statistic: choice.statistic,
    horizon,
    diff: choice.diff ?? "harrellCDiff",
    hasDiff: choice.diff !== null,
    datasets: designated,
  });
  const models = [
    ...new Map(rows.map((r) => [`${r.modelVersion.family}@${r.modelVersion.version}`, r.modelVersion])).keys(),
  ];
  const model = models.includes(modelChoice ?? "") ? modelChoice! : models[0];
  const modelName = (plot: ForestPlot) => `${plot.modelVersion.family}@${plot.modelVersion.version}`;
  /** One heatmap per family of plots: a cell per site × model version row and source, and a pooled row each. */
  const matrix = (plots: ForestPlot[], title: string, valueTitle: string, centre: number | null) => {
    const sources = [...new Set(plots.map((p) => p.scoreSource))];
    const cells: HeatmapCell[] = [];
    for (const r of rows) {
      const rowLabel = `${r.site.code} · ${r.modelVersion.family}@${r.modelVersion.version}${r.run.release.state === "RELEASED" ? "" : " (draft)"}`;
      for (const source of sources) {
        const plot = plots.find((p) => p.modelVersion.id === r.modelVersion.id && p.scoreSource === source);
        const site = plot?.sites.find((s) => s.run.id === r.run.id);
        const p = r.metrics.find(
          (m) =>
            m.metric === choice.diff && m.scoreSource === source && (horizon === null || m.horizonDays === horizon),
        )?.details?.p;
        cells.push({
          row: rowLabel,
          column: sourceLabel(source),
          value: r.hidden ? null : (site?.estimate ?? null),
          label: r.hidden
            ? "withheld"
            : site
              ? `${withCi(site.estimate, site.ciLower, site.ciUpper)}${p !== null && p !== undefined ? `, p ${p < 0.001 ? "< 0.001" : p.toFixed(3)}` : ""}`
              : "—",
        });
      }
    }
    // The pooled row of each model version, for every score source (pooled per request).
    for (const version of new Set(plots.map(modelName))) {
      for (const source of sources) {
        const pooled = plots.find((p) => modelName(p) === version && p.scoreSource === source)?.pooled;
        cells.push({
          row: `Pooled · ${version}`,
          column: sourceLabel(source),
          value: pooled?.estimate ?? null,
          label: pooled ? withCi(pooled.estimate, pooled.ciLower, pooled.ciUpper) : "—",
        });
      }
    }
    return cells.length > 0
      ? ({
          kind: "heatmap",
          args: [title, valueTitle, cells, "Site · model version", "Score", centre],
        } satisfies ChartRecipe)
      : null;
  };
  const heatmap = matrix(forests.all, `${choice.label} by site and model version`, choice.label, choice.centre);
  const diffHeatmap =
    forests.diff && forests.diff.length > 0
      ? matrix(forests.diff, `Δ ${choice.label}: model − comparator (paired, 95 % CI, p)`, `Δ ${choice.label}`, 0)
      : null;
  const chosen = (list: ForestPlot[] | undefined, source: string) =>
    list?.find((f) => modelName(f) === model && f.scoreSource === source);
  const forestCharts = [
    {
      plot: chosen(forests.all, "model"),
      title: `${choice.label} of ${model}`,
      axis: choice.label,
      reference: choice.reference,
    },
    {
      plot: chosen(forests.all, "frax_mof"),
      title: `${choice.label} of FRAX MOF (on ${model}'s patients)`,
      axis: choice.label,
      reference: choice.reference,
    },
    {
      plot: chosen(forests.diff, "model-vs-frax_mof"),
      title: `${choice.label}: ${model} − FRAX MOF`,
      // A difference: its axis says so (it read as the metric itself).
      axis: `Δ ${choice.label}, model − FRAX MOF`,
      reference: 0,
    },
  ].flatMap(({ plot, title, axis, reference }) =>
    plot && plot.sites.length > 0
      ? [
          {
            chart: {
              kind: "forest",
              args: [
                title,
                `${axis}${plot.sites.some((s) => s.ciLower !== null) ? " (95 % CI)" : ""}`,
                forestRows(plot),
                reference,
              ],
            } satisfies ChartRecipe,
            note: heterogeneity(plot),
          },
        ]
      : [],
  );
  const choosable = siteDatasets.filter((s) => s.datasets.length > 1);
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
        {/* A site with several validated datasets: which one stands for the site (default: latest released). */}
        {choosable.map((s) => (
          <label key={s.site.code} className="flex min-w-0 max-w-full flex-col">
            <span className="mb-1 text-slate-700">{s.site.code}: dataset</span>
            <select
              name="dataset"
              defaultValue={s.datasets.find((d) => designated.includes(d.id))?.id ?? ""}
              className="max-w-full rounded border border-slate-300 px-2 py-1"
              data-testid={`designated-dataset-${s.site.code}`}
            >
              <option value="">Latest released: {s.defaultDataset.name}</option>
              {s.datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {/* Names and dates can repeat (a corrected re-upload): the id's tail tells them apart. */}
                  {d.name} · {d.createdAt.slice(0, 16).replace("T", " ")} · #{d.id.slice(-6)}
                  {d.status === "WITHDRAWN" ? " (withdrawn)" : ""}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="rounded bg-indigo-700 px-3 py-1.5 text-white hover:bg-indigo-800">
          Show
        </button>
      </form>
      {heatmap ? (
        <Chart recipe={heatmap} name={`study-${studyId}-${choice.value}-matrix`} />
      ) : (
        <p className="rounded border border-dashed border-slate-300 p-4 text-sm text-slate-600" data-testid="no-metric">
          No run you may see has {choice.label.toLowerCase()}
          {choice.statistic === "CALIBRATION_SLOPE"
            ? ": the calibration slope is not computed where death is a competing event (Aalen-Johansen calibration)"
            : ""}
          . Choose another metric.
        </p>
      )}
      {diffHeatmap && <Chart recipe={diffHeatmap} name={`study-${studyId}-${choice.value}-difference-matrix`} />}
      <p className="text-xs text-slate-600">
        Grey cells: withheld (fewer than the minimum cell count, and no patient-level access to the site) or not
        computable. Pooled: random effects (REML, Hartung-Knapp-Sidik-Jonkman) on the {forests.all[0]?.scale ?? "logit"}{" "}
        scale, over the sites you may see
        {forests.all.find((p) => p.notPooled && !p.pooled)?.notPooled
          ? ` (not pooled: ${forests.all.find((p) => p.notPooled && !p.pooled)!.notPooled})`
          : ""}
        .
      </p>
      <div className="grid gap-4 xl:grid-cols-2 [&>*]:min-w-0">
        {forestCharts.map(({ chart, note }) => (
          <div key={chart.args[0]}>
            <Chart recipe={chart} name={`study-${studyId}-${chart.args[0].split(" ")[0]!.toLowerCase()}-forest`} />
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
