// Scoring one batch of a run (the worker's run__score job): idempotent — predictions are upserted on
// (run, patient), progress is recounted from the stored predictions, and a run that is no longer
// relevant (cancelled, finished) exits early. A patient whose inputs are unusable gets a prediction
// with a failure reason instead of failing the run.
import type { ClinicalBaseline, Db } from "@fracval/db";
import { loadModel, ModelManifest, scoreBatch, type LoadedModel } from "@fracval/inference";
import type { ContentStore } from "./content-store.js";
import type { RunScorePayload } from "./runs-create.js";
import { computeRunMetrics } from "./run-metrics.js";

/** Least-recently-used cache of open model sessions, one per model version. */
export class ModelCache {
  private readonly entries = new Map<string, Promise<LoadedModel>>();
  constructor(private readonly store: ContentStore, private readonly capacity = 4, private readonly log: (line: string) => void = console.log) {}

  get(modelVersionId: string, artifactKey: string, manifest: unknown): Promise<LoadedModel> {
    const hit = this.entries.get(modelVersionId);
    if (hit) {
      this.entries.delete(modelVersionId);
      this.entries.set(modelVersionId, hit);
      return hit;
    }
    const loading = this.store.get(artifactKey).then((bytes) => loadModel(bytes, manifest, { log: this.log }));
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
    case "fn_bmd": return baseline.femoralNeckBmd;
    default: return null;
  }
}

export async function scoreRunBatch(db: Db, models: ModelCache, payload: RunScorePayload): Promise<void> {
  const run = await db.validationRun.findUnique({ where: { id: payload.runId }, include: { modelVersion: true } });
  if (!run || run.status === "CANCELLED" || run.status === "SUCCEEDED" || run.status === "FAILED") return; // no longer relevant
  if (run.status === "QUEUED") await db.validationRun.updateMany({ where: { id: run.id, status: "QUEUED" }, data: { status: "RUNNING", startedAt: new Date() } });
  const manifest = ModelManifest.parse(run.modelVersion.manifest);
  if (manifest.kind !== "CLINICAL_BASELINE") throw new Error(`scoring ${manifest.family}: image models are not supported by this worker version yet`);
  const model = await models.get(run.modelVersionId, run.modelVersion.artifactStorageKey, run.modelVersion.manifest);
  const patients = await db.patient.findMany({ where: { id: { in: payload.patientIds }, datasetId: run.datasetId }, include: { baseline: true } });

  const rows: Float32Array[] = [];
  const scored: string[] = [];
  const failed: { patientId: string; reason: string }[] = [];
  for (const p of patients) {
    const features = manifest.clinicalFeatures.map((f) => {
      const v = p.baseline ? clinicalValue(p.baseline, f.column) : null;
      return v === null ? null : (v - f.mean) / f.sd;
    });
    const missing = manifest.clinicalFeatures.filter((_, k) => features[k] === null).map((f) => f.column);
    if (missing.length) failed.push({ patientId: p.id, reason: `missing ${missing.join(", ")}` });
    else {
      rows.push(Float32Array.from(features as number[]));
      scored.push(p.id);
    }
  }
  const input = manifest.inputs[0]!;
  const scores = rows.length ? await scoreBatch(model, input.name, rows, input.shape.slice(1) as number[]) : new Float32Array(0);
  await db.prediction.createMany({
    data: [
      ...scored.map((patientId, k) => ({ runId: run.id, patientId, score: scores[k]!, rawOutputs: { [manifest.outputs[0]!.name]: scores[k]! } })),
      ...failed.map((f) => ({ runId: run.id, patientId: f.patientId, failureReason: f.reason })),
    ],
    skipDuplicates: true, // a retried batch (worker killed mid-batch) adds nothing twice
  });
  const [done, failures] = await Promise.all([db.prediction.count({ where: { runId: run.id } }), db.prediction.count({ where: { runId: run.id, score: null } })]);
  await db.validationRun.update({ where: { id: run.id }, data: { progressDone: done, progressFailed: failures } });
  if (done >= run.progressTotal) {
    // The worker that completes the last batch computes the metrics (exactly once: the status flip is conditional).
    const { count } = await db.validationRun.updateMany({ where: { id: run.id, status: "RUNNING" }, data: { status: "COMPUTING_METRICS" } });
    if (count) {
      try {
        await computeRunMetrics(db, run.id);
        await db.validationRun.update({ where: { id: run.id }, data: { status: "SUCCEEDED", finishedAt: new Date() } });
      } catch (error) {
        // A run must not hang in COMPUTING_METRICS: record the failure where the person waiting sees it.
        await db.validationRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: new Date(), error: `metrics: ${(error as Error).message}` } });
        throw error;
      }
    }
  }
}
