// External evaluation of a reference model: its committed ONNX file, run by onnxruntime-node on a
// SYNTHETIC cohort of another site that it never saw, preprocessed by the platform's pipeline, scored
// by packages/stats next to the FRAX-like MOF column. build.ts writes the result into the model card;
// reference-models.test.ts recomputes it and checks the card and the ordering.
import { readFileSync } from "node:fs";
import { analysisTimeDays } from "@fracval/upload-format";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModel, scoreBatch, type PatientTensors } from "@fracval/inference";
import { auroc, aurocAtHorizon, harrellC } from "@fracval/stats";
import { cohortOf, modelInputs, renderedInput } from "./cohort-tensors.js";
import type { FamilySpec } from "./families.js";

const MICRO_BATCH = 8;

export interface ExternalEvaluation {
  family: string;
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

/**
 * Evaluates several families that share an external cohort (same profile, n, seed and modality) in one
 * pass: each patient's images are rendered once and run through each family's pipeline and model.
 */
export async function evaluateExternal(
  specs: FamilySpec[],
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ExternalEvaluation[]> {
  const cohort = specs[0]!.external;
  const modality = specs[0]!.modality;
  for (const spec of specs) {
    if (JSON.stringify(spec.external) !== JSON.stringify(cohort) || spec.modality !== modality)
      throw new Error(`${spec.family} does not share ${specs[0]!.family}'s external cohort`);
  }
  const families = await Promise.all(
    specs.map(async (spec) => {
      const dir = versionDir(spec);
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
      const model = await loadModel(new Uint8Array(readFileSync(join(dir, "model.onnx"))), manifest, {
        providers: ["cpu"],
        log: () => {},
      });
      return { spec, model, batch: [] as PatientTensors[], scores: [] as number[] };
    }),
  );
  const time: number[] = [];
  const event: number[] = [];
  const prevalent: number[] = [];
  const frax: number[] = [];
  const flush = async (family: (typeof families)[number]) => {
    if (!family.batch.length) return;
    family.scores.push(...(await scoreBatch(family.model, family.batch)).scores);
    family.batch = [];
  };
  for (const patient of cohortOf(cohort)) {
    const input = renderedInput(modality, patient, cohort.seed);
    for (const family of families) {
      family.batch.push(modelInputs(family.model, family.spec, patient, input));
      if (family.batch.length === MICRO_BATCH) await flush(family);
    }
    time.push(analysisTimeDays(patient));
    event.push(patient.event ? 1 : 0);
    prevalent.push(patient.prevalentDeformities.length > 0 ? 1 : 0);
    frax.push(patient.fraxMof);
    options.onProgress?.(time.length, cohort.n);
  }
  for (const family of families) await flush(family);
  const metrics = (score: number[], horizon: number) => ({
    harrellC: harrellC(time, event, score).estimate,
    aurocAtHorizon: aurocAtHorizon(time, event, score, horizon).estimate,
    aurocPrevalent: auroc(score, prevalent).estimate,
  });
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return families.map(({ spec, scores }) => {
    const horizon = spec.horizonDays ?? 1826;
    return {
      family: spec.family,
      n: time.length,
      events: sum(event),
      prevalent: sum(prevalent),
      model: metrics(scores, horizon),
      frax: metrics(frax, horizon),
    };
  });
}
