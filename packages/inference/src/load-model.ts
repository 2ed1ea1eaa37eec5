// Opens an ONNX model with onnxruntime-node and checks it against its manifest before anything is
// scored: the file parses, its inputs/outputs and shapes are those the manifest declares, and a dry
// run on zeros succeeds. Execution providers: CUDA when asked for and loadable, else CPU (logged).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as ort from "onnxruntime-node";
import { ModelManifest } from "./manifest.js";
import { buildPipeline, type Pipeline } from "./pipelines.js";

/** The input that receives the standardised clinical features (manifest.clinicalFeatures, in order). */
export const CLINICAL_INPUT = "clinical";

export class ModelContractError extends Error {
  override name = "ModelContractError";
}

export interface LoadedModel {
  manifest: ModelManifest;
  session: ort.InferenceSession;
  /** The provider the session actually uses. */
  executionProvider: "cuda" | "cpu";
  /** The image preprocessing the manifest names; null for clinical models. */
  pipeline: Pipeline | null;
}

/** One patient's tensors, by model input name, without the batch dimension. */
export type PatientTensors = Record<string, Float32Array>;

export interface LoadModelOptions {
  /** Preferred providers in order (default ["cuda", "cpu"]). */
  providers?: ("cuda" | "cpu")[];
  intraOpNumThreads?: number;
  log?: (line: string) => void;
}

function dimsMatch(declared: readonly (number | "batch")[], actual: readonly (number | string)[]): boolean {
  return (
    declared.length === actual.length &&
    declared.every((d, k) => (d === "batch" ? typeof actual[k] === "string" || actual[k] === -1 : d === actual[k]))
  );
}

const CUDA_PROVIDER_LIBRARY = "libonnxruntime_providers_cuda.so";

/**
 * Why the CUDA provider cannot load in this process, or null while it may. onnxruntime loads it from beside
 * its native binding (infra/README.md, GPU hosts); where it is absent, asking for it makes onnxruntime print
 * native errors on every session, so it is not asked for at all. A failed attempt is remembered too: the
 * process's GPUs do not come and go.
 */
let cudaUnavailable: string | null | undefined;
function cudaUnavailableReason(): string | null {
  if (cudaUnavailable === undefined) {
    const binding = join(
      dirname(createRequire(import.meta.url).resolve("onnxruntime-node/package.json")),
      "bin",
      "napi-v6",
      process.platform,
      process.arch,
    );
    cudaUnavailable =
      process.platform === "linux" && !existsSync(join(binding, CUDA_PROVIDER_LIBRARY))
        ? `not installed: no ${CUDA_PROVIDER_LIBRARY} beside onnxruntime-node's binding`
        : null;
  }
  return cudaUnavailable;
}

async function createSession(
  bytes: Uint8Array,
  options: LoadModelOptions,
): Promise<{ session: ort.InferenceSession; executionProvider: "cuda" | "cpu" }> {
  const providers = options.providers ?? ["cuda", "cpu"];
  const log = options.log ?? ((line: string) => console.log(line));
  let lastError: unknown;
  for (const provider of providers) {
    const unavailable = provider === "cuda" ? cudaUnavailableReason() : null;
    if (unavailable) {
      if (!providers.includes("cpu"))
        throw new Error(`no execution provider to run on: CUDA is unavailable (${unavailable}) and cpu is not allowed`);
      log(`[inference] CUDA execution provider unavailable (${unavailable}); falling back to CPU`);
      continue;
    }
    try {
      const session = await ort.InferenceSession.create(bytes, {
        executionProviders: [provider],
        graphOptimizationLevel: "all",
        ...(options.intraOpNumThreads ? { intraOpNumThreads: options.intraOpNumThreads } : {}),
      });
      return { session, executionProvider: provider };
    } catch (error) {
      lastError = error;
      if (provider === "cuda") {
        cudaUnavailable = String((error as Error).message ?? error).split("\n")[0]!;
        log(`[inference] CUDA execution provider unavailable (${cudaUnavailable}); falling back to CPU`);
      } else break;
    }
  }
  throw new ModelContractError(
    `the file is not a loadable ONNX model: ${String((lastError as Error)?.message ?? lastError).split("\n")[0]}`,
  );
}

/** One item of a model's contract check, as the model registry shows it. */
export interface ContractCheck {
  name: string;
  /** NOT_CHECKED: an earlier item this one depends on failed. */
  status: "PASSED" | "FAILED" | "NOT_CHECKED";
  detail: string;
}

/**
 * Checks an ONNX file against its model card item by item — the card, its preprocessing pipeline, that
 * every input is fed, the file's sha256, that onnxruntime loads it, input and output names, input types
 * and shapes, a dry run on zeros — going on after a failure wherever the next item does not depend on it.
 * Returns the checklist, and the loaded model when every item passed.
 */
export async function checkModelContract(
  bytes: Uint8Array,
  manifestJson: unknown,
  options: LoadModelOptions = {},
): Promise<{ checks: ContractCheck[]; model: LoadedModel | null }> {
  const checks: ContractCheck[] = [];
  const record = (name: string, status: ContractCheck["status"], detail: string) => {
    checks.push({ name, status, detail });
    return status === "PASSED";
  };
  /** Runs a check that throws ModelContractError on failure; other errors are bugs and propagate. */
  const attempt = (name: string, ready: string | null, check: () => string) => {
    if (ready !== null) return record(name, "NOT_CHECKED", ready);
    try {
      return record(name, "PASSED", check());
    } catch (error) {
      if (!(error instanceof ModelContractError)) throw error;
      return record(name, "FAILED", error.message);
    }
  };

  const parsed = ModelManifest.safeParse(manifestJson);
  const manifest = parsed.success ? parsed.data : null;
  if (manifest)
    record(
      "Model card",
      "PASSED",
      `${manifest.family}@${manifest.version}: ${manifest.inputs.length} input(s), ${manifest.outputs.length} output(s)`,
    );
  else
    record(
      "Model card",
      "FAILED",
      parsed.error!.issues.map((issue) => `manifest.${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  const noCard = manifest ? null : "the model card is not valid";

  let pipeline: Pipeline | null = null;
  const pipelineOk = attempt("Preprocessing pipeline", noCard, () => {
    if (!manifest!.pipeline) return "none: the model takes clinical inputs only";
    try {
      pipeline = buildPipeline(manifest!.pipeline.name, manifest!.pipeline.options);
    } catch (error) {
      throw new ModelContractError(`manifest.pipeline: ${(error as Error).message}`);
    }
    return `${pipeline.name}, producing ${Object.keys(pipeline.shapes).join(", ")}`;
  });
  attempt("Every input fed", noCard ?? (pipelineOk ? null : "the pipeline is not valid"), () => {
    checkInputsAreFed(manifest!, pipeline);
    return `${manifest!.inputs.map((i) => i.name).join(", ")}`;
  });
  const digest = createHash("sha256").update(bytes).digest("hex");
  attempt("sha256 of the file", noCard, () => {
    if (digest !== manifest!.sha256)
      throw new ModelContractError(`manifest.sha256 is ${manifest!.sha256} but the ONNX file hashes to ${digest}`);
    return digest;
  });

  let session: ort.InferenceSession | null = null;
  let executionProvider: "cuda" | "cpu" = "cpu";
  try {
    ({ session, executionProvider } = await createSession(bytes, options));
    record("ONNX file loads", "PASSED", `onnxruntime ${ort.env.versions.common}, ${executionProvider.toUpperCase()}`);
  } catch (error) {
    if (!(error instanceof ModelContractError)) throw error;
    record("ONNX file loads", "FAILED", error.message);
  }
  const noSession = noCard ?? (session ? null : "onnxruntime cannot load the file");
  const s = session as ort.InferenceSession | null;
  const namesOk = attempt("Input and output names", noSession, () => {
    const declaredInputs = manifest!.inputs.map((i) => i.name);
    if (JSON.stringify([...s!.inputNames].sort()) !== JSON.stringify([...declaredInputs].sort()))
      throw new ModelContractError(
        `the model's inputs are [${s!.inputNames.join(", ")}]; the manifest declares [${declaredInputs.join(", ")}]`,
      );
    for (const name of manifest!.outputs.map((o) => o.name))
      if (!s!.outputNames.includes(name))
        throw new ModelContractError(
          `the manifest declares output "${name}"; the model has [${s!.outputNames.join(", ")}]`,
        );
    return `inputs [${declaredInputs.join(", ")}], outputs [${manifest!.outputs.map((o) => o.name).join(", ")}]`;
  });
  const shapesOk = attempt("Input types and shapes", noSession ?? (namesOk ? null : "the names differ"), () => {
    for (const input of manifest!.inputs) {
      const meta = s!.inputMetadata.find((m) => m.name === input.name);
      if (!meta?.isTensor) throw new ModelContractError(`input "${input.name}" is not a tensor`);
      if (meta.type !== input.dtype)
        throw new ModelContractError(`input "${input.name}" is ${meta.type}; the manifest says ${input.dtype}`);
      if (!dimsMatch(input.shape, meta.shape))
        throw new ModelContractError(
          `input "${input.name}" has shape [${meta.shape.join(", ")}]; the manifest says [${input.shape.join(", ")}]`,
        );
    }
    return manifest!.inputs.map((i) => `${i.name} ${i.dtype} [${i.shape.join(", ")}]`).join("; ");
  });
  const dryRunReady = noSession ?? (namesOk && shapesOk ? null : "the inputs do not match the card");
  if (dryRunReady !== null) record("Dry run", "NOT_CHECKED", dryRunReady);
  else {
    // Dry run on zeros with a batch of 2.
    const feeds: Record<string, ort.Tensor> = {};
    for (const input of manifest!.inputs) {
      const dims = input.shape.map((d) => (d === "batch" ? 2 : d));
      feeds[input.name] = new ort.Tensor("float32", new Float32Array(dims.reduce((a, b) => a * b, 1)), dims);
    }
    try {
      const out = await s!.run(feeds);
      const bad = manifest!.outputs.find(({ name }) => {
        const values = out[name]!.data as Float32Array;
        return values.length < 2 || values.some((v) => !Number.isFinite(v));
      });
      if (bad) record("Dry run", "FAILED", `dry run: output "${bad.name}" is not finite for a batch of 2 zero inputs`);
      else record("Dry run", "PASSED", "a batch of 2 zero inputs gives finite outputs");
    } catch (error) {
      record("Dry run", "FAILED", `dry run failed: ${String((error as Error).message ?? error).split("\n")[0]}`);
    }
  }
  if (checks.every((c) => c.status === "PASSED"))
    return { checks, model: { manifest: manifest!, session: s!, executionProvider, pipeline } };
  await s?.release();
  return { checks, model: null };
}

/** Opens a model for scoring; a model that fails any item of its contract check is refused with the first. */
export async function loadModel(
  bytes: Uint8Array,
  manifestJson: unknown,
  options: LoadModelOptions = {},
): Promise<LoadedModel> {
  const { checks, model } = await checkModelContract(bytes, manifestJson, options);
  if (!model) throw new ModelContractError(checks.find((c) => c.status === "FAILED")!.detail);
  return model;
}

/** Every declared input is fed by the pipeline (with the shape it produces) or is the clinical input. */
function checkInputsAreFed(manifest: ModelManifest, pipeline: Pipeline | null): void {
  const produced = pipeline?.shapes ?? {};
  for (const [name, shape] of Object.entries(produced)) {
    const declared = manifest.inputs.find((i) => i.name === name);
    if (!declared)
      throw new ModelContractError(
        `pipeline ${pipeline!.name} produces "${name}", which the manifest does not declare as an input`,
      );
    if (!dimsMatch(declared.shape, ["batch", ...shape]))
      throw new ModelContractError(
        `pipeline ${pipeline!.name} produces "${name}" of shape [batch, ${shape.join(", ")}]; the manifest declares [${declared.shape.join(", ")}]`,
      );
  }
  for (const input of manifest.inputs) {
    if (input.name in produced) continue;
    if (input.name !== CLINICAL_INPUT)
      throw new ModelContractError(
        `nothing feeds input "${input.name}": it is neither "${CLINICAL_INPUT}" nor produced by ${pipeline ? `pipeline ${pipeline.name}` : "a preprocessing pipeline"}`,
      );
    if (!dimsMatch(input.shape, ["batch", manifest.clinicalFeatures.length]))
      throw new ModelContractError(
        `input "${CLINICAL_INPUT}" has shape [${input.shape.join(", ")}]; manifest.clinicalFeatures lists ${manifest.clinicalFeatures.length} features`,
      );
  }
  if (manifest.clinicalFeatures.length && !manifest.inputs.some((i) => i.name === CLINICAL_INPUT))
    throw new ModelContractError(`manifest.clinicalFeatures lists features but no input is named "${CLINICAL_INPUT}"`);
}

/**
 * Batch input buffers, reused per model and input: a fresh array per batch (a CT batch of 32 is tens of
 * MB) costs page faults, zero-filling and garbage collection comparable to the inference itself. A
 * buffer is lent to one session run at a time, so concurrent batches on one model get their own.
 */
const idleBuffers = new WeakMap<LoadedModel, Map<string, Float32Array[]>>();

function borrowBuffer(model: LoadedModel, input: string, length: number): Float32Array {
  const free = idleBuffers.get(model)?.get(input);
  const k = free?.findIndex((b) => b.length >= length) ?? -1;
  return k >= 0 ? free!.splice(k, 1)[0]! : new Float32Array(length);
}

function returnBuffer(model: LoadedModel, input: string, buffer: Float32Array): void {
  let byInput = idleBuffers.get(model);
  if (!byInput) {
    byInput = new Map();
    idleBuffers.set(model, byInput);
  }
  const free = byInput.get(input) ?? [];
  free.push(buffer);
  byInput.set(input, free.sort((a, b) => a.length - b.length).slice(-2)); // keep the two largest
}

/**
 * Scores a batch of patients (each a record of input tensors) in one session run; returns the first
 * declared output per patient, flipped to "higher = higher risk", and every output's raw values.
 */
export async function scoreBatch(
  model: LoadedModel,
  patients: PatientTensors[],
): Promise<{ scores: Float32Array; outputs: Record<string, Float32Array> }> {
  const feeds: Record<string, ort.Tensor> = {};
  const borrowed: [string, Float32Array][] = [];
  let out: ort.InferenceSession.OnnxValueMapType;
  try {
    for (const input of model.manifest.inputs) {
      const rowShape = input.shape.slice(1) as number[];
      const size = rowShape.reduce((a, b) => a * b, 1);
      const buffer = borrowBuffer(model, input.name, patients.length * size);
      borrowed.push([input.name, buffer]);
      const data = buffer.subarray(0, patients.length * size);
      patients.forEach((p, k) => {
        const row = p[input.name];
        if (!row || row.length !== size)
          throw new ModelContractError(
            `patient ${k}: input "${input.name}" has ${row?.length ?? 0} values; ${size} expected`,
          );
        data.set(row, k * size);
      });
      feeds[input.name] = new ort.Tensor("float32", data, [patients.length, ...rowShape]);
    }
    out = await model.session.run(feeds);
  } finally {
    for (const [name, buffer] of borrowed) returnBuffer(model, name, buffer);
  }
  const outputs: Record<string, Float32Array> = {};
  for (const o of model.manifest.outputs) outputs[o.name] = Float32Array.from(out[o.name]!.data as Float32Array);
  const first = model.manifest.outputs[0]!;
  const scores = Float32Array.from(outputs[first.name]!);
  if (first.direction === "higher = lower risk") for (let i = 0; i < scores.length; i++) scores[i] = -scores[i]!;
  return { scores, outputs };
}
