// Ingestion as a retried job, on real PostgreSQL: finishing an upload claims the dataset and enqueues its
// job in one transaction; an interrupted or failed attempt stores nothing and leaves the dataset for the
// next attempt; a second attempt never ingests twice; after the last attempt the investigator sees why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import {
  datasetUploadFolder,
  FileContentStore,
  loadUserViewer,
  QUEUES,
  startIngestion,
  type ContentStore,
  type Enqueue,
  type Viewer,
} from "@fracval/core";
import { datasetIngest, ingestDatasetJob } from "../src/index.js";
import { uploadedImagesOf } from "./support/manifest.js";
import type { TaskContext } from "../src/tasks/task.js";

let t: TestDatabase;
let investigator: Viewer;
const secrets = { pseudonym: "pseudonym-secret-0123456789", deidentification: "deid-secret-0123456789" };
const folder = mkdtempSync(join(tmpdir(), "fracval-upload-job-"));
const jobs: { queue: string; payload: object }[] = [];
// Records what startIngestion enqueues; the pg-boss queue itself is exercised by apps/api/test/ingest-job.test.ts.
const enqueue: Enqueue = async (_tx, queue, payload) => {
  jobs.push({ queue, payload });
};

beforeAll(async () => {
  t = await createTestDatabase();
  const profile = findProfile("Severance");
  writeDataset({ profile, n: 6, seed: 61, out: folder, modality: "xray", writeImages: xrayWriter(profile, 61) });
  investigator = (await loadUserViewer(
    t.db,
    (
      await t.db.user.findFirstOrThrow({ where: { email: "investigator.severance@fracval.demo" } })
    ).id,
  ))!;
});
afterAll(() => t.drop());

async function finishedUpload() {
  const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
  const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
  const dataset = await t.db.validationDataset.create({
    data: { name: "job test", siteId: site.id, studyId: study.id, providedScoreNames: [] },
  });
  jobs.length = 0;
  expect(await startIngestion(t.db, enqueue, investigator, dataset.id)).toMatchObject({ status: "VALIDATING" });
  return dataset.id;
}

const patientsOf = (datasetId: string) => t.db.patient.count({ where: { datasetId } });
const statusOf = async (datasetId: string) =>
  (await t.db.validationDataset.findUniqueOrThrow({ where: { id: datasetId } })).status;

describe("startIngestion", () => {
  it("claims the dataset and enqueues its ingestion job together; a second finish is a CONFLICT and enqueues nothing", async () => {
    const id = await finishedUpload();
    expect(jobs).toEqual([{ queue: QUEUES.datasetIngest, payload: { datasetId: id } }]);
    expect(await statusOf(id)).toBe("VALIDATING");
    expect(await t.db.auditEvent.count({ where: { action: "dataset.ingest", resource: id } })).toBe(1);
    jobs.length = 0;
    await expect(startIngestion(t.db, enqueue, investigator, id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(jobs).toEqual([]);
  });
});

/** A fresh filesystem store that counts the blobs written to it; `onPut` runs after each write. */
function countingStore(onPut: (puts: number) => void = () => {}) {
  const inner = new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-store-")));
  let puts = 0;
  const store: ContentStore & { puts: () => number; keys: () => string[] } = {
    put: async (bytes) => {
      const key = await inner.put(bytes);
      onPut(++puts);
      return key;
    },
    get: (k) => inner.get(k),
    has: (k) => inner.has(k),
    delete: (k) => inner.delete(k),
    puts: () => puts,
    keys: () => inner.keys(),
  };
  return store;
}

const staging = async (datasetId: string) => ({
  patients: await t.db.stagedPatient.count({ where: { datasetId } }),
  problems: await t.db.stagedProblem.count({ where: { datasetId } }),
  cursor: (await t.db.validationDataset.findUniqueOrThrow({ where: { id: datasetId } })).ingestCursor,
});

describe("ingestDatasetJob", () => {
  it("an attempt interrupted by shutdown checkpoints what it did; the next resumes after the checkpoint and commits each patient once", async () => {
    const id = await finishedUpload();
    const stopping = new AbortController();
    // The worker is asked to stop while row 3's image is being stored.
    const store = countingStore((puts) => puts === 3 && stopping.abort("the worker is stopping"));
    await expect(
      ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets, signal: stopping.signal }),
    ).rejects.toThrow(/interrupted at row 4 \(the worker is stopping\); rows 1–3 are checkpointed/);
    expect(await statusOf(id)).toBe("VALIDATING"); // not rejected: the worker hands it back
    expect(await patientsOf(id)).toBe(0); // nothing visible before the dataset commits
    expect(await staging(id)).toEqual({ patients: 3, problems: 0, cursor: 3 });
    expect(store.puts()).toBe(3);

    const ready = await ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets });
    expect(ready).toMatchObject({ status: "READY", patientCount: 6, imageCount: 6, progressDone: 6 });
    expect(store.puts()).toBe(6); // rows 1–3 were not done again
    expect(await staging(id)).toEqual({ patients: 0, problems: 0, cursor: 6 });
    // A job handed out again after success (expired while committing) finds nothing to do.
    expect(await ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets })).toBeNull();
    expect(await patientsOf(id)).toBe(6);
  });

  it("works in slices: each job that runs out of time checkpoints and enqueues its successor in the same transaction", async () => {
    const id = await finishedUpload();
    const store = countingStore();
    const continuations: string[] = [];
    const recording: Enqueue = async (tx, queue, payload) => {
      // Enqueued inside the checkpoint's transaction: the checkpoint is visible to it, not yet to others.
      const seen = await tx.validationDataset.findUniqueOrThrow({ where: { id } });
      const outside = await t.db.validationDataset.findUniqueOrThrow({ where: { id } });
      continuations.push(
        `${queue} ${JSON.stringify(payload)} at ${seen.ingestCursor} (outside: ${outside.ingestCursor})`,
      );
    };
    const outcomes: unknown[] = [];
    for (let slice = 0; slice < 10; slice++) {
      const outcome = await ingestDatasetJob(
        t.db,
        store,
        { datasetId: id },
        { folder, secrets, enqueue: recording, sliceMs: 0 },
      );
      outcomes.push(outcome === "continued" ? outcome : (outcome as { status: string } | null)?.status);
      if (outcome !== "continued") break;
    }
    // sliceMs 0: one row per slice, the last slice commits.
    expect(outcomes).toEqual(["continued", "continued", "continued", "continued", "continued", "READY"]);
    expect(continuations).toEqual(
      [1, 2, 3, 4, 5].map((k) => `${QUEUES.datasetIngest} {"datasetId":"${id}"} at ${k} (outside: ${k - 1})`),
    );
    expect(await patientsOf(id)).toBe(6);
    expect(store.puts()).toBe(6);
  });

  it("removes each row's uploaded image once a checkpoint has the row (the job's raw upload), and resumes past them", async () => {
    const id = await finishedUpload();
    const store = countingStore();
    const upload = mkdtempSync(join(tmpdir(), "fracval-upload-removed-"));
    cpSync(folder, upload, { recursive: true });
    const imageOfRow = uploadedImagesOf(upload);
    const present = () => imageOfRow.map((path) => existsSync(path));
    expect(present()).toEqual([true, true, true, true, true, true]);
    const outcomes: unknown[] = [];
    const seen: boolean[][] = [];
    for (let slice = 0; slice < 10; slice++) {
      const outcome = await ingestDatasetJob(
        t.db,
        store,
        { datasetId: id },
        { folder: upload, secrets, enqueue: async () => {}, sliceMs: 0, removeCheckpointedImages: true },
      );
      outcomes.push(outcome === "continued" ? outcome : (outcome as { status: string } | null)?.status);
      seen.push(present());
      if (outcome !== "continued") break;
    }
    // One row per slice: after slice k, the images of rows 1..k are gone and the others are still there.
    expect(outcomes).toEqual(["continued", "continued", "continued", "continued", "continued", "READY"]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6].map((k) => [1, 2, 3, 4, 5, 6].map((row) => row > k)));
    expect(existsSync(join(upload, "manifest.csv"))).toBe(true); // the job removes the rest of the upload
    const images = await t.db.imageSeries.findMany({ where: { patient: { datasetId: id } } });
    expect(images).toHaveLength(6);
    for (const image of images) expect((await store.get(image.storageKey)).length).toBeGreaterThan(1000);
  });

  it("two attempts at once removing checkpointed images: one commits every patient, the other steps aside", async () => {
    const id = await finishedUpload();
    const store = countingStore();
    const upload = mkdtempSync(join(tmpdir(), "fracval-upload-removed-"));
    cpSync(folder, upload, { recursive: true });
    const options = { folder: upload, secrets, removeCheckpointedImages: true };
    const [a, b] = await Promise.all([
      ingestDatasetJob(t.db, store, { datasetId: id }, options),
      ingestDatasetJob(t.db, store, { datasetId: id }, options),
    ]);
    expect([a, b].filter((x) => x !== null).map((x) => (x as { status: string }).status)).toEqual(["READY"]);
    expect(await t.db.imageSeries.count({ where: { patient: { datasetId: id } } })).toBe(6);
  });

  it("two attempts at once (a job handed out again while the first still runs): one commits, the other steps aside; each patient once", async () => {
    const id = await finishedUpload();
    const store = countingStore();
    const [a, b] = await Promise.all([
      ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets }),
      ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets }),
    ]);
    expect([a, b].filter((x) => x !== null).map((x) => (x as { status: string }).status)).toEqual(["READY"]);
    expect(await patientsOf(id)).toBe(6);
    expect(
      new Set(
        (await t.db.patient.findMany({ where: { datasetId: id }, select: { manifestRow: true } })).map(
          (p) => p.manifestRow,
        ),
      ).size,
    ).toBe(6);
    expect(await staging(id)).toMatchObject({ patients: 0, problems: 0 });
  });

  it("a platform failure is retried from its checkpoint; after the last attempt the dataset is REJECTED with the reason, its staging and images gone", async () => {
    // Images of their own: those of the folder above are committed by the tests before (and would rightly stay).
    const folder = mkdtempSync(join(tmpdir(), "fracval-upload-job-"));
    const profile = findProfile("Severance");
    writeDataset({ profile, n: 6, seed: 62, out: folder, modality: "xray", writeImages: xrayWriter(profile, 62) });
    const id = await finishedUpload();
    const store = countingStore();
    let failAfter = 2;
    const flaky: ContentStore = {
      ...store,
      put: async (bytes) =>
        failAfter-- > 0 ? store.put(bytes) : Promise.reject(new Error("storage volume is read-only")),
    };
    await expect(ingestDatasetJob(t.db, flaky, { datasetId: id }, { folder, secrets })).rejects.toThrow(/read-only/);
    expect(await statusOf(id)).toBe("VALIDATING");
    expect(await patientsOf(id)).toBe(0);
    expect(await staging(id)).toEqual({ patients: 2, problems: 0, cursor: 2 }); // kept for the retry

    const error = await ingestDatasetJob(t.db, flaky, { datasetId: id }, { folder, secrets }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    await datasetIngest.giveUp!(
      { datasetId: id },
      { db: t.db, store, uploadsDir: folder, log: () => {} } as unknown as TaskContext,
      error,
      { number: 4, of: 4, last: true },
    );
    const rejected = await t.db.validationDataset.findUniqueOrThrow({ where: { id } });
    expect(rejected.status).toBe("REJECTED");
    expect(rejected.validationReport).toEqual({
      rows: 0,
      problemCount: 1,
      problems: [
        {
          row: 0,
          column: "",
          value: "",
          reason: expect.stringMatching(
            /^ingestion failed on the platform, not because of the data \(reference [0-9a-f-]{36}\); nothing was stored/,
          ),
        },
      ],
    });
    expect(JSON.stringify(rejected.validationReport)).not.toContain("read-only"); // internals stay in the log
    expect(await patientsOf(id)).toBe(0);
    expect(await staging(id)).toMatchObject({ patients: 0, problems: 0 });
    expect(store.keys()).toEqual([]); // the images it had stored are removed again
  });

  it("a job that steps aside for another attempt still holding the dataset leaves the raw upload to it", async () => {
    const id = await finishedUpload();
    const uploadsDir = mkdtempSync(join(tmpdir(), "fracval-upload-job-uploads-"));
    cpSync(folder, datasetUploadFolder(uploadsDir, id), { recursive: true });
    // While this job stores its first image, another attempt checkpoints (moves the cursor): this one steps aside.
    const inner = countingStore();
    const store: ContentStore = {
      ...inner,
      put: async (bytes) => {
        await t.db.validationDataset.update({ where: { id }, data: { ingestCursor: 1 } });
        return inner.put(bytes);
      },
    };
    const context = {
      db: t.db,
      store,
      uploadsDir,
      pseudonymSecret: secrets.pseudonym,
      signal: new AbortController().signal,
      log: () => {},
      ingestPool: () => null,
    };
    await datasetIngest.run({ datasetId: id }, context as unknown as TaskContext, { number: 1, of: 5, last: false });
    expect(await statusOf(id)).toBe("VALIDATING");
    expect(existsSync(join(datasetUploadFolder(uploadsDir, id), "manifest.csv"))).toBe(true);
  });
});
