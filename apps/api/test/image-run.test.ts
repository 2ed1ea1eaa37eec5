// An image model through the whole path: a synthetic X-ray dataset is uploaded (validated, de-identified,
// stored), a run of the reference DeepSurv model (xray-deepsurv) is scored by a real worker process, and
// every prediction equals the model applied directly to the original DICOM files and manifest centres.
// A patient without a vertebral centre and a patient whose stored image is corrupt fail with a reason;
// the run does not. Progress reports images, throughput and the execution provider.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createValidationRun,
  FileContentStore,
  loadUserViewer,
  pseudonymise,
  registerModelDirectory,
  runThroughput,
} from "@fracval/core";
import { ingestDatasetFolder } from "@fracval/worker";
import { decodeDicom } from "@fracval/imaging";
import { CLINICAL_INPUT, loadModel, scoreBatch } from "@fracval/inference";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { createTestDatabase, TEST_PSEUDONYM_SECRET, waitFor, type TestDatabase } from "@fracval/testing";
import { startJobQueue, type JobQueue } from "../src/queue.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const storageDir = mkdtempSync(join(tmpdir(), "fracval-image-run-store-"));
const uploadsDir = mkdtempSync(join(tmpdir(), "fracval-image-run-uploads-"));
const store = new FileContentStore(storageDir);
const secrets = { pseudonym: "pseudonym-secret-image-run-0123", deidentification: "deid-secret-image-run-0123" };
const N = 10;
let t: TestDatabase;
let producer: JobQueue;
let worker: ChildProcess | undefined;
let folder: string;
let rows: Record<string, string>[];

/** Reads manifest.csv (no quoted fields in synthetic manifests). */
const readManifest = (dir: string) => {
  const [header, ...lines] = readFileSync(join(dir, "manifest.csv"), "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(","));
  return lines.map((l) => Object.fromEntries(header!.map((h, k) => [h, l[k] ?? ""])));
};

beforeAll(async () => {
  t = await createTestDatabase();
  await registerModelDirectory(t.db, store, join(root, "models"));
  producer = await startJobQueue(t.url, { expireInSeconds: 5 });
  folder = mkdtempSync(join(tmpdir(), "fracval-image-run-"));
  writeDataset({
    profile: findProfile("Boramae"),
    n: N,
    seed: 4400,
    out: folder,
    modality: "xray",
    writeImages: xrayWriter(findProfile("Boramae"), 4400),
  });
  // Row 3 gives no centre for L3: its patient cannot be cropped.
  const lines = readFileSync(join(folder, "manifest.csv"), "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(","));
  for (const column of ["l3_x", "l3_y"]) lines[3]![lines[0]!.indexOf(column)] = "";
  writeFileSync(join(folder, "manifest.csv"), `${lines.map((l) => l.join(",")).join("\n")}\n`);
  rows = readManifest(folder);
}, 120_000);

afterAll(async () => {
  worker?.kill("SIGKILL");
  await producer?.stop();
  await t?.drop();
});

describe("an image model run through a worker", () => {
  it("scores each patient as the model does on the original files; unusable images fail only their patient", async () => {
    const site = await t.db.site.findFirstOrThrow({ where: { code: "Boramae" } });
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "xray-deepsurv" } });
    const dataset = await t.db.validationDataset.create({
      data: { name: "boramae x-rays", siteId: site.id, studyId: study.id, providedScoreNames: [] },
    });
    expect((await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets })).status).toBe("READY");
    // The stored (de-identified) image of row 5 gets corrupted after upload.
    const pseudonymOf = (row: Record<string, string>) => pseudonymise(secrets.pseudonym, site.id, row.patient_id!);
    const victim = await t.db.patient.findFirstOrThrow({
      where: { datasetId: dataset.id, pseudonym: pseudonymOf(rows[4]!) },
      include: { images: true },
    });
    const key = victim.images[0]!.storageKey;
    writeFileSync(join(storageDir, key.slice(0, 2), key.slice(2, 4), key), Buffer.alloc(4000, 9));

    const model = await t.db.modelVersion.findFirstOrThrow({ where: { family: "xray-deepsurv" } });
    const investigator = (await loadUserViewer(
      t.db,
      (
        await t.db.user.findFirstOrThrow({ where: { email: "investigator.boramae@fracval.demo" } })
      ).id,
    ))!;
    const run = await createValidationRun(
      t.db,
      investigator,
      { modelVersionId: model.id, datasetId: dataset.id, batchSize: 4 },
      producer.enqueue,
    );
    worker = spawn(process.execPath, ["--import", "tsx", join(root, "apps/worker/src/main.ts")], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        FRACVAL_STORAGE_DIR: storageDir,
        FRACVAL_UPLOAD_DIR: uploadsDir,
        FRACVAL_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
        FRACVAL_QUEUE_MAINTENANCE_SECONDS: "1",
      },
      stdio: "ignore",
    });
    const done = await waitFor(async () => {
      const r = await t.db.validationRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "SUCCEEDED" || r.status === "FAILED" ? r : null;
    }, 120_000);
    expect(done).toMatchObject({
      status: "SUCCEEDED",
      progressDone: N,
      progressFailed: 2,
      imagesDone: N - 2,
      executionProvider: "cpu",
    });
    expect(runThroughput(done).imagesPerSecond).toBeGreaterThan(0);
    expect(runThroughput(done).etaSeconds).toBe(0);

    const predictions = await t.db.prediction.findMany({ where: { runId: run.id }, include: { patient: true } });
    expect(predictions).toHaveLength(N);
    const byPseudonym = new Map(predictions.map((p) => [p.patient.pseudonym, p]));
    expect(byPseudonym.get(pseudonymOf(rows[2]!))!.failureReason).toMatch(
      /^image: the manifest gives no centre for L3 \(l3_x, l3_y\)$/,
    );
    expect(byPseudonym.get(pseudonymOf(rows[4]!))!.failureReason).toMatch(/^image: /);

    // The same model on the original files (not de-identified, not stored) and the manifest's centres.
    const manifest = JSON.parse(readFileSync(join(root, "models/xray-deepsurv/1.0.0/manifest.json"), "utf8"));
    const direct = await loadModel(
      new Uint8Array(readFileSync(join(root, "models/xray-deepsurv/1.0.0/model.onnx"))),
      manifest,
      { providers: ["cpu"], log: () => {} },
    );
    const clinicalOf = (row: Record<string, string>) =>
      ({
        age: Number(row.age),
        sex: row.sex === "F" ? 1 : 0,
        bmi: Number(row.bmi),
        glucocorticoids: Number(row.glucocorticoids),
        secondary_osteoporosis: Number(row.secondary_osteoporosis),
      }) as Record<string, number>;
    for (const [k, row] of rows.entries()) {
      if (k === 2 || k === 4) continue;
      const decoded = await decodeDicom(new Uint8Array(readFileSync(join(folder, row.image_path!))));
      const landmarks = Object.fromEntries(
        ["L1", "L2", "L3", "L4", "L5"].map((l) => [
          l,
          [Number(row[`${l.toLowerCase()}_x`]), Number(row[`${l.toLowerCase()}_y`])] as [number, number],
        ]),
      );
      const tensors = direct.pipeline!.run({ images: [decoded], landmarks });
      const clinical = clinicalOf(row);
      tensors[CLINICAL_INPUT] = Float32Array.from(
        manifest.clinicalFeatures,
        (f: { column: string; mean: number; sd: number }) => (clinical[f.column]! - f.mean) / f.sd,
      );
      const { scores } = await scoreBatch(direct, [tensors]);
      const stored = byPseudonym.get(pseudonymOf(row))!;
      expect(stored.failureReason).toBeNull();
      expect(stored.score!).toBeCloseTo(scores[0]!, 5);
      expect((stored.rawOutputs as Record<string, number>).log_hazard).toBeCloseTo(scores[0]!, 5);
    }
    // Metrics were computed on the scored patients.
    expect(
      await t.db.metricResult.count({
        where: { runId: run.id, metric: "harrellC", scoreSource: "model", subgroup: "all" },
      }),
    ).toBe(1);
  }, 240_000);
});
