// Starting a validation run: model version × dataset, with its scoring jobs enqueued in the same
// transaction that creates it (so a run never exists without its work, nor work without its run).
import { z } from "zod";
import type { Db, ValidationRun } from "@fracval/db";
import { assertCanActOnSite } from "./access.js";
import { recordAudit } from "./audit.js";
import { codeVersion } from "./provenance.js";
import { assertWithinDailyQuota } from "./quotas.js";
import { AppError, badInput, notFound } from "./errors.js";
import { QUEUES, type Enqueue } from "./job-queue.js";
import type { Viewer } from "./viewer.js";

/** Payloads of the run queues, parsed on arrival by the worker. */
export const RunMetricsPayload = z.object({ runId: z.string().min(1) });
export type RunMetricsPayload = z.infer<typeof RunMetricsPayload>;
export const RunScorePayload = z.object({ runId: z.string().min(1), patientIds: z.array(z.string().min(1)).min(1) });
export type RunScorePayload = z.infer<typeof RunScorePayload>;

export const INFERENCE_BATCH_SIZE = Number(process.env.INFERENCE_BATCH_SIZE ?? 32);

export async function createValidationRun(
  db: Db,
  viewer: Viewer,
  options: { modelVersionId: string; datasetId: string; batchSize?: number },
  enqueue: Enqueue,
): Promise<ValidationRun> {
  const batchSize = options.batchSize ?? INFERENCE_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1024)
    throw badInput("batchSize", "batchSize must be a whole number from 1 to 1024.", batchSize);
  const [model, dataset] = await Promise.all([
    db.modelVersion.findUnique({ where: { id: options.modelVersionId } }),
    db.validationDataset.findUnique({ where: { id: options.datasetId }, include: { site: true } }),
  ]);
  if (!model) throw notFound("Model version", options.modelVersionId);
  if (!dataset) throw notFound("Dataset", options.datasetId);
  assertCanActOnSite(viewer, dataset.siteId, dataset.site.code, { kind: "Dataset", id: dataset.id });
  await assertWithinDailyQuota(db, viewer, dataset.siteId, "runs");
  if (dataset.status !== "READY")
    throw new AppError("CONFLICT", `Dataset ${dataset.id} is ${dataset.status}; runs need a READY dataset.`);
  if (model.deprecatedAt)
    throw new AppError(
      "CONFLICT",
      `${model.family}@${model.version} is deprecated (${model.deprecationReason ?? "no reason given"}): it is kept for provenance and not offered for new runs.`,
    );
  if (model.studyId !== dataset.studyId)
    throw badInput(
      "modelVersionId",
      `${model.family}@${model.version} belongs to another study than dataset ${dataset.id}.`,
      model.id,
    );
  const patients = await db.patient.findMany({
    where: { datasetId: dataset.id },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return db.$transaction(async (tx) => {
    const run = await tx.validationRun.create({
      data: {
        modelVersionId: model.id,
        datasetId: dataset.id,
        createdById: viewer.userId,
        codeVersion: codeVersion(),
        progressTotal: patients.length,
      },
    });
    for (let k = 0; k < patients.length; k += batchSize) {
      await enqueue(tx, QUEUES.runScore, {
        runId: run.id,
        patientIds: patients.slice(k, k + batchSize).map((p) => p.id),
      } satisfies RunScorePayload);
    }
    await recordAudit(tx, viewer, {
      action: "run.create",
      siteId: dataset.siteId,
      resource: run.id,
      details: { model: `${model.family}@${model.version}`, batches: Math.ceil(patients.length / batchSize) },
    });
    return run;
  });
}

/** Cancels a run that has not finished; its remaining jobs exit early when they arrive. */
export async function cancelValidationRun(db: Db, viewer: Viewer, runId: string): Promise<ValidationRun> {
  const run = await db.validationRun.findUnique({
    where: { id: runId },
    include: { dataset: { include: { site: true } } },
  });
  if (!run) throw notFound("Run", runId);
  assertCanActOnSite(viewer, run.dataset.siteId, run.dataset.site.code, { kind: "Run", id: runId });
  const { count } = await db.validationRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "CANCELLED", finishedAt: new Date() },
  });
  if (!count)
    throw new AppError("CONFLICT", `Run ${runId} is ${run.status}; only a queued or running run can be cancelled.`);
  await recordAudit(db, viewer, { action: "run.cancel", siteId: run.dataset.siteId, resource: runId });
  return db.validationRun.findUniqueOrThrow({ where: { id: runId } });
}
