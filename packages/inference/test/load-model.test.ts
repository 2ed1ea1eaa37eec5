// The committed clinical baselines load, pass their contract checks and score exactly their linear
// predictor; a bad file or a manifest that lies is refused with a specific message.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { loadModel, ModelContractError, scoreBatch } from "../src/index.js";

const dir = (family: string) => new URL(`../../../models/${family}/1.0.0/`, import.meta.url);
const read = (family: string) => ({
  bytes: new Uint8Array(readFileSync(new URL("model.onnx", dir(family)))),
  manifest: JSON.parse(readFileSync(new URL("manifest.json", dir(family)), "utf8")),
});
const quiet = { log: () => {} };

describe("the CUDA execution provider where it is not installed", () => {
  it("is not tried: one line says why and falls back to CPU, with no native onnxruntime errors in the log", () => {
    // A fresh process: onnxruntime logs its native errors to stderr, outside any logger we pass.
    const script = `
      import { readFileSync } from "node:fs";
      import { loadModel } from ${JSON.stringify(new URL("../src/index.ts", import.meta.url).pathname)};
      const dir = ${JSON.stringify(dir("clinical-coxph-m1").pathname)};
      const bytes = new Uint8Array(readFileSync(dir + "model.onnx"));
      const manifest = JSON.parse(readFileSync(dir + "manifest.json", "utf8"));
      for (let k = 0; k < 2; k++) console.log((await loadModel(bytes, manifest)).executionProvider);
    `;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /CUDA execution provider unavailable \(not installed: no libonnxruntime_providers_cuda\.so beside onnxruntime-node's binding\); falling back to CPU\ncpu\n.*falling back to CPU\ncpu\n$/,
    );
    expect(run.stderr).not.toMatch(/onnxruntime|providers_shared/);
  });

  it("with CUDA alone allowed (EXECUTION_PROVIDERS=cuda), says that nothing can run the model, not that the file is bad", async () => {
    const { bytes, manifest } = read("clinical-coxph-m1");
    await expect(loadModel(bytes, manifest, { ...quiet, providers: ["cuda"] })).rejects.toThrow(
      /^no execution provider to run on: CUDA is unavailable \(not installed: .*\) and cpu is not allowed$/,
    );
  });
});

describe("loadModel", () => {
  it.each(["clinical-coxph-m1", "clinical-coxph-m2", "clinical-coxph-m3"])(
    "%s loads on CPU (CUDA falls back) and scores its linear predictor",
    async (family) => {
      const { bytes, manifest } = read(family);
      const lines: string[] = [];
      const model = await loadModel(bytes, manifest, { log: (l) => lines.push(l) });
      expect(model.executionProvider).toBe("cpu");
      expect(lines.join("\n")).toMatch(/CUDA execution provider unavailable.*falling back to CPU/);
      const coef = JSON.parse(readFileSync(new URL("coefficients.json", dir(family)), "utf8")).coef as number[];
      const rows = [new Float32Array(coef.length).fill(1), Float32Array.from(coef, (_, k) => k - 1)];
      const { scores } = await scoreBatch(
        model,
        rows.map((clinical) => ({ clinical })),
      );
      rows.forEach((r, i) =>
        expect(scores[i]).toBeCloseTo(
          r.reduce((s, v, k) => s + v * coef[k]!, 0),
          5,
        ),
      );
    },
  );

  it.each(["clinical-logistic-a", "clinical-logistic-b", "clinical-logistic-c", "clinical-logistic-d"])(
    "%s scores sigmoid(intercept + linear predictor)",
    async (family) => {
      const { bytes, manifest } = read(family);
      const model = await loadModel(bytes, manifest, { providers: ["cpu"], ...quiet });
      const { coef, intercept } = JSON.parse(readFileSync(new URL("coefficients.json", dir(family)), "utf8")) as {
        coef: number[];
        intercept: number;
      };
      const rows = [new Float32Array(coef.length).fill(1), Float32Array.from(coef, (_, k) => k - 1)];
      const { scores } = await scoreBatch(
        model,
        rows.map((clinical) => ({ clinical })),
      );
      rows.forEach((r, i) =>
        expect(scores[i]).toBeCloseTo(1 / (1 + Math.exp(-(intercept + r.reduce((s, v, k) => s + v * coef[k]!, 0)))), 6),
      );
    },
  );

  it("scores each patient the same whatever the batch around it: reused input buffers never leak rows between batches, sizes or concurrent runs", async () => {
    const { bytes, manifest } = read("clinical-coxph-m2");
    const model = await loadModel(bytes, manifest, { providers: ["cpu"], ...quiet });
    const coef = JSON.parse(readFileSync(new URL("coefficients.json", dir("clinical-coxph-m2")), "utf8"))
      .coef as number[];
    const patient = (k: number) => ({ clinical: Float32Array.from(coef, (_, j) => ((k * 7 + j * 3) % 11) - 5) });
    const expected = (k: number) => patient(k).clinical.reduce((s, v, j) => s + v * coef[j]!, 0);
    const big = Array.from({ length: 32 }, (_, k) => patient(k));
    const check = (scores: Float32Array, ks: number[]) => {
      expect(scores).toHaveLength(ks.length);
      ks.forEach((k, i) => expect(scores[i]).toBeCloseTo(expected(k), 5));
    };
    check(
      (await scoreBatch(model, big)).scores,
      big.map((_, k) => k),
    );
    check((await scoreBatch(model, [patient(40), patient(41)])).scores, [40, 41]); // a smaller batch in the larger buffer
    const concurrent = await Promise.all(
      [0, 1, 2, 3].map((r) =>
        scoreBatch(
          model,
          Array.from({ length: 8 }, (_, k) => patient(100 + r * 8 + k)),
        ),
      ),
    );
    concurrent.forEach((c, r) =>
      check(
        c.scores,
        Array.from({ length: 8 }, (_, k) => 100 + r * 8 + k),
      ),
    );
    // A batch refused half-way (a patient lacks the input) gives its buffer back, and the next batch is right.
    await expect(scoreBatch(model, [patient(1), { clinical: new Float32Array(1) }])).rejects.toThrow(
      `patient 1: input "clinical" has 1 values; ${coef.length} expected`,
    );
    check((await scoreBatch(model, [patient(50)])).scores, [50]);
  });

  it("refuses a manifest that lies about the input shape", async () => {
    const { bytes, manifest } = read("clinical-coxph-m1");
    await expect(
      loadModel(
        bytes,
        { ...manifest, inputs: [{ ...manifest.inputs[0], shape: ["batch", 4] }] },
        { providers: ["cpu"], ...quiet },
      ),
    ).rejects.toThrow(/input "clinical" has shape \[batch, 4\]; manifest.clinicalFeatures lists 2 features/);
    const lying = {
      ...manifest,
      inputs: [{ ...manifest.inputs[0], shape: ["batch", 4] }],
      clinicalFeatures: [...manifest.clinicalFeatures, ...manifest.clinicalFeatures],
    };
    await expect(loadModel(bytes, lying, { providers: ["cpu"], ...quiet })).rejects.toThrow(
      /input "clinical" has shape \[batch, 2\]; the manifest says \[batch, 4\]/,
    );
  });

  it("refuses a manifest naming inputs or outputs the model lacks", async () => {
    const { bytes, manifest } = read("clinical-coxph-m1");
    await expect(
      loadModel(
        bytes,
        { ...manifest, inputs: [{ ...manifest.inputs[0], name: "image" }] },
        { providers: ["cpu"], ...quiet },
      ),
    ).rejects.toThrow(/nothing feeds input "image": it is neither "clinical" nor produced by a preprocessing pipeline/);
    const twoInputs = {
      ...manifest,
      inputs: [...manifest.inputs, { ...manifest.inputs[0], name: "patches", shape: ["batch", 5, 64, 64] }],
      kind: "IMAGE_MODEL",
      pipeline: { name: "xray-vertebral-patches", options: {} },
    };
    await expect(loadModel(bytes, twoInputs, { providers: ["cpu"], ...quiet })).rejects.toThrow(
      /inputs are \[clinical\]; the manifest declares \[clinical, patches\]/,
    );
    await expect(
      loadModel(
        bytes,
        { ...manifest, outputs: [{ ...manifest.outputs[0], name: "risk" }] },
        { providers: ["cpu"], ...quiet },
      ),
    ).rejects.toThrow(/declares output "risk"/);
  });

  it("refuses a file that is not ONNX, and a sha256 that does not match", async () => {
    const { manifest } = read("clinical-coxph-m1");
    const junk = new TextEncoder().encode("this is not an ONNX model");
    const withJunkHash = { ...manifest, sha256: createHash("sha256").update(junk).digest("hex") };
    await expect(loadModel(junk, withJunkHash, { providers: ["cpu"], ...quiet })).rejects.toThrow(ModelContractError);
    await expect(loadModel(junk, withJunkHash, { providers: ["cpu"], ...quiet })).rejects.toThrow(
      /not a loadable ONNX model/,
    );
    await expect(
      loadModel(read("clinical-coxph-m2").bytes, manifest, { providers: ["cpu"], ...quiet }),
    ).rejects.toThrow(/ONNX file hashes to/);
  });

  it("refuses a model that needs a custom operator (fixtures/make_custom_op.py), naming it", async () => {
    const { manifest } = read("clinical-coxph-m1");
    const bytes = new Uint8Array(readFileSync(new URL("fixtures/custom-op.onnx", import.meta.url)));
    const card = { ...manifest, sha256: createHash("sha256").update(bytes).digest("hex") };
    await expect(loadModel(bytes, card, { providers: ["cpu"], ...quiet })).rejects.toThrow(
      /not a loadable ONNX model: .*(com\.example|MagicRisk)/,
    );
  });

  it("refuses an image model whose pipeline is unknown, misconfigured or does not fit its inputs", async () => {
    const { bytes, manifest } = read("clinical-coxph-m1");
    const image = { ...manifest, kind: "IMAGE_MODEL" };
    await expect(loadModel(bytes, image, quiet)).rejects.toThrow(
      /manifest.pipeline: an image model must name its preprocessing pipeline/,
    );
    await expect(loadModel(bytes, { ...image, pipeline: { name: "xray-magic" } }, quiet)).rejects.toThrow(
      /unknown preprocessing pipeline "xray-magic"; known: xray-vertebral-patches/,
    );
    await expect(
      loadModel(bytes, { ...image, pipeline: { name: "xray-vertebral-patches", options: { patch: -3 } } }, quiet),
    ).rejects.toThrow(/pipeline xray-vertebral-patches: options.patch/);
    const misfit = {
      ...image,
      inputs: [...manifest.inputs, { name: "patches", dtype: "float32", shape: ["batch", 5, 32, 32] }],
      pipeline: { name: "xray-vertebral-patches", options: {} },
    };
    await expect(loadModel(bytes, misfit, quiet)).rejects.toThrow(
      /produces "patches" of shape \[batch, 5, 64, 64\]; the manifest declares \[batch, 5, 32, 32\]/,
    );
  });

  it("refuses an incomplete model card, naming the field", async () => {
    const { bytes, manifest } = read("clinical-coxph-m1");
    await expect(loadModel(bytes, { ...manifest, baselineCumulativeHazard: [] }, quiet)).rejects.toThrow(
      /manifest.baselineCumulativeHazard: a log-hazard model must state/,
    );
    const { licence: _licence, ...noLicence } = manifest;
    await expect(loadModel(bytes, noLicence, quiet)).rejects.toThrow(/manifest.licence/);
  });
});
