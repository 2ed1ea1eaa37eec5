// Ingestion as a retried job, on real PostgreSQL: finishing an upload claims the dataset and enqueues its
// job in one transaction; an interrupted or failed attempt stores nothing and leaves the dataset for the
// next attempt; a second attempt never ingests twice; after the last attempt the investigator sees why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Prisma } from "@fracval/db";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { FileContentStore, loadUserViewer, QUEUES, startIngestion, type ContentStore, type Enqueue, type Viewer } from "@fracval/core";
import { datasetIngest, ingestDatasetJob } from "../src/index.js";
import type { TaskContext } from "../src/tasks/task.js";

let t: TestDatabase;
let investigator: Viewer;
const secrets = { pseudonym: "pseudonym-secret-0123456789", deidentification: "deid-secret-0123456789" };
const store = new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-store-")));
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
  investigator = (await loadUserViewer(t.db, (await t.db.user.findFirstOrThrow({ where: { email: "investigator.severance@fracval.demo" } })).id))!;
});
afterAll(() => t.drop());

async function finishedUpload() {
  const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
  const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
  const dataset = await t.db.validationDataset.create({ data: { name: "job test", siteId: site.id, studyId: study.id, providedScoreNames: [] } });
  jobs.length = 0;
  expect(await startIngestion(t.db, enqueue, investigator, dataset.id)).toMatchObject({ status: "VALIDATING" });
  return dataset.id;
}

const patientsOf = (datasetId: string) => t.db.patient.count({ where: { datasetId } });
const statusOf = async (datasetId: string) => (await t.db.validationDataset.findUniqueOrThrow({ where: { id: datasetId } })).status;

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

describe("ingestDatasetJob", () => {
  it("an attempt interrupted by shutdown stores nothing and leaves the dataset VALIDATING; the next attempt commits it once", async () => {
    const id = await finishedUpload();
    const stopping = new AbortController();
    stopping.abort("the API is shutting down");
    await expect(ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets, signal: stopping.signal })).rejects.toThrow(/interrupted at row 1 \(the API is shutting down\); nothing was stored/);
    expect(await statusOf(id)).toBe("VALIDATING"); // not rejected: the worker hands it back
    expect(await patientsOf(id)).toBe(0);

    const ready = await ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets });
    expect(ready).toMatchObject({ status: "READY", patientCount: 6, imageCount: 6, progressDone: 6 });
    // A job handed out again after success (expired while committing) finds nothing to do.
    expect(await ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets })).toBeNull();
    expect(await patientsOf(id)).toBe(6);
  });

  it("refuses to run beside another attempt at the same dataset (which holds its lock), stores nothing and rejects nothing", async () => {
    const id = await finishedUpload();
    let release!: () => void;
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    const other = t.db.$transaction(async (tx: Prisma.TransactionClient) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${id}))`;
      locked();
      await new Promise<void>((r) => (release = r));
    });
    await lockTaken;
    await expect(ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/being ingested by another process/) });
    release();
    await other;
    expect(await statusOf(id)).toBe("VALIDATING");
    expect(await patientsOf(id)).toBe(0);
    expect((await ingestDatasetJob(t.db, store, { datasetId: id }, { folder, secrets }))?.status).toBe("READY");
  });

  it("a platform failure is retried with nothing stored; after the last attempt the dataset is REJECTED with the reason", async () => {
    const broken: ContentStore = { put: async () => { throw new Error("storage volume is read-only"); }, get: (k) => store.get(k), has: (k) => store.has(k) };
    const id = await finishedUpload();
    await expect(ingestDatasetJob(t.db, broken, { datasetId: id }, { folder, secrets })).rejects.toThrow(/read-only/);
    expect(await statusOf(id)).toBe("VALIDATING");
    expect(await patientsOf(id)).toBe(0);

    const error = await ingestDatasetJob(t.db, broken, { datasetId: id }, { folder, secrets }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    await datasetIngest.giveUp!({ datasetId: id }, { db: t.db, uploadsDir: folder, log: () => {} } as unknown as TaskContext, error, { number: 4, of: 4, last: true });
    const rejected = await t.db.validationDataset.findUniqueOrThrow({ where: { id } });
    expect(rejected.status).toBe("REJECTED");
    expect(rejected.validationReport).toEqual({ rows: 0, problemCount: 1, problems: [{ row: 0, column: "", value: "", reason: expect.stringMatching(/^ingestion failed on the platform, not because of the data \(reference [0-9a-f-]{36}\); nothing was stored/) }] });
    expect(JSON.stringify(rejected.validationReport)).not.toContain("read-only"); // internals stay in the log
    expect(await patientsOf(id)).toBe(0);
  });
});
