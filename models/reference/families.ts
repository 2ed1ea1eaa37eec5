// The reference image models (issue 5), one spec each: which study, which preprocessing pipeline and
// clinical features, which SYNTHETIC cohorts they are developed and externally evaluated on, and what
// their output means. build.ts turns a spec into models/<family>/<version>/ (ONNX, manifest, card).
import type { SyntheticPatient } from "@fracval/synth";

export interface CohortSpec {
  /** packages/synth site profile. */
  profile: string;
  n: number;
  seed: number;
  /** Case-control matching as in the seed paper's development cohort. */
  matched?: boolean;
}

export interface ClinicalFeature {
  name: string;
  /** Upload column the platform reads it from (packages/core run-scoring clinicalValue). */
  column: string;
  value: (p: SyntheticPatient) => number;
}

export interface FamilySpec {
  family: string;
  version: string;
  study: string;
  modality: "xray" | "ct";
  task: "LOG_HAZARD" | "PROBABILITY_AT_HORIZON" | "SCORE";
  horizonDays: number | null;
  pipeline: { name: string; options: Record<string, unknown> };
  clinical: ClinicalFeature[];
  development: CohortSpec;
  external: CohortSpec;
  /** The training script (models/<dir>/train.py) and its extra arguments. */
  train: { script: string; args: string[] };
  output: { name: string; meaning: string };
  /** The comparison the card reports and the test asserts: model vs the FRAX-like MOF column. */
  primary: "harrellC" | "aurocAtHorizon" | "aurocPrevalent";
  title: string;
  intendedUse: string;
  architecture: string;
}

export const CLINICAL: Record<string, ClinicalFeature> = {
  age: { name: "age", column: "age", value: (p) => p.age },
  female: { name: "female", column: "sex", value: (p) => (p.female ? 1 : 0) },
  bmi: { name: "bmi", column: "bmi", value: (p) => p.bmi },
  glucocorticoids: { name: "glucocorticoids", column: "glucocorticoids", value: (p) => +p.glucocorticoids },
  secondary_osteoporosis: {
    name: "secondary_osteoporosis",
    column: "secondary_osteoporosis",
    value: (p) => +p.secondaryOsteoporosis,
  },
};

const NOT_CLINICAL =
  "Demonstration of external validation on FracVal. Trained on SYNTHETIC data; not for clinical use.";

export const FAMILIES: FamilySpec[] = [
  {
    family: "xray-deepsurv",
    version: "1.0.0",
    study: "xray-deepsurv",
    modality: "xray",
    task: "LOG_HAZARD",
    horizonDays: 1826,
    pipeline: {
      name: "xray-vertebral-patches",
      options: { levels: ["L1", "L2", "L3", "L4", "L5"], spacingMm: 0.8, patch: 64 },
    },
    clinical: [
      CLINICAL.age!,
      CLINICAL.female!,
      CLINICAL.bmi!,
      CLINICAL.glucocorticoids!,
      CLINICAL.secondary_osteoporosis!,
    ],
    development: { profile: "Severance", n: 3000, seed: 1000 },
    external: { profile: "Boramae", n: 500, seed: 7001 },
    train: { script: "xray-deepsurv/train.py", args: [] },
    output: {
      name: "log_hazard",
      meaning:
        "DeepSurv log relative hazard of incident vertebral fracture (Cox partial likelihood), relative to the development cohort's average patient",
    },
    primary: "harrellC",
    title: "Seed 000: DeepSurv on L1–L5 patches of a lateral lumbar radiograph + clinical features",
    intendedUse: `Time to incident vertebral fracture from a lateral lumbar radiograph and age, sex, BMI, glucocorticoids, secondary osteoporosis. ${NOT_CLINICAL}`,
    architecture:
      "Shared CNN (4 conv blocks, 8→32 channels) over each of the five 64×64 vertebral patches (0.8 mm pixels), features averaged over levels and concatenated with the 5 standardised clinical features → MLP → log-hazard. Loss: negative Cox partial log-likelihood (Breslow).",
  },
  {
    family: "ct-bone-muscle",
    version: "1.0.0",
    study: "ct-bone-muscle",
    modality: "ct",
    task: "PROBABILITY_AT_HORIZON",
    horizonDays: 1826,
    pipeline: {
      name: "ct-bone-muscle-slices",
      options: {
        slices: 14,
        windowHu: [-200, 1000],
        spacingMm: 1,
        bone: [96, 96],
        boneMuscle: [96, 144],
        boneMusclePosteriorMm: 16,
      },
    },
    clinical: [],
    development: { profile: "Bundang", n: 1200, seed: 1001, matched: true },
    external: { profile: "Boramae", n: 300, seed: 7002 },
    train: { script: "ct-bone-muscle/train.py", args: ["--inputs", "bone,bone_muscle"] },
    output: { name: "fracture_5y", meaning: "probability of an incident vertebral fracture within 5 years" },
    primary: "aurocAtHorizon",
    title: "Seed 001: CNN-RNN over 14 abdominal CT slices, vertebral bone + paravertebral muscle",
    intendedUse: `5-year vertebral fracture from an abdominal CT taken for another reason. ${NOT_CLINICAL}`,
    architecture:
      "Per slice: two small CNN branches (bone crop 96×96, bone+muscle crop 96×144), spatial attention pooling, concatenated → GRU (32) over the 14 slices (cranial → caudal) → attention over slices → logistic output. Loss: binary cross-entropy on fracture within 5 years.",
  },
  {
    family: "ct-bone-only",
    version: "1.0.0",
    study: "ct-bone-muscle",
    modality: "ct",
    task: "PROBABILITY_AT_HORIZON",
    horizonDays: 1826,
    pipeline: {
      name: "ct-bone-muscle-slices",
      options: { slices: 14, windowHu: [-200, 1000], spacingMm: 1, bone: [96, 96], boneMuscle: null },
    },
    clinical: [],
    development: { profile: "Bundang", n: 1200, seed: 1001, matched: true },
    external: { profile: "Boramae", n: 300, seed: 7002 },
    train: { script: "ct-bone-muscle/train.py", args: ["--inputs", "bone"] },
    output: { name: "fracture_5y", meaning: "probability of an incident vertebral fracture within 5 years" },
    primary: "aurocAtHorizon",
    title: "Seed 001, bone-only variant: the same CNN-RNN without the paravertebral muscle crop",
    intendedUse: `The seed paper's bone-only contrast to ct-bone-muscle. ${NOT_CLINICAL}`,
    architecture: "As ct-bone-muscle with the bone branch only.",
  },
  {
    family: "verte-x-pvf",
    version: "1.0.0",
    study: "verte-x-pvf",
    modality: "xray",
    task: "SCORE",
    horizonDays: null,
    pipeline: {
      name: "xray-clahe-fullframe",
      options: { rows: 1024, columns: 512, clipLimit: 0.01, mean: 0.5, std: 0.25 },
    },
    clinical: [],
    development: { profile: "Severance", n: 1200, seed: 1004 },
    external: { profile: "Boramae", n: 500, seed: 7001 },
    train: { script: "verte-x-pvf/train.py", args: [] },
    output: {
      name: "pvf_score",
      meaning: "probability that the radiograph shows a prevalent vertebral fracture (BpVF), 0–1",
    },
    primary: "aurocPrevalent",
    title: "Seed 004 (VERTE-X): prevalent vertebral fracture score from the whole lateral radiograph",
    intendedUse: `Prevalent-fracture score (BpVF) for the risk groups of seed 004. ${NOT_CLINICAL}`,
    architecture:
      "EfficientNet-style small CNN: 5×5 stride-4 stem, four MBConv blocks (depthwise 3×3, squeeze-excitation, stride 2, 16→112 channels), global average pooling → logistic output. Loss: binary cross-entropy on the prevalent vertebral fracture label.",
  },
];

export function findFamily(name: string): FamilySpec {
  const spec = FAMILIES.find((f) => f.family === name);
  if (!spec) throw new Error(`unknown family ${name}; known: ${FAMILIES.map((f) => f.family).join(", ")}`);
  return spec;
}
