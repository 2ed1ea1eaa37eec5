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

/** numpy's rint / round: half to even. */
function rint(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
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
    const quantised = new Uint16Array(n);
    for (let i = 0; i < n; i++) quantised[i] = rint(((u16[i]! - min) / (max - min)) * (NR_OF_GRAY - 1));

    const kr = Math.trunc(options.kernelSize?.[0] ?? Math.max(Math.floor(rows / 8), 1));
    const kc = Math.trunc(options.kernelSize?.[1] ?? Math.max(Math.floor(columns / 8), 1));
    const padTop = Math.floor(kr / 2);
    const padLeft = Math.floor(kc / 2);
    const padBottom = ((kr - (rows % kr)) % kr) + Math.ceil(kr / 2);
    const padRight = ((kc - (columns % kc)) % kc) + Math.ceil(kc / 2);
    const R = rows + padTop + padBottom;
    const C = columns + padLeft + padRight;
    const binSize = 1 + Math.floor(NR_OF_GRAY / nbins);
    // Padded image of bin indices.
    const bins = new Uint16Array(R * C);
    for (let r = 0; r < R; r++) {
      const sr = reflect(r - padTop, rows);
      for (let c = 0; c < C; c++)
        bins[r * C + c] = Math.floor(quantised[sr * columns + reflect(c - padLeft, columns)]! / binSize);
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
    // accumulated in float32 in skimage's corner order, then truncated to integers.
    const mapAt = (tileRow: number, tileCol: number, bin: number) => {
      const tr = Math.min(histRows - 1, Math.max(0, tileRow - 1));
      const tc = Math.min(histCols - 1, Math.max(0, tileCol - 1));
      return maps[(tr * histCols + tc) * nbins + bin]!;
    };
    const equalised = new Float32Array(n);
    let outMin = Infinity;
    let outMax = -Infinity;
    for (let r = 0; r < rows; r++) {
      const pr = r + padTop;
      const br = Math.floor(pr / kr);
      const fr = (pr % kr) / kr;
      for (let c = 0; c < columns; c++) {
        const pc = c + padLeft;
        const bc = Math.floor(pc / kc);
        const fc = (pc % kc) / kc;
        const bin = bins[pr * C + pc]!;
        let acc = 0;
        acc = Math.fround(acc + Math.fround(mapAt(br, bc, bin) * ((1 - fc) * (1 - fr))));
        acc = Math.fround(acc + Math.fround(mapAt(br, bc + 1, bin) * (fc * (1 - fr))));
        acc = Math.fround(acc + Math.fround(mapAt(br + 1, bc, bin) * ((1 - fc) * fr)));
        acc = Math.fround(acc + Math.fround(mapAt(br + 1, bc + 1, bin) * (fc * fr)));
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
