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
import { type Context, memoized } from "../../context.js";
import type { Resolvers } from "../types.js";

/** A study's comparison rows, once per request: the table, the forests and the case-mix share them. */
export const comparisonOf = (context: Context, studyId: string) =>
  memoized(context, `studyComparison:${studyId}`, () =>
    studyComparison(context.db, requireViewer(context.viewer), studyId),
  );

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
    studyComparison: async (_, { studyId, ...page }, context) =>
      paginate(
        (await comparisonOf(context, studyId)).map((row) => ({ ...row, id: row.run.id })),
        page,
        PAGE_LIMITS.studyComparison,
      ),
    studyForest: (_, { studyId, metric, scoreSource, horizonDays }, context) =>
      studyForest(
        context.db,
        requireViewer(context.viewer),
        studyId,
        { metric, ...(scoreSource ? { scoreSource } : {}), horizonDays: horizonDays ?? null },
        comparisonOf(context, studyId),
      ),
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
    metrics: (row: ComparisonRow, args: PageArgs & { subgroup?: string | null; metric?: readonly string[] | null }) =>
      paginate(
        row.metrics.filter(
          (m) => (!args.subgroup || m.subgroup === args.subgroup) && (!args.metric || args.metric.includes(m.metric)),
        ),
        args,
        PAGE_LIMITS.metricResults,
      ),
  },
};
