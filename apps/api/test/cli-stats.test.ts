// `npx fracval stats metrics|cox` on R's lung data: the printed JSON equals R's golden values;
// bad input exits 2 naming the row and column.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/fracval.js", import.meta.url));
const golden = JSON.parse(
  readFileSync(new URL("../../../packages/stats/reference/golden.json", import.meta.url), "utf8"),
);
const dir = mkdtempSync(join(tmpdir(), "fracval-stats-cli-"));
const lungCsv = join(dir, "lung.csv");
const fracval = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

beforeAll(() => {
  const d = golden.datasets.lung;
  const lines = [
    "time,status,age,ecog,wt_loss,sex,risk",
    ...d.time.map((t: number, i: number) =>
      [t, d.event[i], d.scores.age[i], d.scores.ph_ecog[i], d.scores.wt_loss[i], d.group[i], d.risk[i]].join(","),
    ),
  ];
  writeFileSync(lungCsv, `${lines.join("\n")}\n`);
});

describe("fracval stats metrics", () => {
  it("prints Harrell's and Uno's C, AUROC, the paired comparison and Kaplan-Meier/log-rank matching R", () => {
    const r = fracval(
      "stats",
      "metrics",
      "--input",
      lungCsv,
      "--time",
      "time",
      "--event",
      "status",
      "--score",
      "ecog",
      "--horizon",
      "180,365",
      "--tau",
      "500",
      "--compare",
      "age",
      "--group",
      "sex",
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const want = golden.results.lung;
    expect(out.n).toBe(golden.datasets.lung.time.length);
    expect(out.harrellC.estimate).toBeCloseTo(want.harrell.ph_ecog.estimate, 9);
    expect(out.harrellC.se).toBeCloseTo(want.harrell.ph_ecog.se, 9);
    expect(out.harrellC).toMatchObject({
      concordant: want.harrell.ph_ecog.concordant,
      discordant: want.harrell.ph_ecog.discordant,
      tiedRisk: want.harrell.ph_ecog.tiedRisk,
      tiedTime: want.harrell.ph_ecog.tiedTime,
    });
    expect(out.unoC.estimate).toBeCloseTo(want.uno.ph_ecog.estimate, 9);
    expect(out.unoC.tau).toBe(500);
    expect(out.auroc.map((a: { horizon: number }) => a.horizon)).toEqual([180, 365]);
    expect(out.auroc[0].estimate).toBeCloseTo(want.auroc[0].scores.ph_ecog.estimate, 9);
    expect(out.auroc[0].se).toBeCloseTo(want.auroc[0].scores.ph_ecog.se, 9);
    expect(out.comparison.comparator).toBe("age");
    const td = want.timeDependentAuc.find(
      (x: { score: string; time: number }) => x.score === "ph_ecog" && x.time === 365,
    );
    expect(out.timeDependentAuc[1].estimate).toBeCloseTo(td.estimate, 9);
    expect(out.timeDependentAuc[1].se).toBeCloseTo(td.se, 9);
    const tdDiff = want.timeDependentAucDiff.find((x: { time: number }) => x.time === 180);
    expect(out.comparison.timeDependentAuc[0].p).toBeCloseTo(tdDiff.p, 9); // ecog vs age, as in R's contrast
    expect(out.logRank.chisq).toBeCloseTo(want.logrank.chisq, 9);
    expect(new Set(out.kaplanMeier.map((k: { group: string }) => k.group))).toEqual(new Set(["female", "male"]));
  });

  it("adds calibration and net benefit for --risk, threshold metrics for --thresholds, bootstrap CIs for --bootstrap", () => {
    const r = fracval(
      "stats",
      "metrics",
      "--input",
      lungCsv,
      "--time",
      "time",
      "--event",
      "status",
      "--score",
      "risk",
      "--horizon",
      "180",
      "--risk",
      "risk@180",
      "--thresholds",
      "0.2,0.3",
      "--bootstrap",
      "50",
      "--seed",
      "9",
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const want = golden.results.lung.calibration;
    expect(out.calibration[0]).toMatchObject({ horizon: 180, risk: "risk" });
    expect(out.calibration[0].observed).toBeCloseTo(want.observed, 9);
    // The SE of O/E, for pooling sites with `stats meta --scale log`: SE(Ŝ)/E, Ŝ's SE from R's log interval.
    const survival = 1 - want.observed;
    expect(out.calibration[0].oeSe).toBeCloseTo(
      (survival * Math.log(survival / want.lowerS)) / 1.959963984540054 / want.expected,
      9,
    );
    expect(out.calibration[0].slope).toBeCloseTo(want.slope, 7);
    expect(out.calibration[0].brier).toBeCloseTo(want.brier, 9);
    expect(out.calibration[0].ipa).toBeCloseTo(want.ipa, 9);
    const nb10 = out.netBenefit.find((p: { threshold: number }) => p.threshold === 0.1);
    expect(nb10.model).toBeCloseTo(want.netBenefit[0].model, 9);
    expect(out.thresholds.map((t: { threshold: number }) => t.threshold)).toEqual([0.2, 0.3]);
    expect(out.thresholds[0].sensitivity.ci).toHaveLength(2);
    expect(out.bootstrap).toMatchObject({ replicates: 50, seed: 9, method: "percentile" });
    expect(out.bootstrap.harrellC.ci[0]).toBeLessThan(out.harrellC.estimate);
    const again = JSON.parse(
      fracval(
        "stats",
        "metrics",
        "--input",
        lungCsv,
        "--time",
        "time",
        "--event",
        "status",
        "--score",
        "risk",
        "--bootstrap",
        "50",
        "--seed",
        "9",
      ).stdout,
    );
    expect(again.bootstrap.harrellC).toEqual(out.bootstrap.harrellC); // same seed, same numbers
  });

  it("omits sections whose options are missing", () => {
    const out = JSON.parse(
      fracval("stats", "metrics", "--input", lungCsv, "--time", "time", "--event", "status", "--score", "age").stdout,
    );
    expect(Object.keys(out).sort()).toEqual(["events", "harrellC", "kaplanMeier", "n"]);
    expect(out.harrellC.estimate).toBeCloseTo(golden.results.lung.harrell.age.estimate, 9);
  });

  it("rejects a --risk column outside [0, 1] and a malformed --risk, naming them", () => {
    const bad = join(dir, "bad-risk.csv");
    writeFileSync(bad, "time,status,score,r\n10,1,0.5,0.2\n12,0,0.2,1.7\n");
    const r = fracval(
      "stats",
      "metrics",
      "--input",
      bad,
      "--time",
      "time",
      "--event",
      "status",
      "--score",
      "score",
      "--risk",
      "r@10",
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row 2, column "r": 1.7 is not a risk between 0 and 1/);
    const m = fracval(
      "stats",
      "metrics",
      "--input",
      bad,
      "--time",
      "time",
      "--event",
      "status",
      "--score",
      "score",
      "--risk",
      "r",
    );
    expect(m.stderr).toMatch(/--risk: "r" must be COLUMN@HORIZON/);
  });

  it("reads the event column as survival::Surv does: 0/1, TRUE/FALSE, or 1/2 with 2 = event (R's lung)", () => {
    const d = golden.datasets.lung;
    const recoded = (code: (event: number) => string) => {
      const file = join(dir, `lung-${Math.random().toString(36).slice(2)}.csv`);
      const rows = d.time.map((t: number, i: number) => `${t},${code(d.event[i])},${d.scores.age[i]}`);
      writeFileSync(file, `time,status,age\n${rows.join("\n")}\n`);
      const r = fracval("stats", "metrics", "--input", file, "--time", "time", "--event", "status", "--score", "age");
      expect(r.status, r.stderr).toBe(0);
      return { out: JSON.parse(r.stdout), stderr: r.stderr };
    };
    const reference = recoded((e) => String(e)).out;
    expect(reference.events).toBe(d.event.filter((e: number) => e === 1).length);
    const oneTwo = recoded((e) => String(e + 1)); // lung$status as R ships it: 1 censored, 2 dead
    expect(oneTwo.out).toEqual(reference);
    expect(oneTwo.stderr).toMatch(/--event: "status" read as 1 = censored, 2 = event \(survival::Surv's coding\)/);
    expect(recoded((e) => (e ? "TRUE" : "FALSE")).out).toEqual(reference);
  });

  it("leaves out rows with NA in a column it uses, as R's na.omit: the same numbers as without those rows", () => {
    // lung.csv with five rows added that R would drop: NA in the score, the time, the comparator, the group,
    // the risk; and one row with NA only in a column the analysis does not use (kept).
    const lines = readFileSync(lungCsv, "utf8").trim().split("\n");
    const header = lines[0]!;
    const withNa = [header, lines[1]!, "NA,1,60,1,5,1,0.3", lines[2]!, "200,1,71,NA,5,1,0.3", lines[3]!];
    withNa.push("300,0,NA,1,5,1,0.3", "400,1,64,2,5,NA,0.3", "150,1,66,1,5,2,NA", ...lines.slice(4));
    const extra = `${lines[4]!.split(",").slice(0, 4).join(",")},NA,${lines[4]!.split(",").slice(5).join(",")}`;
    withNa.push(extra);
    const naCsv = join(dir, "lung-na.csv");
    writeFileSync(naCsv, `${withNa.join("\n")}\n`);
    const args = (input: string) =>
      fracval(
        "stats",
        "metrics",
        "--input",
        input,
        "--time",
        "time",
        "--event",
        "status",
        "--score",
        "ecog",
        "--horizon",
        "180,365",
        "--tau",
        "500",
        "--compare",
        "age",
        "--group",
        "sex",
        "--risk",
        "risk@180",
      );
    const complete = args(lungCsv);
    const dropped = args(naCsv);
    expect(dropped.status, dropped.stderr).toBe(0);
    const out = JSON.parse(dropped.stdout);
    expect(out.omitted).toEqual({ rows: 5, byColumn: { time: 1, ecog: 1, age: 1, sex: 1, risk: 1 } });
    // The row with NA only in wt_loss, a column this analysis does not use, is analysed.
    expect(out.n).toBe(golden.datasets.lung.time.length + 1);
    // Without the extra complete row the numbers are R's: check that by dropping it too.
    const withoutExtra = join(dir, "lung-na-only.csv");
    writeFileSync(withoutExtra, `${withNa.slice(0, -1).join("\n")}\n`);
    const exact = JSON.parse(args(withoutExtra).stdout);
    const { omitted, ...rest } = exact;
    expect(omitted.rows).toBe(5);
    expect(rest).toEqual(JSON.parse(complete.stdout));
    expect(rest.harrellC.estimate).toBeCloseTo(golden.results.lung.harrell.ph_ecog.estimate, 9);
    expect(dropped.stderr).toMatch(
      /5 of \d+ rows left out for NA \(as R's na.omit\): "time" 1, "ecog" 1, "age" 1, "sex" 1, "risk" 1; first rows 2, 4, 6, 7, 8/,
    );
  });

  it("names rows as numbered in the file after leaving NA rows out, and refuses a file where every row has NA", () => {
    const file = join(dir, "na-then-bad.csv");
    writeFileSync(file, "time,status,score\n10,1,NA\n11,0,0.4\n-3,1,0.2\n");
    const r = fracval("stats", "metrics", "--input", file, "--time", "time", "--event", "status", "--score", "score");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row 3, column "time": -3 is negative/);
    const all = join(dir, "all-na.csv");
    writeFileSync(all, "time,status,score\n10,1,NA\n11,0,NA\n");
    const a = fracval("stats", "metrics", "--input", all, "--time", "time", "--event", "status", "--score", "score");
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/every row has NA in a column the analysis uses \("score" 2\)/);
  });

  it("orders numeric groups as R's factor levels (1, 2, 10), text groups as text", () => {
    const file = join(dir, "groups.csv");
    const rows = Array.from(
      { length: 30 },
      (_, i) => `${10 + i},${i % 3 === 0 ? 1 : 0},${i / 30},${[2, 10, 1][i % 3]}`,
    );
    writeFileSync(file, `time,status,score,stage\n${rows.join("\n")}\n`);
    const run = (input: string) =>
      fracval(
        "stats",
        "metrics",
        "--input",
        input,
        "--time",
        "time",
        "--event",
        "status",
        "--score",
        "score",
        "--group",
        "stage",
      );
    const groupsOf = (stdout: string) => [
      ...new Set(JSON.parse(stdout).kaplanMeier.map((row: { group: string }) => row.group)),
    ];
    expect(groupsOf(run(file).stdout)).toEqual(["1", "2", "10"]);
    const text = join(dir, "groups-text.csv");
    writeFileSync(
      text,
      readFileSync(file, "utf8").replace(/,10$/gm, ",b").replace(/,2$/gm, ",a").replace(/,1$/gm, ",c"),
    );
    expect(groupsOf(run(text).stdout)).toEqual(["a", "b", "c"]);
  });

  it("refuses an empty cell, saying that NA marks a missing value", () => {
    const file = join(dir, "empty-cell.csv");
    writeFileSync(file, "time,status,score\n10,1,0.5\n12,0,\n");
    const r = fracval("stats", "metrics", "--input", file, "--time", "time", "--event", "status", "--score", "score");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row 2, column "score": "" is not a number \(empty: write NA where the value is missing/);
  });

  it.each([
    ["time,status,score\n10,1,0.5\n-3,0,0.2\n", /row 2, column "time": -3 is negative/],
    [
      "time,status,score\n10,0,0.5\n11,1,0.3\n12,2,0.2\n",
      /row 3, column "status": "2" is not 0 or 1 \(a competing event\? then --cause 1\)/,
    ],
    ["time,status,score\n10,1,0.5\n12,yes,0.2\n", /row 2, column "status": "yes" is not 0 or 1/],
    ["time,status,score\n10,1,0.5\n12,0,\n", /row 2, column "score": "" is not a number/],
    ["time,status,risk\n10,1,0.5\n", /--score: column "score" is not in .* \(columns: time, status, risk\)/],
    ["time,status,score\n10,0,0.5\n12,0,0.2\n", /harrellC: all 2 observations are censored/],
  ])("exits 2 naming the problem: %j", (csv, message) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(file, csv);
    const r = fracval("stats", "metrics", "--input", file, "--time", "time", "--event", "status", "--score", "score");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});

describe("fracval stats metrics --cause 1 (competing risks)", () => {
  const cr = JSON.parse(
    readFileSync(new URL("../../../packages/stats/reference/competing-risks.json", import.meta.url), "utf8"),
  );
  const mel = cr.datasets.find((d: { name: string }) => d.name === "Melanoma");
  const melCsv = join(dir, "melanoma.csv");
  beforeAll(() => {
    const lines = [
      "time,status,s1,s2,ulcer",
      ...mel.time.map((t: number, i: number) =>
        [t, mel.status[i], mel.score[i], mel.score2[i], mel.group[i]].join(","),
      ),
    ];
    writeFileSync(melCsv, `${lines.join("\n")}\n`);
  });

  it("prints cumulative incidence by group, Gray's test, cause-specific AUC(t) and calibration matching R on Melanoma", () => {
    const r = fracval(
      "stats",
      "metrics",
      "--input",
      melCsv,
      "--time",
      "time",
      "--event",
      "status",
      "--score",
      "s1",
      "--cause",
      "1",
      "--horizon",
      "1000,1826",
      "--group",
      "ulcer",
      "--compare",
      "s2",
      "--risk",
      "s1@1826",
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ n: 205, events: 57, competingEvents: 14, cause: 1 });
    const present = mel.cumincByGroup.find((g: { group: string }) => g.group === "present");
    const row = out.cumulativeIncidence.find(
      (c: { group: string; time: number }) => c.group === "present" && c.time === 1826,
    );
    expect(row.estimate).toBeCloseTo(present.est[mel.times.indexOf(1826)], 10);
    expect(row.ci[0]).toBeLessThan(row.estimate);
    expect(out.grayTest.statistic).toBeCloseTo(mel.gray.cause1.stat, 8);
    expect(out.grayTest).toMatchObject({ df: 1 });
    const auc = mel.auc.find((a: { model: string; time: number }) => a.model === "s1" && a.time === 1826);
    expect(out.timeDependentAuc[1].estimate).toBeCloseTo(auc.estimate, 6);
    expect(Math.abs(out.timeDependentAuc[1].se - auc.se) / auc.se).toBeLessThan(1e-3);
    const diff = mel.aucDiff.find((a: { time: number }) => a.time === 1826);
    expect(out.comparison.timeDependentAuc[1].difference).toBeCloseTo(-diff.delta, 6); // s1 − s2 here; R reports s2 − s1
    const brier = mel.brier.find((b: { model: string; time: number }) => b.model === "s1" && b.time === 1826);
    expect(out.calibration[0]).toMatchObject({ horizon: 1826, risk: "s1" });
    expect(out.calibration[0].observed).toBeCloseTo(mel.cuminc.est[mel.times.indexOf(1826)], 10);
    expect(out.calibration[0].oeSe * out.calibration[0].expected).toBeCloseTo(
      Math.sqrt(mel.cuminc.var[mel.times.indexOf(1826)]),
      10,
    );
    expect(out.calibration[0].brier).toBeCloseTo(brier.brier, 6);
    expect(out.calibration[0].ipa).toBeCloseTo(brier.ipa, 6);
  });

  it("without --cause behaves as before; a status of 3 exits 2 naming row and column", () => {
    const bad = join(dir, "bad-status.csv");
    writeFileSync(bad, "time,status,score\n10,1,0.5\n12,3,0.2\n");
    const r = fracval(
      "stats",
      "metrics",
      "--input",
      bad,
      "--time",
      "time",
      "--event",
      "status",
      "--score",
      "score",
      "--cause",
      "1",
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row 2, column "status": "3" is not 0 \(censored\), 1 \(event\) or 2 \(competing event\)/);
  });
});

describe("the compiled stats CLI", () => {
  it("is current, is what bin/fracval.js runs for stats, and prints what the TypeScript prints", () => {
    const bundle = fileURLToPath(new URL("../dist/fracval-stats.mjs", import.meta.url));
    const sources = JSON.parse(readFileSync(`${bundle}.sources.json`, "utf8")) as string[];
    expect(sources.some((s) => s.endsWith("packages/stats/src/concordance.ts"))).toBe(true);
    const built = statSync(bundle).mtimeMs;
    expect(sources.every((s) => statSync(s).mtimeMs <= built)).toBe(true);
    const args = [
      "stats",
      "metrics",
      "--input",
      lungCsv,
      "--time",
      "time",
      "--event",
      "status",
      "--score",
      "age",
      "--horizon",
      "180",
      "--tau",
      "500",
    ];
    const compiled = spawnSync(process.execPath, [bundle, ...args], { encoding: "utf8" });
    const transpiled = spawnSync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(new URL("../src/cli/main.ts", import.meta.url)), ...args],
      { encoding: "utf8" },
    );
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(compiled.stdout).toBe(transpiled.stdout);
    expect(JSON.parse(compiled.stdout).harrellC.estimate).toBeCloseTo(golden.results.lung.harrell.age.estimate, 9);
  });
});

describe("fracval stats cox", () => {
  it("prints the fitted model matching coxph", () => {
    const r = fracval(
      "stats",
      "cox",
      "--input",
      lungCsv,
      "--time",
      "time",
      "--event",
      "status",
      "--covariates",
      "age,ecog,wt_loss",
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const want = golden.results.lung.cox;
    expect(out.terms).toEqual(["age", "ecog", "wt_loss"]);
    out.coef.forEach((b: number, k: number) => expect(b).toBeCloseTo(want.coef[k], 7));
    out.se.forEach((s: number, k: number) => expect(s).toBeCloseTo(want.se[k], 7));
    expect(out.lrChisq).toBeCloseTo(want.lrChisq, 7);
    expect(out.hr[0]).toBeCloseTo(Math.exp(want.coef[0]), 7);
    expect(Object.keys(out).sort()).toEqual(
      ["coef", "events", "hr", "hrCi", "lrChisq", "loglik", "n", "p", "scoreChisq", "se", "terms", "waldChisq"].sort(),
    );
  });

  it("leaves out rows with NA in a covariate, as coxph's na.action does, and says how many", () => {
    const lines = readFileSync(lungCsv, "utf8").trim().split("\n");
    const naCsv = join(dir, "lung-cox-na.csv");
    writeFileSync(naCsv, `${[lines[0], "300,1,NA,1,5,1,0.3", ...lines.slice(1), "90,1,70,1,NA,2,0.2"].join("\n")}\n`);
    const cox = (input: string) =>
      fracval(
        "stats",
        "cox",
        "--input",
        input,
        "--time",
        "time",
        "--event",
        "status",
        "--covariates",
        "age,ecog,wt_loss",
      );
    const r = cox(naCsv);
    expect(r.status, r.stderr).toBe(0);
    const { omitted, ...fit } = JSON.parse(r.stdout);
    expect(omitted).toEqual({ rows: 2, byColumn: { age: 1, wt_loss: 1 } });
    expect(fit).toEqual(JSON.parse(cox(lungCsv).stdout));
    expect(fit.coef[0]).toBeCloseTo(golden.results.lung.cox.coef[0], 7);
  });
});

describe("fracval stats meta", () => {
  const meta = JSON.parse(
    readFileSync(new URL("../../../packages/stats/reference/meta-analysis.json", import.meta.url), "utf8"),
  ) as { datasets: { name: string; yi: number[]; sei: number[] }[]; fits: Record<string, unknown>[] };
  const fitOf = (data: string, method: string, hksj: boolean) =>
    meta.fits.find((f) => f.data === data && f.method === method && f.hksj === hksj) as unknown as {
      [key in "estimate" | "se" | "ciLower" | "ciUpper" | "piLower" | "piUpper" | "tau2" | "i2" | "q" | "qP"]: number;
    } & { weights: number[] };
  const plogis = (y: number) => 1 / (1 + Math.exp(-y));

  it("pools three sites' C-statistics on the logit scale and back-transforms, matching metafor (REML + HKSJ)", () => {
    const csv = join(dir, "sites.csv");
    writeFileSync(csv, "site,c,se\nBundang,0.612,0.021\nBoramae,0.655,0.034\nSeverance,0.581,0.028\n");
    const r = fracval(
      "stats",
      "meta",
      "--input",
      csv,
      "--estimate",
      "c",
      "--se",
      "se",
      "--label",
      "site",
      "--scale",
      "logit",
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const want = fitOf("three sites' C-statistics (logit)", "REML", true);
    expect(out).toMatchObject({ k: 3, scale: "logit", method: "REML", hksj: true });
    expect(out.pooled.estimate).toBeCloseTo(plogis(want.estimate), 9);
    expect(out.pooled.ci.lower).toBeCloseTo(plogis(want.ciLower), 9);
    expect(out.pooled.ci.upper).toBeCloseTo(plogis(want.ciUpper), 9);
    expect(out.pooled.se).toBeCloseTo(want.se, 9);
    expect(out.predictionInterval.lower).toBeCloseTo(plogis(want.piLower), 9);
    expect(out.predictionInterval.upper).toBeCloseTo(plogis(want.piUpper), 9);
    expect(out.tau2).toBeCloseTo(want.tau2, 9);
    expect(out.i2).toBeCloseTo(want.i2, 9);
    expect(out.q).toBeCloseTo(want.q, 9);
    expect(out.studies.map((s: { label: string }) => s.label)).toEqual(["Bundang", "Boramae", "Severance"]);
    out.studies.forEach((s: { weight: number; estimate: number }, i: number) =>
      expect(s.weight).toBeCloseTo(want.weights[i]!, 9),
    );
    expect(out.studies[0].estimate).toBe(0.612);
  });

  it("leaves out a site whose estimate or SE is NA, as rma does, labelling the rest by their rows in the file", () => {
    const csv = join(dir, "sites-na.csv");
    writeFileSync(csv, "c,se\n0.612,0.021\n0.7,NA\n0.655,0.034\nNA,0.02\n0.581,0.028\n");
    const r = fracval("stats", "meta", "--input", csv, "--estimate", "c", "--se", "se", "--scale", "logit");
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const want = fitOf("three sites' C-statistics (logit)", "REML", true);
    expect(out.k).toBe(3);
    expect(out.pooled.estimate).toBeCloseTo(plogis(want.estimate), 9);
    expect(out.studies.map((s: { label: string }) => s.label)).toEqual(["row 1", "row 3", "row 5"]);
    expect(out.omitted).toEqual({ rows: 2, byColumn: { c: 1, se: 1 } });
    expect(r.stderr).toMatch(/2 of 5 rows left out for NA/);
  });

  it("pools differences as they are with DerSimonian-Laird and no HKSJ (dat.bcg), matching metafor", () => {
    const bcg = meta.datasets.find((d) => d.name.startsWith("dat.bcg"))!;
    const csv = join(dir, "bcg.csv");
    writeFileSync(csv, `yi,sei\n${bcg.yi.map((y, i) => `${y},${bcg.sei[i]}`).join("\n")}\n`);
    const r = fracval(
      "stats",
      "meta",
      "--input",
      csv,
      "--estimate",
      "yi",
      "--se",
      "sei",
      "--method",
      "DL",
      "--no-hksj",
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const want = fitOf(bcg.name, "DL", false);
    expect(out).toMatchObject({ k: 13, scale: "identity", method: "DL", hksj: false });
    expect(out.pooled.estimate).toBeCloseTo(want.estimate, 9);
    expect(out.predictionInterval.lower).toBeCloseTo(want.piLower, 9);
    expect(out.qP).toBeCloseTo(want.qP, 9);
    expect(out.studies[12].label).toBe("row 13");
  });

  it("names the row and column of an estimate the scale cannot take, and a bad --method", () => {
    const csv = join(dir, "bad.csv");
    writeFileSync(csv, "c,se\n0.61,0.02\n1.2,0.03\n");
    const r = fracval("stats", "meta", "--input", csv, "--estimate", "c", "--se", "se", "--scale", "logit");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row 2, column "c": 1.2 must lie strictly between 0 and 1 for the logit scale/);
    const m = fracval("stats", "meta", "--input", csv, "--estimate", "c", "--se", "se", "--method", "PM");
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/--method: "PM" must be REML or DL/);
  });
});
