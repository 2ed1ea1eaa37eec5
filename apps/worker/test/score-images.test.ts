// Scoring image models on the worker's preprocessing threads, which read a local store's blobs themselves, gives
// the predictions of scoring on the calling thread, bit for bit (X-ray and CT series); a blob missing from the
// store fails the batch (a storage fault: retried) and stores nothing, with or without threads.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  blobPath,
  createValidationRun,
  decodeSeriesIndex,
  FileContentStore,
  loadUserViewer,
  registerModelDirectory,
} from "@fracval/core";
import { ctWriter, findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { ingestDatasetFolder, ModelCache, scoreRunBatch } from "../src/index.js";

let t: TestDatabase;
const storeDir = mkdtempSync(join(tmpdir(), "fracval-score-images-store-"));
const store = new FileContentStore(storeDir);
const secrets = { pseudonym: "pseudonym-secret-0123456789", deidentification: "deid-secret-0123456789" };
const caches: ModelCache[] = [];
/** Scoring on the calling thread (0 preprocessing threads) or on 2 threads. */
const modelCache = (threads: number) => {
  const cache = new ModelCache(store, 4, () => {}, { providers: ["cpu"] }, threads);
  caches.push(cache);
  return cache;
};

/** A synthetic folder ingested into the store for `studySlug` at `site`: the dataset id. */
async function ingested(site: string, studySlug: string, modality: "xray" | "ct", n: number): Promise<string> {
  const profile = findProfile(site);
  const folder = mkdtempSync(join(tmpdir(), `fracval-score-images-${modality}-`));
  const writeImages = modality === "ct" ? ctWriter(profile, 17) : xrayWriter(profile, 17);
  writeDataset({ profile, n, seed: 17, out: folder, modality, writeImages });
  const siteRow = await t.db.site.findFirstOrThrow({ where: { code: site } });
  const study = await t.db.study.findFirstOrThrow({ where: { slug: studySlug } });
  const dataset = await t.db.validationDataset.create({
    data: { name: `${site} ${modality}`, siteId: siteRow.id, studyId: study.id, providedScoreNames: [] },
  });
  const result = await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets });
  expect(result.status).toBe("READY");
  return dataset.id;
}

/** A new run of `family`'s model on the dataset, scored in one batch by `models`: its predictions by patient. */
async function scored(family: string, datasetId: string, models: ModelCache) {
  const model = await t.db.modelVersion.findFirstOrThrow({ where: { family } });
  const { site } = await t.db.validationDataset.findUniqueOrThrow({
    where: { id: datasetId },
    include: { site: true },
  });
  const email = `investigator.${site.code.toLowerCase()}@fracval.demo`;
  const investigator = await t.db.user.findFirstOrThrow({ where: { email } });
  const run = await createValidationRun(
    t.db,
    (await loadUserViewer(t.db, investigator.id))!,
    { modelVersionId: model.id, datasetId },
    async () => {},
  );
  const patients = await t.db.patient.findMany({ where: { datasetId }, orderBy: { manifestRow: "asc" } });
  const scoring = scoreRunBatch(t.db, models, { runId: run.id, patientIds: patients.map((p) => p.id) });
  return { scoring, predictions: () => predictionsOf(run.id) };
}

/** The image blobs of the dataset's patients: each radiograph, each CT series' slices. */
async function imageBlobKeys(datasetId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const series of await t.db.imageSeries.findMany({ where: { patient: { datasetId } } })) {
    if (series.slices <= 1) keys.add(series.storageKey);
    else for (const key of decodeSeriesIndex(await store.get(series.storageKey))) keys.add(key);
  }
  return keys;
}

const predictionsOf = async (runId: string) =>
  (await t.db.prediction.findMany({ where: { runId }, orderBy: { patient: { manifestRow: "asc" } } })).map((p) => ({
    patient: p.patientId,
    score: p.score,
    rawOutputs: p.rawOutputs,
    failureReason: p.failureReason,
  }));

beforeAll(async () => {
  t = await createTestDatabase();
  await registerModelDirectory(t.db, store, fileURLToPath(new URL("../../../models/", import.meta.url)));
}, 60_000);

afterAll(async () => {
  await Promise.all(caches.map((cache) => cache.preprocessing?.close()));
  await t?.drop();
});

describe("scoring image models on the preprocessing threads", () => {
  it("X-ray and CT: the threads read the stored blobs and give the calling thread's predictions, bit for bit", async () => {
    const here = modelCache(0);
    const threads = modelCache(2);
    expect(threads.preprocessing?.threads).toBe(2);
    for (const [site, family, modality, n] of [
      ["Severance", "xray-deepsurv", "xray", 10],
      ["Severance", "verte-x-pvf", "xray", 4],
      ["Boramae", "ct-bone-muscle", "ct", 3],
    ] as const) {
      const datasetId = await ingested(site, family, modality, n);
      const imageKeys = await imageBlobKeys(datasetId);
      if (modality === "ct")
        expect(imageKeys.size).toBeGreaterThan(3 * 14); // every slice, read or not
      else expect(imageKeys.size).toBe(n);
      const inline = await scored(family, datasetId, here);
      await inline.scoring;
      // The threads read every image themselves: the calling thread reads no radiograph or slice from the store.
      const read = vi.spyOn(store, "get");
      const pooled = await scored(family, datasetId, threads);
      await pooled.scoring;
      const readHere = read.mock.calls.map(([key]) => key);
      read.mockRestore();
      expect(readHere.filter((key) => imageKeys.has(key))).toEqual([]);
      const [a, b] = [await inline.predictions(), await pooled.predictions()];
      expect(a).toHaveLength(n);
      expect(a.every((p) => typeof p.score === "number" && Number.isFinite(p.score))).toBe(true);
      expect(b).toEqual(a);
    }
  }, 240_000);

  it("a stored image gone from the store fails the batch on either path and stores no prediction", async () => {
    const datasetId = await ingested("Severance", "xray-deepsurv", "xray", 3);
    const series = await t.db.imageSeries.findFirstOrThrow({
      where: { patient: { datasetId } },
      orderBy: { patient: { manifestRow: "asc" } },
    });
    rmSync(blobPath(storeDir, series.storageKey));
    for (const threads of [0, 2]) {
      const run = await scored("xray-deepsurv", datasetId, modelCache(threads));
      await expect(run.scoring).rejects.toThrow(new RegExp(`ENOENT.*${series.storageKey}`));
      expect(await run.predictions()).toEqual([]);
    }
  }, 120_000);
});
