// PostgreSQL unavailable for 20 s — paused, so that connections hang rather than fail — during a run and
// during an ingestion, with a real API and a real worker process. /readyz answers 503 within seconds while
// the database is away and 200 again by itself afterwards; the run and the ingestion finish correctly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PgBoss from "pg-boss";
import {
  createQueues,
  createValidationRun,
  datasetUploadFolder,
  loadUserViewer,
  queueConnection,
  startIngestion,
  transactionalEnqueue,
  type Enqueue,
  type Viewer,
} from "@fracval/core";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { waitFor } from "@fracval/testing";
import { startPausablePlatform, type PausablePlatform } from "./support.js";

const PAUSE_MS = 20_000;
let p: PausablePlatform;
let boss: PgBoss;
let enqueue: Enqueue;
let investigator: Viewer;
let worker: ReturnType<PausablePlatform["startWorker"]>;

beforeAll(async () => {
  p = await startPausablePlatform();
  boss = new PgBoss({ ...queueConnection(p.pg.url), supervise: false, schedule: false });
  boss.on("error", () => {}); // while the database is paused
  await boss.start();
  await createQueues(boss);
  enqueue = transactionalEnqueue(boss, { expireInSeconds: 30 });
  investigator = (await loadUserViewer(
    p.db,
    (
      await p.db.user.findFirstOrThrow({ where: { email: "investigator.severance@fracval.demo" } })
    ).id,
  ))!;
  worker = p.startWorker({ FRACVAL_WORKER_BATCH_DELAY_MS: "700", FRACVAL_INGEST_CHECKPOINT_ROWS: "10" });
  p.startApi();
  await waitFor(async () => (await fetch(`${p.apiUrl}/readyz`).catch(() => null))?.status === 200, 90_000);
}, 180_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: false }).catch(() => {});
  await p?.stop();
});

async function readiness(): Promise<{ status: number; ms: number; problems: string[] }> {
  const started = Date.now();
  const response = await fetch(`${p.apiUrl}/readyz`, { signal: AbortSignal.timeout(15_000) });
  const body = (await response.json()) as { problems: string[] };
  return { status: response.status, ms: Date.now() - started, problems: body.problems };
}

/** Pauses the database for PAUSE_MS; meanwhile /readyz must answer 503 within seconds. */
async function pauseAndProbe() {
  p.pause();
  const started = Date.now();
  try {
    await new Promise((r) => setTimeout(r, 1_000));
    const away = await readiness();
    expect(away.status).toBe(503);
    expect(away.ms).toBeLessThan(6_000);
    expect(away.problems).toContain("database did not answer within 3 s");
    await new Promise((r) => setTimeout(r, Math.max(0, PAUSE_MS - (Date.now() - started))));
  } finally {
    p.resume();
  }
  // Back by itself: no process restarted, and no job was given up on (the dead-letter queue is empty).
  await waitFor(async () => (await readiness().catch(() => null))?.status === 200, 60_000);
  const back = (await (await fetch(`${p.apiUrl}/readyz`)).json()) as { deadLetters: number; workers: number };
  expect(back).toMatchObject({ deadLetters: 0, workers: 1 });
}

describe("PostgreSQL paused for 20 s", () => {
  it("during a run: /readyz is 503 within seconds, recovers by itself, and the run finishes with each patient once and the same metrics", async () => {
    const dataset = await p.db.validationDataset.findFirstOrThrow({ where: { site: { code: "Severance" } } });
    const model = await p.db.modelVersion.findFirstOrThrow({ where: { family: "clinical-coxph-m2" } });
    const run = await createValidationRun(
      p.db,
      investigator,
      { modelVersionId: model.id, datasetId: dataset.id, batchSize: 2 },
      enqueue,
    );
    await waitFor(
      async () => (await p.db.validationRun.findUniqueOrThrow({ where: { id: run.id } })).progressDone > 0,
      60_000,
    );
    await pauseAndProbe();
    const done = await waitFor(async () => {
      const r = await p.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
      if (r.status === "FAILED") throw new Error(`run failed: ${r.error}`);
      return r.status === "SUCCEEDED" ? r : null;
    }, 120_000);
    expect(done.progressDone).toBe(dataset.patientCount);
    const predictions = await p.db.prediction.findMany({ where: { runId: run.id }, select: { patientId: true } });
    expect(new Set(predictions.map((x) => x.patientId)).size).toBe(dataset.patientCount);
    expect(predictions).toHaveLength(dataset.patientCount);

    // The same run undisturbed gives the same numbers.
    const again = await createValidationRun(
      p.db,
      investigator,
      { modelVersionId: model.id, datasetId: dataset.id, batchSize: 10 },
      enqueue,
    );
    await waitFor(
      async () => (await p.db.validationRun.findUniqueOrThrow({ where: { id: again.id } })).status === "SUCCEEDED",
      60_000,
    );
    const metricsOf = async (runId: string) =>
      (
        await p.db.metricResult.findMany({
          where: { runId },
          orderBy: [{ metric: "asc" }, { scoreSource: "asc" }, { subgroup: "asc" }, { horizonDays: "asc" }],
        })
      ).map((m) => [m.metric, m.scoreSource, m.subgroup, m.horizonDays, m.estimate, m.se]);
    expect(await metricsOf(run.id)).toEqual(await metricsOf(again.id));
  }, 300_000);

  it("during an ingestion: the dataset reaches READY afterwards, each patient once, nothing left in staging", async () => {
    const n = 120;
    const source = mkdtempSync(join(tmpdir(), "fracval-fault-source-"));
    const profile = findProfile("Severance");
    writeDataset({ profile, n, seed: 91, out: source, modality: "xray", writeImages: xrayWriter(profile, 91) });
    const site = await p.db.site.findFirstOrThrow({ where: { code: "Severance" } });
    const study = await p.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
    const dataset = await p.db.validationDataset.create({
      data: { name: "paused database", siteId: site.id, studyId: study.id, providedScoreNames: [] },
    });
    cpSync(source, datasetUploadFolder(p.uploadsDir, dataset.id), { recursive: true });
    await startIngestion(p.db, enqueue, investigator, dataset.id);
    await waitFor(async () => {
      const d = await p.db.validationDataset.findUniqueOrThrow({ where: { id: dataset.id } });
      if (d.status !== "VALIDATING") throw new Error(`finished (${d.status}) before the database could be paused`);
      return d.progressDone >= 20;
    }, 60_000);
    await pauseAndProbe();
    const ready = await waitFor(async () => {
      const d = await p.db.validationDataset.findUniqueOrThrow({ where: { id: dataset.id } });
      if (d.status === "REJECTED") throw new Error(`rejected: ${JSON.stringify(d.validationReport)}`);
      return d.status === "READY" ? d : null;
    }, 120_000).catch(async (error: Error) => {
      const jobs = await p.db.$queryRawUnsafe(
        `SELECT state::text, retry_count, output FROM pgboss.job WHERE name = 'dataset__ingest'`,
      );
      throw new Error(`${error.message}\nworker log:\n${worker.log().slice(-3000)}\njobs: ${JSON.stringify(jobs)}`);
    });
    expect(ready).toMatchObject({ patientCount: n, imageCount: n });
    const patients = await p.db.patient.findMany({ where: { datasetId: dataset.id }, select: { manifestRow: true } });
    expect(new Set(patients.map((x) => x.manifestRow)).size).toBe(n);
    expect(await p.db.stagedPatient.count({ where: { datasetId: dataset.id } })).toBe(0);
  }, 300_000);
});
