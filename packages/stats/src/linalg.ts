// Small dense symmetric positive-definite algebra (Cholesky) for Cox models and log-rank tests.
import { ModelFitError } from "./errors.js";

export type Matrix = number[][];

export function cholesky(a: Matrix): Matrix {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let s = a[j]![j]!;
    for (let k = 0; k < j; k++) s -= l[j]![k]! * l[j]![k]!;
    if (!(s > 1e-12 * Math.max(1, Math.abs(a[j]![j]!))))
      throw new ModelFitError(`matrix is singular or not positive definite at column ${j + 1}`);
    l[j]![j] = Math.sqrt(s);
    for (let i = j + 1; i < n; i++) {
      let t = a[i]![j]!;
      for (let k = 0; k < j; k++) t -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = t / l[j]![j]!;
    }
  }
  return l;
}

/** Solves A x = b for symmetric positive-definite A. */
export function solveSymmetric(a: Matrix, b: readonly number[]): number[] {
  const l = cholesky(a);
  const n = b.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

export function inverseSymmetric(a: Matrix): Matrix {
  const n = a.length;
  const columns = Array.from({ length: n }, (_, j) =>
    solveSymmetric(
      a,
      Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => columns[j]![i]!));
}
