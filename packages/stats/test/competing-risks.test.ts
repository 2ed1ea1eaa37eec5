// Competing risks against R on two real data sets (survival::mgus2, riskRegression::Melanoma):
// cmprsk::cuminc + timepoints (estimates and Gray's variances), Gray's test, and riskRegression::Score
// with cause = 1 (AUC(t) with SE, paired ΔAUC, Brier and IPA). Goldens from reference/competing-risks.R.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  compareTimeDependentAuc,
  competingRisksAuc,
  competingRisksBrier,
  competingRisksCalibration,
  cumulativeIncidence,
  cumulativeIncidenceAt,
  grayTest,
  InvalidValueError,
} from "../src/index.js";

interface Golden {
  name: string;
  time: number[];
  status: number[];
  group: string[];
  score: number[];
  score2: number[];
  times: number[];
  horizon: number;
  cuminc: { times: number[]; est: number[]; var: number[]; competingEst: number[] };
  cumincByGroup: { group: string; est: number[]; var: number[] }[];
  gray: Record<"cause1" | "cause2", { stat: number; p: number; df: number }>;
  auc: { model: string; time: number; estimate: number; se: number }[];
  aucDiff: { model: string; reference: string; time: number; delta: number; se: number; p: number }[];
  brier: { model: string; time: number; brier: number; ipa: number }[];
}
const golden = JSON.parse(readFileSync(new URL("../reference/competing-risks.json", import.meta.url), "utf8")) as {
  datasets: Golden[];
};
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.each(golden.datasets)("$name", (d) => {
  it("Aalen-Johansen cumulative incidence and Gray's variance equal cmprsk::cuminc to 1e-10", () => {
    const curve = cumulativeIncidence(d.time, d.status);
    const competing = cumulativeIncidence(d.time, d.status, 2);
    d.cuminc.times.forEach((t, k) => {
      const p = cumulativeIncidenceAt(curve, t);
      expect(p.estimate).toBeCloseTo(d.cuminc.est[k]!, 10);
      expect(p.se ** 2).toBeCloseTo(d.cuminc.var[k]!, 10);
      expect(cumulativeIncidenceAt(competing, t).estimate).toBeCloseTo(d.cuminc.competingEst[k]!, 10);
      // log(−log) interval around the estimate, inside (0, 1)
      expect(p.ci!.lower).toBeLessThan(p.estimate);
      expect(p.ci!.upper).toBeGreaterThan(p.estimate);
      expect(p.ci!.upper).toBeLessThan(1);
    });
    for (const g of d.cumincByGroup) {
      const idx = d.group.flatMap((x, i) => (x === g.group ? [i] : []));
      const c = cumulativeIncidence(
        idx.map((i) => d.time[i]!),
        idx.map((i) => d.status[i]!),
      );
      d.cuminc.times.forEach((t, k) => {
        expect(cumulativeIncidenceAt(c, t).estimate).toBeCloseTo(g.est[k]!, 10);
        expect(cumulativeIncidenceAt(c, t).se ** 2).toBeCloseTo(g.var[k]!, 10);
      });
    }
  });

  it("Gray's test equals cmprsk::cuminc(...)$Tests for both causes", () => {
    for (const [cause, key] of [
      [1, "cause1"],
      [2, "cause2"],
    ] as const) {
      const test = grayTest(d.time, d.status, d.group, cause);
      expect(relative(test.statistic, d.gray[key].stat)).toBeLessThan(1e-8);
      expect(test.df).toBe(d.gray[key].df);
      expect(relative(test.p, d.gray[key].p)).toBeLessThan(1e-6);
    }
  });

  it("cause-specific AUC(t) equals riskRegression::Score(cause = 1) to 1e-6, its SE to 1e-3 relative", () => {
    for (const g of d.auc) {
      const score = g.model === "s1" ? d.score : d.score2;
      const auc = competingRisksAuc(d.time, d.status, score, g.time);
      expect(auc.estimate).toBeCloseTo(g.estimate, 6);
      expect(relative(auc.se, g.se)).toBeLessThan(1e-3);
    }
  });

  it("the paired ΔAUC(t) equals Score's contrasts (SE 1e-3 relative)", () => {
    for (const g of d.aucDiff) {
      const a = competingRisksAuc(d.time, d.status, d.score2, g.time);
      const b = competingRisksAuc(d.time, d.status, d.score, g.time);
      const diff = compareTimeDependentAuc(a, b);
      expect(diff.estimate).toBeCloseTo(g.delta, 6);
      expect(relative(diff.se, g.se)).toBeLessThan(1e-3);
      expect(diff.p).toBeCloseTo(g.p, 3);
    }
  });

  it("Brier score and IPA under competing risks equal Score's to 1e-6", () => {
    for (const g of d.brier.filter((b) => b.model !== "Null model")) {
      const risk = g.model === "s1" ? d.score : d.score2;
      const b = competingRisksBrier(d.time, d.status, risk, g.time);
      expect(b.brier).toBeCloseTo(g.brier, 6);
      expect(b.ipa).toBeCloseTo(g.ipa, 6);
      expect(b.nullBrier).toBeCloseTo(d.brier.find((x) => x.model === "Null model" && x.time === g.time)!.brier, 6);
    }
  });

  it("calibration O/E uses the Aalen-Johansen observed risk, not 1 − KM", () => {
    const cal = competingRisksCalibration(d.time, d.status, d.score, d.horizon);
    const k = d.cuminc.times.indexOf(d.horizon);
    expect(cal.observed).toBeCloseTo(d.cuminc.est[k]!, 10);
    expect(cal.observedSe).toBeCloseTo(Math.sqrt(d.cuminc.var[k]!), 10);
    expect(cal.oe).toBeCloseTo(d.cuminc.est[k]! / (d.score.reduce((s, x) => s + x, 0) / d.score.length), 10);
    expect(cal.oeCi!.lower).toBeLessThan(cal.oe);
    // SE of O/E with E held fixed: Gray's SE of the observed risk / E — the SE the CI above is built from.
    const expected = d.score.reduce((s, x) => s + x, 0) / d.score.length;
    expect(cal.oeSe).toBeCloseTo(Math.sqrt(d.cuminc.var[k]!) / expected, 10);
    expect(cal.oeCi!.upper).toBeCloseTo(cal.oe * Math.exp((1.959963984540054 * cal.oeSe!) / cal.oe), 12);
  });
});

describe("input checks", () => {
  it("refuses a status other than 0, 1, 2 by position", () => {
    expect(() => cumulativeIncidence([1, 2, 3], [0, 3, 1])).toThrow(InvalidValueError);
    expect(() => cumulativeIncidence([1, 2, 3], [0, 3, 1])).toThrow(/status\[1\] = 3/);
  });
  it("hand-checked: 4 subjects, no censoring: F₁ = 1/4 then 2/4", () => {
    const c = cumulativeIncidence([1, 2, 3, 4], [1, 2, 1, 2]);
    expect(Array.from(c.times)).toEqual([1, 3]);
    expect(Array.from(c.estimate)).toEqual([0.25, 0.5]);
  });
});
