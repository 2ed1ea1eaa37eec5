// A patient's model inputs: clinical features standardised as the model card says, and the stored image
// series decoded and run through the card's preprocessing pipeline. A patient whose inputs are unusable
// (missing clinical value, corrupt image, missing landmark) gets a reason instead, and fails alone.
import type { ClinicalBaseline, ImageSeries } from "@fracval/db";
import { decodeSeriesIndex, messageOf, type ContentStore } from "@fracval/core";
import { decodeDicom, DegenerateImageError, type DecodedDicom } from "@fracval/imaging";
import {
  CLINICAL_INPUT,
  PipelineInputError,
  scoreBatch,
  type LoadedModel,
  type PatientTensors,
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

/** An image that cannot be used (undecodable, corrupt series index): fails its patient, not the run. */
class UnusableImageError extends Error {}

/**
 * The images of a stored series that a pipeline reads (`pick`, from the series' length), decoded, cranial →
 * caudal (a series is an index of slice blobs, in that order): the others are neither read nor decoded.
 * Storage errors propagate (transient: the job is retried); bytes that do not decode are UnusableImageError.
 */
async function loadSeries(
  store: ContentStore,
  series: ImageSeries,
  pick: (count: number) => number[],
): Promise<DecodedDicom[]> {
  const bytes = await store.get(series.storageKey);
  let keys: string[] | null = null;
  if (series.slices > 1) {
    try {
      keys = decodeSeriesIndex(bytes);
    } catch (error) {
      throw new UnusableImageError(`the stored series index is unreadable (${messageOf(error)})`);
    }
  }
  const chosen = pick(keys ? keys.length : 1);
  const blobs = keys ? await Promise.all(chosen.map((k) => store.get(keys[k]!))) : [bytes];
  const decoded: DecodedDicom[] = [];
  for (const [k, blob] of blobs.entries()) {
    try {
      decoded.push(await decodeDicom(blob));
    } catch (error) {
      throw new UnusableImageError(`${keys ? `slice ${chosen[k]! + 1}: ` : ""}${messageOf(error)}`);
    }
  }
  return decoded;
}

/** A patient as scoring needs it; clinical models need no images. */
export type PatientRow = { id: string; baseline: ClinicalBaseline | null; images?: ImageSeries[] };

/** One patient's model inputs, or the reason they cannot be built. */
export async function patientTensors(
  model: LoadedModel,
  store: ContentStore,
  patient: PatientRow,
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
  if (model.pipeline) {
    const series = patient.images?.[0];
    if (!series) return { reason: "no image" };
    try {
      const decoded = await loadSeries(store, series, model.pipeline.imagesRead);
      Object.assign(
        tensors,
        model.pipeline.run({
          images: decoded,
          landmarks: (series.landmarks as Record<string, [number, number]> | null) ?? null,
        }),
      );
      images = decoded.length;
    } catch (error) {
      // The image itself is unusable: this patient fails, the run goes on. Anything else (storage down) is transient.
      if (
        error instanceof PipelineInputError ||
        error instanceof DegenerateImageError ||
        error instanceof UnusableImageError
      )
        return { reason: `image: ${error.message}` };
      throw error;
    }
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
