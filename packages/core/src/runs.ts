// Validation runs (summaries are aggregate) and their predictions (patient-level).
import type { Db, Prediction, RunStatus, ValidationRun } from "@fracval/db";
import {
  aggregateSiteIds,
  assertPatientDataAccess,
  canReadPatientData,
  canSeeRunResults,
  canSeeSiteAggregates,
} from "./access.js";
import { assertRunResultsVisible } from "./run-release.js";
import { ParticipantFlow, protectParticipantFlow, type ShownParticipantFlow } from "./participant-flow.js";
import { recordAudit } from "./audit.js";
import { runProgress } from "./progress.js";
import { PAGE_LIMITS, pageSize, type PageArgs } from "./pagination.js";
import { notFound } from "./errors.js";
import type { Viewer } from "./viewer.js";

/**
 * Runs without their stored curves and flow (large JSON): ValidationRun's fields read those when asked for.
 * Typed as whole runs for the resolvers, which check for the missing fields.
 */
export async function listRuns(
  db: Db,
  viewer: Viewer,
  filter: { datasetId?: string; modelVersionId?: string; status?: readonly RunStatus[] } = {},
): Promise<ValidationRun[]> {
  const visible = aggregateSiteIds(viewer);
  const runs = await db.validationRun.findMany({
    where: {
      ...(filter.datasetId ? { datasetId: filter.datasetId } : {}),
      ...(filter.modelVersionId ? { modelVersionId: filter.modelVersionId } : {}),
      ...(filter.status ? { status: { in: [...filter.status] } } : {}),
      ...(visible ? { dataset: { siteId: { in: visible } } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    omit: { curves: true, participantFlow: true },
  });
  return runs as ValidationRun[];
}

export async function getRun(db: Db, viewer: Viewer, id: string): Promise<ValidationRun> {
  const run = await db.validationRun.findUnique({ where: { id }, include: { dataset: true } });
  if (!run || !canSeeSiteAggregates(viewer, run.dataset.siteId)) throw notFound("Run", id);
  const { dataset: _dataset, ...rest } = run;
  return rest;
}

/**
 * A run's predictions, for viewers with patient-level access to its site; audited as a read, or as an
 * export ("predictions.export") when they leave the platform as a file.
 */
export async function listPredictions(
  db: Db,
  viewer: Viewer,
  runId: string,
  options: { export?: boolean; page?: PageArgs } = {},
): Promise<Prediction[]> {
  const run = await db.validationRun.findUnique({
    where: { id: runId },
    include: { dataset: { include: { site: true } } },
  });
  if (!run) throw notFound("Run", runId);
  assertPatientDataAccess(viewer, run.dataset.siteId, run.dataset.site.code, { kind: "Run", id: runId });
  await assertRunResultsVisible(db, viewer, runId); // a granted PI of another site waits for the release too
  // A page (GraphQL) is read and audited as a page; an export takes the whole run.
  const page = options.page ? pageSize(options.page, PAGE_LIMITS.predictions) : null;
  const predictions = await db.prediction.findMany({
    where: { runId },
    orderBy: [{ patientId: "asc" }, { id: "asc" }],
    ...(page ? { take: page.first, ...(page.after ? { cursor: { id: page.after }, skip: 1 } : {}) } : {}),
  });
  await recordAudit(db, viewer, {
    action: options.export ? "predictions.export" : "predictions.read",
    siteId: run.dataset.siteId,
    resource: runId,
    patientIds: predictions.map((p) => p.patientId),
  });
  return predictions;
}

export interface RunThroughput {
  /** Images per second since the run started; null before the first batch. */
  imagesPerSecond: number | null;
  /**
   * Seconds until every patient is scored at the pace so far; 0 when none is left; null before the first
   * batch and while the run waits for a retry (a lost batch: its ETA is not a matter of pace).
   */
  etaSeconds: number | null;
}

/**
 * Throughput and ETA of a run from what the workers record (done, total, images, first start, last progress):
 * images/s = imagesDone / (progressAt − startedAt); ETA = (total − done) · (progressAt − startedAt) / done.
 */
export function runThroughput(
  run: Pick<
    ValidationRun,
    "status" | "createdAt" | "progressDone" | "progressTotal" | "imagesDone" | "startedAt" | "progressAt"
  >,
  now = new Date(),
): RunThroughput {
  if (run.progressDone >= run.progressTotal) return { imagesPerSecond: rate(run), etaSeconds: 0 };
  if (!run.startedAt || !run.progressAt || run.progressDone === 0) return { imagesPerSecond: null, etaSeconds: null };
  if (runProgress(run, now).state === "WAITING_FOR_RETRY") return { imagesPerSecond: rate(run), etaSeconds: null };
  const seconds = Math.max(0.001, (run.progressAt.getTime() - run.startedAt.getTime()) / 1000);
  return {
    imagesPerSecond: rate(run),
    etaSeconds: Math.ceil(((run.progressTotal - run.progressDone) * seconds) / run.progressDone),
  };
}

function rate(run: Pick<ValidationRun, "imagesDone" | "startedAt" | "progressAt">): number | null {
  if (!run.startedAt || !run.progressAt || run.imagesDone === 0) return null;
  return run.imagesDone / Math.max(0.001, (run.progressAt.getTime() - run.startedAt.getTime()) / 1000);
}

/**
 * The run's flow of participants (null until its metrics are computed, and while its results are not released
 * to this viewer), small counts protected.
 */
export async function runParticipantFlow(
  db: Db,
  viewer: Viewer,
  run: Pick<ValidationRun, "id" | "datasetId" | "participantFlow" | "releaseState">,
): Promise<ShownParticipantFlow | null> {
  // A run loaded without its flow (studyComparison omits it) reads it now.
  const flow =
    run.participantFlow !== undefined
      ? run.participantFlow
      : ((await db.validationRun.findUnique({ where: { id: run.id }, select: { participantFlow: true } }))
          ?.participantFlow ?? null);
  if (flow === null) return null;
  const dataset = await db.validationDataset.findUniqueOrThrow({
    where: { id: run.datasetId },
    select: { siteId: true },
  });
  if (!canSeeRunResults(viewer, dataset.siteId, run.releaseState)) return null; // not released to this viewer
  return protectParticipantFlow(ParticipantFlow.parse(flow), canReadPatientData(viewer, dataset.siteId));
}

/** Marks a run FAILED with a reason (a batch ran out of retries); a finished or cancelled run is left as it is. */
export async function failRun(db: Db, runId: string, error: string): Promise<void> {
  await db.validationRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING", "COMPUTING_METRICS"] } },
    data: { status: "FAILED", finishedAt: new Date(), error },
  });
}
