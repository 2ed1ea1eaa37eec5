// Smooth random fields for image texture: value noise on a coarse grid, bilinearly interpolated.
import type { Random } from "./random.js";

export class ValueNoise {
  private readonly grid: Float32Array;
  private readonly gw: number;

  /** `cell`: grid spacing in pixels; the field covers width × height pixels, values in [−1, 1]. */
  constructor(
    random: Random,
    width: number,
    height: number,
    private readonly cell: number,
  ) {
    this.gw = Math.ceil(width / cell) + 2;
    const gh = Math.ceil(height / cell) + 2;
    this.grid = new Float32Array(this.gw * gh);
    for (let i = 0; i < this.grid.length; i++) this.grid[i] = random.next() * 2 - 1;
  }

  at(x: number, y: number): number {
    const gx = x / this.cell;
    const gy = y / this.cell;
    const x0 = Math.floor(gx);
    const y0 = Math.floor(gy);
    const fx = gx - x0;
    const fy = gy - y0;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const i = y0 * this.gw + x0;
    const top = this.grid[i]! + sx * (this.grid[i + 1]! - this.grid[i]!);
    const bottom = this.grid[i + this.gw]! + sx * (this.grid[i + this.gw + 1]! - this.grid[i + this.gw]!);
    return top + sy * (bottom - top);
  }
}
