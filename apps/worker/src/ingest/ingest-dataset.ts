// Ingestion of an uploaded dataset folder (manifest.csv + images): validate every row and image,
// pseudonymise patients, de-identify and store images content-addressed, and commit atomically —
// a rejected dataset leaves no patients, images or outcomes behind (one transaction; images are
// staged and only copied into the store when everything passed).
import { createHash } from "node:crypto";
import { CENTRE_LEVELS } from "@fracval/upload-format";
import { parse } from "csv-parse";
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { join, resolve, sep } from "node:path";
import type { Db, Modality, Prisma, ValidationDataset } from "@fracval/db";
import { AppError, FileContentStore, notFound, pseudonymise, validateManifest, type ContentStore, type ManifestProblem, type ManifestRecord } from "@fracval/core";
import { dateShiftFor, deidentifyDicom } from "./deidentify-dicom.js";
import { inspectDicom, type DicomSummary } from "./inspect-dicom.js";
import { isPng, UnreadablePngError, pngToDicom } from "./png-to-dicom.js";

export const MIN_CT_SLICES = 14;
const XRAY_MODALITIES = new Set(["DX", "CR"]);
const SPINE_PARTS = /SPINE|LSPINE|TSPINE|LUMBAR/i;

export interface IngestSecrets {
  /** Key of the per-site patient pseudonyms. */
  pseudonym: string;
  /** Key of replacement UIDs and per-patient date shifts. */
  deidentification: string;
}

export interface IngestDatasetOptions {
  datasetId: string;
  folder: string;
  secrets: IngestSecrets;
  onProgress?: (progress: { rows: number; images: number }) => void;
  /**
   * The caller has already moved the dataset from UPLOADING to VALIDATING (startIngestion) and retries a
   * failed attempt itself (the dataset__ingest job), so an unexpected failure leaves it VALIDATING.
   */
  claimed?: boolean;
  /** Abandons the ingestion (rolled back, nothing stored) at the next row, e.g. when the API shuts down. */
  signal?: AbortSignal;
  /** Patients per multi-row INSERT (default 250). */
  insertBatchSize?: number;
}

interface StagedSeries {
  key: string;
  summary: DicomSummary;
  slices: number;
}

class Rejected extends Error {}

/** Resolves a manifest path inside the dataset folder; null when it would leave it. */
function insideFolder(folder: string, relative: string): string | null {
  const root = resolve(folder);
  const target = resolve(root, relative);
  return target.startsWith(root + sep) ? target : null;
}

/** Largest image file read at ingestion (a 50-megapixel 16-bit image is 100 MB; compressed ones are smaller). */
export const MAX_IMAGE_FILE_BYTES = 256 * 1024 ** 2;

function stageImages(modality: Modality, path: string, staging: ContentStore, deid: { pseudonym: string; dateShiftDays: number; uidKey: string }, row: number, pngSpacingMm: number | null): Promise<StagedSeries | ManifestProblem> {
  const problem = (reason: string, value = ""): ManifestProblem => ({ row, column: "image_path", value, reason });
  return (async () => {
    if (!existsSync(path)) return problem("refers to a file or folder that was not uploaded");
    const files = statSync(path).isDirectory() ? readdirSync(path).filter((f) => !f.startsWith(".")).sort().map((f) => join(path, f)) : [path];
    if (modality === "CT_ABDOMEN" && files.length < MIN_CT_SLICES) return problem(`CT series has ${files.length} slice(s); at least ${MIN_CT_SLICES} are needed to cover T12–L4`);
    const slices: { key: string; summary: DicomSummary }[] = [];
    for (const [k, file] of files.entries()) {
      // Ingestion shares its process with the API: between files, let it answer requests (decoding and
      // de-identifying are synchronous, and most awaits here resolve without ever reaching the event loop).
      await yieldToEventLoop();
      // File names can carry patient names or IDs: a report names the file by its place, never by name.
      const name = files.length === 1 ? "the image file" : `slice file ${k + 1} of ${files.length} (in name order)`;
      // Checked before the file is read into memory: no radiograph or CT slice is anywhere near this size.
      const fileBytes = statSync(file).size;
      if (fileBytes > MAX_IMAGE_FILE_BYTES) return problem(`${name} is ${Math.round(fileBytes / 1024 ** 2)} MB, more than the ${MAX_IMAGE_FILE_BYTES / 1024 ** 2} MB an image file may have`);
      let bytes: Uint8Array = new Uint8Array(readFileSync(file));
      if (isPng(bytes)) {
        // A PNG radiograph: the manifest must give its pixel spacing; it is wrapped as DICOM, then handled like any other.
        if (modality !== "XRAY_LATERAL_SPINE") return problem(`${name} is a PNG; this study needs DICOM`);
        if (pngSpacingMm === null) return { row, column: "pixel_spacing_mm", value: "", reason: `is required for a PNG image (a PNG carries no pixel spacing)` };
        try {
          bytes = await pngToDicom(bytes, pngSpacingMm);
        } catch (error) {
          return problem(`${name} ${error instanceof UnreadablePngError ? error.message : "is not a readable PNG"}`);
        }
      }
      const inspected = inspectDicom(bytes);
      if (!inspected.ok) return problem(`${name} ${inspected.reason}`);
      const s = inspected.summary;
      if (modality === "XRAY_LATERAL_SPINE" && !XRAY_MODALITIES.has(s.modality)) return problem(`${name} is modality ${s.modality || "(none)"}; this study needs a radiograph (DX or CR)`);
      if (modality === "XRAY_LATERAL_SPINE" && s.bodyPart && !SPINE_PARTS.test(s.bodyPart)) return problem(`${name} shows body part ${s.bodyPart}; this study needs the lumbar spine`);
      if (modality === "CT_ABDOMEN" && s.modality !== "CT") return problem(`${name} is modality ${s.modality || "(none)"}; this study needs CT`);
      if (slices.length && s.seriesInstanceUid !== slices[0]!.summary.seriesInstanceUid) return problem(`${name} belongs to another series than the folder's first slice`);
      slices.push({ key: await staging.put(deidentifyDicom(bytes, deid)), summary: s });
    }
    if (slices.length === 1) return { key: slices[0]!.key, summary: slices[0]!.summary, slices: 1 };
    // A series is stored as an index of its slices (ordered by position), itself content-addressed.
    slices.sort((a, b) => (b.summary.sliceLocation ?? 0) - (a.summary.sliceLocation ?? 0));
    const index = new TextEncoder().encode(JSON.stringify({ series: slices.map((x) => x.key) }));
    return { key: await staging.put(index), summary: slices[0]!.summary, slices: slices.length };
  })();
}

type Landmarks = Record<string, [number, number]>;

/**
 * The landmarks a row gives for its image — vertebral body centres of a radiograph (t11…l5) or the
 * body centre of a CT series — checked as pairs and against the image's size.
 */
function landmarksOf(r: ManifestRecord, modality: Modality, series: StagedSeries, row: number): Landmarks | ManifestProblem {
  const pairs: [string, string, string][] = modality === "CT_ABDOMEN" ? [["body", "ct_body_x", "ct_body_y"]] : CENTRE_LEVELS.map((l) => [l.toUpperCase(), `${l}_x`, `${l}_y`]);
  const landmarks: Landmarks = {};
  for (const [name, xColumn, yColumn] of pairs) {
    const x = r[xColumn];
    const y = r[yColumn];
    if (typeof x !== "number" && typeof y !== "number") continue;
    if (typeof x !== "number" || typeof y !== "number") {
      const [missing, given] = typeof x === "number" ? [yColumn, xColumn] : [xColumn, yColumn];
      return { row, column: missing, value: "", reason: `is empty but ${given} is given; a centre needs both coordinates` };
    }
    if (x >= series.summary.columns) return { row, column: xColumn, value: String(x), reason: `lies outside the image (${series.summary.columns} columns)` };
    if (y >= series.summary.rows) return { row, column: yColumn, value: String(y), reason: `lies outside the image (${series.summary.rows} rows)` };
    landmarks[name] = [x, y];
  }
  return landmarks;
}

const pct = (v: unknown) => (typeof v === "number" ? v / 100 : null);
const num = (v: unknown) => (typeof v === "number" ? v : null);
const flag = (v: unknown) => (typeof v === "boolean" ? v : null);

export async function ingestDatasetFolder(db: Db, store: ContentStore, options: IngestDatasetOptions): Promise<ValidationDataset> {
  const dataset = await db.validationDataset.findUnique({ where: { id: options.datasetId }, include: { study: true } });
  if (!dataset) throw notFound("Dataset", options.datasetId);
  const expected = options.claimed ? "VALIDATING" : "UPLOADING";
  if (dataset.status !== expected) throw new AppError("CONFLICT", `Dataset ${dataset.id} is ${dataset.status}; only ${options.claimed ? "a VALIDATING dataset claimed for ingestion" : "an UPLOADING dataset"} can be ingested.`);
  const manifestPath = join(options.folder, "manifest.csv");
  if (!existsSync(manifestPath)) {
    const report = { rows: 0, problemCount: 1, problems: [{ row: 0, column: "", value: "", reason: "the upload has no manifest.csv" }] };
    return db.validationDataset.update({ where: { id: dataset.id }, data: { status: "REJECTED", validationReport: report } });
  }
  const total = await countManifestRows(manifestPath);
  await db.validationDataset.update({ where: { id: dataset.id }, data: { status: "VALIDATING", progressDone: 0, progressTotal: total } });

  const modality = dataset.study.modality;
  const stagingDir = mkdtempSync(join(tmpdir(), `fracval-staging-${dataset.id}-`));
  const staging = new FileContentStore(stagingDir);
  const digest = createHash("sha256").update(readFileSync(manifestPath));
  let events = 0;
  let images = 0;
  let outcome: { rows: number; problems: ManifestProblem[]; problemCount: number } = { rows: 0, problems: [], problemCount: 0 };
  const pending: PendingPatient[] = [];
  try {
    return await db.$transaction(
      async (tx) => {
        // Two attempts at one dataset (a job that outlived its expiry and was handed out again) must not
        // both insert its patients: the second finds the lock taken and fails, to be retried later.
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${dataset.id})) AS locked`;
        if (!lock?.locked) throw new AppError("CONFLICT", `Dataset ${dataset.id} is being ingested by another process.`);
        const current = await tx.validationDataset.findUniqueOrThrow({ where: { id: dataset.id } });
        if (current.status !== "VALIDATING") throw new AppError("CONFLICT", `Dataset ${dataset.id} is already ${current.status}.`);
        outcome = await validateManifest(createReadStream(manifestPath), {
          requireImages: modality !== "CLINICAL_ONLY",
          providedScoreNames: dataset.providedScoreNames,
          onRow: async (r: ManifestRecord, row: number) => {
            if (options.signal?.aborted) throw new Error(`ingestion of dataset ${dataset.id} was interrupted at row ${row} (${String(options.signal.reason ?? "aborted")}); nothing was stored`);
            const pseudonym = pseudonymise(options.secrets.pseudonym, dataset.siteId, String(r.patient_id));
            let series: StagedSeries | null = null;
            let landmarks: Landmarks | ManifestProblem = {};
            if (modality !== "CLINICAL_ONLY" && typeof r.image_path === "string") {
              const path = insideFolder(options.folder, r.image_path);
              if (!path) return [{ row, column: "image_path", value: r.image_path, reason: "must stay inside the dataset folder" }];
              const staged = await stageImages(modality, path, staging, { pseudonym, dateShiftDays: dateShiftFor(options.secrets.deidentification, pseudonym), uidKey: options.secrets.deidentification }, row, num(r.pixel_spacing_mm));
              if ("reason" in staged) return [staged];
              series = staged;
              landmarks = landmarksOf(r, modality, staged, row);
              if ("reason" in landmarks) return [landmarks as ManifestProblem];
            }
            pending.push({
              pseudonym,
              manifestRow: row,
              baseline: {
                ageYears: Number(r.age), sex: r.sex === "F" ? "FEMALE" : "MALE", heightCm: num(r.height_cm), weightKg: num(r.weight_kg), bmi: num(r.bmi),
                glucocorticoids: flag(r.glucocorticoids), secondaryOsteoporosis: flag(r.secondary_osteoporosis), rheumatoidArthritis: flag(r.rheumatoid_arthritis),
                currentSmoking: flag(r.current_smoking), alcohol3PlusUnitsPerDay: flag(r.alcohol_3plus), priorFragilityFracture: flag(r.prior_fragility_fracture),
                parentalHipFracture: flag(r.parental_hip_fracture), type2Diabetes: flag(r.type2_diabetes), femoralNeckBmd: num(r.fn_bmd), femoralNeckTScore: num(r.fn_tscore),
                fraxMof10y: pct(r.frax_mof_pct), fraxHip10y: pct(r.frax_hip_pct), prevalentVertebralFracture: flag(r.prevalent_vertebral_fracture),
              },
              outcome: { followUpDays: Number(r.followup_days), incidentVertebralFracture: r.incident_vertebral_fracture === true, eventDays: num(r.event_days), deathDays: num(r.death_days) },
              scores: dataset.providedScoreNames.map((name) => ({ name, value: Number(r[name]) })),
              image: series
                ? {
                    modality: modality === "CT_ABDOMEN" ? "CT" : "XRAY",
                    manufacturer: series.summary.manufacturer,
                    bodyPart: series.summary.bodyPart,
                    storageKey: series.key,
                    sha256: series.key,
                    rows: series.summary.rows,
                    columns: series.summary.columns,
                    slices: series.slices,
                    pixelSpacingRowMm: series.summary.pixelSpacing?.[0] ?? null,
                    pixelSpacingColMm: series.summary.pixelSpacing?.[1] ?? null,
                    sliceThicknessMm: series.summary.sliceThickness,
                    ...(Object.keys(landmarks).length ? { landmarks: landmarks as Prisma.InputJsonObject } : {}),
                  }
                : null,
            });
            if (pending.length >= (options.insertBatchSize ?? INSERT_BATCH)) await insertPatients(tx, dataset.siteId, dataset.id, pending.splice(0));
            if (series) {
              digest.update(series.key);
              images += series.slices;
            }
            if (r.incident_vertebral_fracture === true) events++;
            if (row % 50 === 0) {
              // outside the transaction, so that whoever polls the dataset sees it move
              await db.validationDataset.update({ where: { id: dataset.id }, data: { progressDone: row } });
              options.onProgress?.({ rows: row, images });
            }
            return [];
          },
        });
        if (outcome.problemCount > 0) throw new Rejected();
        await insertPatients(tx, dataset.siteId, dataset.id, pending.splice(0));
        // Everything passed: copy the staged (de-identified) blobs into the store, then commit the
        // patients and READY together, so that no attempt can see the one without the other.
        for (const key of staging.keys()) {
          await yieldToEventLoop();
          await store.put(await staging.get(key));
        }
        return tx.validationDataset.update({
          where: { id: dataset.id },
          data: { status: "READY", validationReport: reportOf(outcome), progressDone: outcome.rows, patientCount: outcome.rows, eventCount: events, imageCount: images, sha256: digest.digest("hex"), readyAt: new Date() },
        });
      },
      { timeout: 60 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof Rejected)) {
      if (!options.claimed) await db.validationDataset.update({ where: { id: dataset.id }, data: { status: "UPLOADING" } });
      throw error;
    }
  } finally {
    rmSync(stagingDir, { recursive: true, force: true });
  }
  return db.validationDataset.update({ where: { id: dataset.id }, data: { status: "REJECTED", validationReport: reportOf(outcome), progressDone: outcome.rows, patientCount: 0, eventCount: 0, imageCount: 0 } });
}

/** Patients are inserted a few hundred at a time: a handful of multi-row INSERTs instead of five per row. */
const INSERT_BATCH = 250;

interface PendingPatient {
  pseudonym: string;
  manifestRow: number;
  baseline: Omit<Prisma.ClinicalBaselineCreateManyInput, "patientId">;
  outcome: Omit<Prisma.OutcomeCreateManyInput, "patientId">;
  image: Omit<Prisma.ImageSeriesCreateManyInput, "patientId"> | null;
  scores: { name: string; value: number }[];
}

async function insertPatients(tx: Prisma.TransactionClient, siteId: string, datasetId: string, pending: PendingPatient[]): Promise<void> {
  if (!pending.length) return;
  const created = await tx.patient.createManyAndReturn({ data: pending.map((p) => ({ siteId, datasetId, pseudonym: p.pseudonym, manifestRow: p.manifestRow })), select: { id: true, pseudonym: true } });
  const idOf = new Map(created.map((c) => [c.pseudonym, c.id]));
  const withId = <T extends object>(p: PendingPatient, row: T) => ({ patientId: idOf.get(p.pseudonym)!, ...row });
  await tx.clinicalBaseline.createMany({ data: pending.map((p) => withId(p, p.baseline)) });
  await tx.outcome.createMany({ data: pending.map((p) => withId(p, p.outcome)) });
  const images = pending.flatMap((p) => (p.image ? [withId(p, p.image)] : []));
  if (images.length) await tx.imageSeries.createMany({ data: images });
  const scores = pending.flatMap((p) => p.scores.map((score) => withId(p, score)));
  if (scores.length) await tx.providedScore.createMany({ data: scores });
}

function reportOf(outcome: { rows: number; problems: ManifestProblem[]; problemCount: number }): Prisma.InputJsonObject {
  return { rows: outcome.rows, problemCount: outcome.problemCount, problems: outcome.problems as unknown as Prisma.InputJsonArray };
}

/** Data rows of the manifest (a quick parse without checks), for the progress total. */
async function countManifestRows(path: string): Promise<number> {
  let rows = -1;
  try {
    for await (const _record of createReadStream(path).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }))) rows++;
  } catch {
    /* a broken file is reported by validation itself */
  }
  return Math.max(0, rows);
}
