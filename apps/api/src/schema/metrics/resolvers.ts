import {
  listMetricResults,
  metricDetails,
  PAGE_LIMITS,
  paginate,
  requireViewer,
  studyComparison,
  type ComparisonRow,
  type PageArgs,
} from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    metricResults: async (_, filter: { runId?: string | null; datasetId?: string | null } & PageArgs, { db, viewer }) =>
      paginate(
        await listMetricResults(db, requireViewer(viewer), {
          ...(filter.runId ? { runId: filter.runId } : {}),
          ...(filter.datasetId ? { datasetId: filter.datasetId } : {}),
        }),
        filter,
        PAGE_LIMITS.metricResults,
      ),
    // Rows are keyed by their run for the cursor.
    studyComparison: async (_, { studyId, ...page }, { db, viewer }) =>
      paginate(
        (await studyComparison(db, requireViewer(viewer), studyId)).map((row) => ({ ...row, id: row.run.id })),
        page,
        PAGE_LIMITS.studyComparison,
      ),
  },
  MetricResult: {
    details: (m: { details: unknown }) => metricDetails(m.details),
  },
  StudyComparisonRow: {
    metrics: (row: ComparisonRow, page: PageArgs) => paginate(row.metrics, page, PAGE_LIMITS.metricResults),
  },
};
