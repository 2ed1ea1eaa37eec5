import { describe, expect, it } from "vitest";
import { chiSquareSf, normalCdf, normalQuantile, twoSidedP, Z_95 } from "../src/index.js";

// Reference values: R 4.2.2 (pnorm, qnorm, pchisq).
describe("distributions", () => {
  it("normal quantile and CDF", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z_95, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalCdf(-8)).toBeCloseTo(6.22096057427178e-16, 25);
  });
  it("two-sided p and chi-square tail", () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(chiSquareSf(3.841458820694124, 1)).toBeCloseTo(0.05, 13);
    expect(chiSquareSf(10, 3)).toBeCloseTo(0.0185661354, 9);
    expect(chiSquareSf(0, 2)).toBe(1);
  });
  it("rejects p outside (0, 1)", () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});
