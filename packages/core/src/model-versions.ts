// Model registry: immutable, content-addressed model versions. Registration validates the artifact
// against its model card (packages/inference: parses, I/O and shapes as declared, dry run) before it
// is stored, hashed and frozen.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Db, ModelVersion, Prisma } from "@fracval/db";
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

export async function registerModelVersion(
  db: Db,
  store: ContentStore,
  viewer: Viewer | null,
  options: RegisterModelVersionOptions,
): Promise<ModelVersion> {
  const parsed = RegisterModelVersionOptions.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badInput(issue.path.join(".") || "input", issue.message);
  }
  const input = parsed.data;
  const study = await db.study.findUnique({ where: { id: input.studyId } });
  if (!study) throw notFound("Study", input.studyId);
  const existing = await db.modelVersion.findUnique({
    where: { family_version: { family: input.family, version: input.version } },
  });
  if (existing) {
    throw new AppError(
      "CONFLICT",
      `${input.family}@${input.version} is already registered; publish a new version instead.`,
      {
        location: { field: "version", value: input.version },
      },
    );
  }
  const card = input.manifest;
  for (const [field, value] of [
    ["family", input.family],
    ["version", input.version],
    ["kind", input.kind],
    ["task", input.task],
  ] as const) {
    if (card[field] !== value)
      throw badInput(
        `manifest.${field}`,
        `The model card says ${field} = ${String(card[field])}, the registration says ${value}.`,
      );
  }
  // Loaded on demand: onnxruntime (a native library and its threads) stays out of the API process
  // until an admin registers a model, the only request that needs a session.
  const { loadModel, ModelContractError } = await import("@fracval/inference");
  try {
    const loaded = await loadModel(input.artifact, card, { providers: ["cpu"], log: () => {} });
    await loaded.session.release();
  } catch (error) {
    if (error instanceof ModelContractError) throw badInput("artifact", `The model was refused: ${error.message}`);
    throw error;
  }
  const sha256 = await store.put(input.artifact);
  return db.$transaction(async (tx) => {
    const model = await tx.modelVersion.create({
      data: {
        studyId: study.id,
        family: input.family,
        version: input.version,
        kind: input.kind,
        modality: study.modality,
        task: input.task,
        outputSemantics: input.outputSemantics,
        horizonDays: input.horizonDays ?? study.horizonDays,
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
