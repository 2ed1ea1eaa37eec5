// The storage backend failing under a real worker (real PostgreSQL and pg-boss; the store wrapped to fail):
// transiently (the first writes or reads fail) the job is retried and finishes, each patient once; for good,
// the dataset is REJECTED or the run FAILED with the reason, and nothing half-written stays behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createValidationRun,
  datasetUploadFolder,
  FileContentStore,
  loadUserViewer,
  registerModelDirectory,
  startIngestion,
  type ContentStore,
  type Viewer,
} from "@fracval/core";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { createTestDatabase, TEST_PSEUDONYM_SECRET, waitFor, type TestDatabase } from "@fracval/testing";
import { ModelCache, startWorker, type RunningWorker } from "../src/index.js";
import { startProducer, type Producer } from "./support/producer.js";

const N = 12;
const root = fileURLToPath(new URL("../../../", import.meta.url));
const source = mkdtempSync(join(tmpdir(), "fracval-storage-fault-source-"));
let t: TestDatabase;
let producer: Producer;
let investigator: Viewer;

/** A filesystem store whose writes (or reads) fail while `failing()` says so. */
function faultyStore(
  inner: FileContentStore,
  failing: { writes: () => boolean; reads?: () => boolean },
): ContentStore & { keys: () => string[] } {
  const refuse = () =>
    Promise.reject(
      Object.assign(new Error("storage backend unavailable (503 SlowDown)"), { name: "StorageUnavailable" }),
    );
  return {
    put: (bytes) => (failing.writes() ? refuse() : inner.put(bytes)),
    get: (key) => (failing.reads?.() ? refuse() : inner.get(key)),
    has: (key) => inner.has(key),
    delete: (key) => inner.delete(key),
    keys: () => inner.keys(),
  };
}

async function withWorker<T>(store: ContentStore, uploadsDir: string, body: () => Promise<T>): Promise<T> {
  const worker: RunningWorker = await startWorker({
    databaseUrl: t.url,
    db: t.db,
    store,
    models: new ModelCache(store, 4, () => {}, { providers: ["cpu"] }),
    uploadsDir,
    pseudonymSecret: TEST_PSEUDONYM_SECRET,
    maintenanceSeconds: 1,
    log: () => {},
    logError: () => {},
  });
  try {
    return await body();
  } finally {
    await worker.stop();
  }
}

async function finishedUpload(uploadsDir: string, from = source): Promise<string> {
  const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
  const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
  const dataset = await t.db.validationDataset.create({
    data: { name: "storage fault", siteId: site.id, studyId: study.id, providedScoreNames: [] },
  });
  cpSync(from, datasetUploadFolder(uploadsDir, dataset.id), { recursive: true });
  await startIngestion(t.db, producer.enqueue, investigator, dataset.id);
  return dataset.id;
}

const finalState = (id: string) =>
  waitFor(async () => {
    const d = await t.db.validationDataset.findUniqueOrThrow({ where: { id } });
    return d.status === "READY" || d.status === "REJECTED" ? d : null;
  }, 120_000);

beforeAll(async () => {
  t = await createTestDatabase();
  // Retries without back-off: the test need not wait out the minutes a real outage is given.
  producer = await startProducer(t.url, { retryDelaySeconds: 0 });
  investigator = (await loadUserViewer(
    t.db,
    (
      await t.db.user.findFirstOrThrow({ where: { email: "investigator.severance@fracval.demo" } })
    ).id,
  ))!;
  const profile = findProfile("Severance");
  writeDataset({ profile, n: N, seed: 83, out: source, modality: "xray", writeImages: xrayWriter(profile, 83) });
}, 120_000);

afterAll(async () => {
  await producer?.stop();
  await t?.drop();
});

describe("storage faults under a worker", () => {
  it("the first writes fail: the ingestion is retried from its checkpoint and ends READY, each patient once", async () => {
    const uploadsDir = mkdtempSync(join(tmpdir(), "fracval-storage-fault-uploads-"));
    const inner = new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-storage-fault-store-")));
    let writes = 0;
    const store = faultyStore(inner, { writes: () => ++writes === 4 || writes === 5 }); // the 4th and 5th write fail
    const { id } = await withWorker(store, uploadsDir, async () => finalState(await finishedUpload(uploadsDir)));
    const d = await t.db.validationDataset.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ status: "READY", patientCount: N, imageCount: N });
    expect(
      new Set(
        (await t.db.patient.findMany({ where: { datasetId: id }, select: { manifestRow: true } })).map(
          (p) => p.manifestRow,
        ),
      ).size,
    ).toBe(N);
    expect(await t.db.stagedPatient.count({ where: { datasetId: id } })).toBe(0);
    expect(inner.keys()).toHaveLength(N);
  }, 180_000);

  it("every write fails: after its retries the dataset is REJECTED with the reason, its staging, images and raw upload gone", async () => {
    const uploadsDir = mkdtempSync(join(tmpdir(), "fracval-storage-fault-uploads-"));
    const inner = new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-storage-fault-store-")));
    let writes = 0;
    const store = faultyStore(inner, { writes: () => ++writes > 3 }); // three rows stored, then the backend is gone
    // Images of their own: the first test's are committed (and would rightly stay in a shared store).
    const own = mkdtempSync(join(tmpdir(), "fracval-storage-fault-source-"));
    writeDataset({
      profile: findProfile("Severance"),
      n: N,
      seed: 84,
      out: own,
      modality: "xray",
      writeImages: xrayWriter(findProfile("Severance"), 84),
    });
    const { id } = await withWorker(store, uploadsDir, async () => finalState(await finishedUpload(uploadsDir, own)));
    const d = await t.db.validationDataset.findUniqueOrThrow({ where: { id } });
    expect(d.status).toBe("REJECTED");
    expect(JSON.stringify(d.validationReport)).toMatch(
      /ingestion failed on the platform, not because of the data \(reference [0-9a-f-]{36}\); nothing was stored/,
    );
    expect(await t.db.patient.count({ where: { datasetId: id } })).toBe(0);
    expect(await t.db.stagedPatient.count({ where: { datasetId: id } })).toBe(0);
    expect(inner.keys()).toEqual([]); // the three images stored before the failure are removed again
    expect(existsSync(datasetUploadFolder(uploadsDir, id))).toBe(false);
    const dead = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = 'dead_letter' AND data->>'datasetId' = $1`,
      id,
    );
    expect(Number(dead[0]!.n)).toBe(1); // kept for the operators, with the reason
  }, 180_000);

  it("reads fail for a while during a run: the batches are retried and the run SUCCEEDS, each patient once", async () => {
    const storageDir = mkdtempSync(join(tmpdir(), "fracval-storage-fault-models-"));
    const inner = new FileContentStore(storageDir);
    await registerModelDirectory(t.db, inner, join(root, "models"));
    const dataset = await t.db.validationDataset.findFirstOrThrow({
      where: { site: { code: "Severance" }, status: "READY", name: { not: "storage fault" } },
    });
    const model = await t.db.modelVersion.findFirstOrThrow({ where: { family: "clinical-coxph-m2" } });
    let reads = 0;
    const store = faultyStore(inner, { writes: () => false, reads: () => ++reads <= 2 }); // the model artifact cannot be read, twice
    const run = await createValidationRun(
      t.db,
      investigator,
      { modelVersionId: model.id, datasetId: dataset.id, batchSize: 5 },
      producer.enqueue,
    );
    const done = await withWorker(store, mkdtempSync(join(tmpdir(), "x-")), () =>
      waitFor(async () => {
        const r = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
        return r.status === "SUCCEEDED" || r.status === "FAILED" ? r : null;
      }, 120_000),
    );
    expect(done).toMatchObject({ status: "SUCCEEDED", progressDone: dataset.patientCount });
    expect(await t.db.prediction.count({ where: { runId: run.id } })).toBe(dataset.patientCount);
    expect(reads).toBeGreaterThan(2);
  }, 180_000);
});
