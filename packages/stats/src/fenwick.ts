// Fenwick (binary indexed) tree of weights over ranks 0..size-1: add and prefix sums in O(log n).
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

/** Dense ranks 0..m-1 of values (equal values share a rank), and m. */
export function denseRanks(values: Float64Array): { ranks: Int32Array; count: number } {
  const order = sortedOrder(values);
  const ranks = new Int32Array(values.length);
  let rank = -1;
  let previous = Number.NaN;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (values[i] !== previous) {
      rank++;
      previous = values[i]!;
    }
    ranks[i] = rank;
  }
  return { ranks, count: rank + 1 };
}

/** Indices that sort `values` ascending (stable). */
export function sortedOrder(values: Float64Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => values[a]! - values[b]! || a - b);
}
