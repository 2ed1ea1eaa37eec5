// Ingestion survives the API process: real API servers (apps/api/src/server.ts) consume dataset__ingest
// on real PostgreSQL. One killed with SIGKILL mid-ingestion leaves nothing behind and another API process
// finishes the dataset once its job expires; one stopped with SIGTERM mid-ingestion exits promptly and
// hands the dataset back to the queue. Either way the dataset ends READY with each patient exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadUserViewer, startIngestion, type Viewer } from "@fracval/core";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { createTestDatabase, TEST_AUTH_SECRET, TEST_PSEUDONYM_SECRET, waitFor, type TestDatabase } from "@fracval/testing";
import { startJobQueue, type JobQueue } from "../src/queue.js";
import { datasetUploadFolder } from "../src/uploads.js";

const N = 120;
const root = fileURLToPath(new URL("../../../", import.meta.url));
const source = mkdtempSync(join(tmpdir(), "fracval-ingest-source-"));
const uploadsDir = mkdtempSync(join(tmpdir(), "fracval-ingest-uploads-"));
const storageDir = mkdtempSync(join(tmpdir(), "fracval-ingest-store-"));
let t: TestDatabase;
let quickExpiry: JobQueue;
let defaultExpiry: JobQueue;
let investigator: Viewer;
const apis: ChildProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  // Enqueues only (as an API process that has not picked the job up yet); a short expiry so that the
  // job of a killed process is handed out again within seconds.
  quickExpiry = await startJobQueue(t.url, { ingestExpireInSeconds: 4 });
  defaultExpiry = await startJobQueue(t.url); // the default expiry: only a hand-back can hand the job out again
  investigator = (await loadUserViewer(t.db, (await t.db.user.findFirstOrThrow({ where: { email: "investigator.severance@fracval.demo" } })).id))!;
  const profile = findProfile("Severance");
  writeDataset({ profile, n: N, seed: 71, out: source, modality: "xray", writeImages: xrayWriter(profile, 71) });
}, 120_000);

afterAll(async () => {
  for (const api of apis) api.kill("SIGKILL");
  await quickExpiry?.stop();
  await defaultExpiry?.stop();
  await t?.drop();
});

function startApi(): ChildProcess {
  const api = spawn(process.execPath, ["--import", "tsx", join(root, "apps/api/src/server.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      AUTH_SECRET: TEST_AUTH_SECRET,
      API_PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
      FRACVAL_STORAGE_DIR: storageDir,
      FRACVAL_UPLOAD_DIR: uploadsDir,
      FRACVAL_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
      FRACVAL_QUEUE_MAINTENANCE_SECONDS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  api.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  api.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  Object.defineProperty(api, "log", { get: () => log });
  apis.push(api);
  return api;
}
const logOf = (api: ChildProcess) => (api as ChildProcess & { log: string }).log;
const exited = (api: ChildProcess) => new Promise<number | null>((resolve) => (api.exitCode !== null || api.signalCode !== null ? resolve(api.exitCode) : api.once("exit", (code) => resolve(code))));

/** An upload whose files are all in place (as tus leaves them), finished by the investigator. */
async function finishedUpload(queue: JobQueue): Promise<string> {
  const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
  const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
  const dataset = await t.db.validationDataset.create({ data: { name: "restart test", siteId: site.id, studyId: study.id, providedScoreNames: [] } });
  cpSync(source, datasetUploadFolder(uploadsDir, dataset.id), { recursive: true });
  await startIngestion(t.db, queue.enqueue, investigator, dataset.id);
  return dataset.id;
}

const datasetOf = (id: string) => t.db.validationDataset.findUniqueOrThrow({ where: { id } });
const midway = (id: string) => waitFor(async () => {
  const d = await datasetOf(id);
  if (d.status !== "VALIDATING" && d.status !== "UPLOADING") throw new Error(`dataset finished (${d.status}) before the test could interrupt it`);
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
  expect(new Set((await t.db.patient.findMany({ where: { datasetId: id }, select: { pseudonym: true } })).map((p) => p.pseudonym)).size).toBe(N);
  // The raw upload (identifying DICOM headers) is gone once the de-identified copies are stored.
  await waitFor(async () => !existsSync(datasetUploadFolder(uploadsDir, id)), 10_000);
}

describe("ingestion as a job of the API processes", () => {
  it("an API process killed mid-ingestion (SIGKILL) leaves nothing behind; another finishes the dataset, each patient once", async () => {
    const id = await finishedUpload(quickExpiry);
    const first = startApi();
    await midway(id);
    first.kill("SIGKILL");
    await exited(first);
    expect((await datasetOf(id)).status).toBe("VALIDATING");
    expect(await t.db.patient.count({ where: { datasetId: id } })).toBe(0); // the transaction died with it

    const second = startApi();
    await expectReadyOnce(id);
    expect(logOf(second)).toContain(`dataset ${id}: READY (${N} patients)`);
  }, 180_000);

  it("an API process stopped mid-ingestion (SIGTERM) exits promptly and hands the dataset back; the next one finishes it", async () => {
    for (const api of apis) api.kill("SIGKILL"); // the API process of the previous test
    const id = await finishedUpload(defaultExpiry);
    const stopping = startApi();
    await midway(id);
    const asked = Date.now();
    stopping.kill("SIGTERM");
    const code = await exited(stopping);
    expect(code, logOf(stopping)).toBe(0);
    expect(Date.now() - asked).toBeLessThan(15_000);
    expect(logOf(stopping)).toContain(`dataset ${id}: ingestion interrupted by shutdown and handed back to the queue`);
    expect((await datasetOf(id)).status).toBe("VALIDATING");
    expect(await t.db.patient.count({ where: { datasetId: id } })).toBe(0);
    const jobs = await t.db.$queryRawUnsafe<{ state: string }[]>(`SELECT state::text FROM pgboss.job WHERE name = 'dataset__ingest' AND data->>'datasetId' = $1`, id);
    expect(jobs.map((j) => j.state)).toEqual(["retry"]); // handed back: the next API process takes it

    startApi();
    await expectReadyOnce(id);
  }, 180_000);
});
