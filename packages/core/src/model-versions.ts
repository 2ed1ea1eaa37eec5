// Model registry: immutable, content-addressed model versions. (ONNX contract checks arrive with the
// inference package; here the artifact is stored, hashed and frozen.)
import { z } from "zod";
import type { Db, ModelVersion, Prisma } from "@fracval/db";
import { recordAudit } from "./audit.js";
import type { ContentStore } from "./content-store.js";
import { AppError, badInput, notFound } from "./errors.js";
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
  return db.modelVersion.findMany({ where: filter.studyId ? { studyId: filter.studyId } : {}, orderBy: [{ family: "asc" }, { version: "asc" }] });
}

export async function getModelVersion(db: Db, id: string): Promise<ModelVersion> {
  const model = await db.modelVersion.findUnique({ where: { id } });
  if (!model) throw notFound("Model version", id);
  return model;
}

export async function registerModelVersion(db: Db, store: ContentStore, viewer: Viewer | null, options: RegisterModelVersionOptions): Promise<ModelVersion> {
  const parsed = RegisterModelVersionOptions.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badInput(issue.path.join(".") || "input", issue.message);
  }
  const input = parsed.data;
  const study = await db.study.findUnique({ where: { id: input.studyId } });
  if (!study) throw notFound("Study", input.studyId);
  const existing = await db.modelVersion.findUnique({ where: { family_version: { family: input.family, version: input.version } } });
  if (existing) {
    throw new AppError("CONFLICT", `${input.family}@${input.version} is already registered; publish a new version instead.`, {
      location: { field: "version", value: input.version },
    });
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
    await recordAudit(tx, viewer, { action: "model.register", resource: model.id, details: { family: model.family, version: model.version, sha256 } });
    return model;
  });
}
