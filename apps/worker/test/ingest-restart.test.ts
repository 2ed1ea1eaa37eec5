// Ingestion survives its worker: real worker processes (apps/worker/src/main.ts) consume dataset__ingest
// on real PostgreSQL. One killed with SIGKILL mid-ingestion leaves nothing behind and another worker
// finishes the dataset once its job expires; one stopped with SIGTERM mid-ingestion exits promptly and
// hands the dataset back to the queue — awaited, so that the next worker takes it at once. Either way
// the dataset ends READY with each patient exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadUserViewer, startIngestion, type Viewer } from "@fracval/core";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { createTestDatabase, TEST_PSEUDONYM_SECRET, waitFor, type TestDatabase } from "@fracval/testing";
import { startProducer as startJobQueue, type Producer as JobQueue } from "./support/producer.js";
import { datasetUploadFolder } from "@fracval/core";

const N = 120;
const root = fileURLToPath(new URL("../../../", import.meta.url));
const source = mkdtempSync(join(tmpdir(), "fracval-ingest-source-"));
const uploadsDir = mkdtempSync(join(tmpdir(), "fracval-ingest-uploads-"));
const storageDir = mkdtempSync(join(tmpdir(), "fracval-ingest-store-"));
let t: TestDatabase;
let defaultExpiry: JobQueue;
let investigator: Viewer;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  defaultExpiry = await startJobQueue(t.url); // enqueue only, as the API does, with the default expiry
  investigator = (await loadUserViewer(
    t.db,
    (
      await t.db.user.findFirstOrThrow({ where: { email: "investigator.severance@fracval.demo" } })
    ).id,
  ))!;
  const profile = findProfile("Severance");
  writeDataset({ profile, n: N, seed: 71, out: source, modality: "xray", writeImages: xrayWriter(profile, 71) });
}, 120_000);

afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await defaultExpiry?.stop();
  await t?.drop();
});

function startWorkerProcess(): ChildProcess {
  const api = spawn(process.execPath, ["--import", "tsx", join(root, "apps/worker/src/main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      FRACVAL_STORAGE_DIR: storageDir,
      FRACVAL_UPLOAD_DIR: uploadsDir,
      FRACVAL_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
      FRACVAL_QUEUE_MAINTENANCE_SECONDS: "1",
      FRACVAL_INGEST_CHECKPOINT_ROWS: "10",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  api.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  api.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  Object.defineProperty(api, "log", { get: () => log });
  workers.push(api);
  return api;
}
const logOf = (api: ChildProcess) => (api as ChildProcess & { log: string }).log;
const exited = (api: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    api.exitCode !== null || api.signalCode !== null
      ? resolve(api.exitCode)
      : api.once("exit", (code) => resolve(code)),
  );

/** An upload whose files are all in place (as tus leaves them), finished by the investigator. */
async function finishedUpload(queue: JobQueue): Promise<string> {
  const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
  const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
  const dataset = await t.db.validationDataset.create({
    data: { name: "restart test", siteId: site.id, studyId: study.id, providedScoreNames: [] },
  });
  cpSync(source, datasetUploadFolder(uploadsDir, dataset.id), { recursive: true });
  await startIngestion(t.db, queue.enqueue, investigator, dataset.id);
  return dataset.id;
}

const datasetOf = (id: string) => t.db.validationDataset.findUniqueOrThrow({ where: { id } });
const midway = (id: string) =>
  waitFor(async () => {
    const d = await datasetOf(id);
    if (d.status !== "VALIDATING" && d.status !== "UPLOADING")
      throw new Error(`dataset finished (${d.status}) before the test could interrupt it`);
    return d.progressDone >= 50 ? d : null;
  }, 60_000);

async function expectReadyOnce(id: string) {
  const ready = await waitFor(async () => {
    const d = await datasetOf(id);
    if (d.status === "REJECTED") throw new Error(`rejected: ${JSON.stringify(d.validationReport)}`);
    return d.status === "READY" ? d : null;
  }, 90_000);
  expect(ready).toMatchObject({ patientCount: N, imageCount: N, progressDone: N });
  expect(await t.db.patient.count({ where: { datasetId: id } })).toBe(N);
  expect(
    new Set(
      (await t.db.patient.findMany({ where: { datasetId: id }, select: { pseudonym: true } })).map((p) => p.pseudonym),
    ).size,
  ).toBe(N);
  // The raw upload (identifying DICOM headers) is gone once the de-identified copies are stored.
  await waitFor(async () => !existsSync(datasetUploadFolder(uploadsDir, id)), 10_000);
}

describe("ingestion as a job of the worker processes", () => {
  it("a worker killed mid-ingestion (SIGKILL): with the default expiry, another takes over within 2 minutes and resumes at the checkpoint; each patient once, nothing left in staging", async () => {
    const id = await finishedUpload(defaultExpiry);
    const first = startWorkerProcess();
    await midway(id);
    first.kill("SIGKILL");
    await exited(first);
    const killedAt = await datasetOf(id);
    expect(killedAt.status).toBe("VALIDATING");
    expect(await t.db.patient.count({ where: { datasetId: id } })).toBe(0); // nothing visible before the commit
    expect(await t.db.stagedPatient.count({ where: { datasetId: id } })).toBe(killedAt.ingestCursor); // checkpointed rows

    const restarted = Date.now();
    const second = startWorkerProcess();
    await expectReadyOnce(id);
    expect(Date.now() - restarted).toBeLessThan(120_000);
    expect(logOf(second)).toContain(`dataset ${id}: READY (${N} patients)`);
    expect(await t.db.stagedPatient.count({ where: { datasetId: id } })).toBe(0);
    expect(await t.db.stagedProblem.count({ where: { datasetId: id } })).toBe(0);
  }, 180_000);

  it("a worker stopped mid-ingestion (SIGTERM) exits promptly and hands the dataset back; the next one takes it at once", async () => {
    for (const worker of workers) worker.kill("SIGKILL"); // the worker of the previous test
    const id = await finishedUpload(defaultExpiry);
    const stopping = startWorkerProcess();
    await midway(id);
    const asked = Date.now();
    stopping.kill("SIGTERM");
    const code = await exited(stopping);
    expect(code, logOf(stopping)).toBe(0);
    expect(Date.now() - asked).toBeLessThan(15_000);
    expect(logOf(stopping)).toContain(`dataset ${id}: ingestion interrupted by shutdown and handed back to the queue`);
    expect((await datasetOf(id)).status).toBe("VALIDATING");
    expect(await t.db.patient.count({ where: { datasetId: id } })).toBe(0);
    const jobs = await t.db.$queryRawUnsafe<{ state: string }[]>(
      `SELECT state::text FROM pgboss.job WHERE name = 'dataset__ingest' AND data->>'datasetId' = $1`,
      id,
    );
    // Handed back: the interrupted job completed and a fresh one (its retries intact) waiting, both committed
    // before the worker exited — not an active job left to wait out its expiry.
    expect(jobs.map((j) => j.state).sort()).toEqual(["completed", "created"]);

    const restarted = Date.now();
    startWorkerProcess();
    await expectReadyOnce(id);
    expect(Date.now() - restarted).toBeLessThan(60_000);
  }, 180_000);
});
