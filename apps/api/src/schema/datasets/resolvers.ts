import { createValidationDataset, getDataset, getStudy, listDatasets, listRuns, requireViewer, startIngestion, type CreateValidationDatasetOptions } from "@fracval/core";
import type { ValidationDataset } from "@fracval/db";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    datasets: (_, filter: { studyId?: string | null; siteId?: string | null }, { db, viewer }) =>
      listDatasets(db, requireViewer(viewer), { ...(filter.studyId ? { studyId: filter.studyId } : {}), ...(filter.siteId ? { siteId: filter.siteId } : {}) }),
    dataset: (_, { id }: { id: string }, { db, viewer }) => getDataset(db, requireViewer(viewer), id),
  },
  Mutation: {
    createValidationDataset: (_, { input }: { input: CreateValidationDatasetOptions }, { db, viewer }) => createValidationDataset(db, requireViewer(viewer), input),
    finishValidationDatasetUpload: (_, { id }: { id: string }, { db, enqueue, viewer }) => startIngestion(db, enqueue, requireViewer(viewer), id),
  },
  ValidationDataset: {
    site: (d: ValidationDataset, _, { db }) => db.site.findUniqueOrThrow({ where: { id: d.siteId } }),
    study: (d: ValidationDataset, _, { db }) => getStudy(db, d.studyId),
    runs: (d: ValidationDataset, _, { db, viewer }) => listRuns(db, requireViewer(viewer), { datasetId: d.id }),
  },
};
