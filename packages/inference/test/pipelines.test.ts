// xray-vertebral-patches computes only the patches' pixels of the resampled radiograph (the normalisation fused
// in), ct-bone-muscle-slices only the crops' pixels of each resampled slice (the window fused behind): each must
// give, bit for bit, what the steps give composed the long way round — the whole image normalised (or windowed)
// and resampled to the target spacing, then cropped — and fail with the same errors.
import { describe, expect, it } from "vitest";
import {
  cropAround,
  equidistantIndices,
  minMaxNormalize,
  resampleToSpacing,
  windowIntensity,
  type DecodedDicom,
  type Image2D,
} from "@fracval/imaging";
import { buildPipeline, type PipelineInput } from "../src/index.js";

const LEVELS = ["L1", "L2", "L3", "L4", "L5"];

/** The reference: each step on the whole image, as the pipeline was first written. */
function patchesTheLongWay(input: PipelineInput, spacingMm: number, patch: number): Float32Array {
  const radiograph = input.images[0]!;
  const resampled = resampleToSpacing(minMaxNormalize()(radiograph.image), radiograph.pixelSpacing!, [
    spacingMm,
    spacingMm,
  ]);
  const out = new Float32Array(LEVELS.length * patch * patch);
  LEVELS.forEach((level, k) => {
    const [x, y] = input.landmarks![level]!;
    const row = ((y + 0.5) * resampled.rows) / radiograph.image.rows - 0.5;
    const col = ((x + 0.5) * resampled.columns) / radiograph.image.columns - 0.5;
    out.set(
      cropAround({ centerRow: row, centerCol: col, rows: patch, columns: patch })(resampled).data,
      k * patch * patch,
    );
  });
  return out;
}

/** A deterministic pseudo-random number generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function radiograph(rows: number, columns: number, spacing: [number, number], next: () => number): DecodedDicom {
  // 12-bit stored values with a slope and intercept, as the decoder returns them (float32).
  const data = new Float32Array(rows * columns);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(next() * 4096) * 0.5 - 1024;
  const image: Image2D = { data, rows, columns };
  return { image, pixelSpacing: spacing, modality: "DX", photometric: "MONOCHROME2" };
}

/** What f throws (its message), or "no error". */
function message(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
}

const bytesOf = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe("xray-vertebral-patches", () => {
  it("gives the whole-image steps' patches bit for bit: finer and coarser spacings, centres inside and on edges", () => {
    const next = random(2026);
    const cases: Array<{ rows: number; columns: number; spacing: [number, number]; spacingMm: number; patch: number }> =
      [
        { rows: 1024, columns: 512, spacing: [0.15, 0.15], spacingMm: 0.8, patch: 64 },
        { rows: 777, columns: 333, spacing: [0.14, 0.19], spacingMm: 0.8, patch: 64 },
        { rows: 300, columns: 260, spacing: [1.1, 0.9], spacingMm: 0.8, patch: 32 }, // upsampled
        { rows: 640, columns: 480, spacing: [0.2, 0.2], spacingMm: 0.5, patch: 65 }, // odd patch
      ];
    let compared = 0;
    for (const c of cases) {
      const image = radiograph(c.rows, c.columns, c.spacing, next);
      const { run } = buildPipeline("xray-vertebral-patches", { spacingMm: c.spacingMm, patch: c.patch });
      for (let trial = 0; trial < 6; trial++) {
        // Centres anywhere in the image, the first trial's on its corners and edges (patches cut by the border).
        const corner = (k: number): [number, number] =>
          [
            [0, 0],
            [c.columns - 1, c.rows - 1],
            [0, c.rows - 1],
            [c.columns - 1, 0],
            [c.columns / 2, 0.4],
          ][k] as [number, number];
        const landmarks = Object.fromEntries(
          LEVELS.map((level, k) => [
            level,
            trial === 0 ? corner(k) : ([next() * c.columns, next() * c.rows] as [number, number]),
          ]),
        );
        const input = { images: [image], landmarks };
        const fused = run(input).patches!;
        const reference = patchesTheLongWay(input, c.spacingMm, c.patch);
        expect(fused.length).toBe(reference.length);
        expect(bytesOf(fused).equals(bytesOf(reference))).toBe(true);
        compared++;
      }
    }
    expect(compared).toBe(24);
  });

  it("fails as the whole-image steps do: a constant image, a patch outside the image, no centre, no spacing", () => {
    const { run } = buildPipeline("xray-vertebral-patches", {});
    const next = random(7);
    const image = radiograph(400, 200, [0.15, 0.15], next);
    const inside = Object.fromEntries(LEVELS.map((l) => [l, [100, 200] as [number, number]]));
    const constant: DecodedDicom = { ...image, image: { ...image.image, data: new Float32Array(400 * 200).fill(3) } };
    expect(message(() => run({ images: [constant], landmarks: inside }))).toBe(
      message(() => patchesTheLongWay({ images: [constant], landmarks: inside }, 0.8, 64)),
    );
    const outside = { ...inside, L3: [5000, 200] as [number, number] };
    expect(message(() => run({ images: [image], landmarks: outside }))).toBe(
      message(() => patchesTheLongWay({ images: [image], landmarks: outside }, 0.8, 64)),
    );
    expect(message(() => run({ images: [image], landmarks: outside }))).toMatch(/lies outside the 75×38 image/);
    expect(message(() => run({ images: [image], landmarks: { L1: [1, 1] } }))).toMatch(/no centre for L2/);
    expect(message(() => run({ images: [{ ...image, pixelSpacing: null }], landmarks: inside }))).toMatch(
      /states no pixel spacing/,
    );
  });
});

/** ct-bone-muscle-slices the long way: each chosen slice resampled whole, windowed whole, then cropped twice. */
function ctTheLongWay(input: PipelineInput): { bone: Float32Array; bone_muscle: Float32Array } {
  const window = windowIntensity({ low: -200, high: 1000 });
  const [x, y] = input.landmarks!.body!;
  const chosen = equidistantIndices(input.images.length, 14);
  const bone = new Float32Array(14 * 96 * 96);
  const boneMuscle = new Float32Array(14 * 96 * 144);
  chosen.forEach((index, k) => {
    const slice = input.images[index]!;
    const scaled = window(resampleToSpacing(slice.image, slice.pixelSpacing!, [1, 1]));
    const row = ((y + 0.5) * scaled.rows) / slice.image.rows - 0.5;
    const col = ((x + 0.5) * scaled.columns) / slice.image.columns - 0.5;
    bone.set(cropAround({ centerRow: row, centerCol: col, rows: 96, columns: 96 })(scaled).data, k * 96 * 96);
    const muscle = cropAround({ centerRow: row + 16, centerCol: col, rows: 96, columns: 144 })(scaled);
    boneMuscle.set(muscle.data, k * 96 * 144);
  });
  return { bone, bone_muscle: boneMuscle };
}

/** A CT slice in HU (−1024…2071, so the −200…1000 window clips on both sides), as the decoder returns it. */
function ctSlice(rows: number, columns: number, spacing: [number, number], next: () => number): DecodedDicom {
  const data = new Float32Array(rows * columns);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(next() * 3096) - 1024;
  return { image: { data, rows, columns }, pixelSpacing: spacing, modality: "CT", photometric: "MONOCHROME2" };
}

describe("ct-bone-muscle-slices", () => {
  it("gives the whole-slice steps' crops bit for bit: finer and coarser spacings, centres inside and by the edges", () => {
    const next = random(2027);
    const { run } = buildPipeline("ct-bone-muscle-slices", {});
    const cases: Array<{ rows: number; columns: number; spacing: [number, number]; slices: number }> = [
      { rows: 512, columns: 512, spacing: [0.7, 0.7], slices: 33 },
      { rows: 512, columns: 512, spacing: [0.98, 0.98], slices: 14 },
      { rows: 301, columns: 257, spacing: [1.3, 1.1], slices: 20 }, // upsampled, odd sizes
      { rows: 180, columns: 240, spacing: [0.6, 0.8], slices: 15 }, // crops wider than the resampled slice
    ];
    let compared = 0;
    for (const c of cases) {
      const images = Array.from({ length: c.slices }, () => ctSlice(c.rows, c.columns, c.spacing, next));
      const centres: [number, number][] = [
        [c.columns / 2, c.rows / 2],
        [0, 0],
        [c.columns - 1, c.rows - 1],
        [next() * c.columns, next() * c.rows],
      ];
      for (const body of centres) {
        const input = { images, landmarks: { body } };
        const fused = run(input);
        const reference = ctTheLongWay(input);
        for (const name of ["bone", "bone_muscle"] as const) {
          expect(fused[name]!.length).toBe(reference[name].length);
          expect(bytesOf(fused[name]!).equals(bytesOf(reference[name]))).toBe(true);
        }
        compared++;
      }
    }
    expect(compared).toBe(16);
  });

  it("fails as the whole-slice steps do: a centre off the slice, no centre, no spacing, too few slices", () => {
    const { run } = buildPipeline("ct-bone-muscle-slices", {});
    const next = random(8);
    const images = Array.from({ length: 14 }, () => ctSlice(200, 200, [0.8, 0.8], next));
    const off = { body: [100, 5000] as [number, number] };
    expect(message(() => run({ images, landmarks: off }))).toBe(
      message(() => ctTheLongWay({ images, landmarks: off })),
    );
    expect(message(() => run({ images, landmarks: off }))).toMatch(/lies outside the 160×160 image/);
    expect(message(() => run({ images, landmarks: {} }))).toMatch(/no vertebral body centre/);
    const noSpacing = images.map((image) => ({ ...image, pixelSpacing: null }));
    expect(message(() => run({ images: noSpacing, landmarks: { body: [100, 100] } }))).toMatch(/no pixel spacing/);
    expect(message(() => run({ images: images.slice(0, 13), landmarks: { body: [100, 100] } }))).toMatch(
      /has 13 slices; 14 are needed/,
    );
  });
});
