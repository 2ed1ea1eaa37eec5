// Ingestion of synthetic dataset folders on real PostgreSQL: READY with de-identified, content-addressed
// images and no original identifier anywhere; a bad image rejects the whole dataset and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { decodeDicom } from "@fracval/imaging";
import { uploadedImagesOf } from "./support/manifest.js";
import { greyscalePng } from "./support/png.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { ctWriter, findProfile, writeDataset, xrayWriter, type SyntheticPatient } from "@fracval/synth";
import { FileContentStore, pseudonymise } from "@fracval/core";
import { ingestDatasetFolder } from "../src/index.js";
import { IngestPool } from "../src/ingest/prepare-image.js";

let t: TestDatabase;
const secrets = { pseudonym: "pseudonym-secret-0123456789", deidentification: "deid-secret-0123456789" };
const storeDir = mkdtempSync(join(tmpdir(), "fracval-store-"));
const store = new FileContentStore(storeDir);

function listStore(): string[] {
  const out: string[] = [];
  const walk = (d: string) =>
    readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : out.push(f)));
  walk(storeDir);
  return out.sort();
}

async function newDataset(site: string, studySlug: string) {
  const siteRow = await t.db.site.findFirstOrThrow({ where: { code: site } });
  const study = await t.db.study.findFirstOrThrow({ where: { slug: studySlug } });
  return t.db.validationDataset.create({
    data: { name: `${site} upload`, siteId: siteRow.id, studyId: study.id, providedScoreNames: [] },
  });
}

/** A folder ingested into a store of its own: the result, the stored blobs, the image keys in row order. */
async function ingestIntoOwnStore(from: string, site: string, studySlug: string, pool: IngestPool | null) {
  const dir = mkdtempSync(join(tmpdir(), "fracval-store-own-"));
  const dataset = await newDataset(site, studySlug);
  const result = await ingestDatasetFolder(t.db, new FileContentStore(dir), {
    datasetId: dataset.id,
    folder: from,
    secrets,
    pool,
  });
  const blobs: string[] = [];
  const walk = (d: string) =>
    readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : blobs.push(f)));
  walk(dir);
  const keys = (
    await t.db.imageSeries.findMany({
      where: { patient: { datasetId: dataset.id } },
      orderBy: { patient: { manifestRow: "asc" } },
    })
  ).map((s) => s.storageKey);
  return { result, blobs: blobs.sort(), keys, dir };
}

const counts = async () => ({
  patients: await t.db.patient.count(),
  baselines: await t.db.clinicalBaseline.count(),
  outcomes: await t.db.outcome.count(),
  images: await t.db.imageSeries.count(),
});

let xrayFolder: string;
let xrayPatients: SyntheticPatient[];

beforeAll(async () => {
  t = await createTestDatabase();
  const profile = findProfile("Severance");
  xrayFolder = mkdtempSync(join(tmpdir(), "fracval-upload-xray-"));
  ({ patients: xrayPatients } = writeDataset({
    profile,
    n: 8,
    seed: 31,
    out: xrayFolder,
    modality: "xray",
    writeImages: xrayWriter(profile, 31),
  }));
});
afterAll(() => t.drop());

describe("ingestDatasetFolder", () => {
  it("commits an X-ray dataset: READY, counts, pseudonyms, de-identified images in the store", async () => {
    const dataset = await newDataset("Severance", "verte-x-pvf");
    const before = await counts();
    const result = await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder: xrayFolder, secrets });
    expect(result.status).toBe("READY");
    expect(result).toMatchObject({
      patientCount: 8,
      imageCount: 8,
      eventCount: xrayPatients.filter((p) => p.event).length,
      progressDone: 8,
      progressTotal: 8,
    });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    const after = await counts();
    expect(after).toEqual({
      patients: before.patients + 8,
      baselines: before.baselines + 8,
      outcomes: before.outcomes + 8,
      images: before.images + 8,
    });
    const stored = await t.db.imageSeries.findMany({ where: { patient: { datasetId: dataset.id } } });
    for (const image of stored) expect(await store.has(image.storageKey)).toBe(true);
    const first = await t.db.patient.findFirstOrThrow({
      where: { datasetId: dataset.id },
      include: { baseline: true },
    });
    expect(first.pseudonym).toMatch(/^P[0-9a-f]{24}$/);
    expect(first.baseline!.fraxMof10y).toBeLessThan(1); // percent → fraction
    // The vertebral centres of the manifest travel with the image (the X-ray models crop around them).
    const manifest = readFileSync(join(xrayFolder, "manifest.csv"), "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const column = (name: string) => manifest[0]!.indexOf(name);
    const pseudonym = pseudonymise(secrets.pseudonym, dataset.siteId, manifest[1]![column("patient_id")]!);
    const patient = await t.db.patient.findFirstOrThrow({
      where: { datasetId: dataset.id, pseudonym },
      include: { images: true },
    });
    const landmarks = patient.images[0]!.landmarks as Record<string, [number, number]>;
    expect(Object.keys(landmarks).sort()).toEqual(["L1", "L2", "L3", "L4", "L5", "T11", "T12"]);
    expect(landmarks.L3).toEqual([Number(manifest[1]![column("l3_x")]), Number(manifest[1]![column("l3_y")])]);
  });

  it("stores every row's values with its own patient, provided scores included", async () => {
    const folder = mkdtempSync(join(tmpdir(), "fracval-upload-scores-"));
    cpSync(xrayFolder, folder, { recursive: true });
    const lines = readFileSync(join(folder, "manifest.csv"), "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    lines[0]!.push("GpVF");
    lines.slice(1).forEach((line, k) => line.push(String(0.05 + k / 10)));
    writeFileSync(join(folder, "manifest.csv"), `${lines.map((l) => l.join(",")).join("\n")}\n`);
    const siteRow = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
    const dataset = await t.db.validationDataset.create({
      data: { name: "scores", siteId: siteRow.id, studyId: study.id, providedScoreNames: ["GpVF"] },
    });
    const result = await ingestDatasetFolder(t.db, store, {
      datasetId: dataset.id,
      folder,
      secrets,
    });
    expect(result).toMatchObject({ status: "READY", patientCount: 8, imageCount: 8 });
    const col = (name: string) => lines[0]!.indexOf(name);
    for (const line of lines.slice(1)) {
      const patient = await t.db.patient.findUniqueOrThrow({
        where: {
          datasetId_pseudonym: {
            datasetId: dataset.id,
            pseudonym: pseudonymise(secrets.pseudonym, dataset.siteId, line[col("patient_id")]!),
          },
        },
        include: { baseline: true, outcome: true, providedScores: true, images: true },
      });
      expect(patient.baseline!.ageYears).toBe(Number(line[col("age")]));
      expect(patient.baseline!.sex).toBe(line[col("sex")] === "F" ? "FEMALE" : "MALE");
      expect(patient.baseline!.fraxMof10y).toBe(Number(line[col("frax_mof_pct")]) / 100);
      expect(patient.baseline!.femoralNeckBmd).toBe(Number(line[col("fn_bmd")]));
      expect(patient.baseline!.glucocorticoids).toBe(line[col("glucocorticoids")] === "1");
      expect(patient.outcome!.followUpDays).toBe(Number(line[col("followup_days")]));
      expect(patient.outcome!.incidentVertebralFracture).toBe(line[col("incident_vertebral_fracture")] === "1");
      expect(patient.outcome!.eventDays).toBe(line[col("event_days")] ? Number(line[col("event_days")]) : null);
      expect(patient.providedScores).toEqual([
        { patientId: patient.id, name: "GpVF", value: Number(line[col("GpVF")]) },
      ]);
      expect(patient.images).toHaveLength(1);
      expect(patient.images[0]).toMatchObject({ modality: "XRAY", slices: 1, manufacturer: line[col("manufacturer")] });
      expect(patient.images[0]!.storageKey).toMatch(/^[0-9a-f]{64}$/);
      expect((patient.images[0]!.landmarks as Record<string, number[]>).L3).toEqual([
        Number(line[col("l3_x")]),
        Number(line[col("l3_y")]),
      ]);
    }
    // Ids sort in manifest order (runs and metrics read patients in id order: the same manifest, the same order).
    const byId = await t.db.patient.findMany({ where: { datasetId: dataset.id }, orderBy: { id: "asc" } });
    expect(byId.map((p) => p.manifestRow)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("leaves no original identifier anywhere in the database or the storage", async () => {
    const tables = [
      "Patient",
      "ClinicalBaseline",
      "Outcome",
      "ImageSeries",
      "ValidationDataset",
      "AuditEvent",
      "ProvidedScore",
    ];
    let dump = "";
    for (const table of tables) {
      const rows = await t.db.$queryRawUnsafe<{ j: unknown }[]>(`SELECT row_to_json(x) AS j FROM "${table}" x`);
      dump += JSON.stringify(rows);
    }
    for (const file of listStore())
      dump += readFileSync(join(storeDir, file.slice(0, 2), file.slice(2, 4), file)).toString("latin1");
    expect(dump.length).toBeGreaterThan(8 * 100_000); // the images are in there
    for (const p of xrayPatients) {
      for (const id of [p.hospitalId, `${p.name.family}^${p.name.given}`, p.birthDate, p.accessionNumber])
        expect(dump, id).not.toContain(id);
    }
    expect(dump).not.toContain("Severance Hospital");
  });

  it("rejects the whole dataset when one image is corrupt, naming row and column, and changes nothing", async () => {
    const folder = mkdtempSync(join(tmpdir(), "fracval-upload-bad-"));
    copyFileSync(join(xrayFolder, "manifest.csv"), join(folder, "manifest.csv"));
    const images = join(xrayFolder, "images");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(folder, "images"));
    const files = readdirSync(images);
    files.forEach((f) => copyFileSync(join(images, f), join(folder, "images", f)));
    const manifest = readFileSync(join(folder, "manifest.csv"), "utf8").split("\n");
    const victim = manifest[3]!.split(",")[manifest[0]!.split(",").indexOf("image_path")]!;
    writeFileSync(join(folder, victim), readFileSync(join(folder, victim)).subarray(0, 4000)); // truncated
    const dataset = await newDataset("Severance", "verte-x-pvf");
    const before = await counts();
    const storeBefore = listStore();
    const result = await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets });
    expect(result.status).toBe("REJECTED");
    const report = result.validationReport as { problems: { row: number; column: string; reason: string }[] };
    expect(report.problems).toContainEqual(
      expect.objectContaining({ row: 3, column: "image_path", reason: expect.stringMatching(/truncated|unreadable/) }),
    );
    expect(await counts()).toEqual(before);
    expect(listStore()).toEqual(storeBefore);
  });

  it("accepts PNG radiographs with the manifest's pixel spacing (and names the row lacking it), storing what the PNG holds", async () => {
    const folder = mkdtempSync(join(tmpdir(), "fracval-upload-png-"));
    cpSync(xrayFolder, folder, { recursive: true });
    const lines = readFileSync(join(folder, "manifest.csv"), "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const col = (name: string) => lines[0]!.indexOf(name);
    // The synthetic manifest has the column (DICOM rows leave it empty); a manifest without it gets it added.
    if (col("pixel_spacing_mm") < 0) for (const line of lines) line.push(line === lines[0] ? "pixel_spacing_mm" : "");
    const spacing = col("pixel_spacing_mm");
    const originals: Record<number, Float32Array> = {};
    for (let row = 1; row < lines.length; row++) {
      lines[row]![spacing] = "";
      if (row > 2) continue;
      // Rows 1 and 2: the radiograph exported as a 16-bit greyscale PNG (no header, so no spacing).
      const dicom = await decodeDicom(new Uint8Array(readFileSync(join(folder, lines[row]![col("image_path")]!))));
      originals[row] = dicom.image.data;
      const png = `images/row${row}.png`;
      writeFileSync(join(folder, png), greyscalePng(dicom.image.columns, dicom.image.rows, dicom.image.data, 16));
      lines[row]![col("image_path")] = png;
    }
    lines[1]![spacing] = "0.32";
    const write = () => writeFileSync(join(folder, "manifest.csv"), `${lines.map((l) => l.join(",")).join("\n")}\n`);
    write();
    const before = await counts();
    const rejected = await ingestDatasetFolder(t.db, store, {
      datasetId: (await newDataset("Severance", "verte-x-pvf")).id,
      folder,
      secrets,
    });
    expect(rejected.status).toBe("REJECTED");
    expect((rejected.validationReport as { problems: unknown[] }).problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "pixel_spacing_mm",
        reason: expect.stringMatching(/required for a PNG image/),
      }),
    ]);
    expect(JSON.stringify(rejected.validationReport)).not.toContain("row2.png"); // file names can carry identifiers
    expect(await counts()).toEqual(before);

    lines[2]![spacing] = "0.32";
    write();
    const dataset = await newDataset("Severance", "verte-x-pvf");
    expect((await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets })).status).toBe("READY");
    const pseudonym = pseudonymise(secrets.pseudonym, dataset.siteId, lines[1]![col("patient_id")]!);
    const patient = await t.db.patient.findFirstOrThrow({
      where: { datasetId: dataset.id, pseudonym },
      include: { images: true },
    });
    const stored = await decodeDicom(await store.get(patient.images[0]!.storageKey));
    expect(stored.pixelSpacing).toEqual([0.32, 0.32]);
    expect(stored.image.data).toEqual(originals[1]);
    expect(patient.images[0]!.landmarks).toMatchObject({ L1: [expect.any(Number), expect.any(Number)] });
  });

  it("commits a CT dataset as series (an index of slices) and refuses a radiograph for a CT study", async () => {
    const profile = findProfile("Boramae");
    const folder = mkdtempSync(join(tmpdir(), "fracval-upload-ct-"));
    writeDataset({ profile, n: 3, seed: 8, out: folder, modality: "ct", writeImages: ctWriter(profile, 8) });
    const dataset = await newDataset("Boramae", "ct-bone-muscle");
    // Ingestion runs inside the API process: it must leave the event loop free to answer requests.
    let last = performance.now();
    let longestStall = 0;
    const ticker = setInterval(() => {
      longestStall = Math.max(longestStall, performance.now() - last);
      last = performance.now();
    }, 5);
    const result = await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets });
    clearInterval(ticker);
    expect(result.status).toBe("READY");
    expect(longestStall).toBeLessThan(400); // ~60 ms here; ~800 ms when a whole series was de-identified without yielding
    const series = await t.db.imageSeries.findFirstOrThrow({ where: { patient: { datasetId: dataset.id } } });
    expect(series.slices).toBeGreaterThanOrEqual(28);
    expect(series.landmarks).toEqual({ body: [expect.any(Number), expect.any(Number)] });
    const index = JSON.parse(new TextDecoder().decode(await store.get(series.storageKey))) as { series: string[] };
    expect(index.series).toHaveLength(series.slices);

    // Removing checkpointed images (as the job does with its raw upload): each series folder's slices go, and
    // the folder with them; a folder inside one (not the row's) and the manifest stay for the job to remove.
    const upload = mkdtempSync(join(tmpdir(), "fracval-upload-ct-removed-"));
    cpSync(folder, upload, { recursive: true });
    const seriesFolders = uploadedImagesOf(upload);
    expect(seriesFolders.every((f) => statSync(f).isDirectory())).toBe(true);
    const extra = join(seriesFolders[0]!, ".not-this-row"); // hidden: not read as a slice
    mkdirSync(extra);
    const removing = await ingestDatasetFolder(t.db, store, {
      datasetId: (await newDataset("Boramae", "ct-bone-muscle")).id,
      folder: upload,
      secrets,
      removeCheckpointedImages: true,
    });
    expect(removing.status).toBe("READY");
    expect(seriesFolders.slice(1).map((f) => existsSync(f))).toEqual([false, false]);
    expect(readdirSync(seriesFolders[0]!)).toEqual([".not-this-row"]);
    expect(existsSync(join(upload, "manifest.csv"))).toBe(true);

    const wrong = await newDataset("Severance", "ct-bone-muscle"); // a CT study given X-rays
    const rejected = await ingestDatasetFolder(t.db, store, { datasetId: wrong.id, folder: xrayFolder, secrets });
    expect(rejected.status).toBe("REJECTED");
    expect((rejected.validationReport as { problems: { reason: string }[] }).problems[0]!.reason).toMatch(
      /slice\(s\)|modality DX/,
    );
  });

  it("prepares radiographs on the ingestion threads rows ahead: the same stored images and the same problems as in turn", async () => {
    const pool = new IngestPool(2);
    // Both threads load their code (as the worker does before it says it is ready), preparing nothing.
    await expect(pool.warmUp()).resolves.toBeUndefined();
    const started: string[] = [];
    // The pool, counting what it is asked to prepare.
    const counted = Object.assign(Object.create(pool) as IngestPool, {
      run: (...args: Parameters<IngestPool["run"]>) => {
        started.push(args[0]);
        return pool.run(...args);
      },
    });
    try {
      const ingest = (from: string, withPool: boolean) =>
        ingestIntoOwnStore(from, "Severance", "verte-x-pvf", withPool ? counted : null);
      const alone = await ingest(xrayFolder, false);
      expect(started).toEqual([]);
      const ahead = await ingest(xrayFolder, true);
      expect(ahead.result.status).toBe("READY");
      expect(ahead.keys).toHaveLength(8);
      expect(ahead.keys).toEqual(alone.keys);
      expect(ahead.blobs).toEqual(alone.blobs);
      expect(started).toHaveLength(8); // every row's image prepared on a thread, once

      // Row 3 refused by validation (its image was read ahead and is dropped), row 5's image a CT slice.
      const broken = mkdtempSync(join(tmpdir(), "fracval-upload-xray-pool-bad-"));
      cpSync(xrayFolder, broken, { recursive: true });
      const lines = readFileSync(join(broken, "manifest.csv"), "utf8").split("\n");
      const header = lines[0]!.split(",");
      const cells = lines[3]!.split(",");
      cells[header.indexOf("age")] = "old";
      lines[3] = cells.join(",");
      writeFileSync(join(broken, "manifest.csv"), lines.join("\n"));
      const ctFolder = mkdtempSync(join(tmpdir(), "fracval-upload-ct-slice-"));
      const boramae = findProfile("Boramae");
      writeDataset({
        profile: boramae,
        n: 1,
        seed: 3,
        out: ctFolder,
        modality: "ct",
        writeImages: ctWriter(boramae, 3),
      });
      const seriesDir = join(ctFolder, "images");
      const ctSlice = (function first(d: string): string {
        const f = readdirSync(d).sort()[0]!;
        return statSync(join(d, f)).isDirectory() ? first(join(d, f)) : join(d, f);
      })(seriesDir);
      const row5Image = lines[5]!.split(",")[header.indexOf("image_path")]!;
      copyFileSync(ctSlice, join(broken, row5Image));
      started.length = 0;
      const refusedAlone = await ingest(broken, false);
      const refusedAhead = await ingest(broken, true);
      const problems = (r: typeof refusedAlone) => (r.result.validationReport as { problems: unknown[] }).problems;
      expect(refusedAhead.result.status).toBe("REJECTED");
      expect(problems(refusedAhead)).toEqual(problems(refusedAlone));
      expect(problems(refusedAhead)).toEqual([
        expect.objectContaining({ row: 3, column: "age", value: "old" }),
        expect.objectContaining({
          row: 5,
          column: "image_path",
          reason: "the image file is modality CT; this study needs a radiograph (DX or CR)",
        }),
      ]);
      expect(refusedAhead.blobs).toEqual(refusedAlone.blobs);
      // The threads wrote each file into the store's folder under a name of its own: every one was renamed into
      // place or removed (the refused rows', and row 3's, read ahead and dropped).
      expect([...ahead.blobs, ...refusedAhead.blobs].filter((b) => !/^[0-9a-f]{64}$/.test(b))).toEqual([]);
      // A rejected dataset keeps no image of its own: what stays is what the READY datasets refer to.
      expect(refusedAhead.blobs.filter((b) => !alone.keys.includes(b))).toEqual([]);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("de-identifies a CT series' slices on the ingestion threads: the same stored blobs as one after another, a bad slice refused alike", async () => {
    const profile = findProfile("Boramae");
    const folder = mkdtempSync(join(tmpdir(), "fracval-upload-ct-pool-"));
    writeDataset({ profile, n: 2, seed: 9, out: folder, modality: "ct", writeImages: ctWriter(profile, 9) });
    const pool = new IngestPool(2);
    try {
      const ingest = (from: string, withPool: boolean) =>
        ingestIntoOwnStore(from, "Boramae", "ct-bone-muscle", withPool ? pool : null);
      const alone = await ingest(folder, false);
      const readBlob = (r: typeof alone, k: number) => new FileContentStore(r.dir).get(r.keys[k]!);
      const threaded = await ingest(folder, true);
      expect(threaded.result.status).toBe("READY");
      expect(threaded.keys).toHaveLength(2);
      expect(threaded.keys).toEqual(alone.keys); // the same series indexes, hence the same slices in order
      expect(threaded.blobs).toEqual(alone.blobs);
      expect(threaded.blobs.length).toBeGreaterThan(2 * 28);

      // The seventh slice of the second patient is a radiograph: the same first problem, nothing stored.
      const broken = mkdtempSync(join(tmpdir(), "fracval-upload-ct-pool-bad-"));
      cpSync(folder, broken, { recursive: true });
      const manifest = readFileSync(join(broken, "manifest.csv"), "utf8").split("\n");
      const seriesDir = manifest[2]!.split(",")[manifest[0]!.split(",").indexOf("image_path")]!;
      const slices = readdirSync(join(broken, seriesDir)).sort();
      const radiograph = readdirSync(join(xrayFolder, "images"))[0]!;
      copyFileSync(join(xrayFolder, "images", radiograph), join(broken, seriesDir, slices[6]!));
      const refusedAlone = await ingest(broken, false);
      const refusedThreaded = await ingest(broken, true);
      expect(refusedThreaded.result.status).toBe("REJECTED");
      const problems = (r: typeof refusedAlone) => (r.result.validationReport as { problems: unknown[] }).problems;
      expect(problems(refusedThreaded)).toEqual(problems(refusedAlone));
      expect(problems(refusedThreaded)).toEqual([
        {
          row: 2,
          column: "image_path",
          value: "",
          reason: `slice file 7 of ${slices.length} (in name order) is modality DX; this study needs CT`,
        },
      ]);
      // What stays in the store is what the READY datasets above refer to (the first patient's series); none
      // of the refused series' slices.
      expect(refusedThreaded.blobs).toEqual(refusedAlone.blobs);
      const firstSeries = JSON.parse(new TextDecoder().decode(await readBlob(alone, 0))) as { series: string[] };
      expect(refusedThreaded.blobs).toEqual([...firstSeries.series, alone.keys[0]!].sort());
    } finally {
      await pool.close();
    }
  }, 120_000);
});
