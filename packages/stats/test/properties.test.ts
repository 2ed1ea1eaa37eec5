// Fast algorithms against their O(n²) twins on random small inputs with many ties.
import { describe, expect, it } from "vitest";
import { auroc, concordance, delongTest, harrellC, timeDependentAuc } from "../src/index.js";
import { aurocBrute, concordanceBrute, lcg } from "./brute-force.js";

function randomSurvival(seed: number, n: number) {
  const r = lcg(seed);
  const time = Array.from({ length: n }, () => 1 + Math.floor(r() * 6)); // few distinct times: many ties
  const event = Array.from({ length: n }, () => (r() < 0.6 ? 1 : 0));
  const score = Array.from({ length: n }, () => Math.floor(r() * 4)); // few distinct scores
  if (!event.includes(1)) event[0] = 1;
  return { time, event, score };
}

describe("Harrell's C: Fenwick pass vs all pairs", () => {
  it.each(Array.from({ length: 60 }, (_, k) => k + 1))("random tied data, seed %i", (seed) => {
    const { time, event, score } = randomSurvival(seed, 5 + (seed % 25));
    let brute: ReturnType<typeof concordanceBrute>;
    try {
      brute = concordanceBrute(time, event, score);
    } catch {
      return;
    }
    if (!(brute.concordant + brute.discordant + brute.tiedRisk > 0)) {
      expect(() => harrellC(time, event, score)).toThrow(/no comparable pairs/);
      return;
    }
    const fast = harrellC(time, event, score);
    expect(fast.estimate).toBeCloseTo(brute.estimate, 12);
    expect(fast.se).toBeCloseTo(brute.se, 12);
    expect([fast.concordant, fast.discordant, fast.tiedRisk, fast.tiedTime, fast.tiedBoth]).toEqual([
      brute.concordant,
      brute.discordant,
      brute.tiedRisk,
      brute.tiedTime,
      brute.tiedBoth,
    ]);
  });

  it("with truncation at tau (events after tau weigh 0)", () => {
    for (let seed = 100; seed < 130; seed++) {
      const { time, event, score } = randomSurvival(seed, 30);
      const brute = concordanceBrute(time, event, score, (t) => (t > 4 ? 0 : 1));
      if (!(brute.concordant + brute.discordant + brute.tiedRisk > 0)) continue;
      const fast = concordance(time, event, score, { tau: 4 });
      expect(fast.estimate).toBeCloseTo(brute.estimate, 12);
      expect(fast.se).toBeCloseTo(brute.se, 12);
    }
  });
});

describe("AUROC: midranks vs all pairs", () => {
  it.each(Array.from({ length: 40 }, (_, k) => k + 1))("random tied data, seed %i", (seed) => {
    const r = lcg(seed * 7);
    const n = 4 + (seed % 30);
    const label = Array.from({ length: n }, (_, i) => (i < 2 ? i : r() < 0.4 ? 1 : 0)); // ≥ 1 of each
    label[2] = 1;
    label[3] = 0;
    const score = Array.from({ length: n }, () => Math.round(r() * 5) / 5);
    const fast = auroc(score, label);
    const brute = aurocBrute(score, label);
    expect(fast.estimate).toBeCloseTo(brute.estimate, 12);
    expect(fast.se!).toBeCloseTo(brute.se, 12);
    expect(Array.from(fast.placements().cases)).toEqual(brute.v10.map((v) => expect.closeTo(v, 12)));
    expect(Array.from(fast.placements().controls)).toEqual(brute.v01.map((v) => expect.closeTo(v, 12)));
  });

  it("paired DeLong test of a score with itself: difference 0, p = 1", () => {
    const a = auroc([0.1, 0.4, 0.35, 0.8, 0.2, 0.9], [0, 0, 1, 1, 0, 1]);
    expect(delongTest(a, a)).toMatchObject({ difference: 0, p: 1 });
  });
});

describe("time-dependent AUC: sorted sums vs all weighted pairs", () => {
  it.each(Array.from({ length: 20 }, (_, k) => k + 1))("random tied data, seed %i", (seed) => {
    const { time, event, score } = randomSurvival(seed + 500, 40);
    const t = 3;
    const cases = time.map((_, i) => i).filter((i) => event[i] && time[i]! <= t);
    const controls = time.map((_, i) => i).filter((i) => time[i]! > t);
    if (!cases.length || !controls.length) return;
    // reverse KM of censoring, events leaving first at ties, evaluated just before each case time
    const gBefore = (s: number) => {
      let g = 1;
      for (const u of [...new Set(time)].sort((a, b) => a - b)) {
        if (u >= s) break;
        const atRisk = time.filter((x) => x >= u).length;
        const deaths = time.filter((x, i) => x === u && event[i]).length;
        const censored = time.filter((x, i) => x === u && !event[i]).length;
        if (atRisk - deaths > 0) g *= 1 - censored / (atRisk - deaths);
      }
      return g;
    };
    let num = 0;
    let den = 0;
    for (const i of cases) {
      const w = 1 / gBefore(time[i]!);
      for (const j of controls) {
        num += w * (score[i]! > score[j]! ? 1 : score[i] === score[j] ? 0.5 : 0);
        den += w;
      }
    }
    expect(timeDependentAuc(time, event, score, t).estimate).toBeCloseTo(num / den, 12);
  });
});
