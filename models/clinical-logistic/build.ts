// Builds seed 001's clinical comparators A–D (A: age, sex; B: + BMI; C: + glucocorticoids, alcohol,
// smoking, secondary osteoporosis; D: + type 2 diabetes) as logistic models of a vertebral fracture
// within 5 years, fitted with FracVal's logistic regression (IRLS, matched to R's glm) on the SYNTHETIC
// Bundang-profile development cohort of ct-bone-muscle, exported as linear + sigmoid ONNX.
// The paper fitted XGBoost and model D also used HIV, hepatitis C and renal failure, which the upload
// format does not carry: a logistic fit on the available features stands in (said in each card).
// Run: node --import tsx models/clinical-logistic/build.ts
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analysisTimeDays } from "@fracval/upload-format";
import { CASE_CONTROL_CALIBRATION_NOTE } from "../reference/card.js";
import { auroc, horizonLabels, logisticRegression } from "@fracval/stats";
import { findProfile, generateCohort, type SyntheticPatient } from "@fracval/synth";
import { exportCoefficients, standardiseFeatures } from "../reference/clinical-export.js";

const here = dirname(fileURLToPath(import.meta.url));
const HORIZON = 1826;
const FEATURES: Record<string, { column: string; value: (p: SyntheticPatient) => number }> = {
  age: { column: "age", value: (p) => p.age },
  female: { column: "sex", value: (p) => (p.female ? 1 : 0) },
  bmi: { column: "bmi", value: (p) => p.bmi },
  glucocorticoids: { column: "glucocorticoids", value: (p) => +p.glucocorticoids },
  alcohol_3plus: { column: "alcohol_3plus", value: (p) => +p.alcohol3Plus },
  current_smoking: { column: "current_smoking", value: (p) => +p.currentSmoking },
  secondary_osteoporosis: { column: "secondary_osteoporosis", value: (p) => +p.secondaryOsteoporosis },
  type2_diabetes: { column: "type2_diabetes", value: (p) => +p.type2Diabetes },
};
const A = ["age", "female"];
const B = [...A, "bmi"];
const C = [...B, "glucocorticoids", "alcohol_3plus", "current_smoking", "secondary_osteoporosis"];
const D = [...C, "type2_diabetes"];
const MODELS = [
  { family: "clinical-logistic-a", features: A, label: "model A (age, sex)" },
  { family: "clinical-logistic-b", features: B, label: "model B (+ BMI)" },
  {
    family: "clinical-logistic-c",
    features: C,
    label: "model C (+ glucocorticoids, alcohol, smoking, secondary osteoporosis)",
  },
  {
    family: "clinical-logistic-d",
    features: D,
    label: "model D (+ type 2 diabetes; the paper's HIV, hepatitis C and renal failure are not in the upload format)",
  },
];
// The same development cohort as the ct-bone-muscle image model (models/reference/families.ts).
const DEVELOPMENT = { site: "Bundang", n: 1200, seed: 1001, matched: true };

const cohort = generateCohort(findProfile(DEVELOPMENT.site), {
  n: DEVELOPMENT.n,
  seed: DEVELOPMENT.seed,
  matched: DEVELOPMENT.matched,
  mortality: false,
});
const { label, included } = horizonLabels(
  cohort.map(analysisTimeDays),
  cohort.map((p) => (p.event ? 1 : 0)),
  HORIZON,
);
const rows = cohort.filter((_, i) => included[i]);
const y = Uint8Array.from(label.filter((_, i) => included[i]));

for (const spec of MODELS) {
  const stats = standardiseFeatures(rows, spec.features, FEATURES);
  const fit = logisticRegression(y, [new Float64Array(rows.length).fill(1), ...stats.map((s) => s.z)]);
  const [intercept, ...coef] = fit.coef as [number, ...number[]];
  const probability = rows.map(
    (_, i) => 1 / (1 + Math.exp(-(intercept + stats.reduce((s, f, k) => s + coef[k]! * f.z[i]!, 0)))),
  );
  const development = auroc(probability, y);
  const { dir, sha256 } = exportCoefficients(here, spec.family, { features: spec.features, intercept, coef });
  const manifest = {
    family: spec.family,
    version: "1.0.0",
    study: "ct-bone-muscle",
    kind: "CLINICAL_BASELINE",
    task: "PROBABILITY_AT_HORIZON",
    horizonDays: HORIZON,
    inputs: [{ name: "clinical", dtype: "float32", shape: ["batch", spec.features.length], channels: spec.features }],
    pipeline: null,
    preprocessing: [{ step: "standardise", options: { using: "clinicalFeatures mean and sd" } }],
    clinicalFeatures: stats.map(({ name, column, mean, sd }) => ({ name, column, mean, sd })),
    outputs: [
      {
        name: "fracture_5y",
        meaning:
          "probability of an incident vertebral fracture within 5 years (logistic; at the matched development cohort's prevalence)",
        direction: "higher = higher risk",
      },
    ],
    baselineCumulativeHazard: [],
    threshold: null,
    trainingData: `SYNTHETIC development cohort: packages/synth profile ${DEVELOPMENT.site}, n = ${DEVELOPMENT.n}, seed ${DEVELOPMENT.seed}, case-control matched; ${rows.length} with known 5-year status (${y.reduce((s, v) => s + v, 0)} fractures). Not real patients.`,
    intendedUse: `Clinical comparator of seed 001, ${spec.label}, for validation studies on FracVal. Logistic regression stands in for the paper's XGBoost. Demonstration only; not for clinical use.`,
    developmentMetrics: {
      auroc5y: development.estimate,
      auroc5yse: development.se ?? 0,
      n: rows.length,
      events5y: y.reduce((s, v) => s + v, 0),
    },
    externalMetrics: {},
    licence: "Apache-2.0",
    sha256,
    calibratedForTargetPopulation: false,
    calibrationNote: CASE_CONTROL_CALIBRATION_NOTE,
  };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(dir, "README.md"),
    `# ${spec.family} 1.0.0\n\nClinical ${spec.label} of seed 001 (abdominal CT CNN-RNN paper), a logistic model of a vertebral fracture within 5 years fitted by \`models/clinical-logistic/build.ts\` with FracVal's logistic regression (IRLS, matched to R's glm) on a SYNTHETIC development cohort (${manifest.trainingData}). The paper fitted XGBoost${spec.family.endsWith("-d") ? " and also used HIV, hepatitis C and renal failure, which the upload format does not carry" : ""}; a logistic fit stands in.\n\nInput: the standardised features \`${spec.features.join(", ")}\` (means and SDs in manifest.json); output: probability of a fracture within 5 years.\n\nCoefficients (per SD): intercept ${intercept.toFixed(4)}, ${spec.features.map((f, k) => `${f} ${coef[k]!.toFixed(4)}`).join(", ")}. Development AUROC ${development.estimate.toFixed(3)}.\n`,
  );
  console.log(`${spec.family}: AUROC = ${development.estimate.toFixed(3)}, sha256 ${sha256.slice(0, 12)}…`);
}
