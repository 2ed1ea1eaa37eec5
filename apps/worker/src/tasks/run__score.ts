// The run__score job: scores one batch of a validation run. Idempotent — predictions are upserted on
// (run, patient), progress is recounted from the stored predictions, and a run that is no longer
// relevant (cancelled, finished) exits early. Image preprocessing of the next patients (on the worker's
// image threads, where it has them) runs while onnxruntime scores the previous ones. The worker that scores
// the last batch enqueues run__metrics.
import type { Db } from "@fracval/db";
import { failRun, messageOf, QUEUES, RunScorePayload, type Enqueue } from "@fracval/core";
import type { Task } from "./task.js";
import { scoreBatch, type PatientTensors } from "@fracval/inference";
import type { ModelCache } from "../scoring/model-cache.js";
import { patientTensors } from "../scoring/patient-inputs.js";
import { computeRunMetricsJob, metricsFailure } from "./run__metrics.js";

/** Patients per onnxruntime call inside a job: small enough that preprocessing and inference overlap. */
const MICRO_BATCH = 8;

export interface ScoreRunOptions {
  /** Enqueue the run__metrics job when the last batch is scored (the workers); without it the metrics are computed inline. */
  enqueue?: Enqueue;
}

export async function scoreRunBatch(
  db: Db,
  models: ModelCache,
  payload: RunScorePayload,
  options: ScoreRunOptions = {},
): Promise<void> {
  const run = await db.validationRun.findUnique({ where: { id: payload.runId }, include: { modelVersion: true } });
  if (!run || run.status === "CANCELLED" || run.status === "SUCCEEDED" || run.status === "FAILED") return; // no longer relevant
  if (run.status === "QUEUED")
    await db.validationRun.updateMany({
      where: { id: run.id, status: "QUEUED" },
      data: { status: "RUNNING", startedAt: new Date() },
    });
  const model = await models.get(run.modelVersionId, run.modelVersion.artifactStorageKey, run.modelVersion.manifest);
  const patients = await db.patient.findMany({
    where: { id: { in: payload.patientIds }, datasetId: run.datasetId },
    include: { baseline: true, images: true },
  });

  const predictions: {
    runId: string;
    patientId: string;
    score?: number;
    rawOutputs?: Record<string, number>;
    failureReason?: string;
  }[] = [];
  const imagesOf = new Map<string, number>();
  // Every MICRO_BATCH ready patients go to onnxruntime (which runs on its own threads) while the next
  // ones are preprocessed.
  let pending: { ids: string[]; tensors: PatientTensors[] } = { ids: [], tensors: [] };
  const inFlight: Promise<void>[] = [];
  const flush = () => {
    if (!pending.ids.length) return;
    const { ids, tensors } = pending;
    pending = { ids: [], tensors: [] };
    inFlight.push(
      scoreBatch(model, tensors).then(({ scores, outputs }) => {
        ids.forEach((patientId, k) => {
          const raw = Object.fromEntries(Object.entries(outputs).map(([name, values]) => [name, values[k]!]));
          predictions.push({ runId: run.id, patientId, score: scores[k]!, rawOutputs: raw });
        });
      }),
    );
  };
  // With preprocessing threads every patient of the batch is handed to the pool at once (it queues them);
  // without, each is built here in turn. Either way they reach onnxruntime in order.
  const pool = models.preprocessing;
  const started = pool ? patients.map((patient) => patientTensors(model, models.store, patient, pool)) : null;
  for (const built of started ?? []) built.catch(() => {}); // awaited below; a failure fails the job there
  for (const [k, patient] of patients.entries()) {
    const built = await (started ? started[k]! : patientTensors(model, models.store, patient));
    if ("reason" in built) predictions.push({ runId: run.id, patientId: patient.id, failureReason: built.reason });
    else {
      pending.ids.push(patient.id);
      pending.tensors.push(built.tensors);
      imagesOf.set(patient.id, built.images);
      if (pending.ids.length >= MICRO_BATCH) flush();
    }
  }
  flush();
  await Promise.all(inFlight);

  // A retried batch (its worker died after writing) adds nothing twice, and its images are not counted twice.
  const existing = new Set(
    (
      await db.prediction.findMany({
        where: { runId: run.id, patientId: { in: payload.patientIds } },
        select: { patientId: true },
      })
    ).map((p) => p.patientId),
  );
  const fresh = predictions.filter((p) => !existing.has(p.patientId));
  await db.prediction.createMany({ data: fresh, skipDuplicates: true });
  const freshImages = fresh.reduce((sum, p) => sum + (imagesOf.get(p.patientId) ?? 0), 0);
  const [done, failures] = await Promise.all([
    db.prediction.count({ where: { runId: run.id } }),
    db.prediction.count({ where: { runId: run.id, score: null } }),
  ]);
  await db.validationRun.update({
    where: { id: run.id },
    data: {
      progressDone: done,
      progressFailed: failures,
      progressAt: new Date(),
      executionProvider: model.executionProvider,
      imagesDone: { increment: freshImages },
    },
  });
  if (done >= run.progressTotal) await finishScoring(db, models, run.id, options);
}

/**
 * The worker that scores the last batch moves the run to COMPUTING_METRICS (exactly once: the status flip
 * is conditional) and, in the same transaction, enqueues its run__metrics job.
 */
async function finishScoring(db: Db, models: ModelCache, runId: string, options: ScoreRunOptions): Promise<void> {
  const flipped = await db.$transaction(async (tx) => {
    const { count } = await tx.validationRun.updateMany({
      where: { id: runId, status: "RUNNING" },
      data: { status: "COMPUTING_METRICS" },
    });
    if (count && options.enqueue) await options.enqueue(tx, QUEUES.runMetrics, { runId });
    return count > 0;
  });
  if (!flipped || options.enqueue) return;
  // Without a queue (in-process scoring) the metrics are computed here, and a failure fails the run at once.
  try {
    await computeRunMetricsJob(db, models, runId);
  } catch (error) {
    await failRun(db, runId, metricsFailure(error));
    throw error;
  }
}

/** Optional pause per batch (ms), to watch progress in a demo or to kill a worker mid-run in a test. */
const batchDelayMs = () => Number(process.env.FRACVAL_WORKER_BATCH_DELAY_MS ?? 0);

export const runScore: Task<RunScorePayload> = {
  queue: QUEUES.runScore,
  payload: RunScorePayload,
  pollingIntervalSeconds: 0.5,
  subject: (payload) => `run ${payload.runId}: a batch of ${payload.patientIds.length} patients`,
  async run(payload, { db, models, enqueue }) {
    if (batchDelayMs()) await new Promise((r) => setTimeout(r, batchDelayMs()));
    await scoreRunBatch(db, models, payload, { enqueue });
  },
  giveUp: (payload, { db }, error, attempt) =>
    failRun(
      db,
      payload.runId,
      `a batch of ${payload.patientIds.length} patients failed ${attempt.of} times: ${messageOf(error)}`,
    ),
};
