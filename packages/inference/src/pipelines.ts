// The image preprocessing pipelines a model manifest can name (`pipeline.name` + `pipeline.options`).
// The training scripts (models/<family>/prepare.ts) call these very functions on the synthetic
// development cohorts, so a model sees at inference exactly what it saw in training — decoded from
// DICOM by the same decoder, with the same steps in the same order.
import { z } from "zod";
import {
  clahe,
  equidistantIndices,
  minMaxNormalize,
  minMaxOf,
  minMaxValue,
  resampledSize,
  resizeBilinearCrop,
  resizeKeepAspect,
  windowValue,
  type DecodedDicom,
} from "@fracval/imaging";

/** One patient's images as the pipelines receive them: slices cranial → caudal, and the manifest's landmarks. */
export interface PipelineInput {
  images: DecodedDicom[];
  /** Pixel (column, row) landmarks: {"L1": [x, y], …} for radiographs, {"body": [x, y]} for CT. */
  landmarks: Record<string, [number, number]> | null;
}

/** Model input name → one patient's tensor (without the batch dimension). */
export type PipelineOutput = Record<string, Float32Array>;

/** A pipeline problem with this patient's images: the patient's prediction fails with this reason. */
export class PipelineInputError extends Error {
  override name = "PipelineInputError";
}

const spacingOf = (image: DecodedDicom): [number, number] => {
  if (!image.pixelSpacing) throw new PipelineInputError("the image states no pixel spacing");
  return image.pixelSpacing;
};

/**
 * A landmark (column, row) of the original image on a resized grid, under resizeBilinear's pixel-centre
 * convention: input y ↦ (y + ½)·outRows/inRows − ½. Returns (row, column).
 */
type Grid = { rows: number; columns: number };

function toResizedGrid([x, y]: [number, number], from: Grid, to: Grid): [number, number] {
  return [((y + 0.5) * to.rows) / from.rows - 0.5, ((x + 0.5) * to.columns) / from.columns - 0.5];
}

// ── xray-vertebral-patches (seed 000, DeepSurv) ──────────────────────────────────────────────────
export const XrayVertebralPatchesOptions = z.object({
  levels: z.array(z.string()).min(1).default(["L1", "L2", "L3", "L4", "L5"]),
  spacingMm: z.number().positive().default(0.8),
  patch: z.number().int().positive().default(64),
});

/**
 * Lateral radiograph → [levels, patch, patch]: min-max normalise to 0…1, resample to `spacingMm`,
 * crop a square patch around each vertebral body centre (manifest landmarks, rescaled to the new grid).
 * Only the patches' pixels of the resampled image are computed (resizeBilinearCrop, with the normalisation
 * fused in): bit for bit cropAround(resampleToSpacing(minMaxNormalize(image))) (test/pipelines.test.ts).
 */
function xrayVertebralPatches(options: z.infer<typeof XrayVertebralPatchesOptions>) {
  return (input: PipelineInput): PipelineOutput => {
    const [radiograph] = input.images;
    if (!radiograph) throw new PipelineInputError("no radiograph");
    const image = radiograph.image;
    const data = image.data;
    const { min, max } = minMaxOf(data);
    const span = max - min;
    const normalized = (i: number) => Math.fround(minMaxValue(data[i]!, min, span, 1, 0));
    const size = resampledSize(image, spacingOf(radiograph), [options.spacingMm, options.spacingMm]);
    const patches = new Float32Array(options.levels.length * options.patch * options.patch);
    options.levels.forEach((level, k) => {
      const centre = input.landmarks?.[level];
      if (!centre)
        throw new PipelineInputError(
          `the manifest gives no centre for ${level} (${level.toLowerCase()}_x, ${level.toLowerCase()}_y)`,
        );
      const [row, col] = toResizedGrid(centre, image, { rows: size[0], columns: size[1] });
      const crop = { centerRow: row, centerCol: col, rows: options.patch, columns: options.patch };
      patches.set(resizeBilinearCrop(image, normalized, size, crop), k * options.patch * options.patch);
    });
    return { patches };
  };
}

// ── ct-bone-muscle-slices (seed 001, CNN-RNN) ────────────────────────────────────────────────────
export const CtBoneMuscleSlicesOptions = z.object({
  slices: z.number().int().positive().default(14),
  windowHu: z.tuple([z.number(), z.number()]).default([-200, 1000]),
  spacingMm: z.number().positive().default(1),
  bone: z.tuple([z.number().int().positive(), z.number().int().positive()]).default([96, 96]),
  /** Omit for the bone-only variant. */
  boneMuscle: z.tuple([z.number().int().positive(), z.number().int().positive()]).nullable().default([96, 144]),
  /** The bone+muscle crop's centre lies this many mm posterior of the body centre (erector spinae). */
  boneMusclePosteriorMm: z.number().default(16),
});

/**
 * Axial CT series (HU) → `slices` equidistant slices (np.round(np.linspace)), each resampled to
 * `spacingMm`, windowed −200…1000 HU → −1…1, cropped around the vertebral body centre (bone) and
 * around a point `boneMusclePosteriorMm` behind it (bone + psoas + erector spinae). Only the crops' pixels of
 * each resampled slice are computed (resizeBilinearCrop, the window fused behind): bit for bit
 * cropAround(windowIntensity(resampleToSpacing(slice))) (test/pipelines.test.ts).
 */
function ctBoneMuscleSlices(options: z.infer<typeof CtBoneMuscleSlicesOptions>) {
  const window = windowValue({ low: options.windowHu[0], high: options.windowHu[1] });
  return (input: PipelineInput): PipelineOutput => {
    if (input.images.length < options.slices)
      throw new PipelineInputError(`the CT series has ${input.images.length} slices; ${options.slices} are needed`);
    const centre = input.landmarks?.body;
    if (!centre) throw new PipelineInputError("the manifest gives no vertebral body centre (ct_body_x, ct_body_y)");
    const [boneRows, boneCols] = options.bone;
    const bone = new Float32Array(options.slices * boneRows * boneCols);
    const muscleSize = options.boneMuscle ? options.boneMuscle[0] * options.boneMuscle[1] : 0;
    const boneMuscle = new Float32Array(options.slices * muscleSize);
    equidistantIndices(input.images.length, options.slices).forEach((index, k) => {
      const slice = input.images[index]!;
      const { data } = slice.image;
      const valueAt = (i: number) => data[i]!;
      const size = resampledSize(slice.image, spacingOf(slice), [options.spacingMm, options.spacingMm]);
      const [row, col] = toResizedGrid(centre, slice.image, { rows: size[0], columns: size[1] });
      const boneCrop = { centerRow: row, centerCol: col, rows: boneRows, columns: boneCols };
      bone.set(resizeBilinearCrop(slice.image, valueAt, size, boneCrop, window), k * boneRows * boneCols);
      if (options.boneMuscle) {
        const muscleRow = row + options.boneMusclePosteriorMm / options.spacingMm;
        const [rows, columns] = options.boneMuscle;
        const muscleCrop = { centerRow: muscleRow, centerCol: col, rows, columns };
        boneMuscle.set(resizeBilinearCrop(slice.image, valueAt, size, muscleCrop, window), k * muscleSize);
      }
    });
    return options.boneMuscle ? { bone, bone_muscle: boneMuscle } : { bone };
  };
}

// ── xray-clahe-fullframe (seed 004, VERTE-X) ─────────────────────────────────────────────────────
export const XrayClaheFullframeOptions = z.object({
  rows: z.number().int().positive().default(1024),
  columns: z.number().int().positive().default(512),
  clipLimit: z.number().nonnegative().default(0.01),
  mean: z.number().default(0.5),
  std: z.number().positive().default(0.25),
});

/**
 * Radiograph → [1, rows, columns]: min-max to 0…1, resize keeping the aspect ratio with zero padding,
 * CLAHE (skimage equalize_adapthist, default kernel), then (x − mean)/std.
 */
function xrayClaheFullframe(options: z.infer<typeof XrayClaheFullframeOptions>) {
  const equalise = clahe({ clipLimit: options.clipLimit });
  return (input: PipelineInput): PipelineOutput => {
    const [radiograph] = input.images;
    if (!radiograph) throw new PipelineInputError("no radiograph");
    const fitted = resizeKeepAspect({ rows: options.rows, columns: options.columns })(
      minMaxNormalize()(radiograph.image),
    );
    const equalised = equalise(fitted);
    const image = new Float32Array(equalised.data.length);
    for (let i = 0; i < image.length; i++) image[i] = (equalised.data[i]! - options.mean) / options.std;
    return { image };
  };
}

/** The first image of a series: what the radiograph pipelines read. */
const firstImage = () => (count: number) => (count > 0 ? [0] : []);

/**
 * Each pipeline: its options, what it produces (input name → shape without batch), the function, and which
 * images of a series it reads — so that scoring decodes only those (a CT series is dozens of slices, the
 * CT pipeline reads 14).
 */
const PIPELINES = {
  "xray-vertebral-patches": {
    options: XrayVertebralPatchesOptions,
    shapes: (o: z.infer<typeof XrayVertebralPatchesOptions>) => ({ patches: [o.levels.length, o.patch, o.patch] }),
    build: xrayVertebralPatches,
    imagesRead: firstImage,
  },
  "ct-bone-muscle-slices": {
    options: CtBoneMuscleSlicesOptions,
    shapes: (o: z.infer<typeof CtBoneMuscleSlicesOptions>) => ({
      bone: [o.slices, ...o.bone],
      ...(o.boneMuscle ? { bone_muscle: [o.slices, ...o.boneMuscle] } : {}),
    }),
    build: ctBoneMuscleSlices,
    // The equidistant slices themselves: picking `slices` equidistant ones from exactly `slices` is the
    // identity (round(k·(n−1)/(n−1)) = k), so the output is the same as from the whole series.
    imagesRead: (o: z.infer<typeof CtBoneMuscleSlicesOptions>) => (count: number) =>
      count < o.slices ? Array.from({ length: count }, (_, k) => k) : equidistantIndices(count, o.slices),
  },
  "xray-clahe-fullframe": {
    options: XrayClaheFullframeOptions,
    shapes: (o: z.infer<typeof XrayClaheFullframeOptions>) => ({ image: [1, o.rows, o.columns] }),
    build: xrayClaheFullframe,
    imagesRead: firstImage,
  },
} as const;

export type PipelineName = keyof typeof PIPELINES;
export const PIPELINE_NAMES = Object.keys(PIPELINES) as PipelineName[];

export interface Pipeline {
  name: PipelineName;
  /** The options as checked (defaults filled in): buildPipeline(name, options) builds the same pipeline again. */
  options: unknown;
  /** Model input name → shape of one patient's tensor (no batch dimension). */
  shapes: Record<string, number[]>;
  run: (input: PipelineInput) => PipelineOutput;
  /**
   * The indices (in series order) of the images `run` reads from a series of `count`: `run` on just those,
   * in order, gives exactly what it gives on the whole series. Scoring decodes nothing else.
   */
  imagesRead: (count: number) => number[];
}

/** The pipeline a manifest names, with its options checked (defaults filled in). Throws naming the bad option. */
export function buildPipeline(name: string, options: unknown = {}): Pipeline {
  const entry = PIPELINES[name as PipelineName];
  if (!entry) throw new Error(`unknown preprocessing pipeline "${name}"; known: ${PIPELINE_NAMES.join(", ")}`);
  const parsed = entry.options.safeParse(options);
  if (!parsed.success)
    throw new Error(
      `pipeline ${name}: options.${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`,
    );
  const o = parsed.data as never;
  return {
    name: name as PipelineName,
    options: parsed.data,
    shapes: (entry.shapes as (o: never) => Record<string, number[]>)(o),
    run: (entry.build as (o: never) => (input: PipelineInput) => PipelineOutput)(o),
    imagesRead: (entry.imagesRead as (o: never) => (count: number) => number[])(o),
  };
}
