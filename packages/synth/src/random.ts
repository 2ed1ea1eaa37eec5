// Seeded random numbers: every draw of a cohort comes from one stream, so a seed fixes the cohort.
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = (seed ^ 0x5eed5eed) >>> 0;
  }

  /** Uniform in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), this.state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Normal truncated to [min, max] by rejection. */
  truncatedNormal(mean: number, sd: number, min: number, max: number): number {
    for (;;) {
      const x = this.normal(mean, sd);
      if (x >= min && x <= max) return x;
    }
  }

  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  pick<T>(items: readonly { share: number; value: T }[]): T {
    let u = this.next() * items.reduce((s, i) => s + i.share, 0);
    for (const item of items) {
      u -= item.share;
      if (u < 0) return item.value;
    }
    return items[items.length - 1]!.value;
  }

  /** A decorrelated child stream, e.g. one per patient's images. */
  child(salt: number): Random {
    return new Random(Math.imul(this.state ^ Math.imul(salt + 1, 0x9e3779b1), 0x85ebca6b) >>> 0);
  }
}
