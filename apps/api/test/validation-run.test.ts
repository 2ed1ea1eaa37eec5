// A validation run end to end on real PostgreSQL: the API-side producer enqueues batch jobs in the
// run's transaction, a real worker process scores them with the registered ONNX clinical baseline,
// and each patient ends with exactly one prediction equal to the model's linear predictor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  cancelValidationRun,
  createValidationRun,
  FileContentStore,
  loadUserViewer,
  registerModelDirectory,
} from "@fracval/core";
import { calibrationAtHorizon, harrellC, mulberry32 } from "@fracval/stats";
import { createTestDatabase, TEST_PSEUDONYM_SECRET, waitFor, type TestDatabase } from "@fracval/testing";
import { analysisTimeDays } from "@fracval/upload-format";
import { startJobQueue, type JobQueue } from "../src/queue.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const storageDir = mkdtempSync(join(tmpdir(), "fracval-run-store-"));
const uploadsDir = mkdtempSync(join(tmpdir(), "fracval-run-uploads-"));
let t: TestDatabase;
let producer: JobQueue;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  t = await createTestDatabase();
  await registerModelDirectory(t.db, new FileContentStore(storageDir), join(root, "models"));
  // Retries without back-off: the give-up path is tested without waiting out the minutes of a real outage.
  producer = await startJobQueue(t.url, { expireInSeconds: 3, retryDelaySeconds: 0 });
}, 60_000);

afterAll(async () => {
  worker?.kill("SIGKILL");
  await producer?.stop();
  await t?.drop();
});

const startWorker = (extra: Record<string, string> = {}, stdio: "ignore" | "pipe" = "ignore") =>
  spawn(process.execPath, ["--import", "tsx", join(root, "apps/worker/src/main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      FRACVAL_STORAGE_DIR: storageDir,
      FRACVAL_UPLOAD_DIR: uploadsDir,
      FRACVAL_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
      FRACVAL_QUEUE_MAINTENANCE_SECONDS: "1",
      ...extra,
    },
    stdio,
  });

/** A queued run of `family` on the Severance demo cohort, with the previous test's worker stopped. */
async function queuedRun(family: string, batchSize?: number) {
  worker?.kill("SIGTERM");
  const dataset = await t.db.validationDataset.findFirstOrThrow({ where: { site: { code: "Severance" } } });
  const model = await t.db.modelVersion.findFirstOrThrow({ where: { family } });
  const member = (await loadUserViewer(
    t.db,
    (
      await t.db.user.findFirstOrThrow({ where: { email: "investigator.severance@fracval.demo" } })
    ).id,
  ))!;
  const run = await createValidationRun(
    t.db,
    member,
    { modelVersionId: model.id, datasetId: dataset.id, ...(batchSize ? { batchSize } : {}) },
    producer.enqueue,
  );
  return { run, dataset, model, member };
}

describe("validation run through the queue and a worker", () => {
  it("scores every patient once with the clinical CoxPH model 2 and reports progress", async () => {
    // The demo Severance cohort, attached to the study of seed 000's models for this test.
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "xray-deepsurv" } });
    const dataset = await t.db.validationDataset.findFirstOrThrow({ where: { site: { code: "Severance" } } });
    await t.db.validationDataset.update({ where: { id: dataset.id }, data: { studyId: study.id } });
    const model = await t.db.modelVersion.findFirstOrThrow({ where: { family: "clinical-coxph-m2" } });
    const member = (await loadUserViewer(
      t.db,
      (
        await t.db.user.findFirstOrThrow({ where: { email: "investigator.severance@fracval.demo" } })
      ).id,
    ))!;

    const run = await createValidationRun(
      t.db,
      member,
      { modelVersionId: model.id, datasetId: dataset.id },
      producer.enqueue,
    );
    expect(run).toMatchObject({ status: "QUEUED", progressTotal: dataset.patientCount, progressDone: 0 });
    const jobs = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = 'run__score' AND data->>'runId' = $1`,
      run.id,
    );
    expect(Number(jobs[0]!.n)).toBe(Math.ceil(dataset.patientCount / 32)); // enqueued with the run

    worker = startWorker();
    const done = await waitFor(async () => {
      const r = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "SUCCEEDED" ? r : null;
    }, 60_000);
    expect(done).toMatchObject({ progressDone: dataset.patientCount, progressFailed: 0 });

    const manifest = JSON.parse(readFileSync(join(root, "models/clinical-coxph-m2/1.0.0/manifest.json"), "utf8"));
    const coef = JSON.parse(readFileSync(join(root, "models/clinical-coxph-m2/1.0.0/coefficients.json"), "utf8"))
      .coef as number[];
    const predictions = await t.db.prediction.findMany({
      where: { runId: run.id },
      include: { patient: { include: { baseline: true } } },
    });
    expect(predictions).toHaveLength(dataset.patientCount);
    expect(new Set(predictions.map((p) => p.patientId)).size).toBe(dataset.patientCount);
    for (const p of predictions) {
      const b = p.patient.baseline!;
      const x = { age: b.ageYears, sex: b.sex === "FEMALE" ? 1 : 0, bmi: b.bmi! } as Record<string, number>;
      const lp = manifest.clinicalFeatures.reduce(
        (s: number, f: { column: string; mean: number; sd: number }, k: number) =>
          s + coef[k]! * ((x[f.column]! - f.mean) / f.sd),
        0,
      );
      expect(p.score!).toBeCloseTo(lp, 4);
    }

    // Metrics stored with provenance equal what packages/stats computes from the predictions directly.
    const metrics = await t.db.metricResult.findMany({ where: { runId: run.id } });
    const byKey = (metric: string, source: string, horizon: number | null = null, subgroup = "all") =>
      metrics.find(
        (m) => m.metric === metric && m.scoreSource === source && m.horizonDays === horizon && m.subgroup === subgroup,
      );
    const ordered = [...predictions].sort((a, b) => (a.patientId < b.patientId ? -1 : 1));
    const outcomes = await t.db.outcome.findMany({ where: { patientId: { in: ordered.map((p) => p.patientId) } } });
    const outcomeOf = new Map(outcomes.map((o) => [o.patientId, o]));
    const time = ordered.map((p) => {
      const o = outcomeOf.get(p.patientId)!;
      return analysisTimeDays({
        followUpDays: o.followUpDays,
        event: o.incidentVertebralFracture,
        eventDays: o.eventDays,
      });
    });
    const event = ordered.map((p) => (outcomeOf.get(p.patientId)!.incidentVertebralFracture ? 1 : 0));
    const direct = harrellC(
      time,
      event,
      ordered.map((p) => p.score!),
    );
    expect(byKey("harrellC", "model")!.estimate).toBe(direct.estimate);
    expect(byKey("harrellC", "model")!.se).toBe(direct.se);
    const frax = harrellC(
      time,
      event,
      ordered.map((p) => p.patient.baseline!.fraxMof10y!),
    );
    expect(byKey("harrellC", "frax_mof")!.estimate).toBe(frax.estimate);
    expect(byKey("harrellCDiff", "model-vs-frax_mof")!.estimate).toBeCloseTo(direct.estimate - frax.estimate, 12);
    expect((byKey("harrellCDiff", "model-vs-frax_mof")!.details as { p: number }).p).toBeGreaterThan(0);
    // The study's other clinical baselines, scored on the same patients by their ONNX files.
    const m1 = JSON.parse(readFileSync(join(root, "models/clinical-coxph-m1/1.0.0/manifest.json"), "utf8"));
    const m1coef = JSON.parse(readFileSync(join(root, "models/clinical-coxph-m1/1.0.0/coefficients.json"), "utf8"))
      .coef as number[];
    const m1lp = ordered.map((p) => {
      const b = p.patient.baseline!;
      const x = { age: b.ageYears, sex: b.sex === "FEMALE" ? 1 : 0 } as Record<string, number>;
      return m1.clinicalFeatures.reduce(
        (s: number, f: { column: string; mean: number; sd: number }, k: number) =>
          s + m1coef[k]! * ((x[f.column]! - f.mean) / f.sd),
        0,
      );
    });
    expect(byKey("harrellC", "baseline:clinical-coxph-m1@1.0.0")!.estimate).toBeCloseTo(
      harrellC(time, event, m1lp).estimate,
      6,
    );
    expect(byKey("harrellCDiff", "model-vs-baseline:clinical-coxph-m1@1.0.0")).toBeDefined();
    // Calibration at the 5-year horizon from the card's baseline hazard: risk = 1 − exp(−H₀(h)·exp(lp)).
    const h0 = manifest.baselineCumulativeHazard.find((b: { days: number }) => b.days === 1826).value as number;
    const calibration = calibrationAtHorizon(
      time,
      event,
      ordered.map((p) => 1 - Math.exp(-h0 * Math.exp(p.score!))),
      1826,
    );
    expect(byKey("calibrationOE", "model", 1826)!.estimate).toBe(calibration.oe);
    expect((byKey("calibrationOE", "model", 1826)!.details as { slope: number }).slope).toBe(calibration.slope);
    // Subgroups: women only.
    const women = ordered.flatMap((p, i) => (p.patient.baseline!.sex === "FEMALE" ? [i] : []));
    expect(byKey("harrellC", "model", null, "sex=F")!.estimate).toBe(
      harrellC(
        women.map((i) => time[i]!),
        women.map((i) => event[i]!),
        women.map((i) => ordered[i]!.score!),
      ).estimate,
    );
    expect(byKey("harrellC", "model", null, "sex=F")!.n).toBe(women.length);
    expect(byKey("harrellC", "model")!.provenance).toMatchObject({
      modelSha256: model.artifactSha256,
      codeVersion: expect.any(String),
      patients: dataset.patientCount,
    });
  }, 90_000);

  it("loses nothing and duplicates nothing when the worker is SIGKILLed five times at random moments; the same metrics result", async () => {
    const { run, dataset, model } = await queuedRun("clinical-coxph-m2", 2);
    const random = mulberry32(20261130);
    const kills: number[] = [];
    for (let k = 0; k < 5; k++) {
      const victim = startWorker({ FRACVAL_WORKER_BATCH_DELAY_MS: "300" });
      // A random moment: before the worker has taken a job, mid-batch, or between batches.
      await new Promise((r) => setTimeout(r, 500 + random() * 2500));
      victim.kill("SIGKILL");
      await new Promise((r) => victim.once("exit", r));
      kills.push((await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } })).progressDone);
    }
    expect(kills.at(-1)!).toBeLessThan(dataset.patientCount); // still mid-run after the fifth kill
    worker = startWorker();
    const done = await waitFor(async () => {
      const r = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "SUCCEEDED" ? r : null;
    }, 90_000);
    expect(done.progressDone).toBe(dataset.patientCount);
    const predictions = await t.db.prediction.findMany({ where: { runId: run.id } });
    expect(predictions).toHaveLength(dataset.patientCount);
    expect(new Set(predictions.map((p) => p.patientId)).size).toBe(dataset.patientCount);
    // Every metric equals the undisturbed run's (the first test's run of the same model on the same patients).
    const earlier = await t.db.validationRun.findFirstOrThrow({
      where: { modelVersionId: model.id, datasetId: dataset.id, id: { not: run.id } },
    });
    const metricsOf = async (runId: string) =>
      (
        await t.db.metricResult.findMany({
          where: { runId },
          orderBy: [{ metric: "asc" }, { scoreSource: "asc" }, { subgroup: "asc" }, { horizonDays: "asc" }],
        })
      ).map((m) => [m.metric, m.scoreSource, m.subgroup, m.horizonDays, m.n, m.estimate, m.se, m.ciLower, m.ciUpper]);
    const undisturbed = await metricsOf(earlier.id);
    expect(undisturbed.length).toBeGreaterThan(20);
    expect(await metricsOf(run.id)).toEqual(undisturbed);
  }, 180_000);

  it("a worker stopped with SIGTERM mid-batch finishes that batch, exits 0 and leaves no job half-done", async () => {
    // Model 1 (age, sex) scores every demo patient; model 3 needs features the demo cohort lacks, and a run
    // with no scored patient ends FAILED, not SUCCEEDED.
    const { run } = await queuedRun("clinical-coxph-m1", 2);
    const stopping = startWorker({ FRACVAL_WORKER_BATCH_DELAY_MS: "1500" }, "pipe");
    let log = "";
    stopping.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    stopping.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    const jobStates = async () =>
      (
        await t.db.$queryRawUnsafe<{ state: string }[]>(
          `SELECT state::text FROM pgboss.job WHERE name = 'run__score' AND data->>'runId' = $1`,
          run.id,
        )
      ).map((j) => j.state);
    await waitFor(async () => (await jobStates()).includes("active"), 60_000);
    const exited = new Promise<string>((resolve) =>
      stopping.once("exit", (code, signal) => resolve(`${code ?? signal}`)),
    );
    stopping.kill("SIGTERM");
    expect(await exited, log).toBe("0");
    const states = await jobStates();
    expect(states.filter((s) => s === "completed")).toHaveLength(1); // the batch it had started
    expect(states.filter((s) => s !== "completed" && s !== "created")).toEqual([]);
    const r = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(r.progressDone).toBe(2);
    expect(await t.db.prediction.count({ where: { runId: run.id } })).toBe(2);
    worker = startWorker();
    await waitFor(
      async () => (await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } })).status === "SUCCEEDED",
      60_000,
    );
  }, 120_000);

  it("cancels a queued run: its jobs are skipped and it stays CANCELLED", async () => {
    const { run, member } = await queuedRun("clinical-coxph-m1");
    expect((await cancelValidationRun(t.db, member, run.id)).status).toBe("CANCELLED");
    await expect(cancelValidationRun(t.db, member, run.id)).rejects.toMatchObject({ code: "CONFLICT" });
    worker = startWorker();
    await waitFor(async () => {
      const rows = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM pgboss.job WHERE data->>'runId' = $1 AND state = 'completed'`,
        run.id,
      );
      return Number(rows[0]!.n) > 0 ? true : null;
    }, 30_000);
    expect(await t.db.prediction.count({ where: { runId: run.id } })).toBe(0);
    expect((await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("CANCELLED");
  }, 60_000);

  it("fails the run, with the reason, when a batch keeps failing after its retries", async () => {
    const dataset = await t.db.validationDataset.findFirstOrThrow({ where: { site: { code: "Severance" } } });
    const model = await t.db.modelVersion.findFirstOrThrow({ where: { family: "clinical-coxph-m3" } });
    // The model's stored artifact disappears (a storage fault, not a bad input): every attempt fails.
    const key = model.artifactStorageKey;
    rmSync(join(storageDir, key.slice(0, 2), key.slice(2, 4), key));
    const member = (await loadUserViewer(
      t.db,
      (
        await t.db.user.findFirstOrThrow({ where: { email: "investigator.severance@fracval.demo" } })
      ).id,
    ))!;
    const run = await createValidationRun(
      t.db,
      member,
      { modelVersionId: model.id, datasetId: dataset.id, batchSize: 100 },
      producer.enqueue,
    );
    const failed = await waitFor(async () => {
      const r = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "FAILED" ? r : null;
    }, 90_000);
    expect(failed.error).toMatch(/a batch of \d+ patients failed 5 times: .*ENOENT/);
    expect(await t.db.prediction.count({ where: { runId: run.id } })).toBe(0);
  }, 120_000);
});
