// The one array layout of this package: a single-channel image in row-major order,
// value at (row r, column c) = data[r * columns + c]. Steps never modify their input.

export interface Image2D {
  data: Float32Array;
  rows: number;
  columns: number;
}

export function image(rows: number, columns: number, data = new Float32Array(rows * columns)): Image2D {
  if (data.length !== rows * columns)
    throw new RangeError(`image data has ${data.length} values; ${rows}×${columns} needs ${rows * columns}`);
  return { data, rows, columns };
}

/** A preprocessing step: a pure function of an image. */
export type Step = (input: Image2D) => Image2D;

/** compose(a, b, c)(x) = c(b(a(x))). */
export const compose =
  (...steps: Step[]): Step =>
  (input) =>
    steps.reduce((x, step) => step(x), input);
