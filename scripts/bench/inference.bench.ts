// npm run bench:inference — throughput of each reference image model on this machine's CPU:
// preprocessing time per patient (the platform's pipeline) vs model time, onnxruntime-node at batch
// 1/8/32, and — where Debian's PyTorch is installed — the same weights in PyTorch eager on the same
// inputs and threads, printed as a ratio (target: onnxruntime ≥ 1.5× PyTorch).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { loadModel, scoreBatch, type PatientTensors } from "@fracval/inference";
import { cohortOf, modelInputs, renderedInput } from "../../models/reference/cohort-tensors.js";
import { versionDir } from "../../models/reference/evaluate.js";
import { FAMILIES } from "../../models/reference/families.js";

const BATCHES = [1, 8, 32];
const PATIENTS = 32;
const threads = cpus().length;
const torchAvailable = spawnSync("/usr/bin/python3", ["-c", "import torch"]).status === 0;
const only = process.argv.slice(2);

console.log(
  `bench:inference — ${cpus()[0]!.model.trim()}, ${threads} threads for onnxruntime (intraOpNumThreads) and PyTorch; PyTorch ${torchAvailable ? "available" : "not installed (ratios skipped)"}`,
);
const table: string[] = [
  "| model | batch | preprocess ms/patient | onnxruntime ms/batch | onnxruntime patients/s | PyTorch patients/s | ratio ORT/PyTorch |",
  "|---|---|---|---|---|---|---|",
];

for (const spec of FAMILIES.filter((f) => !only.length || only.includes(f.family))) {
  const dir = versionDir(spec);
  if (!existsSync(join(dir, "model.onnx"))) continue;
  const model = await loadModel(
    new Uint8Array(readFileSync(join(dir, "model.onnx"))),
    JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")),
    { providers: ["cpu"], intraOpNumThreads: threads, log: () => {} },
  );
  const patients = cohortOf(spec.external).slice(0, PATIENTS);
  const rows: PatientTensors[] = [];
  let preprocessMs = 0;
  for (const patient of patients) {
    const input = renderedInput(spec.modality, patient, spec.external.seed); // rendering is not timed
    const started = performance.now();
    rows.push(modelInputs(model, spec, patient, input));
    preprocessMs += performance.now() - started;
  }
  const ortMs: Record<number, number> = {};
  for (const batch of BATCHES) {
    const feed = rows.slice(0, batch);
    for (let i = 0; i < 2; i++) await scoreBatch(model, feed);
    let reps = 0;
    const started = performance.now();
    while (reps < 3 || performance.now() - started < 1000) {
      await scoreBatch(model, feed);
      reps++;
    }
    ortMs[batch] = (performance.now() - started) / reps;
  }
  let torchMs: Record<string, number> | null = null;
  let note = "";
  if (torchAvailable && existsSync(join(dir, "pytorch-weights.pt"))) {
    const inputsDir = mkdtempSync(join(tmpdir(), "fracval-bench-"));
    try {
      const inputs = model.manifest.inputs.map((i) => {
        const size = (i.shape.slice(1) as number[]).reduce((a, b) => a * b, 1);
        const data = new Float32Array(rows.length * size);
        rows.forEach((r, k) => data.set(r[i.name]!, k * size));
        writeFileSync(join(inputsDir, `${i.name}.f32`), data);
        return { name: i.name, shape: [rows.length, ...i.shape.slice(1)] };
      });
      writeFileSync(join(inputsDir, "inputs.json"), JSON.stringify({ inputs }));
      const { outputs } = await scoreBatch(model, rows);
      writeFileSync(join(inputsDir, "ort-output.f32"), outputs[model.manifest.outputs[0]!.name]!);
      const bench = spawnSync(
        "/usr/bin/python3",
        [
          join("models", "reference", "bench_torch.py"),
          spec.family,
          dir,
          inputsDir,
          String(threads),
          BATCHES.join(","),
        ],
        { encoding: "utf8" },
      );
      if (bench.status !== 0) throw new Error(bench.stderr);
      const result = JSON.parse(bench.stdout.trim().split("\n").pop()!);
      torchMs = result.msPerBatch;
      note = ` (PyTorch ${result.torch}; max |PyTorch − onnxruntime| output ${result.maxAbsDiff.toExponential(1)})`;
    } finally {
      rmSync(inputsDir, { recursive: true, force: true });
    }
  } else if (torchAvailable) note = " (no pytorch-weights.pt: PyTorch side skipped)";
  console.log(`${spec.family}: preprocessing ${(preprocessMs / rows.length).toFixed(1)} ms/patient${note}`);
  for (const batch of BATCHES) {
    const ortRate = (batch * 1000) / ortMs[batch]!;
    const torchRate = torchMs ? (batch * 1000) / torchMs[String(batch)]! : null;
    table.push(
      `| ${spec.family} | ${batch} | ${(preprocessMs / rows.length).toFixed(1)} | ${ortMs[batch]!.toFixed(2)} | ${ortRate.toFixed(1)} | ${torchRate ? torchRate.toFixed(1) : "—"} | ${torchRate ? `${(ortRate / torchRate).toFixed(2)}×` : "—"} |`,
    );
  }
}
console.log(table.join("\n"));
