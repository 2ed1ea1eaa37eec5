import {
  listMetricResults,
  metricDetails,
  PAGE_LIMITS,
  paginate,
  requireViewer,
  studyComparison,
  studyForest,
  studyResultDatasets,
  type ComparisonRow,
  type ForestPlot,
  type PageArgs,
} from "@fracval/core";
import { type Context, memoized } from "../../context.js";
import type { Resolvers } from "../types.js";

/**
 * A study's comparison rows, once per request and choice of designated datasets: the table, the forests and
 * the case-mix share them.
 */
export const comparisonOf = (
  context: Context,
  studyId: string,
  datasets: readonly string[] | null | undefined,
  releasedOnly: boolean | null | undefined = false,
) => {
  const designatedDatasets = [...new Set(datasets ?? [])].sort();
  const key = `studyComparison:${studyId}:${designatedDatasets.join(",")}:${releasedOnly ? "released" : "visible"}`;
  return memoized(context, key, () =>
    studyComparison(context.db, requireViewer(context.viewer), studyId, {
      designatedDatasets,
      releasedOnly: releasedOnly ?? false,
    }),
  );
};

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
    studyComparison: async (_, { studyId, datasets, releasedOnly, ...page }, context) =>
      paginate(
        (await comparisonOf(context, studyId, datasets, releasedOnly)).map((row) => ({ ...row, id: row.run.id })),
        page,
        PAGE_LIMITS.studyComparison,
      ),
    studyResultDatasets: (_, { studyId, releasedOnly }, { db, viewer }) =>
      studyResultDatasets(db, requireViewer(viewer), studyId, { releasedOnly: releasedOnly ?? false }),
    studyForest: (
      _,
      { studyId, metric, statistic, scoreSource, everySource, horizonDays, datasets, releasedOnly },
      context,
    ) =>
      studyForest(
        context.db,
        requireViewer(context.viewer),
        studyId,
        {
          metric,
          statistic: statistic ?? "ESTIMATE",
          ...(scoreSource ? { scoreSource } : {}),
          everySource: everySource ?? false,
          horizonDays: horizonDays ?? null,
        },
        comparisonOf(context, studyId, datasets, releasedOnly),
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
