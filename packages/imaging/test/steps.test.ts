// Each step on a worked 5×5 example, and the whole set against numpy/scikit-image (reference/parity.json).
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  clahe,
  compose,
  cropAround,
  DegenerateImageError,
  equidistantIndices,
  image,
  minMaxNormalize,
  resampleToSpacing,
  resizeBilinear,
  resizeKeepAspect,
  windowIntensity,
} from "../src/index.js";

const five = (values: number[]) => image(5, 5, Float32Array.from(values));
const grid = five(Array.from({ length: 25 }, (_, i) => i)); // 0..24, value = 5·row + column

describe("worked 5×5 examples", () => {
  it("windowIntensity: HU −200…1000 → −1…1, clipped outside", () => {
    const out = windowIntensity({ low: -200, high: 1000 })(
      five([-1000, -200, 400, 1000, 3000, ...new Array(20).fill(400)]),
    );
    expect(Array.from(out.data.slice(0, 5))).toEqual([-1, -1, 0, 1, 1]);
    expect(() => windowIntensity({ low: 5, high: 5 })).toThrow(DegenerateImageError);
  });

  it("minMaxNormalize: 0…24 → 0…1; a constant image, or one with a NaN value, throws", () => {
    const out = minMaxNormalize()(grid);
    expect(out.data[0]).toBe(0);
    expect(out.data[24]).toBe(1);
    expect(out.data[12]).toBeCloseTo(0.5, 7);
    expect(() => minMaxNormalize()(five(new Array(25).fill(3)))).toThrow(/constant image/);
    // A NaN pixel (a rescale slope that did not parse) would make every output NaN: the image is refused.
    expect(() => minMaxNormalize()(five([...new Array(24).fill(3), Number.NaN]))).toThrow(/NaN values/);
    expect(() => minMaxNormalize()(five([Number.NaN, ...Array.from({ length: 24 }, (_, k) => k)]))).toThrow(
      DegenerateImageError,
    );
  });

  it("resizeBilinear to the same size is the identity; 5×5 → 1×1 is the centre", () => {
    expect(Array.from(resizeBilinear(grid, 5, 5).data)).toEqual(Array.from(grid.data));
    expect(resizeBilinear(grid, 1, 1).data[0]).toBe(12);
  });

  it("resizeKeepAspect: a 2×5 strip into 5×5 is centred with zero rows and records its geometry", () => {
    const strip = image(2, 5, Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const out = resizeKeepAspect({ rows: 5, columns: 5 })(strip);
    expect(out.geometry).toEqual({
      scaleRow: 1,
      scaleCol: 1,
      padTop: 1,
      padLeft: 0,
      contentRows: 2,
      contentColumns: 5,
    });
    expect(Array.from(out.data.slice(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(out.data.slice(5, 10))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(out.data.slice(15, 25))).toEqual(new Array(10).fill(0));
  });

  it("cropAround: 3×3 at (0, 0) keeps 2×2 of the image, zeros outside; a crop off the image throws", () => {
    const out = cropAround({ centerRow: 0, centerCol: 0, rows: 3, columns: 3 })(grid);
    expect(Array.from(out.data)).toEqual([0, 0, 0, 0, 0, 1, 0, 5, 6]);
    expect(out.box).toEqual({ top: -1, left: -1, rows: 3, columns: 3 });
    expect(() => cropAround({ centerRow: 40, centerCol: 40, rows: 3, columns: 3 })(grid)).toThrow(/outside/);
  });

  it("compose applies steps left to right", () => {
    const pipeline = compose(windowIntensity({ low: 0, high: 24, outLow: 0, outHigh: 1 }), (x) =>
      cropAround({ centerRow: 2, centerCol: 2, rows: 1, columns: 1 })(x),
    );
    expect(pipeline(grid).data[0]).toBeCloseTo(0.5, 7);
  });

  it("equidistantIndices: 14 of 33 slices, first and last included", () => {
    expect(equidistantIndices(33, 14)).toEqual([0, 2, 5, 7, 10, 12, 15, 17, 20, 22, 25, 27, 30, 32]);
    expect(() => equidistantIndices(10, 14)).toThrow(/14 slices from 10/);
  });
});

describe("CLAHE on small cases", () => {
  it("spreads a narrow band of grey levels over 0…1", () => {
    const x = image(
      16,
      16,
      Float32Array.from({ length: 256 }, (_, i) => 0.4 + 0.1 * (i / 255)),
    );
    const out = clahe()(x);
    expect(Math.min(...out.data)).toBe(0);
    expect(Math.max(...out.data)).toBe(1);
  });
  it("refuses values outside [0, 1] and a constant image", () => {
    expect(() => clahe()(five([2, ...new Array(24).fill(0.5)]))).toThrow(/\[0, 1\]; pixel 0 is 2/);
    expect(() => clahe()(five(new Array(25).fill(0.5)))).toThrow(DegenerateImageError);
  });

  // The sha256 of each output as computed before CLAHE looked values, reflections and tiles up in tables
  // (that version matches skimage to 1e-6 below): the same bytes, ties to even and odd sizes included.
  it("gives the same bytes as the per-pixel version on radiograph-sized, odd-sized and tie-heavy images", () => {
    const lcg = (seed: number) => {
      let state = seed >>> 0;
      return () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 2 ** 32;
      };
    };
    const radiograph = (rows: number, columns: number, seed: number) => {
      const random = lcg(seed);
      const data = new Float32Array(rows * columns);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < columns; j++) {
          const spine = Math.abs(j - columns / 2) < columns / 10 ? 0.2 : 0;
          const v = 0.3 + 0.4 * Math.sin(i / 37) * Math.cos(j / 23) + 0.1 * (random() - 0.5) + spine;
          data[i * columns + j] = Math.min(1, Math.max(0, v));
        }
      return data;
    };
    const ties = (rows: number, columns: number, seed: number) => {
      const random = lcg(seed);
      const pool = [0, 1, 0.5, 0.25, 0.75, 1 / 3, 0.125];
      const data = new Float32Array(rows * columns);
      for (let i = 0; i < data.length; i++)
        data[i] = random() < 0.5 ? pool[Math.floor(random() * pool.length)]! : Math.fround(random());
      return data;
    };
    const cases = [
      {
        name: "radiograph 1024x512 default",
        input: image(1024, 512, radiograph(1024, 512, 1)),
        options: { clipLimit: 0.01 },
      },
      {
        name: "radiograph 1024x512 clip 0.03",
        input: image(1024, 512, radiograph(1024, 512, 2)),
        options: { clipLimit: 0.03 },
      },
      {
        name: "odd 37x53 kernel 5x7 nbins 128",
        input: image(37, 53, ties(37, 53, 3)),
        options: { kernelSize: [5, 7] as [number, number], clipLimit: 0.02, nbins: 128 },
      },
      { name: "ties 300x200 no clipping", input: image(300, 200, ties(300, 200, 4)), options: { clipLimit: 0 } },
      {
        name: "8x8 kernel 3x3",
        input: image(8, 8, ties(8, 8, 5)),
        options: { kernelSize: [3, 3] as [number, number] },
      },
      { name: "1x40 row", input: image(1, 40, ties(1, 40, 6)), options: {} },
    ];
    const expected: Record<string, string> = {
      "radiograph 1024x512 default": "589726399b3cfab89588e807de49a42a0ea69c618b1f5468bdcef274936fc864",
      "radiograph 1024x512 clip 0.03": "dd8c17d42aa41e72a1c9acc13e00dd1817272d84c1948f91c8c19a4b1d4a662b",
      "odd 37x53 kernel 5x7 nbins 128": "7298f90f1eb76fd9994a30dc10a234163292419d106e7f29da8061c46e3b963a",
      "ties 300x200 no clipping": "79d9d3f06fb51722f108cda5f161ccf992498da54629ddad1ee448636c48adfb",
      "8x8 kernel 3x3": "895117ba890f84a153af10b83bb593a3a2ff038bfe73bc10e032f7f752063cc8",
      "1x40 row": "34070367544647b9696e1d7fea40f507b786bae1a6df081d57c48a2f6a169740",
    };
    for (const { name, input, options } of cases) {
      const out = clahe(options)(input).data;
      const digest = createHash("sha256")
        .update(new Uint8Array(out.buffer, out.byteOffset, out.byteLength))
        .digest("hex");
      expect(digest, name).toBe(expected[name]);
    }
  });
});

describe("parity with numpy / scikit-image (max |difference| ≤ 1e-4)", () => {
  const ref = JSON.parse(readFileSync(new URL("../reference/parity.json", import.meta.url), "utf8"));
  const input = image(ref.input.rows, ref.input.columns, Float32Array.from(ref.input.data));
  const maxDiff = (a: Float32Array, b: number[]) => {
    expect(a.length).toBe(b.length);
    return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
  };
  // Reference values span −1000…1500, so float32 rounding alone is ~1e-4 there: compare the [−1, 1]
  // and [0, 1] outputs directly and the raw-scale outputs relative to the 2500 range.
  it("window and min-max", () => {
    expect(maxDiff(windowIntensity({ low: -200, high: 1000 })(input).data, ref.window)).toBeLessThanOrEqual(1e-4);
    expect(maxDiff(minMaxNormalize()(input).data, ref.minmax)).toBeLessThanOrEqual(1e-4);
  });
  it("bilinear resize, aspect-keeping resize with padding, resampling, crop", () => {
    expect(maxDiff(resizeBilinear(input, 64, 40).data, ref.resize) / 2500).toBeLessThanOrEqual(1e-4);
    expect(maxDiff(resizeKeepAspect({ rows: 48, columns: 48 })(input).data, ref.keepAspect) / 2500).toBeLessThanOrEqual(
      1e-4,
    );
    const resampled = resampleToSpacing(input, [0.7, 0.7], [1, 1]);
    expect([resampled.rows, resampled.columns]).toEqual([ref.resample.rows, ref.resample.columns]);
    expect(maxDiff(resampled.data, ref.resample.data) / 2500).toBeLessThanOrEqual(1e-4);
    expect(
      maxDiff(cropAround({ centerRow: 5, centerCol: 20, rows: 16, columns: 16 })(input).data, ref.crop) / 2500,
    ).toBeLessThanOrEqual(1e-4);
  });
  it("CLAHE = skimage equalize_adapthist (default and explicit kernels, no clipping, a radiograph-like image)", () => {
    for (const c of ref.clahe) {
      const x = image(c.input.rows, c.input.columns, Float32Array.from(c.input.data));
      const out = clahe({
        ...(c.kernelSize ? { kernelSize: c.kernelSize } : {}),
        clipLimit: c.clipLimit,
        nbins: c.nbins,
      })(x);
      expect(maxDiff(out.data, c.output)).toBeLessThanOrEqual(1e-6);
    }
  });
  it("equidistant slice indices", () => {
    for (const { n, count, indices } of ref.equidistant) expect(equidistantIndices(n, count)).toEqual(indices);
  });
});
