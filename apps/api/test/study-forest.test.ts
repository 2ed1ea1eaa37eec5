// Forest plots with pooled estimates through the API: each site's latest run of a model version, the
// random-effects pooled C on the logit scale (= poolOnScale, itself = metafor), and only what the viewer may
// see drawn and pooled — a site's draft only for that site, a small cell for nobody outside it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOnScale } from "@fracval/stats";
import { createTestDatabase, sessionTokenFor, type TestDatabase } from "@fracval/testing";
import { startTestApi, type TestApi } from "./support/api.js";

let t: TestDatabase;
let api: TestApi;
let studyId: string;
const tokens: Record<string, string> = {};

/** Per site: Harrell's C, its SE and the release state of the run; Severance's run is small (12 patients). */
const SITES = [
  { code: "Boramae", c: 0.71, se: 0.021, n: 800, events: 90, release: "RELEASED" },
  { code: "Bundang", c: 0.64, se: 0.025, n: 600, events: 70, release: "RELEASED" },
  { code: "Severance", c: 0.6, se: 0.03, n: 500, events: 60, release: "DRAFT" },
] as const;

/** A READY validation set of a site with one finished run of the model version, in the given release state. */
async function finishedCohort(
  name: string,
  siteId: string,
  modelVersionId: string,
  patientCount: number,
  releaseState: "RELEASED" | "DRAFT",
) {
  const dataset = await t.db.validationDataset.create({
    data: { name, siteId, studyId, status: "READY", patientCount },
  });
  const run = await t.db.validationRun.create({
    data: {
      modelVersionId,
      datasetId: dataset.id,
      codeVersion: "test",
      status: "SUCCEEDED",
      finishedAt: new Date(),
      releaseState,
    },
  });
  return { dataset, run };
}

beforeAll(async () => {
  t = await createTestDatabase();
  api = await startTestApi(t.db);
  for (const u of await t.db.user.findMany()) tokens[u.email] = await sessionTokenFor(u);
  const study = await t.db.study.findFirstOrThrow({ where: { slug: "ct-bone-muscle" } });
  studyId = study.id;
  const model = await t.db.modelVersion.create({
    data: {
      family: "forest-test",
      version: "1.0.0",
      studyId,
      kind: "CLINICAL_BASELINE",
      modality: study.modality,
      task: "SCORE",
      outputSemantics: "score",
      artifactSha256: "0".repeat(64),
      artifactStorageKey: "none",
      manifest: {},
    },
  });
  for (const s of SITES) {
    const site = await t.db.site.findUniqueOrThrow({ where: { code: s.code } });
    const { dataset, run } = await finishedCohort(`${s.code} forest cohort`, site.id, model.id, s.n, s.release);
    const row = { datasetId: dataset.id, runId: run.id, provenance: {}, horizonDays: null, subgroup: "all" };
    await t.db.metricResult.createMany({
      data: [
        { ...row, metric: "harrellC", scoreSource: "model", estimate: s.c, se: s.se, n: s.n, events: s.events },
        {
          ...row,
          metric: "harrellCDiff",
          scoreSource: "model-vs-frax_mof",
          estimate: s.c - 0.6,
          se: 0.02,
          ciLower: s.c - 0.6 - 0.0392,
          ciUpper: s.c - 0.6 + 0.0392,
          n: s.n,
          events: s.events,
          details: { p: s.c === 0.71 ? 0.0001 : 0.04 },
        },
      ],
    });
  }
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const forestQuery = `query($s: ID!, $m: MetricName!, $src: String) {
  studyForest(studyId: $s, metric: $m, scoreSource: $src) {
    modelVersion { family } scale notPooled
    sites { site { code } estimate ciLower ciUpper weight p run { release { state } } }
    pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
  }
}`;
type Forest = {
  scale: string;
  notPooled: string | null;
  sites: { site: { code: string }; estimate: number; weight: number | null; run: { release: { state: string } } }[];
  pooled: Record<string, number | string | boolean> | null;
};

async function forestFor(who: string, metric = "harrellC", scoreSource?: string) {
  const res = await api.gql<{ studyForest: Forest[] }>(
    forestQuery,
    { s: studyId, m: metric, src: scoreSource ?? null },
    tokens[who],
  );
  expect(res.errors).toBeUndefined();
  return res.data!.studyForest.find(
    (f) => (f as unknown as { modelVersion: { family: string } }).modelVersion.family === "forest-test",
  )!;
}

describe("studyForest", () => {
  it("a PI sees the released sites and their pooled C on the logit scale, as metafor gives it", async () => {
    const forest = await forestFor("pi@fracval.demo");
    expect(forest.scale).toBe("logit");
    // Severance's draft is not shown (Bundang is the demo PI's own site, released here anyway).
    expect(forest.sites.map((s) => s.site.code)).toEqual(["Boramae", "Bundang"]);
    const want = poolOnScale([0.71, 0.64], [0.021, 0.025], "logit");
    expect(forest.pooled).toMatchObject({ k: 2, method: "REML", hksj: true });
    expect(forest.pooled!.estimate).toBeCloseTo(want.pooled.estimate, 12);
    expect(forest.pooled!.ciLower).toBeCloseTo(want.pooled.ci.lower, 12);
    expect(forest.pooled!.predictionUpper).toBeCloseTo(want.predictionInterval.upper, 12);
    expect(forest.pooled!.i2).toBeCloseTo(want.i2, 12);
    expect(forest.sites.map((s) => s.weight)).toEqual(want.studies.map((s) => s.weight));
    expect(forest.pooled!.estimate).toBeGreaterThan(0.64);
    expect(forest.pooled!.estimate).toBeLessThan(0.71);
  });

  it("the site's own investigator sees its draft (investigators see their own sites only); an ADMIN pools all three", async () => {
    const own = await forestFor("investigator.severance@fracval.demo");
    expect(own.sites.map((s) => [s.site.code, s.run.release.state])).toEqual([["Severance", "DRAFT"]]);
    expect(own.pooled).toBeNull();
    // The network's view (the study report): released results only, the own draft left out.
    const released = await api.gql<{ studyForest: unknown[]; studyComparison: unknown[] }>(
      `query($s: ID!) {
        studyForest(studyId: $s, metric: harrellC, releasedOnly: true) { sites { site { code } } }
        studyComparison(studyId: $s, releasedOnly: true) { site { code } }
      }`,
      { s: studyId },
      tokens["investigator.severance@fracval.demo"],
    );
    expect(released.errors).toBeUndefined();
    expect(released.data).toEqual({ studyForest: [], studyComparison: [] });
    const forest = await forestFor("admin@fracval.demo");
    expect(forest.sites.map((s) => [s.site.code, s.run.release.state])).toEqual([
      ["Boramae", "RELEASED"],
      ["Bundang", "RELEASED"],
      ["Severance", "DRAFT"],
    ]);
    const want = poolOnScale([0.71, 0.64, 0.6], [0.021, 0.025, 0.03], "logit");
    expect(forest.pooled!.k).toBe(3);
    expect(forest.pooled!.estimate).toBeCloseTo(want.pooled.estimate, 12);
    expect(forest.pooled!.tau2).toBeCloseTo(want.tau2, 12);
  });

  it("differences model − FRAX are pooled on the identity scale", async () => {
    const forest = await forestFor("admin@fracval.demo", "harrellCDiff", "model-vs-frax_mof");
    expect(forest.scale).toBe("identity");
    // Each site's paired test p-value rides along (the matrix of differences shows it).
    expect(forest.sites.map((s) => (s as unknown as { p: number | null }).p)).toEqual([0.0001, 0.04, 0.04]);
    const want = poolOnScale([0.11, 0.04, 0], [0.02, 0.02, 0.02], "identity");
    expect(forest.pooled!.estimate).toBeCloseTo(want.pooled.estimate, 10);
  });

  it("recomputed metrics (the metrics job replaces a run's rows) show at once: the cached study snapshot is renewed", async () => {
    const before = await forestFor("pi@fracval.demo");
    expect(before.sites.find((s) => s.site.code === "Bundang")!.estimate).toBe(0.64);
    const row = await t.db.metricResult.findFirstOrThrow({
      where: {
        metric: "harrellC",
        dataset: { site: { code: "Bundang" } },
        run: { modelVersion: { family: "forest-test" } },
      },
    });
    await t.db.$transaction([
      t.db.metricResult.delete({ where: { id: row.id } }),
      t.db.metricResult.create({ data: { ...row, id: undefined, estimate: 0.66, details: undefined, provenance: {} } }),
    ]);
    const after = await forestFor("pi@fracval.demo");
    expect(after.sites.find((s) => s.site.code === "Bundang")!.estimate).toBe(0.66);
  });

  it("one row per site × model version: the site's newest dataset with a released run, or the one designated", async () => {
    const boramae = await t.db.site.findUniqueOrThrow({ where: { code: "Boramae" } });
    const model = await t.db.modelVersion.findFirstOrThrow({ where: { family: "forest-test" } });
    const original = await t.db.validationDataset.findFirstOrThrow({ where: { name: "Boramae forest cohort" } });
    // A newer released cohort (C 0.75) and a newest one whose run is still a draft (C 0.9).
    const addCohort = async (name: string, c: number, releaseState: "RELEASED" | "DRAFT") => {
      const { dataset, run } = await finishedCohort(name, boramae.id, model.id, 700, releaseState);
      await t.db.metricResult.create({
        data: {
          datasetId: dataset.id,
          runId: run.id,
          provenance: {},
          subgroup: "all",
          metric: "harrellC",
          scoreSource: "model",
          estimate: c,
          se: 0.02,
          n: 700,
          events: 80,
        },
      });
      return dataset;
    };
    const released = await addCohort("Boramae 2026 cohort", 0.75, "RELEASED");
    const draft = await addCohort("Boramae 2027 cohort (draft)", 0.9, "DRAFT");
    const boramaeC = async (who: string, datasets: string[] | null) => {
      const res = await api.gql<{ studyForest: (Forest & { modelVersion: { family: string } })[] }>(
        `query($s: ID!, $d: [ID!]) {
          studyForest(studyId: $s, metric: harrellC, datasets: $d) {
            modelVersion { family } sites { site { code } estimate dataset { name } }
          }
        }`,
        { s: studyId, d: datasets },
        tokens[who],
      );
      return res.errors
        ? res.errors[0]!.message
        : res
            .data!.studyForest.find((f) => f.modelVersion.family === "forest-test")!
            .sites.filter((x) => x.site.code === "Boramae")
            .map((x) => x.estimate);
    };
    // By default: one Boramae row, from the newest dataset with a released run (not the newer draft).
    expect(await boramaeC("pi@fracval.demo", null)).toEqual([0.75]);
    expect(await boramaeC("admin@fracval.demo", null)).toEqual([0.75]);
    // Designated: the original cohort.
    expect(await boramaeC("pi@fracval.demo", [original.id])).toEqual([0.71]);
    // The ADMIN (who sees drafts) may designate the draft; for the PI it does not exist.
    expect(await boramaeC("admin@fracval.demo", [draft.id])).toEqual([0.9]);
    expect(await boramaeC("pi@fracval.demo", [draft.id])).toBe(
      `Dataset ${draft.id} has no results in study ${studyId} that you may see; it cannot be designated.`,
    );
    expect(await boramaeC("pi@fracval.demo", [original.id, released.id])).toBe(
      `Datasets ${original.id} and ${released.id} are both of site Boramae: designate one dataset per site.`,
    );
    // The choices per site, newest first, with the default.
    const choices = await api.gql<{
      studyResultDatasets: { site: { code: string }; datasets: { name: string }[]; defaultDataset: { name: string } }[];
    }>(
      `query($s: ID!) { studyResultDatasets(studyId: $s) {
        site { code } datasets { name } defaultDataset { name } } }`,
      { s: studyId },
      tokens["pi@fracval.demo"],
    );
    const boramaeChoices = choices.data!.studyResultDatasets.find((c) => c.site.code === "Boramae")!;
    expect(boramaeChoices.datasets.map((d) => d.name)).toEqual(["Boramae 2026 cohort", "Boramae forest cohort"]);
    expect(boramaeChoices.defaultDataset.name).toBe("Boramae 2026 cohort");
    // The table agrees: one Boramae row for the model version.
    const table = await api.gql<{ studyComparison: { site: { code: string }; dataset: { name: string } }[] }>(
      `query($s: ID!) { studyComparison(studyId: $s) { site { code } modelVersion { family } dataset { name } } }`,
      { s: studyId },
      tokens["pi@fracval.demo"],
    );
    const rows = table.data!.studyComparison.filter(
      (r) =>
        r.site.code === "Boramae" &&
        (r as unknown as { modelVersion: { family: string } }).modelVersion.family === "forest-test",
    );
    expect(rows.map((r) => r.dataset.name)).toEqual(["Boramae 2026 cohort"]);
  });

  it("calibration slope pooled from its Wald CI on the identity scale; Brier and IPA drawn, not pooled", async () => {
    const runs = await t.db.validationRun.findMany({
      where: {
        modelVersion: { family: "forest-test" },
        dataset: { name: { in: ["Bundang forest cohort", "Boramae 2026 cohort"] } },
      },
      include: { dataset: true },
    });
    const slopes = { "Bundang forest cohort": [0.8, 0.6, 1.0], "Boramae 2026 cohort": [1.1, 0.92, 1.28] } as const;
    for (const run of runs) {
      const [slope, lower, upper] = slopes[run.dataset.name as keyof typeof slopes];
      await t.db.metricResult.create({
        data: {
          datasetId: run.datasetId,
          runId: run.id,
          provenance: {},
          subgroup: "all",
          metric: "calibrationOE",
          scoreSource: "model",
          horizonDays: 1826,
          estimate: 1.2,
          se: 0.1,
          n: 600,
          events: 70,
          details: { slope, slopeCiLower: lower, slopeCiUpper: upper, brier: 0.08, ipa: 0.05 },
        },
      });
    }
    const forestOf = async (statistic: string, metric = "calibrationOE") => {
      const res = await api.gql<{ studyForest: (Forest & { modelVersion: { family: string }; statistic: string })[] }>(
        `query($s: ID!, $m: MetricName!, $st: ForestStatistic) {
          studyForest(studyId: $s, metric: $m, statistic: $st) {
            modelVersion { family } statistic scale notPooled sites { site { code } estimate ciLower ciUpper weight }
            pooled { k estimate ciLower ciUpper }
          }
        }`,
        { s: studyId, m: metric, st: statistic },
        tokens["pi@fracval.demo"],
      );
      return res.errors
        ? res.errors[0]!.message
        : res.data!.studyForest.find((f) => f.modelVersion.family === "forest-test")!;
    };
    const slope = (await forestOf("CALIBRATION_SLOPE")) as Forest & { statistic: string };
    expect(slope.statistic).toBe("CALIBRATION_SLOPE");
    expect(slope.scale).toBe("identity");
    expect(slope.sites.map((s) => [s.site.code, s.estimate])).toEqual([
      ["Boramae", 1.1],
      ["Bundang", 0.8],
    ]);
    const z = 1.959963984540054;
    const want = poolOnScale([1.1, 0.8], [0.36 / (2 * z), 0.4 / (2 * z)], "identity");
    expect(slope.pooled!.estimate).toBeCloseTo(want.pooled.estimate, 10);
    expect(slope.pooled!.ciLower).toBeCloseTo(want.pooled.ci.lower, 10);
    const brier = (await forestOf("BRIER")) as Forest;
    expect(brier.sites.map((s) => s.estimate)).toEqual([0.08, 0.08]);
    expect(brier.pooled).toBeNull();
    expect(brier.notPooled).toBe(
      "the Brier score and IPA are stored without a standard error: shown per site, not pooled",
    );
    expect(await forestOf("IPA", "harrellC")).toBe("The statistic IPA belongs to calibrationOE rows, not to harrellC.");
  });

  it("everySource: one plot per model version and score source, model first", async () => {
    const run = await t.db.validationRun.findFirstOrThrow({
      where: { modelVersion: { family: "forest-test" }, dataset: { name: "Bundang forest cohort" } },
    });
    await t.db.metricResult.create({
      data: {
        datasetId: run.datasetId,
        runId: run.id,
        provenance: {},
        subgroup: "all",
        metric: "harrellC",
        scoreSource: "frax_mof",
        estimate: 0.58,
        se: 0.03,
        n: 600,
        events: 70,
      },
    });
    const res = await api.gql<{
      studyForest: { modelVersion: { family: string }; scoreSource: string; sites: { estimate: number }[] }[];
    }>(
      `query($s: ID!) { studyForest(studyId: $s, metric: harrellC, everySource: true) {
        modelVersion { family } scoreSource sites { estimate } } }`,
      { s: studyId },
      tokens["pi@fracval.demo"],
    );
    const plots = res.data!.studyForest.filter((f) => f.modelVersion.family === "forest-test");
    expect(plots.map((p) => p.scoreSource)).toEqual(["model", "frax_mof"]);
    expect(plots[1]!.sites.map((s) => s.estimate)).toEqual([0.58]);
  });

  it("one site: drawn, not pooled, and the reason given", async () => {
    await t.db.validationRun.updateMany({
      where: { dataset: { site: { code: "Boramae" } }, modelVersion: { family: "forest-test" } },
      data: { releaseState: "WITHDRAWN" },
    });
    const forest = await forestFor("pi@fracval.demo");
    // Boramae withdrew its results; Bundang is the PI's own site; Severance's is still a draft.
    expect(forest.sites.map((s) => s.site.code)).toEqual(["Bundang"]);
    expect(forest.pooled).toBeNull();
    expect(forest.notPooled).toBe("fewer than two sites with a standard error");
  });
});
