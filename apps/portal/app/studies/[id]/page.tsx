import Link from "next/link";
import { graphql } from "@/gql";
import type { PortalStudyResultsQuery } from "@/gql/graphql";
import { designatedDatasets } from "@/lib/designated-datasets";
import { apiPageQuery, apiQuery } from "@/lib/api";
import { AutoRefresh } from "@/components/auto-refresh";
import { keepPageOutOfCache } from "@fracval/page-cache/render";
import { ReleaseBadge } from "@/components/release-badge";
import { StudyOverview } from "./overview";

// The study and what is under way (changes by the second)…
const StudyPage = graphql(`
  query PortalStudyPage($id: ID!) {
    study(id: $id) {
      title horizonDays
      datasets { id site { code } status }
      models { id family version }
    }
    runsAwaitingRelease { id dataset { study { id } } }
    runs(status: [QUEUED, RUNNING, COMPUTING_METRICS]) {
      id status progressDone progressTotal progressFailed imagesPerSecond etaSeconds progressState secondsSinceProgress
      executionProvider modelVersion { family version } dataset { id site { code } }
    }
  }
`);

// …and its results, a query of study-results fields alone: the API keeps its answer while the results stay
// the same (apps/api/src/graphql/study-results-cache.ts).
const StudyResults = graphql(`
  query PortalStudyResults($id: ID!, $datasets: [ID!]) {
    studyResultDatasets(studyId: $id) {
      site { code } defaultDataset { id name } datasets { id name createdAt status }
    }
    studyComparison(studyId: $id, datasets: $datasets) {
      site { code } modelVersion { id family version } dataset { name status } run { id status finishedAt release { state } }
      smallCell hidden
      # Only what the table shows: the matrix and forests come from studyForest.
      metrics(subgroup: "all", metric: [harrellC, harrellCDiff, timeDependentAuc, timeDependentAucDiff, auroc, aurocDiff]) {
        metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events
        details { p competingRisks calibratedForTargetPopulation }
      }
    }
  }
`);

const StudyTitle = graphql(`query PortalStudyTitle($id: ID!) { study(id: $id) { title } }`);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const study = await apiQuery(StudyTitle, { id })
    .then((d) => d.study)
    .catch(() => null);
  return { title: study ? `${study.title} · FracVal` : "Study · FracVal" };
}

type Metric = PortalStudyResultsQuery["studyComparison"][number]["metrics"][number];
const detailsOf = (m: Metric | undefined) => m?.details ?? null;

const eta = (s: number | null) => (s === null ? "estimating…" : s >= 90 ? `${Math.round(s / 60)} min` : `${s} s`);

const fmt = (m: Metric | undefined) =>
  m
    ? `${m.estimate.toFixed(3)}${m.ciLower !== null && m.ciUpper !== null ? ` (${m.ciLower.toFixed(3)}–${m.ciUpper.toFixed(3)})` : ""}`
    : "—";
const estimateOnly = (m: Metric | undefined) => (m ? m.estimate.toFixed(3) : "—");
const pValue = (m: Metric | undefined) => {
  const p = detailsOf(m)?.p;
  return p !== null && p !== undefined ? (p < 0.001 ? "< 0.001" : p.toFixed(3)) : "—";
};

export default async function StudyResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ metric?: string; model?: string; dataset?: string | string[] }>;
}) {
  const { id } = await params;
  const { metric, model, dataset } = await searchParams;
  // Designated datasets, one per site at most ("" = the site's default).
  const designated = designatedDatasets(dataset);
  const [page, results] = await Promise.all([
    apiPageQuery(StudyPage, { id }),
    apiPageQuery(StudyResults, { id, datasets: designated }),
  ]);
  const data = { ...page, ...results };
  const designation = designated.length ? `?datasets=${designated.map(encodeURIComponent).join(",")}` : "";
  const awaiting = data.runsAwaitingRelease.filter((r) => r.dataset.study.id === id).length;
  const studyDatasets = new Set(data.study.datasets.map((d) => d.id));
  const inProgress = data.runs.filter(
    (r) => studyDatasets.has(r.dataset.id) && ["QUEUED", "RUNNING", "COMPUTING_METRICS"].includes(r.status),
  );
  const active = inProgress.length > 0;
  // Progress and "time since the last step" change without a write: such a page is rendered every time.
  if (active) keepPageOutOfCache("work under way");
  const horizonYears = data.study.horizonDays ? Math.round(data.study.horizonDays / 365.25) : null;
  return (
    <section>
      {/* Quick while runs move; slowly otherwise, so that runs started elsewhere appear too. */}
      <AutoRefresh active everyMs={active ? 3000 : 15000} />
      <Link href="/studies" className="text-sm text-indigo-700">
        ← Studies
      </Link>
      <h1 className="mb-1 mt-2 text-2xl font-semibold">{data.study.title}</h1>
      <p className="mb-4 text-sm text-slate-600">
        Model vs FRAX on the patients that have FRAX, latest run per site and model. Intervals for C and AUC on the
        logit scale. {active ? "Runs in progress: refreshing." : ""}
      </p>
      {awaiting > 0 && (
        <p
          className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="awaiting-release"
        >
          {awaiting} finished run{awaiting === 1 ? "" : "s"} of your site{awaiting === 1 ? " awaits" : "s await"}{" "}
          release: the network sees {awaiting === 1 ? "it" : "them"} only once the site&apos;s lead releases{" "}
          {awaiting === 1 ? "it" : "them"} on the run page.
        </p>
      )}
      {active && (
        <ul className="mb-4 space-y-2" data-testid="runs-in-progress">
          {inProgress.map((r) => (
            <li key={r.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
              <div className="flex justify-between">
                <span>
                  {r.dataset.site.code} · {r.modelVersion.family} {r.modelVersion.version} ·{" "}
                  {r.status.toLowerCase().replace("_", " ")}
                </span>
                <span className="text-slate-600">
                  {r.progressTotal === null
                    ? "fewer than 10 patients"
                    : `${r.progressDone} / ${r.progressTotal} patients`}
                  {r.progressFailed ? ` (${r.progressFailed} failed)` : ""}
                  {r.imagesPerSecond !== null ? ` · ${r.imagesPerSecond.toFixed(1)} images/s` : ""} ·{" "}
                  {r.progressState === "WAITING_FOR_RETRY"
                    ? `waiting for a retry (no progress for ${r.secondsSinceProgress} s; a worker may have stopped)`
                    : `ETA ${r.status === "COMPUTING_METRICS" ? "computing metrics" : eta(r.etaSeconds)}`}
                  {r.executionProvider ? ` · ${r.executionProvider.toUpperCase()}` : ""}
                </span>
              </div>
              <progress
                className="mt-2 h-2 w-full"
                max={Math.max(1, r.progressTotal ?? 1)}
                value={r.progressDone ?? 0}
              />
            </li>
          ))}
        </ul>
      )}
      {data.studyComparison.length === 0 ? (
        <p
          className="rounded border border-dashed border-slate-300 p-6 text-sm text-slate-600"
          data-testid="no-results"
        >
          No finished runs of this study that you may see yet: results appear once a site releases them.
        </p>
      ) : (
        <>
          <StudyOverview
            studyId={id}
            horizonDays={data.study.horizonDays ?? null}
            rows={data.studyComparison}
            siteDatasets={data.studyResultDatasets}
            designated={designated}
            metricChoice={metric}
            modelChoice={model}
          />
          {/* A table from md up; on a phone each row is a card whose cells carry their column's name. */}
          <table className="block w-full text-sm md:table md:overflow-hidden md:rounded-lg md:border md:border-slate-200 md:bg-white">
            <thead className="hidden bg-slate-100 text-left md:table-header-group">
              <tr>
                <th className="p-2">Site</th>
                <th className="p-2">Model</th>
                <th className="p-2">n / events</th>
                <th className="p-2">Harrell C, model (95 % CI)</th>
                <th className="p-2">Harrell C, FRAX MOF (95 % CI)</th>
                <th className="p-2">ΔC p</th>
                <th
                  className="p-2"
                  title="Censoring-weighted (IPCW) time-dependent AUC at the study horizon: the headline"
                >
                  AUC({horizonYears ? `${horizonYears} y` : "t"}), model (95 % CI)
                </th>
                <th className="p-2">AUC({horizonYears ? `${horizonYears} y` : "t"}), FRAX MOF (95 % CI)</th>
                <th className="p-2">ΔAUC(t) p</th>
                <th
                  className="p-2"
                  title="Secondary: complete case, patients censored before the horizon left out; DeLong test"
                >
                  AUROC, complete case (model / FRAX, DeLong p)
                </th>
              </tr>
            </thead>
            <tbody className="block space-y-3 md:table-row-group md:space-y-0">
              {data.studyComparison.map((row) => {
                const get = (metric: string, source: string, horizon: number | null = null) =>
                  row.metrics.find(
                    (m) =>
                      m.metric === metric &&
                      m.scoreSource === source &&
                      m.subgroup === "all" &&
                      (horizon === null || m.horizonDays === horizon),
                  );
                const horizon = data.study.horizonDays;
                const c = get("harrellC", "model");
                return (
                  <tr
                    key={row.run.id}
                    className="block rounded-lg border border-slate-200 bg-white p-2 md:table-row md:rounded-none md:border-0 md:border-t md:border-slate-100 md:p-0"
                    data-testid="result-row"
                  >
                    <td
                      data-label="Site"
                      className="flex gap-2 before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2 font-medium"
                    >
                      {row.site.code}
                      {row.run.release.state !== "RELEASED" && (
                        <div className="mt-1">
                          <ReleaseBadge state={row.run.release.state} />
                        </div>
                      )}
                    </td>
                    <td
                      data-label="Model"
                      className="flex gap-2 before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2"
                    >
                      <Link href={`/runs/${row.run.id}`} className="text-indigo-700" data-testid="run-link">
                        {row.modelVersion.family}@{row.modelVersion.version}
                      </Link>
                      <div className="text-xs text-slate-500">
                        {row.dataset.name}
                        {row.run.finishedAt ? ` · ${row.run.finishedAt.slice(0, 10)}` : ""}
                      </div>
                    </td>
                    {row.hidden ? (
                      <td
                        data-label="Results"
                        className="flex gap-2 before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2 text-slate-500"
                        colSpan={8}
                        data-testid="withheld"
                      >
                        withheld: every number rests on fewer than 10 patients or events, and you have no patient-level
                        access to {row.site.code}
                      </td>
                    ) : (
                      <>
                        <td
                          data-label="n / events"
                          className="flex gap-2 before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2"
                        >
                          {c ? `${c.n ?? "withheld"} / ${c.events ?? "withheld"}` : "—"}
                          {row.smallCell ? " *" : ""}
                        </td>
                        <td
                          data-label="Harrell C, model (95 % CI)"
                          className="flex gap-2 before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2"
                          data-testid="c-model"
                        >
                          {fmt(c)}
                        </td>
                        <td
                          data-label="Harrell C, FRAX MOF (95 % CI)"
                          className="flex gap-2 before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2"
                          data-testid="c-frax"
                        >
                          {fmt(get("harrellC", "frax_mof"))}
                        </td>
                        <td
                          data-label="ΔC p"
                          className="flex gap-2 whitespace-nowrap before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2"
                        >
                          {pValue(get("harrellCDiff", "model-vs-frax_mof"))}
                        </td>
                        <td
                          data-label="AUC(t), model (95 % CI)"
                          className="flex gap-2 before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2"
                          data-testid="auct-model"
                        >
                          {horizon ? fmt(get("timeDependentAuc", "model", horizon)) : "—"}
                          {horizon && detailsOf(get("timeDependentAuc", "model", horizon))?.competingRisks === false
                            ? " †"
                            : ""}
                        </td>
                        <td
                          data-label="AUC(t), FRAX MOF (95 % CI)"
                          className="flex gap-2 before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2"
                        >
                          {horizon ? fmt(get("timeDependentAuc", "frax_mof", horizon)) : "—"}
                        </td>
                        <td
                          data-label="ΔAUC(t) p"
                          className="flex gap-2 whitespace-nowrap before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2"
                        >
                          {horizon ? pValue(get("timeDependentAucDiff", "model-vs-frax_mof", horizon)) : "—"}
                        </td>
                        <td
                          data-label="AUROC, complete case (model / FRAX, p)"
                          className="flex gap-2 before:w-40 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:table-cell md:before:content-none p-2 text-slate-600"
                        >
                          {estimateOnly(get("auroc", "model"))} / {estimateOnly(get("auroc", "frax_mof"))}, p{" "}
                          {pValue(get("aurocDiff", "model-vs-frax_mof"))}
                        </td>
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link
          className="text-indigo-700"
          href={`/studies/${id}/case-mix${designated.length ? `?${designated.map((d) => `dataset=${encodeURIComponent(d)}`).join("&")}` : ""}`}
          data-testid="case-mix-link"
        >
          Case-mix by site (Table 1)
        </Link>
        <Link className="text-indigo-700" href={`/studies/${id}/report`} data-testid="study-report-link">
          TRIPOD+AI study report
        </Link>
        <a className="text-indigo-700" href={`/api/exports/studies/${id}/metrics.csv${designation}`}>
          Study metrics (CSV)
        </a>
        <a className="text-indigo-700" href={`/api/exports/studies/${id}/metrics.json${designation}`}>
          Study metrics (JSON)
        </a>
      </p>
      <p className="mt-2 text-xs text-slate-600" data-testid="legend">
        — not computable, or withheld: a number resting on fewer than 10 patients or events (or one that would give such
        a number away) is shown only to the site&apos;s own members. * some of this run&apos;s numbers are withheld from
        you. † death was not recorded for this dataset (no death_days): deaths count as censoring, which overstates
        fracture incidence in older cohorts; with death_days, AUC(t) and observed risks treat death as a competing
        event.
      </p>
    </section>
  );
}
