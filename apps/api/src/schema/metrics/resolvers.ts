import { listMetricResults, PAGE_LIMITS, paginate, requireViewer, studyComparison, type PageArgs } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    metricResults: async (_, filter: { runId?: string | null; datasetId?: string | null } & PageArgs, { db, viewer }) =>
      paginate(
        await listMetricResults(db, requireViewer(viewer), { ...(filter.runId ? { runId: filter.runId } : {}), ...(filter.datasetId ? { datasetId: filter.datasetId } : {}) }),
        filter,
        PAGE_LIMITS.metricResults,
      ),
    studyComparison: (_, { studyId }: { studyId: string }, { db, viewer }) => studyComparison(db, requireViewer(viewer), studyId),
  },
};
