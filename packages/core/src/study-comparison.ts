// What the PI dashboard draws: for every site × model version of a study, the latest finished run's stored
// metrics (the latest released one for viewers outside the site) — model, FRAX and the paired comparisons —
// each row as the disclosure rules let this viewer see it (disclosure.ts: per row and per count, with
// complementary suppression).
//
// The stored results of a study change only when a run finishes, its metrics are recomputed or its release
// changes, while the dashboard reads them on every request: each API process keeps the study's finished runs
// and their metric rows (a snapshot), checks with two aggregate queries that nothing changed, and applies
// the viewer's access and disclosure rules to the snapshot on every request (the rules are never cached).
import type { Db, MetricResult, ModelVersion, Site, ValidationDataset, ValidationRun } from "@fracval/db";
import { canReadPatientData, canSeeRunResults, canSeeSiteAggregates } from "./access.js";
import { discloseMetrics, type ShownMetric } from "./disclosure.js";
import { AppError, notFound } from "./errors.js";
import { METRIC_ROW_ORDER } from "./metrics.js";
import type { Viewer } from "./viewer.js";

export interface ComparisonRow {
  site: Site;
  dataset: ValidationDataset;
  modelVersion: ModelVersion;
  run: ValidationRun;
  /** Some of the run's numbers rest on fewer than the minimum cell count. */
  smallCell: boolean;
  /** Rows (or counts) withheld from this viewer by the disclosure rules (disclosure.ts). */
  metrics: ShownMetric[];
  /** Every row of the run is withheld from this viewer. */
  hidden: boolean;
}

interface SnapshotRun {
  site: Site;
  dataset: ValidationDataset;
  modelVersion: ModelVersion;
  /** Without its stored curves and flow (large JSON): ValidationRun's fields read those when asked for. */
  run: ValidationRun;
  metrics: MetricResult[];
}

interface Snapshot {
  version: string;
  /** Finished runs of the study, newest first. */
  runs: Promise<SnapshotRun[]>;
}

/** Snapshots of the most recently read studies (insertion order = least recently used first). */
const snapshots = new Map<string, Snapshot>();
const SNAPSHOT_LIMIT = 32;

/**
 * What the study's results are now: per run status and release state, the number of runs and their latest
 * creation, finish and release change; the number and latest creation of its metric rows (recomputed
 * metrics are new rows) and the sums of their estimates and counts. Any change of a study's stored results
 * changes this string.
 */
async function resultsVersion(db: Db, studyId: string): Promise<string> {
  const [runs, metrics] = await Promise.all([
    db.validationRun.groupBy({
      by: ["status", "releaseState"],
      where: { dataset: { studyId } },
      _count: { _all: true },
      _max: { createdAt: true, finishedAt: true, releaseChangedAt: true },
      orderBy: [{ status: "asc" }, { releaseState: "asc" }],
    }),
    db.metricResult.aggregate({
      where: { dataset: { studyId } },
      _count: { _all: true },
      _max: { createdAt: true },
      // A checksum of the numbers too: an edited row changes the version even where its date does not.
      _sum: { estimate: true, n: true, events: true },
    }),
  ]);
  return JSON.stringify([runs, metrics]);
}

/**
 * What a study's dashboard answers rest on, beyond the stored results: its datasets too (a withdrawal, a
 * renamed or re-uploaded cohort). Any change of what a dashboard query could show changes this string, save
 * names kept elsewhere (a site's, a user's), which the answer cache bounds by its time to live.
 */
export async function studyResultsVersion(db: Db, studyId: string): Promise<string> {
  const [results, datasets] = await Promise.all([
    resultsVersion(db, studyId),
    db.validationDataset.aggregate({ where: { studyId }, _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  return JSON.stringify([results, datasets]);
}

async function loadSnapshot(db: Db, studyId: string): Promise<SnapshotRun[]> {
  const runs = await db.validationRun.findMany({
    where: { status: "SUCCEEDED", dataset: { studyId } },
    include: { dataset: { include: { site: true } }, modelVersion: true },
    omit: { curves: true, participantFlow: true },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
  });
  const metrics = await db.metricResult.findMany({
    where: { runId: { in: runs.map((r) => r.id) } },
    orderBy: METRIC_ROW_ORDER,
  });
  const metricsOf = new Map<string, MetricResult[]>();
  for (const m of metrics) {
    const list = metricsOf.get(m.runId!);
    if (list) list.push(m);
    else metricsOf.set(m.runId!, [m]);
  }
  return runs.map(({ dataset, modelVersion, ...run }) => {
    const { site, ...datasetRow } = dataset;
    return {
      site,
      dataset: datasetRow,
      modelVersion,
      run: run as ValidationRun,
      metrics: metricsOf.get(run.id) ?? [],
    };
  });
}

async function studySnapshot(db: Db, studyId: string): Promise<SnapshotRun[]> {
  const version = await resultsVersion(db, studyId);
  const cached = snapshots.get(studyId);
  snapshots.delete(studyId);
  if (cached && cached.version === version) {
    snapshots.set(studyId, cached);
    return cached.runs;
  }
  const fresh: Snapshot = { version, runs: loadSnapshot(db, studyId) };
  snapshots.set(studyId, fresh);
  if (snapshots.size > SNAPSHOT_LIMIT) snapshots.delete(snapshots.keys().next().value!);
  // A failed load is not kept.
  fresh.runs.catch(() => {
    if (snapshots.get(studyId) === fresh) snapshots.delete(studyId);
  });
  return fresh.runs;
}

/**
 * The datasets the dashboard reads, chosen per site: `designatedDatasets` names at most one dataset per site
 * (a site left out gets its default). A dataset that is not one of the study's with results this viewer may
 * see is refused by name.
 */
export interface ComparisonOptions {
  designatedDatasets?: readonly string[];
  /** Only results released to the network, drafts of the viewer's own sites left out (what a paper reports). */
  releasedOnly?: boolean;
}

/** The finished runs of a study whose results this viewer may see (released ones only if asked), newest first. */
async function visibleRuns(db: Db, viewer: Viewer, studyId: string, releasedOnly: boolean): Promise<SnapshotRun[]> {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { id: true } });
  if (!study) throw notFound("Study", studyId);
  return (await studySnapshot(db, studyId)).filter(
    (entry) =>
      canSeeSiteAggregates(viewer, entry.site.id) &&
      canSeeRunResults(viewer, entry.site.id, entry.run.releaseState) &&
      (!releasedOnly || entry.run.releaseState === "RELEASED"),
  );
}

/** Newest dataset first (by upload), then newest run first. */
const newestFirst = (a: SnapshotRun, b: SnapshotRun) =>
  b.dataset.createdAt.getTime() - a.dataset.createdAt.getTime() ||
  (b.run.finishedAt?.getTime() ?? 0) - (a.run.finishedAt?.getTime() ?? 0);

/**
 * The default choice among one site's runs: the newest dataset with a released run (one the site has not
 * withdrawn, where there is one), else (the site's own members, who see drafts) the newest dataset.
 */
function defaultEntry(entries: readonly SnapshotRun[]): SnapshotRun {
  const sorted = [...entries].sort(newestFirst);
  const released = sorted.filter((e) => e.run.releaseState === "RELEASED");
  return released.find((e) => e.dataset.status !== "WITHDRAWN") ?? released[0] ?? sorted[0]!;
}

export interface StudySiteDatasets {
  site: Site;
  /** The site's datasets with results this viewer may see, newest first. */
  datasets: ValidationDataset[];
  /** What the dashboard reads when no dataset is designated: the newest with a released run, else the newest. */
  defaultDataset: ValidationDataset;
}

/** Per site, the datasets a PI may designate as the site's validation set for the dashboard. */
export async function studyResultDatasets(
  db: Db,
  viewer: Viewer,
  studyId: string,
  options: Pick<ComparisonOptions, "releasedOnly"> = {},
): Promise<StudySiteDatasets[]> {
  const bySite = new Map<string, SnapshotRun[]>();
  for (const entry of await visibleRuns(db, viewer, studyId, options.releasedOnly ?? false))
    bySite.set(entry.site.id, [...(bySite.get(entry.site.id) ?? []), entry]);
  return [...bySite.values()]
    .map((entries) => {
      const datasets = new Map<string, ValidationDataset>();
      for (const e of [...entries].sort(newestFirst)) datasets.set(e.dataset.id, e.dataset);
      return {
        site: entries[0]!.site,
        datasets: [...datasets.values()],
        defaultDataset: defaultEntry(entries).dataset,
      };
    })
    .sort((a, b) => a.site.code.localeCompare(b.site.code));
}

export async function studyComparison(
  db: Db,
  viewer: Viewer,
  studyId: string,
  options: ComparisonOptions = {},
): Promise<ComparisonRow[]> {
  const visible = await visibleRuns(db, viewer, studyId, options.releasedOnly ?? false);
  // The designated dataset of each site that has one.
  const designated = new Map<string, string>();
  for (const datasetId of new Set(options.designatedDatasets ?? [])) {
    const entry = visible.find((e) => e.dataset.id === datasetId);
    if (!entry)
      throw new AppError(
        "BAD_USER_INPUT",
        `Dataset ${datasetId} has no results in study ${studyId} that you may see; it cannot be designated.`,
        { location: { field: "datasets", value: datasetId } },
      );
    const other = designated.get(entry.site.id);
    if (other)
      throw new AppError(
        "BAD_USER_INPUT",
        `Datasets ${other} and ${datasetId} are both of site ${entry.site.code}: designate one dataset per site.`,
        { location: { field: "datasets", value: datasetId } },
      );
    designated.set(entry.site.id, datasetId);
  }
  // One row per site × model version: the latest run on the site's designated dataset, or by default on its
  // newest dataset with a released run of that version (else, for the site's own members, its newest).
  const bySiteModel = new Map<string, SnapshotRun[]>();
  for (const entry of visible) {
    const chosen = designated.get(entry.site.id);
    if (chosen !== undefined && entry.dataset.id !== chosen) continue;
    const key = `${entry.site.id}/${entry.modelVersion.id}`;
    bySiteModel.set(key, [...(bySiteModel.get(key) ?? []), entry]);
  }
  return [...bySiteModel.values()]
    .map(defaultEntry)
    .sort(
      (a, b) =>
        a.site.code.localeCompare(b.site.code) ||
        a.modelVersion.family.localeCompare(b.modelVersion.family) ||
        a.modelVersion.version.localeCompare(b.modelVersion.version),
    )
    .map(({ site, dataset, modelVersion, run, metrics }) => {
      // What a viewer without patient-level access sees decides smallCell, and is what such a viewer gets.
      const guarded = discloseMetrics(metrics, () => false);
      const shown = canReadPatientData(viewer, site.id) ? discloseMetrics(metrics, () => true) : guarded;
      return {
        site,
        dataset,
        modelVersion,
        run,
        smallCell: guarded.withheld + guarded.countsWithheld > 0,
        hidden: metrics.length > 0 && shown.rows.length === 0,
        metrics: shown.rows,
      };
    });
}
