// Random-effects meta-analysis against metafor::rma.uni + predict() (goldens from reference/meta-analysis.R):
// REML and DerSimonian-Laird, with and without Hartung-Knapp-Sidik-Jonkman, on real and edge-case data,
// every number to 1e-6.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { randomEffectsMeta, studentTQuantile } from "../src/meta-analysis.js";
import { poolOnScale } from "../src/pooling.js";

interface Fit {
  data: string;
  method: "REML" | "DL";
  hksj: boolean;
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  statistic: number;
  p: number;
  tau2: number;
  i2: number;
  h2: number;
  q: number;
  qP: number;
  weights: number[];
  piLower: number;
  piUpper: number;
}
const golden = JSON.parse(readFileSync(new URL("../reference/meta-analysis.json", import.meta.url), "utf8")) as {
  metafor: string;
  datasets: { name: string; yi: number[]; sei: number[] }[];
  fits: Fit[];
};

const close = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-6);

describe(`randomEffectsMeta = metafor ${golden.metafor}`, () => {
  it.each(golden.fits)("$data, $method, HKSJ $hksj", (fit) => {
    const data = golden.datasets.find((d) => d.name === fit.data)!;
    const r = randomEffectsMeta(data.yi, data.sei, { method: fit.method, hksj: fit.hksj });
    close(r.estimate, fit.estimate, "estimate");
    close(r.se, fit.se, "se");
    close(r.ci.lower, fit.ciLower, "ci.lb");
    close(r.ci.upper, fit.ciUpper, "ci.ub");
    close(r.statistic, fit.statistic, "zval");
    close(r.p, fit.p, "pval");
    close(r.tau2, fit.tau2, "tau2");
    close(r.i2, fit.i2, "I2");
    close(r.h2, fit.h2, "H2");
    close(r.q, fit.q, "QE");
    close(r.qP, fit.qP, "QEp");
    r.weights.forEach((w, i) => close(w, fit.weights[i]!, `weight ${i + 1}`));
    close(r.predictionInterval.lower, fit.piLower, "pi.lb");
    close(r.predictionInterval.upper, fit.piUpper, "pi.ub");
    expect(r.df).toBe(fit.hksj ? data.yi.length - 1 : null);
  });

  it("refuses fewer than two estimates, mismatched lengths and non-positive standard errors", () => {
    expect(() => randomEffectsMeta([0.1], [0.1])).toThrow(/at least 2/);
    expect(() => randomEffectsMeta([0.1, 0.2], [0.1])).toThrow(/differ in length/);
    expect(() => randomEffectsMeta([0.1, 0.2], [0.1, 0])).toThrow(/sei\[1\] = 0: must be a positive number/);
  });

  it("studentTQuantile equals R's qt", () => {
    // R: qt(0.975, c(1, 2, 4, 12, 100))
    const r = [12.706204736174694, 4.3026527297494619, 2.7764451051977934, 2.1788128296672284, 1.9839715185235516];
    [1, 2, 4, 12, 100].forEach((df, i) => close(studentTQuantile(0.975, df), r[i]!, `qt(0.975, ${df})`));
  });
});

describe("poolOnScale: C-statistics pooled on the logit scale, back-transformed (metafor predict(transf = plogis))", () => {
  const data = golden.datasets.find((d) => d.name === "three sites' C-statistics (logit)")!;
  const c = [0.612, 0.655, 0.581];
  const se = [0.021, 0.034, 0.028];
  it.each(golden.fits.filter((f) => f.data === data.name))("$method, HKSJ $hksj", (fit) => {
    const r = poolOnScale(c, se, "logit", { method: fit.method, hksj: fit.hksj });
    const plogis = (y: number) => 1 / (1 + Math.exp(-y));
    close(r.pooled.estimate, plogis(fit.estimate), "pooled C");
    close(r.pooled.ci.lower, plogis(fit.ciLower), "CI lower");
    close(r.pooled.ci.upper, plogis(fit.ciUpper), "CI upper");
    close(r.predictionInterval.lower, plogis(fit.piLower), "PI lower");
    close(r.predictionInterval.upper, plogis(fit.piUpper), "PI upper");
    close(r.tau2, fit.tau2, "tau2");
    close(r.i2, fit.i2, "I2");
    r.studies.forEach((s, i) => {
      close(s.weight, fit.weights[i]!, `weight ${i}`);
      expect(s.estimate).toBe(c[i]);
      close(s.ci.lower, plogis(data.yi[i]! - 1.959963984540054 * data.sei[i]!), `site ${i} CI`);
    });
  });

  it("refuses a C outside (0, 1) or a non-positive SE, naming which", () => {
    expect(() => poolOnScale([0.6, 1.2], [0.02, 0.03], "logit")).toThrow(/estimate 2 \(1.2\) must lie strictly/);
    expect(() => poolOnScale([0.6, 0.7], [0.02, 0], "logit")).toThrow(/standard error 2 \(0\) must be positive/);
  });
});
