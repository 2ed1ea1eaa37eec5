// Model registry: immutable, content-addressed model versions. Registration validates the artifact
// against its model card (packages/inference: parses, I/O and shapes as declared, dry run) before it
// is stored, hashed and frozen.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Db, ModelVersion, Prisma, Study } from "@fracval/db";
import { recordAudit } from "./audit.js";
import type { ContentStore } from "./content-store.js";
import { AppError, badInput, forbidden, notFound } from "./errors.js";
import type { Viewer } from "./viewer.js";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;

export const RegisterModelVersionOptions = z.object({
  studyId: z.string().min(1),
  family: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, "use lower-case letters, digits and -"),
  version: z.string().regex(SEMVER, "must be a semantic version such as 1.0.0"),
  kind: z.enum(["IMAGE_MODEL", "CLINICAL_BASELINE"]),
  task: z.enum(["LOG_HAZARD", "PROBABILITY_AT_HORIZON", "SCORE"]),
  outputSemantics: z.string().trim().min(3).max(1000),
  horizonDays: z.number().int().min(1).nullable().optional(),
  manifest: z.record(z.string(), z.unknown()),
  artifact: z.instanceof(Uint8Array).refine((a) => a.length > 0, "artifact is empty"),
});
export type RegisterModelVersionOptions = z.input<typeof RegisterModelVersionOptions>;

export function listModelVersions(db: Db, filter: { studyId?: string } = {}): Promise<ModelVersion[]> {
  return db.modelVersion.findMany({
    where: filter.studyId ? { studyId: filter.studyId } : {},
    orderBy: [{ family: "asc" }, { version: "asc" }],
  });
}

export async function getModelVersion(db: Db, id: string): Promise<ModelVersion> {
  const model = await db.modelVersion.findUnique({ where: { id } });
  if (!model) throw notFound("Model version", id);
  return model;
}

/** One item of a registration's contract check (packages/inference checkModelContract, and the registry's own). */
export interface ContractCheckItem {
  name: string;
  status: "PASSED" | "FAILED" | "NOT_CHECKED";
  detail: string;
}

export interface ModelContractReport {
  /** Every item passed: registering the version would publish it. */
  accepted: boolean;
  checks: ContractCheckItem[];
}

interface CheckedRegistration {
  checks: ContractCheckItem[];
  /** The first failure as the error registration answers with (naming the field). */
  firstError: AppError | null;
  input: z.output<typeof RegisterModelVersionOptions> | null;
  studyId: string | null;
  studyModality: Study["modality"] | null;
  studyHorizonDays: number | null;
}

/**
 * The registry's contract check of a model version, item by item: the registration's fields, the study,
 * that the version is new, that the card names what the registration says, then the ONNX file against the
 * card (packages/inference). Nothing is stored.
 */
async function checkRegistration(db: Db, options: RegisterModelVersionOptions): Promise<CheckedRegistration> {
  const checks: ContractCheckItem[] = [];
  let firstError: AppError | null = null;
  const fail = (name: string, error: AppError) => {
    checks.push({ name, status: "FAILED", detail: error.userMessage });
    firstError ??= error;
  };
  const none = { input: null, studyId: null, studyModality: null, studyHorizonDays: null };
  const parsed = RegisterModelVersionOptions.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail("Registration fields", badInput(issue.path.join(".") || "input", issue.message));
    return { checks, firstError, ...none };
  }
  const input = parsed.data;
  checks.push({ name: "Registration fields", status: "PASSED", detail: `${input.family}@${input.version}` });
  const study = await db.study.findUnique({ where: { id: input.studyId } });
  if (!study) {
    fail("Study", notFound("Study", input.studyId));
    return { checks, firstError, ...none, input };
  }
  checks.push({ name: "Study", status: "PASSED", detail: study.title });
  const existing = await db.modelVersion.findUnique({
    where: { family_version: { family: input.family, version: input.version } },
  });
  if (existing)
    fail(
      "New version",
      new AppError(
        "CONFLICT",
        `${input.family}@${input.version} is already registered; publish a new version instead.`,
        {
          location: { field: "version", value: input.version },
        },
      ),
    );
  else
    checks.push({
      name: "New version",
      status: "PASSED",
      detail: `${input.family}@${input.version} is not registered`,
    });
  const card = input.manifest;
  const mismatches = (
    [
      ["family", input.family],
      ["version", input.version],
      ["kind", input.kind],
      ["task", input.task],
    ] as const
  ).filter(([field, value]) => card[field] !== value);
  if (mismatches.length > 0) {
    const [field, value] = mismatches[0]!;
    const error = badInput(
      `manifest.${field}`,
      `The model card says ${field} = ${String(card[field])}, the registration says ${value}.`,
    );
    checks.push({
      name: "Card names the registration",
      status: "FAILED",
      detail: mismatches
        .map(([f, v]) => `The model card says ${f} = ${String(card[f])}, the registration says ${v}.`)
        .join(" "),
    });
    firstError ??= error;
  } else
    checks.push({ name: "Card names the registration", status: "PASSED", detail: "family, version, kind and task" });
  // Loaded on demand: onnxruntime (a native library and its threads) stays out of the API process
  // until an admin checks or registers a model, the only requests that need a session.
  const { checkModelContract } = await import("@fracval/inference");
  const contract = await checkModelContract(input.artifact, card, { providers: ["cpu"], log: () => {} });
  await contract.model?.session.release();
  checks.push(...contract.checks);
  const refused = contract.checks.find((c) => c.status === "FAILED");
  if (refused) firstError ??= badInput("artifact", `The model was refused: ${refused.detail}`);
  return {
    checks,
    firstError,
    input,
    studyId: study.id,
    studyModality: study.modality,
    studyHorizonDays: study.horizonDays,
  };
}

/** The contract check without registering: what the model registry shows before a version is published. */
export async function checkModelVersion(db: Db, options: RegisterModelVersionOptions): Promise<ModelContractReport> {
  const { checks, firstError } = await checkRegistration(db, options);
  return { accepted: firstError === null, checks };
}

export async function registerModelVersion(
  db: Db,
  store: ContentStore,
  viewer: Viewer | null,
  options: RegisterModelVersionOptions,
): Promise<ModelVersion> {
  const checked = await checkRegistration(db, options);
  // A version that fails any item is refused with the first failure, named; nothing is stored.
  if (checked.firstError) throw checked.firstError;
  const input = checked.input!;
  const sha256 = await store.put(input.artifact);
  return db.$transaction(async (tx) => {
    const model = await tx.modelVersion.create({
      data: {
        studyId: checked.studyId!,
        family: input.family,
        version: input.version,
        kind: input.kind,
        modality: checked.studyModality!,
        task: input.task,
        outputSemantics: input.outputSemantics,
        horizonDays: input.horizonDays ?? checked.studyHorizonDays,
        artifactSha256: sha256,
        artifactStorageKey: sha256,
        manifest: input.manifest as Prisma.InputJsonObject,
        status: "PUBLISHED",
        publishedAt: new Date(),
        registeredById: viewer?.userId ?? null,
      },
    });
    await recordAudit(tx, viewer, {
      action: "model.register",
      resource: model.id,
      details: { family: model.family, version: model.version, sha256 },
    });
    return model;
  });
}

/**
 * Registers every models/<family>/<version>/ (model.onnx + manifest.json) not registered yet, under
 * the study its card names; used by `npm start` for the reference models. Returns what was added.
 */
export async function registerModelDirectory(db: Db, store: ContentStore, modelsDir: string): Promise<string[]> {
  const added: string[] = [];
  for (const family of existsSync(modelsDir) ? readdirSync(modelsDir).sort() : []) {
    const familyDir = join(modelsDir, family);
    if (!statSync(familyDir).isDirectory()) continue;
    for (const version of readdirSync(familyDir).sort()) {
      const dir = join(familyDir, version);
      if (!existsSync(join(dir, "manifest.json")) || !existsSync(join(dir, "model.onnx"))) continue;
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown> & {
        family: string;
        version: string;
        study: string;
        kind: "IMAGE_MODEL" | "CLINICAL_BASELINE";
        task: "LOG_HAZARD" | "PROBABILITY_AT_HORIZON" | "SCORE";
        horizonDays: number | null;
        outputs: { meaning: string; direction: string }[];
      };
      if (
        await db.modelVersion.findUnique({
          where: { family_version: { family: manifest.family, version: manifest.version } },
        })
      )
        continue;
      const study = await db.study.findUnique({ where: { slug: manifest.study } });
      if (!study) throw new Error(`${dir}/manifest.json names study "${manifest.study}", which does not exist`);
      await registerModelVersion(db, store, null, {
        studyId: study.id,
        family: manifest.family,
        version: manifest.version,
        kind: manifest.kind,
        task: manifest.task,
        outputSemantics: `${manifest.outputs[0]!.meaning} (${manifest.outputs[0]!.direction})`,
        horizonDays: manifest.horizonDays,
        manifest,
        artifact: new Uint8Array(readFileSync(join(dir, "model.onnx"))),
      });
      added.push(`${manifest.family}@${manifest.version}`);
    }
  }
  return added;
}

/** Deprecates a model version: its runs and metrics stay (provenance); no new run may use it. ADMIN; audited. */
export async function deprecateModelVersion(db: Db, viewer: Viewer, id: string, reason: string): Promise<ModelVersion> {
  if (viewer.kind !== "user" || viewer.role !== "ADMIN")
    throw forbidden("Only an ADMIN may deprecate a model version.");
  const why = reason.trim();
  if (why.length < 3) throw badInput("reason", "reason: say why the version is deprecated (it is audited)", reason);
  const model = await db.modelVersion.findUnique({ where: { id } });
  if (!model) throw notFound("Model version", id);
  if (model.deprecatedAt) throw new AppError("CONFLICT", `${model.family}@${model.version} is deprecated already.`);
  return db.$transaction(async (tx) => {
    const updated = await tx.modelVersion.update({
      where: { id },
      data: { deprecatedAt: new Date(), deprecationReason: why },
    });
    await recordAudit(tx, viewer, {
      action: "model.deprecate",
      resource: id,
      details: { model: `${model.family}@${model.version}`, reason: why },
    });
    return updated;
  });
}
