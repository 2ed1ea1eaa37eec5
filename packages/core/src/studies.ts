// Studies: what is predicted (target, horizon) and from which images.
import { z } from "zod";
import type { Db, Study } from "@fracval/db";
import { recordAudit } from "./audit.js";
import { AppError, notFound } from "./errors.js";
import type { Viewer } from "./viewer.js";

export const listStudies = (db: Db): Promise<Study[]> =>
  db.study.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

export async function getStudy(db: Db, id: string): Promise<Study> {
  const study = await db.study.findUnique({ where: { id } });
  if (!study) throw notFound("Study", id);
  return study;
}

export const CreateStudyOptions = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]{3,60}$/, "use 3-60 lower-case letters, digits or -"),
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(5000).default(""),
    target: z.enum(["TIME_TO_EVENT", "BINARY_AT_HORIZON"]),
    horizonDays: z.number().int().min(1).max(36500).nullable().optional(),
    modality: z.enum(["XRAY_LATERAL_SPINE", "CT_ABDOMEN", "CLINICAL_ONLY"]),
  })
  .refine((s) => s.target !== "BINARY_AT_HORIZON" || s.horizonDays != null, {
    path: ["horizonDays"],
    message: "a binary-at-horizon study needs horizonDays",
  });
export type CreateStudyOptions = z.input<typeof CreateStudyOptions>;

export async function createStudy(db: Db, viewer: Viewer, options: CreateStudyOptions): Promise<Study> {
  const input = CreateStudyOptions.parse(options);
  if (await db.study.findUnique({ where: { slug: input.slug } })) {
    throw new AppError("CONFLICT", `A study with slug "${input.slug}" exists.`, {
      location: { field: "slug", value: input.slug },
    });
  }
  return db.$transaction(async (tx) => {
    const study = await tx.study.create({
      data: { ...input, horizonDays: input.horizonDays ?? null, createdById: viewer.userId },
    });
    await recordAudit(tx, viewer, { action: "study.create", resource: study.id });
    return study;
  });
}
