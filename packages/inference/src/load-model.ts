// Opens an ONNX model with onnxruntime-node and checks it against its manifest before anything is
// scored: the file parses, its inputs/outputs and shapes are those the manifest declares, and a dry
// run on zeros succeeds. Execution providers: CUDA when asked for and loadable, else CPU (logged).
import { createHash } from "node:crypto";
import * as ort from "onnxruntime-node";
import { ModelManifest } from "./manifest.js";

export class ModelContractError extends Error {
  override name = "ModelContractError";
}

export interface LoadedModel {
  manifest: ModelManifest;
  session: ort.InferenceSession;
  /** The provider the session actually uses. */
  executionProvider: "cuda" | "cpu";
}

export interface LoadModelOptions {
  /** Preferred providers in order (default ["cuda", "cpu"]). */
  providers?: ("cuda" | "cpu")[];
  intraOpNumThreads?: number;
  log?: (line: string) => void;
}

function dimsMatch(declared: readonly (number | "batch")[], actual: readonly (number | string)[]): boolean {
  return declared.length === actual.length && declared.every((d, k) => (d === "batch" ? typeof actual[k] === "string" || actual[k] === -1 : d === actual[k]));
}

async function createSession(bytes: Uint8Array, options: LoadModelOptions): Promise<{ session: ort.InferenceSession; executionProvider: "cuda" | "cpu" }> {
  const providers = options.providers ?? ["cuda", "cpu"];
  const log = options.log ?? ((line: string) => console.log(line));
  let lastError: unknown;
  for (const provider of providers) {
    try {
      const session = await ort.InferenceSession.create(bytes, {
        executionProviders: [provider],
        graphOptimizationLevel: "all",
        ...(options.intraOpNumThreads ? { intraOpNumThreads: options.intraOpNumThreads } : {}),
      });
      return { session, executionProvider: provider };
    } catch (error) {
      lastError = error;
      if (provider === "cuda") log(`[inference] CUDA execution provider unavailable (${String((error as Error).message ?? error).split("\n")[0]}); falling back to CPU`);
      else break;
    }
  }
  throw new ModelContractError(`the file is not a loadable ONNX model: ${String((lastError as Error)?.message ?? lastError).split("\n")[0]}`);
}

export async function loadModel(bytes: Uint8Array, manifestJson: unknown, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const parsed = ModelManifest.safeParse(manifestJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelContractError(`manifest.${issue.path.join(".")}: ${issue.message}`);
  }
  const manifest = parsed.data;
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (digest !== manifest.sha256) throw new ModelContractError(`manifest.sha256 is ${manifest.sha256} but the ONNX file hashes to ${digest}`);
  const { session, executionProvider } = await createSession(bytes, options);

  const declaredInputs = manifest.inputs.map((i) => i.name);
  if (JSON.stringify([...session.inputNames].sort()) !== JSON.stringify([...declaredInputs].sort())) {
    throw new ModelContractError(`the model's inputs are [${session.inputNames.join(", ")}]; the manifest declares [${declaredInputs.join(", ")}]`);
  }
  const declaredOutputs = manifest.outputs.map((o) => o.name);
  for (const name of declaredOutputs) {
    if (!session.outputNames.includes(name)) throw new ModelContractError(`the manifest declares output "${name}"; the model has [${session.outputNames.join(", ")}]`);
  }
  for (const input of manifest.inputs) {
    const meta = session.inputMetadata.find((m) => m.name === input.name);
    if (!meta || !meta.isTensor) throw new ModelContractError(`input "${input.name}" is not a tensor`);
    if (meta.type !== input.dtype) throw new ModelContractError(`input "${input.name}" is ${meta.type}; the manifest says ${input.dtype}`);
    if (!dimsMatch(input.shape, meta.shape)) throw new ModelContractError(`input "${input.name}" has shape [${meta.shape.join(", ")}]; the manifest says [${input.shape.join(", ")}]`);
  }
  // Dry run on zeros with a batch of 2.
  const feeds: Record<string, ort.Tensor> = {};
  for (const input of manifest.inputs) {
    const dims = input.shape.map((d) => (d === "batch" ? 2 : d));
    feeds[input.name] = new ort.Tensor("float32", new Float32Array(dims.reduce((a, b) => a * b, 1)), dims);
  }
  try {
    const out = await session.run(feeds);
    for (const name of declaredOutputs) {
      const values = out[name]!.data as Float32Array;
      if (values.length < 2 || values.some((v) => !Number.isFinite(v))) throw new ModelContractError(`dry run: output "${name}" is not finite for a batch of 2 zero inputs`);
    }
  } catch (error) {
    if (error instanceof ModelContractError) throw error;
    throw new ModelContractError(`dry run failed: ${String((error as Error).message ?? error).split("\n")[0]}`);
  }
  return { manifest, session, executionProvider };
}

/** Scores a batch: rows of the (single) input, returns the first declared output, flipped to "higher = higher risk". */
export async function scoreBatch(model: LoadedModel, inputName: string, rows: Float32Array[], rowShape: number[]): Promise<Float32Array> {
  const size = rowShape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(rows.length * size);
  rows.forEach((r, k) => data.set(r, k * size));
  const out = await model.session.run({ [inputName]: new ort.Tensor("float32", data, [rows.length, ...rowShape]) });
  const output = model.manifest.outputs[0]!;
  const values = Float32Array.from(out[output.name]!.data as Float32Array);
  if (output.direction === "higher = lower risk") for (let i = 0; i < values.length; i++) values[i] = -values[i]!;
  return values;
}
