// Binary calibration, classic tests and risk groups against R (golden.json "extras").
import { describe, expect, it } from "vitest";
import {
  assignRiskGroups,
  baselineTable,
  binaryCalibration,
  chiSquareTest,
  summariseRiskGroups,
  tTest,
} from "../src/index.js";
import { readFileSync } from "node:fs";

const extras = JSON.parse(readFileSync(new URL("../reference/golden.json", import.meta.url), "utf8")).extras;
const close = (a: number, b: number, tol = 1e-6) => expect(Math.abs(a - b), `${a} vs R ${b}`).toBeLessThanOrEqual(tol);
const closeRel = (a: number, b: number) =>
  expect(Math.abs(a - b) / Math.abs(b), `${a} vs R ${b}`).toBeLessThanOrEqual(1e-4);

describe("binary calibration = glm(binomial)", () => {
  it("intercept (offset logit), slope, their SEs and the Brier score", () => {
    const b = extras.binary;
    const fit = binaryCalibration(b.p, b.y);
    close(fit.intercept, b.intercept);
    close(fit.slope, b.slope);
    closeRel((fit.interceptCi.upper - fit.interceptCi.lower) / (2 * 1.959963984540054), b.interceptSe);
    closeRel((fit.slopeCi.upper - fit.slopeCi.lower) / (2 * 1.959963984540054), b.slopeSe);
    close(fit.brier, b.brier);
  });
});

describe("classic tests = t.test and chisq.test", () => {
  it("Welch and Student t-tests", () => {
    const { a, b, welch, student } = extras.tTest;
    const w = tTest(a, b, true);
    const s = tTest(a, b, false);
    close(w.t, welch.t);
    close(w.df, welch.df);
    close(w.p, welch.p);
    close(s.t, student.t);
    expect(s.df).toBe(student.df);
    close(s.p, student.p);
  });
  it("χ² on a 2×4 table (no correction) and a 2×2 table (Yates)", () => {
    const c = extras.chisq;
    const big = chiSquareTest(c.table2x4);
    close(big.chisq, c.chisq2x4);
    close(big.p, c.p2x4);
    const small = chiSquareTest(c.table2x2);
    close(small.chisq, c.chisq2x2);
    close(small.p, c.p2x2);
  });
  it("baseline table rows use those tests", () => {
    const { a, b, welch } = extras.tTest;
    const row = baselineTable([{ name: "age", kind: "continuous", values: [a, b] }])[0]!;
    expect(row.kind).toBe("continuous");
    if (row.kind === "continuous") {
      close(row.welchP, welch.p);
      expect(row.groups.map((g) => g.n)).toEqual([a.length, b.length]);
    }
    const [cat] = baselineTable([
      {
        name: "sex",
        kind: "categorical",
        values: [
          ["F", "F", "M"],
          ["M", "M", "F", "M"],
        ],
      },
    ]);
    expect(cat).toMatchObject({ levels: ["F", "M"], groups: [{ counts: [2, 1] }, { counts: [1, 3] }] });
  });
});

describe("risk groups (seed 004 rule) = survfit / survdiff / coxph(relevel(group, 'LL') + covariate)", () => {
  const rg = extras.riskGroups;
  const rule = {
    groups: [
      { name: "HIGH", when: { score: "bpvf", atLeast: 0.5 } },
      { name: "LH", when: { score: "gpvf", atLeast: 0.6 } },
      { name: "LL", when: "otherwise" as const },
    ],
    reference: "LL",
  };
  it("assigns the same groups as R", () => {
    expect(assignRiskGroups(rule, { bpvf: rg.bpvf, gpvf: rg.gpvf })).toEqual(rg.group);
  });
  it("hazard ratios vs LL adjusted for a covariate, LR χ², log-rank and KM risk per group", () => {
    const s = summariseRiskGroups(rg.time, rg.event, rg.group, {
      reference: "LL",
      horizon: 180,
      covariates: { diagtime: rg.diagtime },
    });
    expect(s.cox.terms).toEqual(rg.terms);
    s.cox.coef.forEach((b, k) => close(b, rg.coef[k]));
    s.cox.se.forEach((x, k) => closeRel(x, rg.se[k]));
    close(s.cox.lrChisq, rg.lrChisq);
    close(s.logRank.chisq, rg.logrankChisq);
    for (const want of rg.km) {
      const g = s.groups.find((x) => x.name === want.group)!;
      expect(g.n).toBe(want.n);
      close(g.risk!.estimate, want.risk);
      close(g.risk!.lower!, want.lower);
      close(g.risk!.upper!, want.upper);
    }
    expect(s.groups[0]!.name).toBe("LL");
  });
});
