// The README (model card) of a reference model version, from its spec, manifest and evaluations.
import type { ExternalEvaluation } from "./evaluate.js";
import type { FamilySpec } from "./families.js";

const f3 = (x: number) => x.toFixed(3);

const PRIMARY_LABEL: Record<FamilySpec["primary"], string> = {
  harrellC: "Harrell's C (incident vertebral fracture)",
  aurocAtHorizon: "AUROC for fracture within 5 years",
  aurocPrevalent: "AUROC for a prevalent vertebral fracture",
};

/** Card text of a model developed on a case-control sample: its risks are at the sample's prevalence. */
export const CASE_CONTROL_CALIBRATION_NOTE =
  "Developed on a 1:1 case-control sample (half of it fractures): its probabilities are not the target population's 5-year risks. Its calibration is reported as what recalibration needs, beside the model recalibrated on the validation data.";

export function renderCard(
  spec: FamilySpec,
  manifest: {
    sha256: string;
    trainingData: string;
    developmentMetrics: Record<string, number>;
    inputs: { name: string; shape: (string | number)[] }[];
  },
  external: ExternalEvaluation,
  log: { torch: string; threads: number; seconds: number; epochs: unknown[] },
): string {
  const rows = (["harrellC", "aurocAtHorizon", "aurocPrevalent"] as const).map(
    (m) =>
      `| ${PRIMARY_LABEL[m]}${m === spec.primary ? " (primary)" : ""} | ${f3(external.model[m])} | ${f3(external.frax[m])} |`,
  );
  return `# ${spec.family} ${spec.version}

${spec.title}. **Trained on SYNTHETIC data** (packages/synth); a demonstration of external validation on
FracVal, not a clinical model.

- Study: \`${spec.study}\`; output \`${spec.output.name}\`: ${spec.output.meaning} (higher = higher risk).
- Inputs: ${manifest.inputs.map((i) => `\`${i.name}\` [${i.shape.join(", ")}]`).join(", ")}; preprocessing pipeline \`${spec.pipeline.name}\` (packages/inference/src/pipelines.ts) with \`${JSON.stringify(spec.pipeline.options)}\`${spec.clinical.length ? `; clinical features ${spec.clinical.map((c) => c.name).join(", ")} standardised with the development means and SDs in manifest.json` : ""}.
- Architecture: ${spec.architecture}
- Training data: ${manifest.trainingData}
- Development (tune split): ${Object.entries(manifest.developmentMetrics)
    .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : f3(v)}`)
    .join(", ")}.
- Trained by \`models/${spec.train.script}\` (PyTorch ${log.torch}, ${log.threads} CPU threads, ${log.epochs.length} epochs, ${Math.round(log.seconds)} s; log in training-log.json), exported to ONNX opset 13 with a dynamic batch; sha256 \`${manifest.sha256}\`.

## External evaluation (SYNTHETIC ${spec.external.profile}-profile cohort, never seen in training)

n = ${external.n}, ${external.events} incident fractures, ${external.prevalent} with a prevalent fracture; seed ${spec.external.seed}.
Computed by \`models/reference/evaluate.ts\` (onnxruntime-node on the platform's preprocessing, metrics
from packages/stats); \`models/test/reference-{xray,ct}-models.test.ts\` recompute them and assert the primary
comparison.

| metric | model | FRAX-like MOF |
|---|---|---|
${rows.join("\n")}

Rebuild: \`node --import tsx models/reference/build.ts ${spec.family}\` (needs Debian python3-torch; see ENVIRONMENT.md).
`;
}
