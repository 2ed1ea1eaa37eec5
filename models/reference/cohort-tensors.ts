// A synthetic cohort as model inputs: each patient's image rendered by packages/synth and run through
// the model's preprocessing pipeline (packages/inference) — the same code the workers run. Images are
// handed to the pipeline as the DICOM decoder would return them (12-bit radiograph values; CT stored
// as HU + 1024 clamped to 12 bits), without the disk round trip; fidelity.test.ts checks that this
// equals decoding the written DICOM files. Landmarks are rounded to 0.1 px as the manifest writes them.
import {
  buildPipeline,
  CLINICAL_INPUT,
  type LoadedModel,
  type PatientTensors,
  type PipelineInput,
  type PipelineOutput,
} from "@fracval/inference";
import { image, type DecodedDicom } from "@fracval/imaging";
import {
  findProfile,
  generateCohort,
  HU_INTERCEPT,
  Random,
  renderAbdominalCt,
  renderLateralSpine,
  type SyntheticPatient,
} from "@fracval/synth";
import type { CohortSpec, FamilySpec } from "./families.js";

const tenth = (v: number) => Number(v.toFixed(1));

/** The radiograph of a patient as xrayWriter(profile, seed) writes it, decoded. */
export function radiographInput(patient: SyntheticPatient, seed: number): PipelineInput {
  const r = renderLateralSpine(patient, new Random(seed).child(100_000 + patient.index));
  const decoded: DecodedDicom = {
    image: image(r.rows, r.columns, Float32Array.from(r.pixels)),
    pixelSpacing: [r.spacing, r.spacing],
    modality: "DX",
    photometric: "MONOCHROME2",
  };
  const landmarks = Object.fromEntries(
    Object.entries(r.centres).map(([level, [x, y]]) => [level, [tenth(x), tenth(y)] as [number, number]]),
  );
  return { images: [decoded], landmarks };
}

/** The CT series of a patient as ctWriter(profile, seed) writes it, decoded (cranial → caudal). */
export function ctInput(patient: SyntheticPatient, seed: number): PipelineInput {
  const s = renderAbdominalCt(patient, new Random(seed).child(200_000 + patient.index));
  const images = s.slices.map((hu): DecodedDicom => {
    const values = Float32Array.from(hu, (v) => Math.max(0, Math.min(4095, v - HU_INTERCEPT)) + HU_INTERCEPT);
    return {
      image: image(s.rows, s.columns, values),
      pixelSpacing: [1, 1],
      modality: "CT",
      photometric: "MONOCHROME2",
    };
  });
  return { images, landmarks: { body: [tenth(s.bodyCentre[0]), tenth(s.bodyCentre[1])] } };
}

/** A patient's images for a family's modality, as the decoder would return them. */
export function renderedInput(
  modality: FamilySpec["modality"],
  patient: SyntheticPatient,
  seed: number,
): PipelineInput {
  return modality === "xray" ? radiographInput(patient, seed) : ctInput(patient, seed);
}

/**
 * A patient's model inputs as the workers build them: the model's own pipeline (from its card) on the
 * images, and the family's clinical features standardised with the card's means and SDs.
 */
export function modelInputs(
  model: LoadedModel,
  spec: FamilySpec,
  patient: SyntheticPatient,
  input: PipelineInput,
): PatientTensors {
  const row: PatientTensors = { ...model.pipeline!.run(input) };
  const features = model.manifest.clinicalFeatures;
  if (features.length)
    row[CLINICAL_INPUT] = Float32Array.from(
      spec.clinical,
      (f, k) => (f.value(patient) - features[k]!.mean) / features[k]!.sd,
    );
  return row;
}

export function cohortOf(spec: CohortSpec): SyntheticPatient[] {
  return generateCohort(findProfile(spec.profile), {
    n: spec.n,
    seed: spec.seed,
    matched: spec.matched ?? false,
    mortality: false,
  });
}

export interface CohortPatient {
  index: number;
  patient: SyntheticPatient;
  /** Pipeline output name → this patient's tensor. */
  tensors: PipelineOutput;
  /** Raw (unstandardised) clinical features, in the family's order. */
  clinical: Float32Array;
}

/**
 * Renders and preprocesses patients [from, to) of a cohort for a family, one at a time (a 1024×512
 * cohort does not fit in memory at once).
 */
export function* cohortTensors(
  spec: FamilySpec,
  cohort: CohortSpec,
  range: { from?: number; to?: number } = {},
): Generator<CohortPatient> {
  const pipeline = buildPipeline(spec.pipeline.name, spec.pipeline.options);
  const patients = cohortOf(cohort);
  const from = range.from ?? 0;
  const to = Math.min(range.to ?? patients.length, patients.length);
  for (let index = from; index < to; index++) {
    const patient = patients[index]!;
    yield {
      index,
      patient,
      tensors: pipeline.run(renderedInput(spec.modality, patient, cohort.seed)),
      clinical: Float32Array.from(spec.clinical, (f) => f.value(patient)),
    };
  }
}
