import { listMetricResults, requireViewer, studyComparison } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    metricResults: (_, filter: { runId?: string | null; datasetId?: string | null }, { db, viewer }) =>
      listMetricResults(db, requireViewer(viewer), {
        ...(filter.runId ? { runId: filter.runId } : {}),
        ...(filter.datasetId ? { datasetId: filter.datasetId } : {}),
      }),
    studyComparison: (_, { studyId }: { studyId: string }, { db, viewer }) => studyComparison(db, requireViewer(viewer), studyId),
  },
};
