// A patient's model inputs: clinical features standardised as the model card says, and the stored image
// series decoded and run through the card's preprocessing pipeline. A patient whose inputs are unusable
// (missing clinical value, corrupt image, missing landmark) gets a reason instead, and fails alone.
import type { ClinicalBaseline, ImageSeries } from "@fracval/db";
import { blobPath, decodeSeriesIndex, messageOf, type ContentStore } from "@fracval/core";
import {
  CLINICAL_INPUT,
  preprocessImages,
  scoreBatch,
  type PreprocessPool,
  type LoadedModel,
  type PatientTensors,
  type PreprocessResult,
} from "@fracval/inference";
import type { BaselineScorer } from "./run-metrics.js";
import type { ModelCache } from "./model-cache.js";

/** Upload column → baseline value, as the clinical models' cards name their features. */
function clinicalValue(baseline: ClinicalBaseline, column: string): number | null {
  const flag = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
  switch (column) {
    case "age":
      return baseline.ageYears;
    case "sex":
      return baseline.sex === "FEMALE" ? 1 : 0;
    case "bmi":
      return baseline.bmi;
    case "glucocorticoids":
      return flag(baseline.glucocorticoids);
    case "secondary_osteoporosis":
      return flag(baseline.secondaryOsteoporosis);
    case "rheumatoid_arthritis":
      return flag(baseline.rheumatoidArthritis);
    case "current_smoking":
      return flag(baseline.currentSmoking);
    case "alcohol_3plus":
      return flag(baseline.alcohol3PlusUnitsPerDay);
    case "prior_fragility_fracture":
      return flag(baseline.priorFragilityFracture);
    case "type2_diabetes":
      return flag(baseline.type2Diabetes);
    case "fn_bmd":
      return baseline.femoralNeckBmd;
    default:
      return null;
  }
}

/**
 * The blobs of a stored series that a pipeline reads (`pick`, from the series' length), cranial → caudal (a
 * series is an index of slice blobs, in that order): the others are not read. Storage errors propagate
 * (transient: the job is retried); an unreadable index is the patient's problem (a reason).
 */
async function blobsRead(
  store: ContentStore,
  series: ImageSeries,
  pick: (count: number) => number[],
): Promise<{ keys: string[]; positions: number[] | null } | { reason: string }> {
  if (series.slices <= 1) return { keys: [series.storageKey], positions: null };
  const index = await store.get(series.storageKey);
  let keys: string[];
  try {
    keys = decodeSeriesIndex(index);
  } catch (error) {
    return { reason: `image: the stored series index is unreadable (${messageOf(error)})` };
  }
  const positions = pick(keys.length);
  return { keys: positions.map((k) => keys[k]!), positions };
}

/** A patient as scoring needs it; clinical models need no images. */
export type PatientRow = { id: string; baseline: ClinicalBaseline | null; images?: ImageSeries[] };

/** One patient's model inputs, or the reason they cannot be built. */
export async function patientTensors(
  model: LoadedModel,
  store: ContentStore,
  patient: PatientRow,
  pool?: PreprocessPool,
): Promise<{ tensors: PatientTensors; images: number } | { reason: string }> {
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
  const { pipeline } = model;
  if (pipeline) {
    const series = patient.images?.[0];
    if (!series) return { reason: "no image" };
    const read = await blobsRead(store, series, pipeline.imagesRead);
    if ("reason" in read) return read;
    const { keys, positions } = read;
    const landmarks = (series.landmarks as Record<string, [number, number]> | null) ?? null;
    // The same function on a worker thread or here: a reason when the images are unusable, thrown otherwise.
    // A thread reads a local store's files itself; other stores' blobs are read here and moved to it.
    const root = store.localRoot;
    let built: PreprocessResult;
    if (pool && root)
      built = await pool.runOnFiles(pipeline, { files: keys.map((key) => blobPath(root, key)), positions, landmarks });
    else {
      const input = { blobs: await Promise.all(keys.map((key) => store.get(key))), positions, landmarks };
      built = pool ? await pool.run(pipeline, input) : await preprocessImages(pipeline, input);
    }
    if ("reason" in built) return built;
    Object.assign(tensors, built.tensors);
    images = built.images;
  }
  return { tensors, images };
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
