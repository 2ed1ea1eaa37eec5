import { describe, expect, it } from "vitest";
import {
  bootstrap,
  bootstrapParallel,
  harrellC,
  metricStatistic,
  quantileType7,
  resampleIndices,
} from "../src/index.js";
import { golden } from "./golden.js";

const lung = golden.datasets.lung!;
const data = {
  time: Float64Array.from(lung.time),
  event: Uint8Array.from(lung.event),
  score: Float64Array.from(lung.scores.ph_ecog!),
};

describe("bootstrap", () => {
  it("percentile quantiles equal R's quantile (type 7)", () => {
    const sorted = Float64Array.from([0.3, 0.1, 0.7, 0.25, 0.9, 0.55, 0.4]).sort();
    expect(quantileType7(sorted, 0.025)).toBeCloseTo(0.1225, 15);
    expect(quantileType7(sorted, 0.975)).toBeCloseTo(0.87, 15);
  });

  it("is reproducible for a seed and changes with the seed", () => {
    const statistic = metricStatistic("harrellC", data);
    const a = bootstrap(data.time.length, statistic, { replicates: 200, seed: 7 });
    const b = bootstrap(data.time.length, statistic, { replicates: 200, seed: 7 });
    const c = bootstrap(data.time.length, statistic, { replicates: 200, seed: 8 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(a.ci).not.toEqual(c.ci);
    expect(resampleIndices(10, 7, 3)).toEqual(resampleIndices(10, 7, 3));
  });

  it("brackets the estimate with a percentile interval and an SE close to the IJ SE", () => {
    const fit = harrellC(data.time, data.event, data.score);
    const boot = bootstrap(data.time.length, metricStatistic("harrellC", data), { replicates: 400, seed: 11 });
    expect(boot.ci.lower).toBeLessThan(fit.estimate);
    expect(boot.ci.upper).toBeGreaterThan(fit.estimate);
    expect(boot.se / fit.se).toBeGreaterThan(0.8);
    expect(boot.se / fit.se).toBeLessThan(1.25);
    expect(boot.failed).toBe(0);
  });

  it("gives the same numbers on worker threads as on one thread", async () => {
    const serial = bootstrap(data.time.length, metricStatistic("unoC", { ...data, at: 500 }), {
      replicates: 60,
      seed: 3,
    });
    const parallel = await bootstrapParallel("unoC", { ...data, at: 500 }, { replicates: 60, seed: 3, threads: 2 });
    expect(Array.from(parallel.values)).toEqual(Array.from(serial.values));
  });

  it("rejects fewer than 2 replicates", () => {
    expect(() => bootstrap(10, () => 1, { replicates: 1, seed: 1 })).toThrow(/replicates = 1/);
  });
});
