import type { Metadata } from "next";
import Link from "next/link";
import {
  aucOverTimeChart,
  calibrationChart,
  decisionCurveChart,
  forestChart,
  incidenceChart,
  rocChart,
  sourceLabel,
  subgroupLabel,
} from "@fracval/charts";
import { graphql } from "@/gql";
import type { PortalRunQuery } from "@/gql/graphql";
import { apiPageQuery, apiQuery } from "@/lib/api";
import { AutoRefresh } from "@/components/auto-refresh";
import { keepPageOutOfCache } from "@fracval/page-cache/render";
import { Chart } from "@/components/chart";
import { ReleaseBadge } from "@/components/release-badge";
import { ReleaseForm } from "./release-form";

const RunTitle = graphql(`
  query PortalRunTitle($id: ID!) { run(id: $id) { modelVersion { family version } dataset { site { code } } } }
`);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const run = await apiQuery(RunTitle, { id })
    .then((d) => d.run)
    .catch(() => null);
  return {
    title: run
      ? `${run.dataset.site.code} · ${run.modelVersion.family}@${run.modelVersion.version} · FracVal`
      : "Run · FracVal",
  };
}

const RunPage = graphql(`
  query PortalRun($id: ID!) {
    me { role sites { site { id } patientData lead } }
    run(id: $id) {
      id status createdAt startedAt finishedAt codeVersion seed executionProvider error
      progressDone progressTotal
      release { state by at comment }
      modelVersion { id family version artifactSha256 outputSemantics }
      dataset { id name sha256 createdAt status withdrawReason site { id code name } study { id title horizonDays } }
      participantFlow {
        uploaded notScored { reason count } missingOutcome analysed events censoredBeforeHorizon horizonDays
        competingRisks deathsBeforeFracture comparators { scoreSource analysed excludedMissingScore }
      }
      curves {
        horizonDays competingRisks minimumCount withheldParts
        roc { scoreSource cases controls auc points { threshold fpr tpr } }
        aucOverTime { scoreSource points { days estimate lower upper cases controls } }
        incidence { grouping groups { name n events points { days incidence lower upper atRisk } atRisk { days atRisk } } }
        calibration {
          scoreSource binsPooled flexibleNote
          bins { n events meanRisk observed lower upper }
          flexible { ici e50 e90 curve { predicted observed } }
        }
        decisionCurve {
          n treatAll { threshold netBenefit } interventionThresholds { label threshold }
          series { scoreSource riskMeaning points { threshold netBenefit positives } }
        }
      }
    }
    metricResults(runId: $id) {
      metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events
      details { p slope slopeCiLower slopeCiUpper brier ipa confusion { truePositive falsePositive trueNegative falseNegative threshold } }
    }
  }
`);

type Metric = PortalRunQuery["metricResults"][number];

const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? "—" : x.toFixed(digits));
const withCi = (m: Metric | undefined, digits = 3) =>
  m
    ? `${num(m.estimate, digits)}${m.ciLower !== null && m.ciUpper !== null ? ` (${num(m.ciLower, digits)}–${num(m.ciUpper, digits)})` : ""}`
    : "—";
const pValue = (p: number | null | undefined) =>
  p === null || p === undefined ? "—" : p < 0.001 ? "< 0.001" : p.toFixed(3);
const date = (iso: string | null | undefined) =>
  iso ? new Date(iso).toISOString().slice(0, 16).replace("T", " ") : "—";

export default async function RunResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await apiPageQuery(RunPage, { id });
  const { run, me } = data;
  const siteId = run.dataset.site.id;
  const membership = me.sites.find((s) => s.site.id === siteId);
  const mayRelease = me.role === "ADMIN" || membership?.lead === true;
  const horizon = run.dataset.study.horizonDays ?? run.participantFlow?.horizonDays ?? 1826;
  const all = data.metricResults.filter((m) => m.subgroup === "all");
  const find = (metric: string, source: string, horizonDays: number | null = null) =>
    all.find(
      (m) => m.metric === metric && m.scoreSource === source && (horizonDays === null || m.horizonDays === horizonDays),
    );
  const sources = [...new Set(all.filter((m) => m.metric === "harrellC").map((m) => m.scoreSource))];
  const curves = run.curves;
  const charts = curves
    ? [
        curves.roc.length ? rocChart(curves) : null,
        curves.aucOverTime.length ? aucOverTimeChart(curves) : null,
        incidenceChart(curves),
        calibrationChart(curves),
        decisionCurveChart(curves),
      ].filter((c) => c !== null)
    : [];
  const subgroups = data.metricResults.filter((m) => m.metric === "harrellC" && m.scoreSource === "model");
  const subgroupForest =
    subgroups.length > 1
      ? forestChart(
          "Harrell's C of the model by subgroup",
          "Harrell's C (95 % CI)",
          subgroups
            .sort((a, b) =>
              a.subgroup === "all" ? -1 : b.subgroup === "all" ? 1 : a.subgroup.localeCompare(b.subgroup),
            )
            .map((m) => ({
              label: subgroupLabel(m.subgroup),
              estimate: m.estimate,
              lower: m.ciLower,
              upper: m.ciUpper,
              n: m.n,
            })),
          0.5,
        )
      : null;
  const threshold = ["sensitivity", "specificity", "ppv", "npv"].map((metric) => ({
    metric,
    row: find(metric, "model"),
  }));
  const confusion = threshold.find((t) => t.row?.details?.confusion)?.row?.details?.confusion;
  const active = ["QUEUED", "RUNNING", "COMPUTING_METRICS"].includes(run.status);
  // Progress and "time since the last step" change without a write: such a page is rendered every time.
  if (active) keepPageOutOfCache("work under way");
  const flow = run.participantFlow;
  const title = `${run.dataset.site.code} · ${run.modelVersion.family}@${run.modelVersion.version}`;
  return (
    <section className="space-y-6">
      <AutoRefresh active={active} />
      <div>
        <Link href={`/studies/${run.dataset.study.id}`} className="text-sm text-indigo-700">
          ← {run.dataset.study.title}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold" data-testid="run-title">
          {title}
        </h1>
        <p className="text-sm text-slate-600">
          {run.dataset.name} · run {run.id} · started {date(run.startedAt ?? run.createdAt)} ·{" "}
          {run.status.toLowerCase()}
          {active && run.progressTotal ? ` (${run.progressDone} / ${run.progressTotal} patients)` : ""}
        </p>
      </div>

      <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="release">
        <div className="flex flex-wrap items-center gap-3">
          <ReleaseBadge state={run.release.state} />
          <span className="text-sm text-slate-700">
            {run.release.state === "DRAFT"
              ? `Visible to ${run.dataset.site.code} and ADMINs only until the site's lead releases it.`
              : `${run.release.state === "RELEASED" ? "Released" : "Withdrawn"} by ${run.release.by ?? "—"} on ${date(run.release.at)}: “${run.release.comment ?? ""}”`}
          </span>
        </div>
        {mayRelease && run.status === "SUCCEEDED" && <ReleaseForm runId={run.id} state={run.release.state} />}
      </div>

      {run.dataset.status === "WITHDRAWN" && (
        <p className="rounded border border-slate-300 bg-slate-100 p-3 text-sm" data-testid="dataset-withdrawn">
          The site withdrew this dataset ({run.dataset.withdrawReason}): its patients and predictions are deleted; the
          aggregate results below are kept.
        </p>
      )}
      {run.error && <p className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">{run.error}</p>}

      {sources.length > 0 && (
        <div className="overflow-x-auto">
          <h2 className="mb-2 text-lg font-semibold">Performance at {Math.round(horizon / 365.25)} years</h2>
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="key-metrics">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th className="p-2">Score</th>
                <th className="p-2">n / events</th>
                <th className="p-2">Harrell C (95 % CI)</th>
                <th className="p-2">Uno C (95 % CI)</th>
                <th className="p-2">AUC(t) (95 % CI)</th>
                <th className="p-2">AUROC, complete case (95 % CI)</th>
                <th className="p-2">ΔC vs model p</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => {
                const c = find("harrellC", s);
                return (
                  <tr key={s} className="border-t border-slate-100">
                    <td className="p-2 font-medium">{sourceLabel(s)}</td>
                    <td className="p-2">
                      {c?.n ?? "withheld"} / {c?.events ?? "withheld"}
                    </td>
                    <td className="p-2">{withCi(c)}</td>
                    <td className="p-2">{withCi(find("unoC", s))}</td>
                    <td className="p-2">{withCi(find("timeDependentAuc", s, horizon))}</td>
                    <td className="p-2">{withCi(find("auroc", s))}</td>
                    <td className="p-2">
                      {s === "model" ? "" : pValue(find("harrellCDiff", `model-vs-${s}`)?.details?.p)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {(() => {
            const cal = find("calibrationOE", "model");
            if (!cal) return null;
            return (
              <p className="mt-2 text-sm text-slate-700" data-testid="calibration-summary">
                Calibration: O/E {withCi(cal, 2)}
                {cal.details?.slope !== null && cal.details?.slope !== undefined
                  ? `, slope ${num(cal.details.slope, 2)} (${num(cal.details.slopeCiLower, 2)}–${num(cal.details.slopeCiUpper, 2)})`
                  : ""}
                {cal.details?.brier !== null && cal.details?.brier !== undefined
                  ? `, Brier ${num(cal.details.brier)}, IPA ${num(cal.details.ipa)}`
                  : ""}
              </p>
            );
          })()}
        </div>
      )}

      {threshold.some((t) => t.row) && (
        <div>
          <h2 className="mb-2 text-lg font-semibold">
            At the model&apos;s threshold
            {confusion?.threshold !== undefined ? ` (score ≥ ${confusion?.threshold})` : ""}
          </h2>
          <table className="rounded-lg border border-slate-200 bg-white text-sm" data-testid="threshold-metrics">
            <tbody>
              {threshold.map((t) => (
                <tr key={t.metric} className="border-t border-slate-100">
                  <th className="p-2 text-left font-medium">
                    {t.metric === "ppv" ? "PPV" : t.metric === "npv" ? "NPV" : t.metric}
                  </th>
                  <td className="p-2">{withCi(t.row)}</td>
                </tr>
              ))}
              {confusion && (
                <tr className="border-t border-slate-100">
                  <th className="p-2 text-left font-medium">TP / FP / TN / FN</th>
                  <td className="p-2">
                    {confusion.truePositive} / {confusion.falsePositive} / {confusion.trueNegative} /{" "}
                    {confusion.falseNegative}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}

      {curves && curves.withheldParts > 0 && (
        <p className="text-sm text-slate-600" data-testid="curves-withheld">
          {curves.withheldParts} part{curves.withheldParts === 1 ? "" : "s"} of the curves rest on fewer than{" "}
          {curves.minimumCount} patients or events and are shown only to {run.dataset.site.code}&apos;s own members.
        </p>
      )}
      <div className="grid gap-4 xl:grid-cols-2 [&>*]:min-w-0">
        {charts.map((chart) => (
          <Chart key={chart.title} chart={chart} name={`run-${run.id}-${chart.title.split(" ")[0]!.toLowerCase()}`} />
        ))}
        {subgroupForest && <Chart chart={subgroupForest} name={`run-${run.id}-subgroups`} />}
      </div>
      {!curves && run.status === "SUCCEEDED" && (
        <p className="text-sm text-slate-600">No curves are available to you for this run.</p>
      )}

      {flow && (
        <div>
          <h2 className="mb-2 text-lg font-semibold">Flow of participants</h2>
          <ol className="space-y-1 text-sm" data-testid="participant-flow">
            <li>Uploaded: {flow.uploaded}</li>
            {flow.notScored.map((x) => (
              <li key={x.reason} className="pl-4">
                − not scored ({x.reason}): {x.count ?? "withheld"}
              </li>
            ))}
            <li className="pl-4">− without an outcome: {flow.missingOutcome ?? "withheld"}</li>
            <li>
              Analysed: {flow.analysed} ({flow.events ?? "withheld"} fractures
              {flow.competingRisks ? `, ${flow.deathsBeforeFracture ?? "withheld"} deaths before a fracture` : ""})
            </li>
            {flow.comparators.map((c) => (
              <li key={c.scoreSource} className="pl-4">
                {sourceLabel(c.scoreSource)}: compared on {c.analysed ?? "withheld"} (
                {c.excludedMissingScore ?? "withheld"} without it)
              </li>
            ))}
          </ol>
        </div>
      )}

      <div>
        <h2 className="mb-2 text-lg font-semibold">Provenance</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="provenance">
          <dt className="text-slate-600">Dataset</dt>
          <dd className="break-all">
            {run.dataset.name} · sha256 {run.dataset.sha256 ?? "—"}
          </dd>
          <dt className="text-slate-600">Model</dt>
          <dd className="break-all">
            {run.modelVersion.family}@{run.modelVersion.version} · sha256 {run.modelVersion.artifactSha256}
          </dd>
          <dt className="text-slate-600">Code</dt>
          <dd>{run.codeVersion}</dd>
          <dt className="text-slate-600">Seed</dt>
          <dd>{run.seed}</dd>
          <dt className="text-slate-600">Execution provider</dt>
          <dd>{run.executionProvider ?? "—"}</dd>
          <dt className="text-slate-600">Finished</dt>
          <dd>{date(run.finishedAt)}</dd>
        </dl>
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">Downloads</h2>
        <ul className="flex flex-wrap gap-4 text-sm" data-testid="downloads">
          <li>
            <a className="text-indigo-700" href={`/runs/${run.id}/report`} data-testid="report-link">
              TRIPOD+AI report
            </a>{" "}
            (
            <a className="text-indigo-700" href={`/runs/${run.id}/report.pdf`}>
              PDF
            </a>
            )
          </li>
          <li>
            <a className="text-indigo-700" href={`/api/exports/runs/${run.id}/bundle.zip`} data-testid="bundle-link">
              Reproducibility bundle (zip, with recompute.R)
            </a>
          </li>
          <li>
            <a className="text-indigo-700" href={`/api/exports/runs/${run.id}/metrics.csv`}>
              Metrics (CSV)
            </a>
          </li>
          <li>
            <a className="text-indigo-700" href={`/api/exports/runs/${run.id}/metrics.json`}>
              Metrics (JSON)
            </a>
          </li>
          {membership?.patientData && (
            <li>
              <a className="text-indigo-700" href={`/api/exports/runs/${run.id}/predictions.csv`}>
                Predictions with manifest rows (CSV, patient-level, audited)
              </a>
            </li>
          )}
        </ul>
      </div>
    </section>
  );
}
