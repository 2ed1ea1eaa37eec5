// Scoring one batch of a run (the worker's run__score job): idempotent — predictions are upserted on
// (run, patient), progress is recounted from the stored predictions, and a run that is no longer
// relevant (cancelled, finished) exits early. A patient whose inputs are unusable (missing clinical
// value, corrupt image, missing landmark) gets a prediction with a failure reason instead of failing
// the run. Image preprocessing of the next patients runs while onnxruntime scores the previous ones.
import type { ClinicalBaseline, Db, ImageSeries } from "@fracval/db";
import { decodeDicom, DegenerateImageError, type DecodedDicom } from "@fracval/imaging";
import { CLINICAL_INPUT, loadModel, PipelineInputError, scoreBatch, type LoadedModel, type PatientTensors } from "@fracval/inference";
import type { ContentStore } from "./content-store.js";
import { QUEUES, type Enqueue } from "./job-queue.js";
import type { RunScorePayload } from "./runs-create.js";
import type { ParticipantFlow } from "./participant-flow.js";
import { computeRunMetrics, type BaselineScorer } from "./run-metrics.js";

/** Patients per onnxruntime call inside a job: small enough that preprocessing and inference overlap. */
const MICRO_BATCH = 8;

/** Least-recently-used cache of open model sessions, one per model version. */
export class ModelCache {
  private readonly entries = new Map<string, Promise<LoadedModel>>();
  constructor(
    readonly store: ContentStore,
    private readonly capacity = 4,
    private readonly log: (line: string) => void = console.log,
    private readonly sessionOptions: { intraOpNumThreads?: number; providers?: ("cuda" | "cpu")[] } = {},
  ) {}

  get(modelVersionId: string, artifactKey: string, manifest: unknown): Promise<LoadedModel> {
    const hit = this.entries.get(modelVersionId);
    if (hit) {
      this.entries.delete(modelVersionId);
      this.entries.set(modelVersionId, hit);
      return hit;
    }
    const loading = this.store.get(artifactKey).then((bytes) => loadModel(bytes, manifest, { log: this.log, ...this.sessionOptions }));
    this.entries.set(modelVersionId, loading);
    loading.catch(() => this.entries.delete(modelVersionId));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      void this.entries.get(oldest)!.then((m) => m.session.release()).catch(() => {});
      this.entries.delete(oldest);
    }
    return loading;
  }
}

/** Upload column → baseline value, as the clinical models' cards name their features. */
function clinicalValue(baseline: ClinicalBaseline, column: string): number | null {
  const flag = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
  switch (column) {
    case "age": return baseline.ageYears;
    case "sex": return baseline.sex === "FEMALE" ? 1 : 0;
    case "bmi": return baseline.bmi;
    case "glucocorticoids": return flag(baseline.glucocorticoids);
    case "secondary_osteoporosis": return flag(baseline.secondaryOsteoporosis);
    case "rheumatoid_arthritis": return flag(baseline.rheumatoidArthritis);
    case "current_smoking": return flag(baseline.currentSmoking);
    case "alcohol_3plus": return flag(baseline.alcohol3PlusUnitsPerDay);
    case "prior_fragility_fracture": return flag(baseline.priorFragilityFracture);
    case "type2_diabetes": return flag(baseline.type2Diabetes);
    case "fn_bmd": return baseline.femoralNeckBmd;
    default: return null;
  }
}

/** An image that cannot be used (undecodable, corrupt series index): fails its patient, not the run. */
class UnusableImageError extends Error {}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)); // dicom-parser throws strings

/**
 * A stored image series as decoded DICOM slices, cranial → caudal (a series is an index of slice blobs).
 * Storage errors propagate (transient: the job is retried); bytes that do not decode are UnusableImageError.
 */
async function loadSeries(store: ContentStore, series: ImageSeries): Promise<DecodedDicom[]> {
  const bytes = await store.get(series.storageKey);
  let keys: string[] | null = null;
  if (series.slices > 1) {
    try {
      keys = (JSON.parse(new TextDecoder().decode(bytes)) as { series: string[] }).series;
    } catch (error) {
      throw new UnusableImageError(`the stored series index is unreadable (${messageOf(error)})`);
    }
  }
  const blobs = keys ? await Promise.all(keys.map((k) => store.get(k))) : [bytes];
  const decoded: DecodedDicom[] = [];
  for (const [k, blob] of blobs.entries()) {
    try {
      decoded.push(await decodeDicom(blob));
    } catch (error) {
      throw new UnusableImageError(`${blobs.length > 1 ? `slice ${k + 1}: ` : ""}${messageOf(error)}`);
    }
  }
  return decoded;
}

/** A patient as scoring needs it; clinical models need no images. */
type PatientRow = { id: string; baseline: ClinicalBaseline | null; images?: ImageSeries[] };

/** One patient's model inputs, or the reason they cannot be built. */
async function patientTensors(model: LoadedModel, store: ContentStore, patient: PatientRow): Promise<{ tensors: PatientTensors; images: number } | { reason: string }> {
  const { manifest } = model;
  const tensors: PatientTensors = {};
  if (manifest.clinicalFeatures.length) {
    const values = manifest.clinicalFeatures.map((f) => {
      const v = patient.baseline ? clinicalValue(patient.baseline, f.column) : null;
      return v === null ? null : (v - f.mean) / f.sd;
    });
    const missing = manifest.clinicalFeatures.filter((_, k) => values[k] === null).map((f) => f.column);
    if (missing.length) return { reason: `missing ${missing.join(", ")}` };
    tensors[CLINICAL_INPUT] = Float32Array.from(values as number[]);
  }
  let images = 0;
  if (model.pipeline) {
    const series = patient.images?.[0];
    if (!series) return { reason: "no image" };
    try {
      const decoded = await loadSeries(store, series);
      Object.assign(tensors, model.pipeline.run({ images: decoded, landmarks: (series.landmarks as Record<string, [number, number]> | null) ?? null }));
      images = decoded.length;
    } catch (error) {
      // The image itself is unusable: this patient fails, the run goes on. Anything else (storage down) is transient.
      if (error instanceof PipelineInputError || error instanceof DegenerateImageError || error instanceof UnusableImageError) return { reason: `image: ${error.message}` };
      throw error;
    }
  }
  return { tensors, images };
}

export interface ScoreRunOptions {
  /** Enqueue the run__metrics job when the last batch is scored (the workers); without it the metrics are computed inline. */
  enqueue?: Enqueue;
}

export async function scoreRunBatch(db: Db, models: ModelCache, payload: RunScorePayload, options: ScoreRunOptions = {}): Promise<void> {
  const run = await db.validationRun.findUnique({ where: { id: payload.runId }, include: { modelVersion: true } });
  if (!run || run.status === "CANCELLED" || run.status === "SUCCEEDED" || run.status === "FAILED") return; // no longer relevant
  if (run.status === "QUEUED") await db.validationRun.updateMany({ where: { id: run.id, status: "QUEUED" }, data: { status: "RUNNING", startedAt: new Date() } });
  const model = await models.get(run.modelVersionId, run.modelVersion.artifactStorageKey, run.modelVersion.manifest);
  const patients = await db.patient.findMany({ where: { id: { in: payload.patientIds }, datasetId: run.datasetId }, include: { baseline: true, images: true } });

  const predictions: { runId: string; patientId: string; score?: number; rawOutputs?: Record<string, number>; failureReason?: string }[] = [];
  const imagesOf = new Map<string, number>();
  // Preprocess patient by patient; every MICRO_BATCH ready patients go to onnxruntime (which runs on
  // its own threads) while the next ones are preprocessed.
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
  for (const patient of patients) {
    const built = await patientTensors(model, models.store, patient);
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
  const existing = new Set((await db.prediction.findMany({ where: { runId: run.id, patientId: { in: payload.patientIds } }, select: { patientId: true } })).map((p) => p.patientId));
  const fresh = predictions.filter((p) => !existing.has(p.patientId));
  await db.prediction.createMany({ data: fresh, skipDuplicates: true });
  const freshImages = fresh.reduce((sum, p) => sum + (imagesOf.get(p.patientId) ?? 0), 0);
  const [done, failures] = await Promise.all([db.prediction.count({ where: { runId: run.id } }), db.prediction.count({ where: { runId: run.id, score: null } })]);
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
    const { count } = await tx.validationRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "COMPUTING_METRICS" } });
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

/** The reason a run fails with when its metrics cannot be computed. */
export const metricsFailure = (error: unknown) => `metrics: ${messageOf(error)}`;

/**
 * The run__metrics job: metrics of the model, FRAX and the study's clinical baselines, then SUCCEEDED.
 * Throws on failure (the queue retries; the caller fails the run after the last attempt).
 */
export async function computeRunMetricsJob(db: Db, models: ModelCache, runId: string): Promise<void> {
  const run = await db.validationRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== "COMPUTING_METRICS") return; // already done, or cancelled
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

/** Scores patients with a registered clinical baseline's ONNX file (clinical features only). */
export function baselineScorer(models: ModelCache): BaselineScorer {
  return async (modelVersion, patients) => {
    const model = await models.get(modelVersion.id, modelVersion.artifactStorageKey, modelVersion.manifest);
    if (model.pipeline) return patients.map(() => null); // not a clinical model
    const rows: PatientTensors[] = [];
    const scorable: number[] = [];
    for (const [index, patient] of patients.entries()) {
      const built = await patientTensors(model, models.store, patient);
      if ("reason" in built) continue; // e.g. a missing BMI: the baseline is compared without this patient
      rows.push(built.tensors);
      scorable.push(index);
    }
    const scores: (number | null)[] = patients.map(() => null);
    for (let k = 0; k < rows.length; k += 1024) {
      const batch = (await scoreBatch(model, rows.slice(k, k + 1024))).scores;
      batch.forEach((score, j) => (scores[scorable[k + j]!] = score));
    }
    return scores;
  };
}

/** Marks a run FAILED with a reason (a batch ran out of retries); a finished or cancelled run is left as it is. */
export async function failRun(db: Db, runId: string, error: string): Promise<void> {
  await db.validationRun.updateMany({ where: { id: runId, status: { in: ["QUEUED", "RUNNING", "COMPUTING_METRICS"] } }, data: { status: "FAILED", finishedAt: new Date(), error } });
}
