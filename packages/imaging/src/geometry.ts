// Geometric steps. Layout: Image2D (row-major, single channel). Each records how its output maps back
// to the input grid, so model outputs can be located on the original image.
import type { Image2D } from "./image.js";
import { DegenerateImageError } from "./intensity.js";

export interface ResizeGeometry {
  /** Input pixels per output pixel along rows and columns. */
  scaleRow: number;
  scaleCol: number;
  /** Zero padding before the resized content (output pixels). */
  padTop: number;
  padLeft: number;
  /** Size of the resized content inside the padded output. */
  contentRows: number;
  contentColumns: number;
}

/**
 * Bilinear resize to rows × columns with pixel-area-aligned sampling: output (r, c) samples the input
 * at ((r + ½)·inRows/outRows − ½, (c + ½)·inCols/outCols − ½), edges replicated.
 * skimage: transform.resize(x, (rows, columns), order=1, mode="edge", anti_aliasing=False, preserve_range=True).
 */
export function resizeBilinear(input: Image2D, rows: number, columns: number): Image2D {
  if (rows < 1 || columns < 1) throw new DegenerateImageError(`cannot resize to ${rows}×${columns}`);
  const out = new Float32Array(rows * columns);
  const sr = input.rows / rows;
  const sc = input.columns / columns;
  for (let r = 0; r < rows; r++) {
    const y = Math.min(input.rows - 1, Math.max(0, (r + 0.5) * sr - 0.5));
    const y0 = Math.floor(y);
    const y1 = Math.min(input.rows - 1, y0 + 1);
    const fy = y - y0;
    for (let c = 0; c < columns; c++) {
      const x = Math.min(input.columns - 1, Math.max(0, (c + 0.5) * sc - 0.5));
      const x0 = Math.floor(x);
      const x1 = Math.min(input.columns - 1, x0 + 1);
      const fx = x - x0;
      const top = input.data[y0 * input.columns + x0]! * (1 - fx) + input.data[y0 * input.columns + x1]! * fx;
      const bottom = input.data[y1 * input.columns + x0]! * (1 - fx) + input.data[y1 * input.columns + x1]! * fx;
      out[r * columns + c] = top * (1 - fy) + bottom * fy;
    }
  }
  return { data: out, rows, columns };
}

/**
 * Resize keeping the aspect ratio so the image fits rows × columns, centred, zero-padded.
 * 5×5 example: a 2×4 input into 4×4 → content 2×4 scaled ×1 (no change), 1 row of zeros above and below.
 */
export function resizeKeepAspect(options: {
  rows: number;
  columns: number;
}): (input: Image2D) => Image2D & { geometry: ResizeGeometry } {
  return (input) => {
    const scale = Math.min(options.rows / input.rows, options.columns / input.columns);
    const contentRows = Math.max(1, Math.round(input.rows * scale));
    const contentColumns = Math.max(1, Math.round(input.columns * scale));
    const content = resizeBilinear(input, contentRows, contentColumns);
    const padTop = Math.floor((options.rows - contentRows) / 2);
    const padLeft = Math.floor((options.columns - contentColumns) / 2);
    const out = new Float32Array(options.rows * options.columns);
    for (let r = 0; r < contentRows; r++)
      out.set(
        content.data.subarray(r * contentColumns, (r + 1) * contentColumns),
        (r + padTop) * options.columns + padLeft,
      );
    return {
      data: out,
      rows: options.rows,
      columns: options.columns,
      geometry: {
        scaleRow: input.rows / contentRows,
        scaleCol: input.columns / contentColumns,
        padTop,
        padLeft,
        contentRows,
        contentColumns,
      },
    };
  };
}

/**
 * Resample to a target pixel spacing (mm): new size = round(size · spacing / target).
 * skimage: the same resize to the new shape.
 */
export function resampleToSpacing(input: Image2D, spacing: [number, number], target: [number, number]): Image2D {
  return resizeBilinear(input, ...resampledSize(input, spacing, target));
}

/** The rows × columns resampleToSpacing gives `input` (its pixels `spacing` mm apart) at `target` mm. */
export function resampledSize(
  input: { rows: number; columns: number },
  spacing: [number, number],
  target: [number, number],
): [number, number] {
  if (!(spacing[0] > 0 && spacing[1] > 0 && target[0] > 0 && target[1] > 0))
    throw new DegenerateImageError(`pixel spacings must be positive: ${spacing} → ${target}`);
  return [
    Math.max(1, Math.round((input.rows * spacing[0]) / target[0])),
    Math.max(1, Math.round((input.columns * spacing[1]) / target[1])),
  ];
}

/**
 * cropAround(crop)(resizeBilinear(input, rows, columns)).data — the same values bit for bit, the same error —
 * computing only the crop's pixels of the resized image, not all of it (a radiograph resampled whole for
 * five 64 × 64 patches was most of a patient's preprocessing). `valueAt(i)`: the input's value at index i,
 * where a pixelwise step is fused in front (it must return what that step would have stored, as float32).
 * `then(v)`: a pixelwise step fused behind, on each resized value as stored (float32), before the crop — as
 * cropAround(crop)(step(resizeBilinear(…))); the crop's pixels outside the image stay 0, as cropAround leaves them.
 */
export function resizeBilinearCrop(
  input: { rows: number; columns: number },
  valueAt: (i: number) => number,
  size: [number, number],
  crop: { centerRow: number; centerCol: number; rows: number; columns: number },
  then?: (v: number) => number,
): Float32Array {
  const [rows, columns] = size;
  if (rows < 1 || columns < 1) throw new DegenerateImageError(`cannot resize to ${rows}×${columns}`);
  const { top, left } = cropBox(crop, rows, columns);
  const out = new Float32Array(crop.rows * crop.columns);
  const sr = input.rows / rows;
  const sc = input.columns / columns;
  // The arithmetic of resizeBilinear, for the crop's rows and columns inside the resized image only.
  for (let r = Math.max(0, top); r < Math.min(rows, top + crop.rows); r++) {
    const y = Math.min(input.rows - 1, Math.max(0, (r + 0.5) * sr - 0.5));
    const y0 = Math.floor(y);
    const y1 = Math.min(input.rows - 1, y0 + 1);
    const fy = y - y0;
    for (let c = Math.max(0, left); c < Math.min(columns, left + crop.columns); c++) {
      const x = Math.min(input.columns - 1, Math.max(0, (c + 0.5) * sc - 0.5));
      const x0 = Math.floor(x);
      const x1 = Math.min(input.columns - 1, x0 + 1);
      const fx = x - x0;
      const topRow = valueAt(y0 * input.columns + x0) * (1 - fx) + valueAt(y0 * input.columns + x1) * fx;
      const bottom = valueAt(y1 * input.columns + x0) * (1 - fx) + valueAt(y1 * input.columns + x1) * fx;
      // Stored as float32 by resizeBilinear (then by the step behind, if any), then copied by cropAround.
      const resized = topRow * (1 - fy) + bottom * fy;
      out[(r - top) * crop.columns + (c - left)] = then ? then(Math.fround(resized)) : resized;
    }
  }
  return out;
}

export interface CropBox {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/**
 * rows × columns crop centred on (centerRow, centerCol) (top-left = centre − floor(size/2)); pixels
 * outside the input are 0. Throws when the crop does not overlap the image at all.
 * 5×5 example: a 3×3 crop at (0, 0) of a 5×5 input keeps 2×2 of it, the first row and column zero.
 */
export function cropAround(options: {
  centerRow: number;
  centerCol: number;
  rows: number;
  columns: number;
}): (input: Image2D) => Image2D & { box: CropBox } {
  return (input) => {
    const { top, left } = cropBox(options, input.rows, input.columns);
    const out = new Float32Array(options.rows * options.columns);
    for (let r = 0; r < options.rows; r++) {
      const y = top + r;
      if (y < 0 || y >= input.rows) continue;
      for (let c = 0; c < options.columns; c++) {
        const x = left + c;
        if (x >= 0 && x < input.columns) out[r * options.columns + c] = input.data[y * input.columns + x]!;
      }
    }
    return {
      data: out,
      rows: options.rows,
      columns: options.columns,
      box: { top, left, rows: options.rows, columns: options.columns },
    };
  };
}

/** cropAround's top-left corner; DegenerateImageError when the crop does not overlap the image. */
function cropBox(
  crop: { centerRow: number; centerCol: number; rows: number; columns: number },
  rows: number,
  columns: number,
): { top: number; left: number } {
  const top = Math.round(crop.centerRow) - Math.floor(crop.rows / 2);
  const left = Math.round(crop.centerCol) - Math.floor(crop.columns / 2);
  if (top >= rows || left >= columns || top + crop.rows <= 0 || left + crop.columns <= 0) {
    throw new DegenerateImageError(
      `crop ${crop.rows}×${crop.columns} at (${crop.centerRow}, ${crop.centerCol}) lies outside the ${rows}×${columns} image`,
    );
  }
  return { top, left };
}

/** numpy's round (half to even), so slice choices match np.linspace(...).round(). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * `count` equidistant indices over 0..n−1 (first and last included). numpy: np.round(np.linspace(0, n − 1, count)).
 * Example: n = 33, count = 14 → 0, 2, 5, 7, 10, 12, 15, 17, 20, 22, 25, 27, 30, 32.
 */
export function equidistantIndices(n: number, count: number): number[] {
  if (n < count) throw new DegenerateImageError(`cannot pick ${count} slices from ${n}`);
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, k) => roundHalfEven((k * (n - 1)) / (count - 1)));
}
