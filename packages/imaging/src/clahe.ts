// Contrast-limited adaptive histogram equalisation, a line-for-line port of scikit-image 0.19's
// `exposure.equalize_adapthist` (Zuiderveld, Graphics Gems IV) so that a model trained on skimage's
// output sees the same numbers here: the same 14-bit quantisation, reflect padding, integer clip
// limit, the same excess redistribution loop, truncations and float32 accumulation order.
import type { Image2D, Step } from "./image.js";
import { DegenerateImageError } from "./intensity.js";

const NR_OF_GRAY = 2 ** 14;

export interface ClaheOptions {
  /** Contextual region size (rows, columns); default 1/8 of the image in each dimension. */
  kernelSize?: [number, number];
  /** Normalised clip limit, 0…1 (default 0.01). */
  clipLimit?: number;
  /** Histogram bins (default 256). */
  nbins?: number;
}

/** numpy's rint / round: half to even. Math.round takes halves up, so x lay exactly half way when r − x is 0.5. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** numpy 'reflect' padding index (edge not repeated), for pads shorter than the dimension. */
function reflect(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  let j = ((i % period) + period) % period;
  if (j >= n) j = period - j;
  return j;
}

/** skimage `clip_histogram`: clip at `limit`, then hand the excess back bin by bin, exactly as skimage does. */
function clipHistogram(hist: Int32Array, limit: number): void {
  let excess = 0;
  for (let b = 0; b < hist.length; b++) {
    if (hist[b]! > limit) {
      excess += hist[b]! - limit;
      hist[b] = limit;
    }
  }
  const increment = Math.floor(excess / hist.length);
  const upper = limit - increment;
  for (let b = 0; b < hist.length; b++) {
    if (hist[b]! < upper) {
      excess -= increment;
      hist[b]! += increment;
    }
  }
  // skimage tests "upper ≤ bin < limit" after the increments, so a bin just raised can be capped too.
  for (let b = 0; b < hist.length; b++) {
    if (hist[b]! >= upper && hist[b]! < limit) {
      excess += hist[b]! - limit;
      hist[b] = limit;
    }
  }
  while (excess > 0) {
    const before = excess;
    for (let index = 0; index < hist.length; index++) {
      let under = 0;
      for (let b = 0; b < hist.length; b++) if (hist[b]! < limit) under++;
      const step = Math.max(1, Math.floor(under / excess));
      let added = 0;
      for (let b = index; b < hist.length; b += step) {
        if (hist[b]! < limit) {
          hist[b]! += 1;
          added++;
        }
      }
      excess -= added;
      if (excess <= 0) break;
    }
    if (before === excess) break;
  }
}

/**
 * CLAHE of an image with values in [0, 1]; output in [0, 1] (rescaled to its own min…max, as skimage).
 * skimage: exposure.equalize_adapthist(x.astype(np.float32), kernel_size, clip_limit, nbins).
 * Throws DegenerateImageError outside [0, 1] (skimage raises there too) or on a constant image.
 */
export function clahe(options: ClaheOptions = {}): Step {
  const clipLimit = options.clipLimit ?? 0.01;
  const nbins = options.nbins ?? 256;
  return (input: Image2D) => {
    const { rows, columns } = input;
    const n = rows * columns;
    // img_as_uint (float32 arithmetic, rint), then rescale_intensity to 0…2^14−1 (float64) and round.
    const u16 = new Uint16Array(n);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = input.data[i]!;
      if (!(x >= 0 && x <= 1)) throw new DegenerateImageError(`CLAHE needs values in [0, 1]; pixel ${i} is ${x}`);
      const v = Math.min(65535, Math.max(0, rint(Math.fround(x * 65535))));
      u16[i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (max === min) throw new DegenerateImageError(`cannot equalise a constant image (all values ${input.data[0]})`);

    const kr = Math.trunc(options.kernelSize?.[0] ?? Math.max(Math.floor(rows / 8), 1));
    const kc = Math.trunc(options.kernelSize?.[1] ?? Math.max(Math.floor(columns / 8), 1));
    const padTop = Math.floor(kr / 2);
    const padLeft = Math.floor(kc / 2);
    const padBottom = ((kr - (rows % kr)) % kr) + Math.ceil(kr / 2);
    const padRight = ((kc - (columns % kc)) % kc) + Math.ceil(kc / 2);
    const R = rows + padTop + padBottom;
    const C = columns + padLeft + padRight;
    const binSize = 1 + Math.floor(NR_OF_GRAY / nbins);
    // Padded image of bin indices. A pixel's bin depends on its 16-bit value alone: rescaled to 14 bits
    // (rescale_intensity, rint), then divided into bins. Each value from min to max is worked out once, and so
    // is the reflection of each padded column.
    const binOfValue = new Uint16Array(max - min + 1);
    for (let u = min; u <= max; u++)
      binOfValue[u - min] = Math.floor(rint(((u - min) / (max - min)) * (NR_OF_GRAY - 1)) / binSize);
    const sourceColumn = new Int32Array(C);
    for (let c = 0; c < C; c++) sourceColumn[c] = reflect(c - padLeft, columns);
    const bins = new Uint16Array(R * C);
    for (let r = 0; r < R; r++) {
      const source = reflect(r - padTop, rows) * columns;
      const row = r * C;
      for (let c = 0; c < C; c++) bins[row + c] = binOfValue[u16[source + sourceColumn[c]!]! - min]!;
    }

    // Grey-level mapping of each contextual region (regions start half a kernel in).
    const histRows = R / kr - 1;
    const histCols = C / kc - 1;
    const pixels = kr * kc;
    const limit = clipLimit > 0 ? Math.trunc(Math.max(clipLimit * pixels, 1)) : pixels;
    const maps = new Int32Array(histRows * histCols * nbins);
    const hist = new Int32Array(nbins);
    for (let hr = 0; hr < histRows; hr++) {
      for (let hc = 0; hc < histCols; hc++) {
        hist.fill(0);
        for (let r = 0; r < kr; r++) {
          const offset = (padTop + hr * kr + r) * C + padLeft + hc * kc;
          for (let c = 0; c < kc; c++) hist[bins[offset + c]!]!++;
        }
        clipHistogram(hist, limit);
        const base = (hr * histCols + hc) * nbins;
        let cumulative = 0;
        for (let b = 0; b < nbins; b++) {
          cumulative += hist[b]!;
          maps[base + b] = Math.trunc(Math.min(cumulative * ((NR_OF_GRAY - 1) / pixels), NR_OF_GRAY - 1));
        }
      }
    }

    // Bilinear interpolation between the four surrounding regions' mappings (edge regions repeated),
    // accumulated in float32 in skimage's corner order, then truncated to integers. A region (tile) lies
    // at tile − 1, clamped to the grid; each column's tiles and fraction are worked out once, not per row.
    // The offset in `maps` of the tile row or column before and after a pixel.
    const tileRowOffset = (tileRow: number) => Math.min(histRows - 1, Math.max(0, tileRow - 1)) * histCols * nbins;
    const tileColumnOffset = (tileCol: number) => Math.min(histCols - 1, Math.max(0, tileCol - 1)) * nbins;
    const columnFraction = new Float64Array(columns);
    const leftTile = new Int32Array(columns);
    const rightTile = new Int32Array(columns);
    for (let c = 0; c < columns; c++) {
      const pc = c + padLeft;
      const bc = Math.floor(pc / kc);
      leftTile[c] = tileColumnOffset(bc);
      rightTile[c] = tileColumnOffset(bc + 1);
      columnFraction[c] = (pc % kc) / kc;
    }
    const equalised = new Float32Array(n);
    let outMin = Infinity;
    let outMax = -Infinity;
    for (let r = 0; r < rows; r++) {
      const pr = r + padTop;
      const br = Math.floor(pr / kr);
      const fr = (pr % kr) / kr;
      const upper = tileRowOffset(br);
      const lower = tileRowOffset(br + 1);
      const binRow = pr * C + padLeft;
      for (let c = 0; c < columns; c++) {
        const fc = columnFraction[c]!;
        const bin = bins[binRow + c]!;
        const left = leftTile[c]! + bin;
        const right = rightTile[c]! + bin;
        let acc = 0;
        acc = Math.fround(acc + Math.fround(maps[upper + left]! * ((1 - fc) * (1 - fr))));
        acc = Math.fround(acc + Math.fround(maps[upper + right]! * (fc * (1 - fr))));
        acc = Math.fround(acc + Math.fround(maps[lower + left]! * ((1 - fc) * fr)));
        acc = Math.fround(acc + Math.fround(maps[lower + right]! * (fc * fr)));
        const v = Math.trunc(acc);
        equalised[r * columns + c] = v;
        if (v < outMin) outMin = v;
        if (v > outMax) outMax = v;
      }
    }
    // rescale_intensity of the float32 result to 0…1.
    const out = new Float32Array(n);
    const span = Math.fround(outMax - outMin);
    for (let i = 0; i < n; i++) out[i] = outMax > outMin ? Math.fround(Math.fround(equalised[i]! - outMin) / span) : 0;
    return { data: out, rows, columns };
  };
}
