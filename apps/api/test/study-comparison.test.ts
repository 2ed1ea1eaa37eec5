// The cross-site comparison and the exports: small-cell protection by site access, patient-level
// export for the own site only (audited), metrics as CSV and JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createValidationRun, FileContentStore, loadUserViewer, registerModelDirectory } from "@fracval/core";
import { ModelCache, scoreRunBatch } from "@fracval/worker";
import { createTestDatabase, sessionTokenFor, type TestDatabase } from "@fracval/testing";
import { strFromU8, unzipSync } from "fflate";
import { startTestApi, type TestApi } from "./support/api.js";

let t: TestDatabase;
let api: TestApi;
let runId: string;
let studyId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  api = await startTestApi(t.db);
  const store = new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-cmp-store-")));
  await registerModelDirectory(t.db, store, fileURLToPath(new URL("../../../models/", import.meta.url)));
  const study = await t.db.study.findFirstOrThrow({ where: { slug: "xray-deepsurv" } });
  studyId = study.id;
  const dataset = await t.db.validationDataset.findFirstOrThrow({ where: { site: { code: "Severance" } } });
  await t.db.validationDataset.update({ where: { id: dataset.id }, data: { studyId } });
  const model = await t.db.modelVersion.findFirstOrThrow({ where: { family: "clinical-coxph-m1" } });
  const users = await t.db.user.findMany();
  for (const u of users) tokens[u.email] = await sessionTokenFor(u);
  const member = (await loadUserViewer(
    t.db,
    users.find((u) => u.email === "investigator.severance@fracval.demo")!.id,
  ))!;
  // Score in-process (no queue): the same job function the workers run.
  const run = await createValidationRun(
    t.db,
    member,
    { modelVersionId: model.id, datasetId: dataset.id },
    async () => {},
  );
  runId = run.id;
  const patients = await t.db.patient.findMany({ where: { datasetId: dataset.id }, select: { id: true } });
  await scoreRunBatch(t.db, new ModelCache(store, 2, () => {}), { runId, patientIds: patients.map((p) => p.id) });
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const query = `query($s: ID!) { studyComparison(studyId: $s) { site { code } modelVersion { family } smallCell hidden metrics { metric scoreSource estimate } } }`;
type Row = {
  site: { code: string };
  modelVersion: { family: string };
  smallCell: boolean;
  hidden: boolean;
  metrics: { metric: string; scoreSource: string; estimate: number }[];
};

const releaseMutation = `mutation($id: ID!, $c: String!) { releaseValidationRun(id: $id, comment: $c) {
  release { state by comment } } }`;
const withdrawMutation = `mutation($id: ID!, $c: String!) { withdrawValidationRun(id: $id, comment: $c) {
  release { state by comment } } }`;
const lead = "investigator.severance@fracval.demo"; // the demo seed makes each site's investigator its lead

/** Tests that read the results as the network does need them released (the gate test below ends so). */
async function ensureReleased(): Promise<void> {
  const run = await t.db.validationRun.findUniqueOrThrow({ where: { id: runId } });
  if (run.releaseState !== "RELEASED")
    expect((await api.gql(releaseMutation, { id: runId, c: "reviewed" }, tokens[lead])).errors).toBeUndefined();
}

describe("the site release gate", () => {
  const rowsFor = async (who: string) =>
    (await api.gql<{ studyComparison: Row[] }>(query, { s: studyId }, tokens[who])).data!.studyComparison;
  const flowFor = async (who: string) =>
    (
      await api.gql<{
        run: {
          participantFlow: { analysed: number } | null;
          release: { state: string };
          curves: { withheldParts: number; incidence: { groups: { name: string; n: number }[] } | null } | null;
        };
      }>(
        `query($r: ID!) { run(id: $r) { participantFlow { analysed } release { state }
          curves { withheldParts incidence { groups { name n } } } } }`,
        { r: runId },
        tokens[who],
      )
    ).data!.run;

  it("a finished run is DRAFT: its site and ADMINs see it, the PI sees no row, no flow and no export", async () => {
    expect(await t.db.validationRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      status: "SUCCEEDED",
      releaseState: "DRAFT",
    });
    expect(await rowsFor(lead)).toHaveLength(1);
    expect(await rowsFor("admin@fracval.demo")).toHaveLength(1);
    expect(await rowsFor("pi@fracval.demo")).toEqual([]);
    expect(await flowFor("pi@fracval.demo")).toEqual({
      participantFlow: null,
      release: { state: "DRAFT" },
      curves: null,
    });
    const own = await flowFor(lead);
    expect(own.participantFlow).not.toBeNull();
    // The site sees its whole (small) cohort's curves: incidence by tertile of the model score.
    expect(own.curves!.withheldParts).toBe(0);
    expect(own.curves!.incidence!.groups.map((g) => g.name)).toEqual(["low tertile", "middle tertile", "high tertile"]);
    expect(own.curves!.incidence!.groups.reduce((sum, g) => sum + g.n, 0)).toBe(20);
    const exported = await fetch(`${api.url}/exports/runs/${runId}/metrics.csv`, {
      headers: { authorization: `Bearer ${tokens["pi@fracval.demo"]}` },
    });
    expect(exported.status).toBe(403);
    expect(await exported.text()).toMatch(/not released by its site yet/);
    const waiting = await api.gql<{ runsAwaitingRelease: { id: string }[] }>(
      "{ runsAwaitingRelease { id } }",
      {},
      tokens[lead],
    );
    expect(waiting.data!.runsAwaitingRelease.map((r) => r.id)).toEqual([runId]);
    const notMine = await api.gql<{ runsAwaitingRelease: unknown[] }>(
      "{ runsAwaitingRelease { id } }",
      {},
      tokens["investigator.boramae@fracval.demo"],
    );
    expect(notMine.data!.runsAwaitingRelease).toEqual([]);
  });

  it("only the site's lead or an ADMIN releases, with a comment; the PI then sees it; withdrawal hides it again", async () => {
    const refused = await api.gql(releaseMutation, { id: runId, c: "looks fine" }, tokens["pi@fracval.demo"]);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const noComment = await api.gql(releaseMutation, { id: runId, c: " " }, tokens[lead]);
    expect(noComment.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(noComment.errors?.[0]?.message).toMatch(/comment/);
    const auditsBefore = await t.db.auditEvent.count({ where: { action: { in: ["run.release", "run.withdraw"] } } });

    const released = await api.gql<{ releaseValidationRun: { release: unknown } }>(
      releaseMutation,
      { id: runId, c: "Checked against our registry" },
      tokens[lead],
    );
    expect(released.data!.releaseValidationRun.release).toEqual({
      state: "RELEASED",
      by: "Seo Severance",
      comment: "Checked against our registry",
    });
    expect(await rowsFor("pi@fracval.demo")).toHaveLength(1);
    const network = await flowFor("pi@fracval.demo");
    expect(network.participantFlow).not.toBeNull();
    // 20 patients: a PI without patient-level access sees no tertile (each fewer than 10 patients).
    expect(network.curves!.withheldParts).toBeGreaterThan(0);
    expect(network.curves!.incidence!.groups).toEqual([]);
    const again = await api.gql(releaseMutation, { id: runId, c: "twice" }, tokens[lead]);
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const withdrawn = await api.gql<{ withdrawValidationRun: { release: unknown } }>(
      withdrawMutation,
      { id: runId, c: "Outcome linkage error found" },
      tokens["admin@fracval.demo"],
    );
    expect(withdrawn.data!.withdrawValidationRun.release).toEqual({
      state: "WITHDRAWN",
      by: "Ada Admin",
      comment: "Outcome linkage error found",
    });
    expect(await rowsFor("pi@fracval.demo")).toEqual([]);
    expect(await flowFor("pi@fracval.demo")).toMatchObject({ participantFlow: null, curves: null });
    const direct = await api.gql<{ metricResults: unknown[] }>(
      "query($r: ID!) { metricResults(runId: $r) { estimate } }",
      { r: runId },
      tokens["pi@fracval.demo"],
    );
    expect(direct.data!.metricResults).toEqual([]);
    expect(await rowsFor(lead)).toHaveLength(1); // the site still sees its own results

    const audits = await t.db.auditEvent.findMany({
      where: { action: { in: ["run.release", "run.withdraw"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audits).toHaveLength(auditsBefore + 2);
    expect(audits.slice(-2).map((a) => [a.action, a.resource, (a.details as { comment: string }).comment])).toEqual([
      ["run.release", runId, "Checked against our registry"],
      ["run.withdraw", runId, "Outcome linkage error found"],
    ]);
    await ensureReleased();
  });
});

describe("studyComparison", () => {
  it("types every metric's details: pair counts, paired tests, calibration with its bins", async () => {
    const res = await api.gql<{
      studyComparison: {
        metrics: {
          metric: string;
          scoreSource: string;
          subgroup: string;
          details: Record<string, unknown>;
        }[];
      }[];
    }>(
      `query($s: ID!) { studyComparison(studyId: $s) { metrics { metric scoreSource subgroup details {
        ciMethod concordant discordant p comparator competingRisks observed expected slope brier ipa
        calibrationBins { n events meanRisk observed observedCiLower observedCiUpper } binsWithheld
      } } } }`,
      { s: studyId },
      tokens["investigator.severance@fracval.demo"],
    );
    expect(res.errors).toBeUndefined();
    const metrics = res.data!.studyComparison[0]!.metrics.filter((m) => m.subgroup === "all");
    const c = metrics.find((m) => m.metric === "harrellC" && m.scoreSource === "model")!.details;
    expect(c).toMatchObject({
      concordant: expect.any(Number),
      discordant: expect.any(Number),
      ciMethod: expect.any(String),
      p: null,
    });
    const diff = metrics.find((m) => m.metric === "harrellCDiff")!.details;
    expect(diff).toMatchObject({ p: expect.any(Number), comparator: expect.any(String), concordant: null });
    const cal = metrics.find((m) => m.metric === "calibrationOE" && m.scoreSource === "model")!.details;
    expect(cal).toMatchObject({
      observed: expect.any(Number),
      expected: expect.any(Number),
      brier: expect.any(Number),
      competingRisks: false,
    });
    const bins = cal.calibrationBins as { n: number; meanRisk: number }[];
    expect(bins.length).toBeGreaterThan(1);
    expect(bins.reduce((s, b) => s + b.n, 0)).toBeGreaterThan(0);
  });

  it("shows a site's small cell to its investigator, with model and FRAX metrics side by side", async () => {
    const res = await api.gql<{ studyComparison: Row[] }>(
      query,
      { s: studyId },
      tokens["investigator.severance@fracval.demo"],
    );
    const [row] = res.data!.studyComparison;
    expect(row).toMatchObject({
      site: { code: "Severance" },
      modelVersion: { family: "clinical-coxph-m1" },
      smallCell: true,
      hidden: false,
    });
    const sources = new Set(row!.metrics.filter((m) => m.metric === "harrellC").map((m) => m.scoreSource));
    // The model, both FRAX columns and the study's other registered clinical baselines, on the same patients;
    // model 3 needs glucocorticoids and secondary osteoporosis, which the demo cohort does not record, so it
    // is left out rather than compared on fewer patients.
    expect(sources).toEqual(new Set(["model", "frax_mof", "frax_hip", "baseline:clinical-coxph-m2@1.0.0"]));
  });

  it("withholds a small cell's numbers from a PI without patient-level access to the site", async () => {
    await ensureReleased();
    const res = await api.gql<{ studyComparison: Row[] }>(query, { s: studyId }, tokens["pi@fracval.demo"]);
    expect(res.data!.studyComparison[0]).toMatchObject({ smallCell: true, hidden: true, metrics: [] });
    const direct = await api.gql<{ metricResults: unknown[] }>(
      "query($r: ID!) { metricResults(runId: $r) { estimate } }",
      { r: runId },
      tokens["pi@fracval.demo"],
    );
    expect(direct.data!.metricResults).toEqual([]); // the same rule on the plain query
  });

  it("shows another site's investigator nothing of Severance", async () => {
    const res = await api.gql<{ studyComparison: Row[] }>(
      query,
      { s: studyId },
      tokens["investigator.boramae@fracval.demo"],
    );
    expect(res.data!.studyComparison).toEqual([]);
  });
});

describe("exports", () => {
  const get = (path: string, token?: string) =>
    fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("predictions CSV: the own site's investigator gets pseudonyms and scores, audited; others are refused", async () => {
    const before = await t.db.auditEvent.count({ where: { action: "predictions.export" } });
    const ok = await get(`/exports/runs/${runId}/predictions.csv`, tokens["investigator.severance@fracval.demo"]);
    expect(ok.status).toBe(200);
    const lines = (await ok.text()).trim().split("\n");
    expect(lines[0]).toBe("manifest_row,pseudonym,score,failure_reason");
    expect(lines).toHaveLength(21);
    expect(lines[1]).toMatch(/^,P[0-9a-f]{24},-?\d/); // seeded demo patients have no manifest row
    expect(await t.db.auditEvent.count({ where: { action: "predictions.export" } })).toBe(before + 1); // audited as an export
    expect(
      (await get(`/exports/runs/${runId}/predictions.csv`, tokens["investigator.boramae@fracval.demo"])).status,
    ).toBe(404); // not Boramae's: as if absent
    expect((await get(`/exports/runs/${runId}/predictions.csv`)).status).toBe(401);
  });

  it("metrics CSV and JSON per run and per study, with small-cell protection", async () => {
    await ensureReleased();
    const csv = await (
      await get(`/exports/runs/${runId}/metrics.csv`, tokens["investigator.severance@fracval.demo"])
    ).text();
    expect(csv.split("\n")[0]).toBe(
      "runId,datasetId,scoreSource,metric,horizonDays,subgroup,estimate,se,ciLower,ciUpper,n,events,details,provenance",
    );
    expect(csv).toMatch(/,model,harrellC,/);
    const json = (await (
      await get(`/exports/runs/${runId}/metrics.json`, tokens["investigator.severance@fracval.demo"])
    ).json()) as { metric: string }[];
    expect(json.some((m) => m.metric === "auroc" || m.metric === "harrellC")).toBe(true);
    const study = (await (await get(`/exports/studies/${studyId}/metrics.json`, tokens["pi@fracval.demo"])).json()) as {
      hidden: boolean;
      metrics: unknown[];
    }[];
    expect(study[0]).toMatchObject({ hidden: true, metrics: [], releaseState: "RELEASED" });
    const studyCsv = (await (await get(`/exports/studies/${studyId}/metrics.csv`, tokens[lead])).text()).split("\n");
    expect(studyCsv[0]).toMatch(/^site,model,releaseState,runId,datasetId,scoreSource,metric,/);
    expect(studyCsv[1]).toMatch(new RegExp(`^Severance,clinical-coxph-m1@1\\.0\\.0,RELEASED,${runId},`));
  });
});

describe("the reproducibility bundle", () => {
  const get = (path: string, token?: string) =>
    fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("zips metrics, curves, flow, model card, provenance and recompute.R; released runs only outside the site", async () => {
    await ensureReleased();
    const res = await get(`/exports/runs/${runId}/bundle.zip`, tokens[lead]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      "README.md",
      "curves.json",
      "metrics.json",
      "model-card.json",
      "participant-flow.json",
      "provenance.json",
      "recompute.R",
    ]);
    const text = (name: string) => strFromU8(files[name]!);
    const metrics = JSON.parse(text("metrics.json")) as {
      metric: string;
      scoreSource: string;
      subgroup: string;
      estimate: number;
    }[];
    expect(metrics.length).toBe(await t.db.metricResult.count({ where: { runId } }));
    const run = await t.db.validationRun.findUniqueOrThrow({ where: { id: runId }, include: { modelVersion: true } });
    expect(JSON.parse(text("provenance.json"))).toMatchObject({
      runId,
      codeVersion: run.codeVersion,
      modelSha256: run.modelVersion.artifactSha256,
      model: "clinical-coxph-m1@1.0.0",
      site: "Severance",
    });
    const c = metrics.find((m) => m.metric === "harrellC" && m.scoreSource === "model" && m.subgroup === "all")!;
    expect(text("recompute.R")).toContain(`harrellC = ${c.estimate}`);
    expect(text("recompute.R")).toContain("concordance(Surv(time, event) ~ d$score, reverse = TRUE)");
    expect(await t.db.auditEvent.count({ where: { action: "bundle.export", resource: runId } })).toBe(1);

    await t.db.validationRun.update({ where: { id: runId }, data: { releaseState: "WITHDRAWN" } });
    expect((await get(`/exports/runs/${runId}/bundle.zip`, tokens["pi@fracval.demo"])).status).toBe(403);
    await t.db.validationRun.update({ where: { id: runId }, data: { releaseState: "RELEASED" } });
  });
});

describe("the dashboard answer cache", () => {
  /** The answer and whether it came from the cache. */
  const ask = async (who: string) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens[who]}` },
      body: JSON.stringify({ query, variables: { s: studyId } }),
    });
    return { cached: response.headers.get("x-answer-cache") === "hit", body: await response.json() };
  };

  it("answers a repeated question from the cache, per principal, and a change of the results at once", async () => {
    await ensureReleased();
    const first = await ask("pi@fracval.demo");
    const again = await ask("pi@fracval.demo");
    expect(again.cached).toBe(true);
    expect(again.body).toEqual(first.body);
    expect((first.body as { data: { studyComparison: Row[] } }).data.studyComparison).toHaveLength(1);
    // Another principal never gets the PI's answer: a PARTNER-like view of another site sees its own rules.
    const other = await ask("investigator.bundang@fracval.demo");
    expect(other.cached).toBe(false);
    // The site withdraws its release: the PI's next answer is computed afresh, without the row.
    expect((await api.gql(withdrawMutation, { id: runId, c: "re-checking" }, tokens[lead])).errors).toBeUndefined();
    const afterWithdrawal = await ask("pi@fracval.demo");
    expect(afterWithdrawal.cached).toBe(false);
    expect(afterWithdrawal.body).toEqual({ data: { studyComparison: [] } });
    // Metric rows edited in place (no new row, no new date) change the answer too (seen by the site's own
    // investigator: this small cohort's numbers are withheld from everyone else).
    await ensureReleased();
    const before = await ask(lead);
    expect(
      (before.body as { data: { studyComparison: Row[] } }).data.studyComparison[0]!.metrics.length,
    ).toBeGreaterThan(0);
    expect((await ask(lead)).cached).toBe(true);
    const rows = await t.db.metricResult.findMany({ where: { runId }, select: { id: true, estimate: true } });
    await t.db.metricResult.updateMany({ where: { runId }, data: { estimate: { increment: 0.001 } } });
    const edited = await ask(lead);
    expect(edited.cached).toBe(false);
    expect(edited.body).not.toEqual(before.body);
    for (const r of rows) await t.db.metricResult.update({ where: { id: r.id }, data: { estimate: r.estimate } });
    // A query that is not only study results is never kept.
    const mixed = `query($s: ID!) { me { email } studyComparison(studyId: $s) { hidden } }`;
    for (let k = 0; k < 2; k++) {
      const response = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens["pi@fracval.demo"]}` },
        body: JSON.stringify({ query: mixed, variables: { s: studyId } }),
      });
      expect(response.headers.get("x-answer-cache")).toBeNull();
    }
  });
});
