// The model card (manifest.json) every model version carries, checked with zod on registration.
import { z } from "zod";

const Dim = z.union([z.number().int().positive(), z.literal("batch")]);

export const ModelManifest = z
  .object({
    family: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/),
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/),
    study: z.string().min(1).describe("slug of the study this model version belongs to"),
    kind: z.enum(["IMAGE_MODEL", "CLINICAL_BASELINE"]),
    task: z.enum(["LOG_HAZARD", "PROBABILITY_AT_HORIZON", "SCORE"]),
    horizonDays: z.number().int().positive().nullable(),
    inputs: z
      .array(
        z.object({
          name: z.string().min(1),
          dtype: z.literal("float32"),
          /** "batch" marks the dynamic batch dimension. */
          shape: z.array(Dim).min(1),
          channels: z.array(z.string()).optional().describe("what each position of the last dimension is"),
        }),
      )
      .min(1),
    /** Image models: the named pipeline (packages/inference/src/pipelines.ts) and its options. */
    pipeline: z
      .object({ name: z.string().min(1), options: z.record(z.string(), z.unknown()).default({}) })
      .nullable()
      .default(null),
    /** The steps in words, in order, for the model card. */
    preprocessing: z
      .array(z.object({ step: z.string(), options: z.record(z.string(), z.unknown()).default({}) }))
      .default([]),
    clinicalFeatures: z
      .array(z.object({ name: z.string(), column: z.string(), mean: z.number(), sd: z.number().positive() }))
      .default([]),
    outputs: z
      .array(
        z.object({
          name: z.string().min(1),
          meaning: z.string().min(3),
          direction: z.enum(["higher = higher risk", "higher = lower risk"]),
        }),
      )
      .min(1),
    /** For LOG_HAZARD models: H₀ at stated days, at the standardised reference (all features 0). */
    baselineCumulativeHazard: z
      .array(z.object({ days: z.number().int().positive(), value: z.number().nonnegative() }))
      .default([]),
    threshold: z.number().nullable().default(null),
    /**
     * Whether the absolute risks are meant to be calibrated for the target population. A model developed on
     * a case-control sample (half fractures) is not: its calibration is reported as what recalibration needs,
     * beside the model recalibrated on the validation data.
     */
    calibratedForTargetPopulation: z.boolean().default(true),
    calibrationNote: z.string().optional(),
    trainingData: z.string().min(3),
    intendedUse: z.string().min(3),
    developmentMetrics: z.record(z.string(), z.number()).default({}),
    /** Metrics on a synthetic external-site cohort the model never saw (reference models). */
    externalMetrics: z.record(z.string(), z.number()).default({}),
    licence: z.string().min(2),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((m) => m.kind !== "IMAGE_MODEL" || m.pipeline !== null, {
    path: ["pipeline"],
    message: "an image model must name its preprocessing pipeline",
  })
  .refine((m) => m.task !== "LOG_HAZARD" || m.baselineCumulativeHazard.length > 0, {
    path: ["baselineCumulativeHazard"],
    message: "a log-hazard model must state its baseline cumulative hazard",
  });

export type ModelManifest = z.infer<typeof ModelManifest>;
