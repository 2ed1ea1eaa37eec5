import { describe, expect, it } from "vitest";
import { InvalidValueError, logitCi } from "../src/index.js";

describe("logitCi", () => {
  it("equals R's plogis(qlogis(c) ± qnorm(0.975)·se/(c(1 − c))) and stays inside (0, 1) where the Wald interval does not", () => {
    // R 4.2: c <- 0.819; se <- 0.099 → 0.549993350628312 0.943668990008350 (the Wald interval is 0.625–1.013).
    const ci = logitCi(0.819, 0.099);
    expect(ci.lower).toBeCloseTo(0.549993350628312, 14);
    expect(ci.upper).toBeCloseTo(0.94366899000835, 14);
    expect(logitCi(0.5, 0)).toEqual({ lower: 0.5, upper: 0.5 });
  });
  it("rejects an estimate of 0 or 1 and a negative SE by name", () => {
    expect(() => logitCi(1, 0.01)).toThrow(InvalidValueError);
    expect(() => logitCi(0.7, -1)).toThrow(/se/);
  });
});
