import {
  listMetricResults,
  metricDetails,
  PAGE_LIMITS,
  paginate,
  requireViewer,
  studyComparison,
  studyForest,
  type ComparisonRow,
  type ForestPlot,
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
    studyForest: (_, { studyId, metric, scoreSource, horizonDays }, { db, viewer }) =>
      studyForest(db, requireViewer(viewer), studyId, {
        metric,
        ...(scoreSource ? { scoreSource } : {}),
        horizonDays: horizonDays ?? null,
      }),
  },
  ForestPlot: {
    pooled: ({ pooled }: ForestPlot) =>
      pooled && {
        k: pooled.k,
        method: pooled.method,
        hksj: pooled.hksj,
        estimate: pooled.pooled.estimate,
        ciLower: pooled.pooled.ci.lower,
        ciUpper: pooled.pooled.ci.upper,
        predictionLower: pooled.predictionInterval.lower,
        predictionUpper: pooled.predictionInterval.upper,
        tau2: pooled.tau2,
        i2: pooled.i2,
        q: pooled.q,
        qP: pooled.qP,
      },
  },
  MetricResult: {
    details: (m: { details: unknown }) => metricDetails(m.details),
  },
  StudyComparisonRow: {
    metrics: (row: ComparisonRow, page: PageArgs) => paginate(row.metrics, page, PAGE_LIMITS.metricResults),
  },
};
