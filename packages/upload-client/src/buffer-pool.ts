// Reused buffers for bundles of files (CLI and API): a fresh 8 MiB buffer per bundle costs a page fault per
// 4 KiB and, being memory outside V8's heap, pushes the collector into full collections — about a second per
// gigabyte uploaded, on each side.

export class BufferPool {
  private readonly free: Buffer[] = [];

  /** @param minBytes the least a new buffer holds; @param keep the most buffers kept for reuse. */
  constructor(
    private readonly minBytes: number,
    private readonly keep = 8,
  ) {}

  /** A buffer of exactly `size` bytes (contents undefined) and the function that gives it back. */
  acquire(size: number): { buffer: Buffer; release: () => void } {
    const index = this.free.findIndex((b) => b.length >= size);
    const whole = index >= 0 ? this.free.splice(index, 1)[0]! : Buffer.allocUnsafeSlow(Math.max(size, this.minBytes));
    let released = false;
    return {
      buffer: whole.subarray(0, size),
      release: () => {
        if (released) return;
        released = true;
        if (this.free.length < this.keep) this.free.push(whole);
      },
    };
  }
}
