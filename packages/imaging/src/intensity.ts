// Intensity steps. Layout: Image2D (row-major, single channel).
import type { Image2D, Step } from "./image.js";

export class DegenerateImageError extends Error {
  override name = "DegenerateImageError";
}

export interface WindowOptions {
  /** Values ≤ low map to outLow, ≥ high to outHigh, linearly in between (e.g. HU −200…1000 → −1…1). */
  low: number;
  high: number;
  outLow?: number;
  outHigh?: number;
}

/**
 * Clip to [low, high] and rescale linearly to [outLow, outHigh] (default −1…1).
 * 5×5 example (low −200, high 1000): −1000 → −1, −200 → −1, 400 → 0, 1000 → 1, 3000 → 1.
 * Throws DegenerateImageError when high ≤ low. numpy: np.clip((x − low)/(high − low), 0, 1)·(outHigh − outLow) + outLow.
 */
export function windowIntensity(options: WindowOptions): Step {
  const { low, high } = options;
  if (!(high > low)) throw new DegenerateImageError(`window high (${high}) must exceed low (${low})`);
  const value = windowValue(options);
  return (input: Image2D) => {
    const out = new Float32Array(input.data.length);
    for (let i = 0; i < out.length; i++) out[i] = value(input.data[i]!);
    return { ...input, data: out };
  };
}

/** One value as windowIntensity computes it (before it is stored as float32): for steps that fuse it in. */
export function windowValue(options: WindowOptions): (v: number) => number {
  const { low, high, outLow = -1, outHigh = 1 } = options;
  const span = high - low;
  return (v) => Math.min(1, Math.max(0, (v - low) / span)) * (outHigh - outLow) + outLow;
}

/**
 * Min-max normalisation to [outLow, outHigh] (default 0…1): (x − min)/(max − min).
 * 5×5 example: values 10…50 → 0…1. Throws DegenerateImageError on a constant image.
 * numpy: (x − x.min()) / (x.max() − x.min()).
 */
export function minMaxNormalize(options: { outLow?: number; outHigh?: number } = {}): Step {
  const { outLow = 0, outHigh = 1 } = options;
  return (input: Image2D) => {
    const data = input.data;
    const { min, max } = minMaxOf(data);
    const out = new Float32Array(data.length);
    const span = max - min;
    const outSpan = outHigh - outLow;
    for (let i = 0; i < out.length; i++) out[i] = minMaxValue(data[i]!, min, span, outSpan, outLow);
    return { ...input, data: out };
  };
}

/**
 * The smallest and largest value; DegenerateImageError when they are equal (minMaxNormalize cannot scale), or
 * when a value is NaN (nothing can be scaled by a NaN range).
 */
export function minMaxOf(data: ArrayLike<number>): { min: number; max: number } {
  // An indexed loop over locals with Math.min/max: half the time of compare-and-branch on noisy pixel values
  // (for…of over the typed array cost 4× as much).
  let min = Infinity;
  let max = -Infinity;
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (Number.isNaN(min)) throw new DegenerateImageError("cannot min-max normalise an image with NaN values");
  if (!(max > min)) throw new DegenerateImageError(`cannot min-max normalise a constant image (all values ${min})`);
  return { min, max };
}

/** One value as minMaxNormalize computes it (before it is stored as float32): for steps that fuse it in. */
export const minMaxValue = (v: number, min: number, span: number, outSpan: number, outLow: number): number =>
  ((v - min) / span) * outSpan + outLow;
