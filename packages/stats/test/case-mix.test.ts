// The case-mix table against R on survival::pbc (goldens from reference/case-mix.R): one-way ANOVA and χ²
// p-values, means, SDs, medians and each group's standardized difference from the others, to 1e-9.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { caseMixTable, onewayAnovaP } from "../src/case-mix.js";

type Golden = {
  name: string;
  kind: "continuous" | "categorical";
  groups: (number | string)[][];
  p: number;
  mean?: number[];
  sd?: number[];
  median?: number[];
  smd: number[];
};
const golden = JSON.parse(readFileSync(new URL("../reference/case-mix.json", import.meta.url), "utf8")) as {
  variables: Golden[];
};

const close = (a: number | null, b: number, what: string) =>
  expect(Math.abs(a! - b), `${what}: ${a} vs ${b}`).toBeLessThan(1e-9);

describe("caseMixTable = R on survival::pbc by stage", () => {
  const rows = caseMixTable(
    golden.variables.map((v) =>
      v.kind === "continuous"
        ? { name: v.name, kind: "continuous" as const, groups: v.groups as number[][] }
        : { name: v.name, kind: "categorical" as const, groups: v.groups as string[][] },
    ),
  );
  it.each(golden.variables.map((v, i) => [v.name, v, i] as const))("%s", (_, want, i) => {
    const row = rows[i]!;
    close(row.p, want.p, "p");
    want.smd.forEach((s, k) => close(row.smd[k]!, s, `smd ${k}`));
    if (row.kind === "continuous") {
      row.groups.forEach((g, k) => {
        close(g.mean, want.mean![k]!, `mean ${k}`);
        close(g.sd, want.sd![k]!, `sd ${k}`);
        close(g.median, want.median![k]!, `median ${k}`);
      });
    } else {
      expect(row.groups.reduce((s, g) => s + g.n, 0)).toBe(want.groups.flat().length);
      for (const g of row.groups) expect(g.percents.reduce((s, p) => s + p, 0)).toBeCloseTo(100, 9);
    }
  });

  it("refuses an ANOVA without two groups, and gives no p where it cannot be computed", () => {
    expect(() => onewayAnovaP([[1, 2, 3], []])).toThrow(/two groups/);
    const [row] = caseMixTable([{ name: "x", kind: "continuous", groups: [[1, 2], []] }]);
    expect(row!.p).toBeNull();
  });
});
