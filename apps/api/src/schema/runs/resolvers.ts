import { cancelValidationRun, createValidationRun, getDataset, getModelVersion, getRun, listPredictions, listRuns, PAGE_LIMITS, paginate, requireViewer, runParticipantFlow, runThroughput, type PageArgs } from "@fracval/core";
import type { ValidationRun } from "@fracval/db";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    runs: async (_, filter: { datasetId?: string | null; modelVersionId?: string | null } & PageArgs, { db, viewer }) =>
      paginate(
        await listRuns(db, requireViewer(viewer), { ...(filter.datasetId ? { datasetId: filter.datasetId } : {}), ...(filter.modelVersionId ? { modelVersionId: filter.modelVersionId } : {}) }),
        filter,
        PAGE_LIMITS.runs,
      ),
    run: (_, { id }: { id: string }, { db, viewer }) => getRun(db, requireViewer(viewer), id),
    predictions: (_, { runId, ...page }: { runId: string } & PageArgs, { db, viewer }) => listPredictions(db, requireViewer(viewer), runId, { page }),
  },
  Mutation: {
    createValidationRun: (_, args: { modelVersionId: string; datasetId: string }, { db, viewer, enqueue }) => createValidationRun(db, requireViewer(viewer), args, enqueue),
    cancelValidationRun: (_, { id }: { id: string }, { db, viewer }) => cancelValidationRun(db, requireViewer(viewer), id),
  },
  ValidationRun: {
    modelVersion: (r: ValidationRun, _, { db }) => getModelVersion(db, r.modelVersionId),
    dataset: (r: ValidationRun, _, { db, viewer }) => getDataset(db, requireViewer(viewer), r.datasetId),
    imagesPerSecond: (r: ValidationRun) => runThroughput(r).imagesPerSecond,
    etaSeconds: (r: ValidationRun) => runThroughput(r).etaSeconds,
    participantFlow: (r: ValidationRun, _, { db, viewer }) => runParticipantFlow(db, requireViewer(viewer), r),
  },
};
