// Builds one reference model end to end: renders and preprocesses its SYNTHETIC development cohort
// (prepare.ts, one process per core), trains it with Debian's PyTorch (models/<family>/train.py),
// writes the manifest (model card), evaluates the ONNX file on the external cohort with onnxruntime-node
// and packages/stats, and writes the README card with those numbers.
// Usage: node --import tsx models/reference/build.ts <family> [<family> …]   (needs python3-torch, see ENVIRONMENT.md)
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpus, tmpdir } from "node:os";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPipeline } from "@fracval/inference";
import { evaluateExternal, versionDir } from "./evaluate.js";
import { findFamily, type FamilySpec } from "./families.js";
import { CASE_CONTROL_CALIBRATION_NOTE, renderCard } from "./card.js";

const here = dirname(fileURLToPath(import.meta.url));

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function build(spec: FamilySpec) {
  const data = mkdtempSync(join(tmpdir(), `fracval-train-${spec.family}-`));
  const dir = versionDir(spec);
  mkdirSync(dir, { recursive: true });
  try {
    const pipeline = buildPipeline(spec.pipeline.name, spec.pipeline.options);
    const shards = Math.max(1, cpus().length);
    writeFileSync(
      join(data, "spec.json"),
      JSON.stringify({ shards, shapes: pipeline.shapes, clinicalCount: spec.clinical.length }),
    );
    console.log(
      `[build ${spec.family}] rendering and preprocessing ${spec.development.n} development patients in ${shards} processes`,
    );
    await Promise.all(
      Array.from({ length: shards }, (_, k) =>
        run(process.execPath, [
          "--import",
          "tsx",
          join(here, "prepare.ts"),
          spec.family,
          data,
          String(k),
          String(shards),
        ]),
      ),
    );
    console.log(`[build ${spec.family}] training`);
    await run("/usr/bin/python3", [join(here, "..", spec.train.script), data, dir, ...spec.train.args]);

    const training = JSON.parse(readFileSync(join(dir, "training.json"), "utf8"));
    const onnx = readFileSync(join(dir, "model.onnx"));
    const inputs = [
      ...Object.entries(pipeline.shapes).map(([name, shape]) => ({
        name,
        dtype: "float32",
        shape: ["batch", ...shape],
      })),
      ...(spec.clinical.length
        ? [
            {
              name: "clinical",
              dtype: "float32",
              shape: ["batch", spec.clinical.length],
              channels: spec.clinical.map((f) => f.name),
            },
          ]
        : []),
    ];
    const manifest = {
      family: spec.family,
      version: spec.version,
      study: spec.study,
      kind: "IMAGE_MODEL",
      task: spec.task,
      horizonDays: spec.horizonDays,
      inputs,
      pipeline: spec.pipeline,
      preprocessing: describeSteps(spec),
      clinicalFeatures: spec.clinical.map((f, k) => ({
        name: f.name,
        column: f.column,
        mean: training.clinicalMean[k],
        sd: training.clinicalSd[k],
      })),
      outputs: [{ name: spec.output.name, meaning: spec.output.meaning, direction: "higher = higher risk" }],
      baselineCumulativeHazard: training.baselineCumulativeHazard ?? [],
      threshold: training.threshold ?? null,
      trainingData: `SYNTHETIC development cohort: packages/synth profile ${spec.development.profile}, n = ${spec.development.n}, seed ${spec.development.seed}${spec.development.matched ? ", case-control matched" : ""}; 80% train / 20% tune (early stopping). Not real patients.`,
      intendedUse: spec.intendedUse,
      developmentMetrics: training.developmentMetrics,
      externalMetrics: {},
      licence: "Apache-2.0",
      sha256: createHash("sha256").update(onnx).digest("hex"),
      // A case-control development sample (half fractures) gives probabilities at its own prevalence.
      ...(spec.development.matched
        ? { calibratedForTargetPopulation: false, calibrationNote: CASE_CONTROL_CALIBRATION_NOTE }
        : {}),
    };
    writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`[build ${spec.family}] external evaluation on ${spec.external.profile} (n = ${spec.external.n})`);
    const [external] = await evaluateExternal([spec]);
    manifest.externalMetrics = {
      n: external!.n,
      events: external!.events,
      prevalent: external!.prevalent,
      ...external!.model,
      ...Object.fromEntries(Object.entries(external!.frax).map(([k, v]) => [`${k}FraxMof`, v])),
    } as never;
    writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(join(dir, "training.json"));
    writeFileSync(
      join(dir, "README.md"),
      renderCard(spec, manifest, external!, JSON.parse(readFileSync(join(dir, "training-log.json"), "utf8"))),
    );
    console.log(
      `[build ${spec.family}] done: ${JSON.stringify(manifest.externalMetrics)} (${(onnx.length / 1e6).toFixed(2)} MB)`,
    );
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

function describeSteps(spec: FamilySpec): { step: string; options: Record<string, unknown> }[] {
  const o = spec.pipeline.options;
  switch (spec.pipeline.name) {
    case "xray-vertebral-patches":
      return [
        { step: "decodeDicom", options: {} },
        { step: "minMaxNormalize", options: { outLow: 0, outHigh: 1 } },
        { step: "resampleToSpacing", options: { mm: o.spacingMm } },
        { step: "cropAround", options: { centres: "manifest L1–L5 centres", size: o.patch } },
      ];
    case "ct-bone-muscle-slices":
      return [
        { step: "decodeDicom", options: { units: "HU" } },
        { step: "equidistantIndices", options: { count: o.slices } },
        { step: "resampleToSpacing", options: { mm: o.spacingMm } },
        {
          step: "windowIntensity",
          options: { low: (o.windowHu as number[])[0], high: (o.windowHu as number[])[1], outLow: -1, outHigh: 1 },
        },
        {
          step: "cropAround",
          options: {
            centre: "manifest ct_body_x/y",
            bone: o.bone,
            boneMuscle: o.boneMuscle,
            boneMusclePosteriorMm: o.boneMusclePosteriorMm,
          },
        },
      ];
    default:
      return [
        { step: "decodeDicom", options: {} },
        { step: "minMaxNormalize", options: { outLow: 0, outHigh: 1 } },
        { step: "resizeKeepAspect", options: { rows: o.rows, columns: o.columns, padding: 0 } },
        { step: "clahe", options: { clipLimit: o.clipLimit } },
        { step: "normalise", options: { mean: o.mean, std: o.std } },
      ];
  }
}

for (const name of process.argv.slice(2)) await build(findFamily(name));
