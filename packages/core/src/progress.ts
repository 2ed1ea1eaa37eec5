// Whether a run or an ingestion is moving, and what its ETA honestly is. Workers record progress as they go
// (a run's progressAt after each batch, a dataset's updatedAt at each ingestion checkpoint); when nothing
// has moved for a while, a worker has probably stopped and its job waits to be handed to another (when the
// job expires), so the ETA is unknown — said as WAITING_FOR_RETRY, not as a count of seconds that never ends.
import type { ValidationDataset, ValidationRun } from "@fracval/db";

export type ProgressState = "QUEUED" | "WORKING" | "WAITING_FOR_RETRY" | "FINISHED";

/** Seconds without progress after which scoring or ingestion is said to wait for a retry (batches and checkpoints take seconds). */
export const STALL_SECONDS = Number(process.env.FRACVAL_STALL_SECONDS ?? 45);
/** The same for a run's metrics job, which can take minutes on a large run: the job's own expiry. */
const METRICS_STALL_SECONDS = Number(process.env.FRACVAL_JOB_EXPIRE_SECONDS ?? 300);

export interface Progress {
  state: ProgressState;
  /** Seconds since the last recorded progress (null when finished or not started). */
  secondsSinceProgress: number | null;
}

const since = (at: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - at.getTime()) / 1000));

export function runProgress(
  run: Pick<ValidationRun, "status" | "createdAt" | "startedAt" | "progressAt">,
  now = new Date(),
): Progress {
  if (run.status === "SUCCEEDED" || run.status === "FAILED" || run.status === "CANCELLED")
    return { state: "FINISHED", secondsSinceProgress: null };
  const last = run.progressAt ?? run.startedAt ?? run.createdAt;
  const seconds = since(last, now);
  if (run.status === "QUEUED")
    return { state: seconds > STALL_SECONDS ? "WAITING_FOR_RETRY" : "QUEUED", secondsSinceProgress: seconds };
  const limit = run.status === "COMPUTING_METRICS" ? METRICS_STALL_SECONDS : STALL_SECONDS;
  return { state: seconds > limit ? "WAITING_FOR_RETRY" : "WORKING", secondsSinceProgress: seconds };
}

export function datasetProgress(dataset: Pick<ValidationDataset, "status" | "updatedAt">, now = new Date()): Progress {
  if (dataset.status !== "VALIDATING")
    return { state: dataset.status === "UPLOADING" ? "QUEUED" : "FINISHED", secondsSinceProgress: null };
  const seconds = since(dataset.updatedAt, now);
  return { state: seconds > STALL_SECONDS ? "WAITING_FOR_RETRY" : "WORKING", secondsSinceProgress: seconds };
}
