// External evaluation of a reference model: its committed ONNX file, run by onnxruntime-node on a
// SYNTHETIC cohort of another site that it never saw, preprocessed by the platform's pipeline, scored
// by packages/stats next to the FRAX-like MOF column. build.ts writes the result into the model card;
// reference-models.test.ts recomputes it and checks the card and the ordering.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLINICAL_INPUT, loadModel, scoreBatch, type PatientTensors } from "@fracval/inference";
import { auroc, aurocAtHorizon, harrellC } from "@fracval/stats";
import { cohortTensors } from "./cohort-tensors.js";
import type { FamilySpec } from "./families.js";

const MICRO_BATCH = 8;

export interface ExternalEvaluation {
  n: number;
  events: number;
  prevalent: number;
  /** metric → value for the model and for the FRAX-like MOF probability on the same patients. */
  model: Record<"harrellC" | "aurocAtHorizon" | "aurocPrevalent", number>;
  frax: Record<"harrellC" | "aurocAtHorizon" | "aurocPrevalent", number>;
}

export function versionDir(spec: FamilySpec): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", spec.family, spec.version);
}

export async function evaluateExternal(spec: FamilySpec, options: { dir?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<ExternalEvaluation> {
  const dir = options.dir ?? versionDir(spec);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const model = await loadModel(new Uint8Array(readFileSync(join(dir, "model.onnx"))), manifest, { providers: ["cpu"], log: () => {} });
  const features = model.manifest.clinicalFeatures;
  const time: number[] = [];
  const event: number[] = [];
  const prevalent: number[] = [];
  const frax: number[] = [];
  const scores: number[] = [];
  let batch: PatientTensors[] = [];
  const flush = async () => {
    if (!batch.length) return;
    scores.push(...(await scoreBatch(model, batch)).scores);
    batch = [];
  };
  for (const { patient, tensors, clinical } of cohortTensors(spec, spec.external)) {
    const row: PatientTensors = { ...tensors };
    if (features.length) row[CLINICAL_INPUT] = Float32Array.from(features, (f, k) => (clinical[k]! - f.mean) / f.sd);
    batch.push(row);
    time.push(patient.followUpDays);
    event.push(patient.event ? 1 : 0);
    prevalent.push(patient.prevalentDeformities.length > 0 ? 1 : 0);
    frax.push(patient.fraxMof);
    if (batch.length === MICRO_BATCH) await flush();
    options.onProgress?.(time.length, spec.external.n);
  }
  await flush();
  const horizon = spec.horizonDays ?? 1826;
  const metrics = (score: number[]) => ({
    harrellC: harrellC(time, event, score).estimate,
    aurocAtHorizon: aurocAtHorizon(time, event, score, horizon).estimate,
    aurocPrevalent: auroc(score, prevalent).estimate,
  });
  return { n: time.length, events: event.reduce((s, e) => s + e, 0), prevalent: prevalent.reduce((s, e) => s + e, 0), model: metrics(scores), frax: metrics(frax) };
}
