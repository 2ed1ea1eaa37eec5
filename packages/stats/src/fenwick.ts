// Fenwick (binary indexed) tree of weights over ranks 0..size-1, and dense ranking without comparator
// sorts (native numeric sort of a Float64Array + binary search), which keeps 1e6 rows fast.
export class Fenwick {
  private readonly tree: Float64Array;
  total = 0;

  constructor(readonly size: number) {
    this.tree = new Float64Array(size + 1);
  }

  add(rank: number, weight: number): void {
    this.total += weight;
    for (let i = rank + 1; i <= this.size; i += i & -i) this.tree[i]! += weight;
  }

  /** Sum of weights at ranks < rank. */
  below(rank: number): number {
    let sum = 0;
    for (let i = rank; i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  /** Sum of weights at exactly `rank`. */
  at(rank: number): number {
    return this.below(rank + 1) - this.below(rank);
  }
}

/** Index of the first element of ascending `sorted` that is ≥ x. */
export function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of ascending `sorted` that is > x. */
export function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface DenseRanking {
  /** Rank 0..count-1 of each value; equal values share a rank. */
  ranks: Int32Array;
  /** Distinct values, ascending (distinct[rank] is the value). */
  distinct: Float64Array;
  count: number;
}

/** Integer values spanning fewer than this many units are ranked by counting, in O(n + span). */
const COUNTING_SPAN_LIMIT = 1 << 24;

/** Dense ranks of whole numbers (follow-up days, grades) without sorting. null when not applicable. */
function denseRanksOfIntegers(values: Float64Array): DenseRanking | null {
  if (values.length === 0) return null;
  let min = values[0]!;
  let max = values[0]!;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== Math.floor(v)) return null;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const span = max - min + 1;
  if (span > COUNTING_SPAN_LIMIT || span > 8 * values.length) return null;
  const rankOfOffset = new Int32Array(span).fill(-1);
  for (let i = 0; i < values.length; i++) rankOfOffset[values[i]! - min] = 0;
  let count = 0;
  for (let o = 0; o < span; o++) if (rankOfOffset[o] === 0) rankOfOffset[o] = count++;
  const distinct = new Float64Array(count);
  for (let o = 0; o < span; o++) if (rankOfOffset[o]! >= 0) distinct[rankOfOffset[o]!] = o + min;
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) ranks[i] = rankOfOffset[values[i]! - min]!;
  return { ranks, distinct, count };
}

/**
 * Stable argsort of doubles by LSD radix sort on their IEEE-754 bits (eight 8-bit digits, keys moved
 * with the indices so every pass reads sequentially), O(n): sign-flipped bit patterns order like the
 * numbers themselves. −0 is treated as +0. Passes where every key has the same digit are skipped.
 */
export function radixArgsort(values: Float64Array): Uint32Array {
  const n = values.length;
  const normalized = new Float64Array(n);
  for (let i = 0; i < n; i++) normalized[i] = values[i]! + 0; // −0 + 0 = +0
  const words = new Uint32Array(normalized.buffer); // little-endian: [low, high] per value
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let l = words[2 * i]!;
    let h = words[2 * i + 1]!;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    lo[i] = l;
    hi[i] = h;
    idx[i] = i;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  const counts = new Uint32Array(257);
  for (let pass = 0; pass < 8; pass++) {
    const source = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[((source[k]! >>> shift) & 0xff) + 1]! += 1;
    if (counts.some((c) => c === n)) continue; // every key has this digit: order unchanged
    for (let d = 0; d < 256; d++) counts[d + 1]! += counts[d]!;
    for (let k = 0; k < n; k++) {
      const at = counts[(source[k]! >>> shift) & 0xff]!++;
      lo2[at] = lo[k]!;
      hi2[at] = hi[k]!;
      idx2[at] = idx[k]!;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

export function denseRanks(values: Float64Array): DenseRanking {
  const counted = denseRanksOfIntegers(values);
  if (counted) return counted;
  const order = radixArgsort(values);
  const ranks = new Int32Array(values.length);
  const distinct = new Float64Array(values.length);
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    const v = values[order[k]!]!;
    if (k === 0 || v !== distinct[count - 1]) distinct[count++] = v;
    ranks[order[k]!] = count - 1;
  }
  return { ranks, distinct: distinct.subarray(0, count), count };
}

export interface Buckets {
  /** Subject indices ordered by rank (stable within a rank). */
  order: Uint32Array;
  /** order[starts[r] .. starts[r+1]) are the subjects of rank r; length count + 1. */
  starts: Uint32Array;
}

/** Counting sort of subjects by their dense rank: O(n). */
export function bucketByRank({ ranks, count }: DenseRanking): Buckets {
  const starts = new Uint32Array(count + 1);
  for (let i = 0; i < ranks.length; i++) starts[ranks[i]! + 1]! += 1;
  for (let r = 0; r < count; r++) starts[r + 1]! += starts[r]!;
  const next = starts.slice(0, count);
  const order = new Uint32Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) order[next[ranks[i]!]!++] = i;
  return { order, starts };
}

/** Indices that sort `values` ascending (stable). */
export function sortedOrder(values: Float64Array): Uint32Array {
  return bucketByRank(denseRanks(values)).order;
}
