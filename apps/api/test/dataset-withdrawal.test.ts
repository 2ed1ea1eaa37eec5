// A site withdraws a validation set: its patients, their images (blobs no other dataset uses) and every
// prediction go; the finished run keeps its aggregate metrics and curves; only the site may do it, with a
// reason, and it is audited. The test fails on code without withdrawal (no mutation).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createValidationRun, FileContentStore, loadUserViewer, registerModelDirectory } from "@fracval/core";
import { ModelCache, scoreRunBatch } from "@fracval/worker";
import { createTestDatabase, sessionTokenFor, type TestDatabase } from "@fracval/testing";
import { startTestApi, type TestApi } from "./support/api.js";

let t: TestDatabase;
let api: TestApi;
let store: FileContentStore;
let datasetId: string;
let runId: string;
const tokens: Record<string, string> = {};
const blobs: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  api = await startTestApi(t.db);
  store = new FileContentStore(api.storeDir);
  await registerModelDirectory(t.db, store, fileURLToPath(new URL("../../../models/", import.meta.url)));
  for (const u of await t.db.user.findMany()) tokens[u.email] = await sessionTokenFor(u);
  const dataset = await t.db.validationDataset.findFirstOrThrow({ where: { site: { code: "Severance" } } });
  datasetId = dataset.id;
  const model = await t.db.modelVersion.findFirstOrThrow({ where: { family: "clinical-coxph-m1" } });
  const member = (await loadUserViewer(
    t.db,
    (
      await t.db.user.findUniqueOrThrow({ where: { email: "investigator.severance@fracval.demo" } })
    ).id,
  ))!;
  const run = await createValidationRun(t.db, member, { modelVersionId: model.id, datasetId }, async () => {});
  runId = run.id;
  const patients = await t.db.patient.findMany({ where: { datasetId }, select: { id: true }, orderBy: { id: "asc" } });
  await scoreRunBatch(t.db, new ModelCache(store, 2, () => {}), { runId, patientIds: patients.map((p) => p.id) });
  // Images: a radiograph, a CT series (an index and its slices) and a file another dataset uses too.
  blobs.xray = await store.put(new TextEncoder().encode("radiograph bytes"));
  blobs.slice1 = await store.put(new TextEncoder().encode("slice 1"));
  blobs.slice2 = await store.put(new TextEncoder().encode("slice 2"));
  blobs.index = await store.put(new TextEncoder().encode(JSON.stringify({ series: [blobs.slice1, blobs.slice2] })));
  blobs.shared = await store.put(new TextEncoder().encode("the same file uploaded twice"));
  const series = (patientId: string, storageKey: string, modality: "XRAY" | "CT") =>
    t.db.imageSeries.create({ data: { patientId, modality, storageKey, sha256: storageKey, rows: 1, columns: 1 } });
  await series(patients[0]!.id, blobs.xray, "XRAY");
  await series(patients[1]!.id, blobs.index, "CT");
  await series(patients[2]!.id, blobs.shared, "XRAY");
  const other = await t.db.patient.findFirstOrThrow({ where: { dataset: { site: { code: "Boramae" } } } });
  await series(other.id, blobs.shared, "XRAY");
}, 90_000);

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const withdraw = `mutation($id: ID!, $r: String!) { withdrawValidationDataset(id: $id, reason: $r) {
  status withdrawnAt withdrawReason } }`;

describe("withdrawValidationDataset", () => {
  it("only the site's members may withdraw, and only with a reason; nothing changes otherwise", async () => {
    const other = await api.gql(
      withdraw,
      { id: datasetId, r: "not ours" },
      tokens["investigator.boramae@fracval.demo"],
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const pi = await api.gql(withdraw, { id: datasetId, r: "tidying" }, tokens["pi@fracval.demo"]);
    expect(pi.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const noReason = await api.gql(withdraw, { id: datasetId, r: " " }, tokens["investigator.severance@fracval.demo"]);
    expect(noReason.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await t.db.patient.count({ where: { datasetId } })).toBe(20);
  });

  it("deletes patients, images and predictions; the run keeps its metrics and curves; audited", async () => {
    const metricsBefore = await t.db.metricResult.count({ where: { runId } });
    expect(metricsBefore).toBeGreaterThan(0);
    const res = await api.gql<{ withdrawValidationDataset: { status: string; withdrawReason: string } }>(
      withdraw,
      { id: datasetId, r: "consent withdrawn for part of the cohort" },
      tokens["investigator.severance@fracval.demo"],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.withdrawValidationDataset).toMatchObject({
      status: "WITHDRAWN",
      withdrawReason: "consent withdrawn for part of the cohort",
    });
    expect(await t.db.patient.count({ where: { datasetId } })).toBe(0);
    expect(await t.db.prediction.count({ where: { runId } })).toBe(0);
    expect(await t.db.imageSeries.count({ where: { storageKey: { in: [blobs.xray!, blobs.index!] } } })).toBe(0);
    for (const key of ["xray", "index", "slice1", "slice2"]) expect(await store.has(blobs[key]!)).toBe(false);
    expect(await store.has(blobs.shared!)).toBe(true); // still another dataset's image
    expect(await t.db.metricResult.count({ where: { runId } })).toBe(metricsBefore);
    const run = await t.db.validationRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.curves).not.toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "dataset.withdraw", resource: datasetId },
    });
    expect(audit.details).toMatchObject({ patients: 20, predictions: 20, runsCancelled: 0 });
    const again = await api.gql(withdraw, { id: datasetId, r: "twice" }, tokens["investigator.severance@fracval.demo"]);
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });
});
