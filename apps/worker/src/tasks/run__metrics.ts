// The run__metrics job: once every batch of a run is scored, the metrics of the model, FRAX and the
// study's clinical baselines are computed and stored, and the run SUCCEEDS (or FAILS with the reason).
import type { Db } from "@fracval/db";
import { failRun, messageOf, QUEUES, RunMetricsPayload, type ParticipantFlow } from "@fracval/core";
import type { Task } from "./task.js";
import type { ModelCache } from "../scoring/model-cache.js";
import { baselineScorer } from "../scoring/patient-inputs.js";
import { computeRunMetrics } from "../scoring/run-metrics.js";

/** The reason a run fails with when its metrics cannot be computed. */
export const metricsFailure = (error: unknown) => `metrics: ${messageOf(error)}`;

/**
 * The run__metrics job: metrics of the model, FRAX and the study's clinical baselines, then SUCCEEDED.
 * Throws on failure (the queue retries; the caller fails the run after the last attempt).
 */
export async function computeRunMetricsJob(db: Db, models: ModelCache, runId: string): Promise<void> {
  const run = await db.validationRun.findUnique({ where: { id: runId } });
  if (run?.status !== "COMPUTING_METRICS") return; // already done, or cancelled
  const { rows, flow } = await computeRunMetrics(db, runId, { scoreBaseline: baselineScorer(models) });
  // A run none of whose metrics could be computed has not validated anything: it fails, with the reason.
  // Retrying would give the same answer, so this is not thrown.
  if (rows === 0) return failRun(db, runId, metricsFailure(new Error(noMetricsReason(flow))));
  await db.validationRun.update({ where: { id: runId }, data: { status: "SUCCEEDED", finishedAt: new Date() } });
}

/** Why no metric could be computed, in the investigator's terms. */
export function noMetricsReason(flow: ParticipantFlow): string {
  const notScored = flow.notScored.reduce((s, r) => s + r.count, 0);
  return `no metric could be computed: ${flow.analysed} of ${flow.uploaded} patients analysed (${notScored} not scored, ${flow.missingOutcome} without an outcome) with ${flow.events} events; every statistic needs patients with and without a fracture`;
}

export const runMetrics: Task<RunMetricsPayload> = {
  queue: QUEUES.runMetrics,
  payload: RunMetricsPayload,
  pollingIntervalSeconds: 0.5,
  subject: ({ runId }) => `run ${runId}: metrics`,
  run: ({ runId }, { db, models }) => computeRunMetricsJob(db, models, runId),
  giveUp: ({ runId }, { db }, error) => failRun(db, runId, metricsFailure(error)),
};
