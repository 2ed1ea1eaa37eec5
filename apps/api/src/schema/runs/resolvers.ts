import {
  cancelValidationRun,
  changeRunRelease,
  runsAwaitingRelease,
  seesSiteCounts,
  shownRunCounts,
  createValidationRun,
  getDataset,
  getModelVersion,
  getRun,
  listPredictions,
  listRuns,
  PAGE_LIMITS,
  paginate,
  requireViewer,
  runParticipantFlow,
  runProgress,
  runThroughput,
} from "@fracval/core";
import type { ValidationRun } from "@fracval/db";
import type { Context } from "../../context.js";
import type { Resolvers } from "../types.js";

/**
 * The run's counts as this viewer may see them; its site looked up once per run object and request. Keyed by
 * the request's context too: run objects can be shared between requests (studyComparison's snapshot), and
 * what one viewer may see must never be remembered for another.
 */
const countsOf = new WeakMap<Context, Map<ValidationRun, Promise<ReturnType<typeof shownRunCounts>>>>();
function shownCounts(run: ValidationRun, context: Context) {
  let perRequest = countsOf.get(context);
  if (!perRequest) {
    perRequest = new Map();
    countsOf.set(context, perRequest);
  }
  let shown = perRequest.get(run);
  if (!shown) {
    shown = context.db.validationDataset
      .findUniqueOrThrow({ where: { id: run.datasetId }, select: { siteId: true } })
      .then((d) => shownRunCounts(run, seesSiteCounts(requireViewer(context.viewer), d.siteId)));
    perRequest.set(run, shown);
  }
  return shown;
}

export const resolvers: Resolvers = {
  Query: {
    runs: async (_, filter, { db, viewer }) =>
      paginate(
        await listRuns(db, requireViewer(viewer), {
          ...(filter.datasetId ? { datasetId: filter.datasetId } : {}),
          ...(filter.modelVersionId ? { modelVersionId: filter.modelVersionId } : {}),
          ...(filter.status ? { status: filter.status } : {}),
        }),
        filter,
        PAGE_LIMITS.runs,
      ),
    run: (_, { id }, { db, viewer }) => getRun(db, requireViewer(viewer), id),
    predictions: (_, { runId, ...page }, { db, viewer }) => listPredictions(db, requireViewer(viewer), runId, { page }),
    runsAwaitingRelease: (_, __, { db, viewer }) => runsAwaitingRelease(db, requireViewer(viewer)),
  },
  Mutation: {
    createValidationRun: (_, args: { modelVersionId: string; datasetId: string }, { db, viewer, enqueue }) =>
      createValidationRun(db, requireViewer(viewer), args, enqueue),
    cancelValidationRun: (_, { id }, { db, viewer }) => cancelValidationRun(db, requireViewer(viewer), id),
    releaseValidationRun: (_, { id, comment }, { db, viewer }) =>
      changeRunRelease(db, requireViewer(viewer), id, "release", comment),
    withdrawValidationRun: (_, { id, comment }, { db, viewer }) =>
      changeRunRelease(db, requireViewer(viewer), id, "withdraw", comment),
  },
  ValidationRun: {
    progressTotal: async (r: ValidationRun, _, ctx) => (await shownCounts(r, ctx)).progressTotal,
    progressDone: async (r: ValidationRun, _, ctx) => (await shownCounts(r, ctx)).progressDone,
    progressFailed: async (r: ValidationRun, _, ctx) => (await shownCounts(r, ctx)).progressFailed,
    imagesDone: async (r: ValidationRun, _, ctx) => (await shownCounts(r, ctx)).imagesDone,
    modelVersion: (r: ValidationRun, _, { db }) => getModelVersion(db, r.modelVersionId),
    dataset: (r: ValidationRun, _, { db, viewer }) => getDataset(db, requireViewer(viewer), r.datasetId),
    imagesPerSecond: (r: ValidationRun) => runThroughput(r).imagesPerSecond,
    etaSeconds: (r: ValidationRun) => runThroughput(r).etaSeconds,
    progressState: (r: ValidationRun) => runProgress(r).state,
    secondsSinceProgress: (r: ValidationRun) => runProgress(r).secondsSinceProgress,
    participantFlow: (r: ValidationRun, _, { db, viewer }) => runParticipantFlow(db, requireViewer(viewer), r),
    release: async (r: ValidationRun, _, { db }) => ({
      state: r.releaseState,
      by: r.releaseChangedById
        ? (await db.user.findUnique({ where: { id: r.releaseChangedById }, select: { name: true } }))?.name
        : null,
      at: r.releaseChangedAt,
      comment: r.releaseComment,
    }),
  },
};
