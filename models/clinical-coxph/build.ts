// Builds the clinical CoxPH baselines of seed 000 (model 1: age + sex; model 2: + BMI; model 3:
// + glucocorticoids + secondary osteoporosis) on a SYNTHETIC development cohort, with FracVal's own
// Cox fit (Efron ties, matched to R's coxph), exports each as a linear ONNX model and writes its
// manifest (model card). Run: node --import tsx models/clinical-coxph/build.ts
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analysisTimeDays } from "@fracval/upload-format";
import { baselineHazardAt, coxPH, harrellC } from "@fracval/stats";
import { findProfile, generateCohort, type SyntheticPatient } from "@fracval/synth";
import { exportCoefficients, standardiseFeatures } from "../reference/clinical-export.js";

const here = dirname(fileURLToPath(import.meta.url));
const FEATURES: Record<string, { column: string; value: (p: SyntheticPatient) => number }> = {
  age: { column: "age", value: (p) => p.age },
  female: { column: "sex", value: (p) => (p.female ? 1 : 0) },
  bmi: { column: "bmi", value: (p) => p.bmi },
  glucocorticoids: { column: "glucocorticoids", value: (p) => +p.glucocorticoids },
  secondary_osteoporosis: { column: "secondary_osteoporosis", value: (p) => +p.secondaryOsteoporosis },
};
const MODELS = [
  { family: "clinical-coxph-m1", features: ["age", "female"], label: "model 1 (age, sex)" },
  { family: "clinical-coxph-m2", features: ["age", "female", "bmi"], label: "model 2 (+ BMI)" },
  {
    family: "clinical-coxph-m3",
    features: ["age", "female", "bmi", "glucocorticoids", "secondary_osteoporosis"],
    label: "model 3 (+ glucocorticoids, secondary osteoporosis)",
  },
];
const DEVELOPMENT = { site: "Severance", n: 3000, seed: 1000 };

const cohort = generateCohort(findProfile(DEVELOPMENT.site), {
  n: DEVELOPMENT.n,
  seed: DEVELOPMENT.seed,
  mortality: false,
});
const time = cohort.map(analysisTimeDays);
const event: number[] = cohort.map((p) => (p.event ? 1 : 0));

for (const spec of MODELS) {
  const stats = standardiseFeatures(cohort, spec.features, FEATURES);
  const fit = coxPH(time, event, Object.fromEntries(stats.map((s) => [s.name, s.z])));
  const lp = cohort.map((_, i) => stats.reduce((s, f, k) => s + fit.coef[k]! * f.z[i]!, 0));
  const c = harrellC(time, event, lp);
  const { dir, sha256 } = exportCoefficients(here, spec.family, { features: spec.features, coef: fit.coef });
  const manifest = {
    family: spec.family,
    version: "1.0.0",
    study: "xray-deepsurv",
    kind: "CLINICAL_BASELINE",
    task: "LOG_HAZARD",
    horizonDays: 1826,
    inputs: [{ name: "clinical", dtype: "float32", shape: ["batch", spec.features.length], channels: spec.features }],
    preprocessing: [{ step: "standardise", options: { using: "clinicalFeatures mean and sd" } }],
    clinicalFeatures: stats.map(({ name, column, mean, sd }) => ({ name, column, mean, sd })),
    outputs: [
      {
        name: "log_hazard",
        meaning: "Cox log relative hazard of incident vertebral fracture vs the development cohort's average patient",
        direction: "higher = higher risk",
      },
    ],
    baselineCumulativeHazard: [365, 1826, 3652].map((days) => ({ days, value: baselineHazardAt(fit, days) })),
    threshold: null,
    trainingData: `SYNTHETIC development cohort: packages/synth profile ${DEVELOPMENT.site}, n = ${DEVELOPMENT.n}, seed ${DEVELOPMENT.seed} (${event.reduce((s, e) => s + e, 0)} incident fractures). Not real patients.`,
    intendedUse: `Clinical CoxPH comparator of seed 000, ${spec.label}, for validation studies on FracVal. Demonstration only; not for clinical use.`,
    developmentMetrics: {
      harrellC: c.estimate,
      harrellCse: c.se,
      n: DEVELOPMENT.n,
      events: event.reduce((s, e) => s + e, 0),
    },
    licence: "Apache-2.0",
    sha256,
  };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(dir, "README.md"),
    `# ${spec.family} 1.0.0\n\nClinical CoxPH ${spec.label} of seed 000 (lateral spine DeepSurv paper), fitted by \`models/clinical-coxph/build.ts\` with FracVal's Cox implementation (Efron ties; matched to R's coxph) on a SYNTHETIC development cohort (${manifest.trainingData}). Input: the standardised features \`${spec.features.join(", ")}\` (means and SDs in manifest.json); output: log relative hazard; absolute risk at t = 1 − exp(−H₀(t)·exp(output)) with H₀ from manifest.json.\n\nCoefficients (per SD): ${spec.features.map((f, k) => `${f} ${fit.coef[k]!.toFixed(4)}`).join(", ")}. Development Harrell's C ${c.estimate.toFixed(3)} (SE ${c.se.toFixed(3)}).\n`,
  );
  console.log(`${spec.family}: C = ${c.estimate.toFixed(3)}, sha256 ${sha256.slice(0, 12)}…`);
}
