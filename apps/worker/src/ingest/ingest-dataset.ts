// Ingestion of an uploaded dataset folder (manifest.csv + images): validate every row and image,
// pseudonymise patients, de-identify and store images content-addressed, and commit atomically — a
// rejected dataset leaves no patients, images or outcomes behind.
//
// It runs in slices of short transactions, so that a worker that dies costs seconds, not the dataset:
// each slice handles the rows after the dataset's checkpoint (ingestCursor), stages them (StagedPatient,
// StagedProblem; their de-identified images go straight into the content-addressed store) and moves the
// checkpoint, in one transaction every few hundred rows or seconds. Whoever takes over — the next slice,
// or another worker after a crash — re-reads the manifest (cheap) and resumes after the checkpoint.
// When every row is done, one short transaction moves the staged rows into Patient & co. and sets READY;
// or the dataset is REJECTED, its staged rows dropped and its images removed from the store.
import { createHash, randomBytes } from "node:crypto";
import { CENTRE_LEVELS } from "@fracval/upload-format";
import { parse } from "csv-parse";
import { createReadStream, existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from "node:fs";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { join } from "node:path";
import type { Db, Modality, Prisma, ValidationDataset } from "@fracval/db";
import {
  AppError,
  notFound,
  pseudonymise,
  encodeSeriesIndex,
  insideFolder,
  sha256Hex,
  uploadProblemReport,
  validateManifest,
  type ContentStore,
  type ManifestProblem,
  type ManifestRecord,
} from "@fracval/core";
import { dateShiftFor, type DeidentifyOptions } from "./deidentify-dicom.js";
import type { DicomSummary } from "./inspect-dicom.js";
import { discardPrepared, prepareImageFile, type IngestPool, type PreparedImage } from "./prepare-image.js";
import { ImagePrefetch } from "./image-prefetch.js";
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
  /** Called at each checkpoint with the manifest rows done so far. */
  onProgress?: (progress: { rows: number }) => void;
  /**
   * The caller has already moved the dataset from UPLOADING to VALIDATING (startIngestion) and retries a
   * failed attempt itself (the dataset__ingest job), so an unexpected failure leaves it VALIDATING with
   * its checkpoint, for the next attempt to resume.
   */
  claimed?: boolean;
  /** Stops the ingestion at the next row, checkpointing what is done, e.g. when the worker shuts down. */
  signal?: AbortSignal;
  /** Threads that inspect and de-identify the slices of a series side by side (without: one after another). */
  pool?: IngestPool | null;
  /**
   * Removes a row's uploaded image (file or series folder) once a checkpoint has its row, for whoever owns
   * the raw upload and removes the rest of it at the end (the dataset__ingest job): the identifying originals
   * last no longer than their de-identified copies take to stage, and the next rows' writes reuse their
   * memory. No later row can need them: the manifest refuses an image named by two rows.
   */
  removeCheckpointedImages?: boolean;
}

interface StagedSeries {
  key: string;
  summary: DicomSummary;
  slices: number;
  /** Every blob this series put in the store: its slices, then its index (or the one image). */
  keys: string[];
  /** Those of them that were not in the store before (what to remove if the row is refused after all). */
  written: string[];
}

/** Largest image file read at ingestion (a 50-megapixel 16-bit image is 100 MB; compressed ones are smaller). */
export const MAX_IMAGE_FILE_BYTES = 256 * 1024 ** 2;

function stageImages(
  modality: Modality,
  path: string,
  store: ContentStore,
  deid: { pseudonym: string; dateShiftDays: number; uidKey: string },
  row: number,
  pngSpacingMm: number | null,
  pool: IngestPool | null,
  prefetch: ImagePrefetch | null,
): Promise<StagedSeries | ManifestProblem> {
  const problem = (reason: string, value = ""): ManifestProblem => ({ row, column: "image_path", value, reason });
  return (async () => {
    if (!existsSync(path)) return problem("refers to a file or folder that was not uploaded");
    const files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => !f.startsWith("."))
          .sort()
          .map((f) => join(path, f))
      : [path];
    if (modality === "CT_ABDOMEN" && files.length < MIN_CT_SLICES)
      return problem(`CT series has ${files.length} slice(s); at least ${MIN_CT_SLICES} are needed to cover T12–L4`);
    const slices: { key: string; summary: DicomSummary }[] = [];
    // Blobs this row wrote that were not in the store before: removed again if a later slice of the series
    // is refused, so that a refused row leaves nothing behind.
    const written: string[] = [];
    const refuse = async (p: ManifestProblem) => {
      for (const key of written) await store.delete(key);
      return p;
    };
    // File names can carry patient names or IDs: a report names the file by its place, never by name.
    const nameOf = (k: number) =>
      files.length === 1 ? "the image file" : `slice file ${k + 1} of ${files.length} (in name order)`;
    /** Why a file is not read at all: no radiograph or CT slice is anywhere near this size. */
    const tooLarge = (k: number): ManifestProblem | null => {
      const fileBytes = statSync(files[k]!).size;
      return fileBytes > MAX_IMAGE_FILE_BYTES
        ? problem(
            `${nameOf(k)} is ${Math.round(fileBytes / 1024 ** 2)} MB, more than the ${MAX_IMAGE_FILE_BYTES / 1024 ** 2} MB an image file may have`,
          )
        : null;
    };
    /** A file read (a PNG wrapped as DICOM), or why it cannot be. */
    const readImage = async (k: number): Promise<{ bytes: Uint8Array } | { problem: ManifestProblem }> => {
      const file = readFileSync(files[k]!);
      const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
      if (!isPng(bytes)) return { bytes };
      // A PNG radiograph: the manifest must give its pixel spacing; it is wrapped as DICOM, then handled like any other.
      if (modality !== "XRAY_LATERAL_SPINE")
        return { problem: problem(`${nameOf(k)} is a PNG; this study needs DICOM`) };
      if (pngSpacingMm === null)
        return {
          problem: {
            row,
            column: "pixel_spacing_mm",
            value: "",
            reason: `is required for a PNG image (a PNG carries no pixel spacing)`,
          },
        };
      try {
        return { bytes: await pngToDicom(bytes, pngSpacingMm) };
      } catch (error) {
        const why = error instanceof UnreadablePngError ? error.message : "is not a readable PNG";
        return { problem: problem(`${nameOf(k)} ${why}`) };
      }
    };
    /**
     * Read, inspected, de-identified and hashed: on the ingestion threads (a series' slices; a radiograph
     * started rows ahead), else here. A file too large is refused before anyone reads it.
     */
    const prepare = async (k: number): Promise<PreparedImage | { problem: ManifestProblem }> => {
      const large = tooLarge(k);
      if (large) return { problem: large };
      // null from either: not started ahead, a PNG (wrapped here first), or failed there: prepared here.
      const onThreads =
        prefetch && files.length === 1
          ? await prefetch.take(files[k]!, deid)
          : pool && files.length > 1
            ? await pool.run(files[k]!, deid, store.localRoot)
            : null;
      if (onThreads) return onThreads;
      const read = await readImage(k);
      if ("problem" in read) return read;
      return prepareImageFile(read.bytes, deid);
    };
    // The slices of a series are prepared a few ahead of the one being checked and stored (memory stays
    // bounded); the checks and the writes go file by file in name order, so the first problem is reported.
    const ahead = pool && files.length > 1 ? 2 * pool.threads : 0;
    const inFlight = new Map<number, ReturnType<typeof prepare>>();
    const start = (k: number) => {
      if (k >= files.length || inFlight.has(k)) return;
      const prepared = prepare(k);
      prepared.catch(() => {}); // awaited in turn below; one left behind by a refusal fails nobody
      inFlight.set(k, prepared);
    };
    /** A slice is refused: it and the slices prepared ahead of their turn leave nothing staged in the store. */
    const refuseSlice = async (prepared: PreparedImage | { problem: ManifestProblem }, p: ManifestProblem) => {
      discardPrepared(prepared);
      await Promise.all([...inFlight.values()].map((ahead) => ahead.then(discardPrepared, () => {})));
      return refuse(p);
    };
    for (let k = 0; k < files.length; k++) {
      // Between files, let the worker's timers run (heartbeat; inspecting and de-identifying here are
      // synchronous, and most awaits here resolve without ever reaching the event loop).
      await yieldToEventLoop();
      for (let j = k; j <= k + ahead; j++) start(j);
      const prepared = await inFlight.get(k)!;
      inFlight.delete(k);
      if ("problem" in prepared) return refuseSlice(prepared, prepared.problem);
      const name = nameOf(k);
      const inspected = prepared.inspected;
      if (!inspected.ok) return refuseSlice(prepared, problem(`${name} ${inspected.reason}`));
      const s = inspected.summary;
      if (modality === "XRAY_LATERAL_SPINE" && !XRAY_MODALITIES.has(s.modality))
        return refuseSlice(
          prepared,
          problem(`${name} is modality ${s.modality || "(none)"}; this study needs a radiograph (DX or CR)`),
        );
      if (modality === "XRAY_LATERAL_SPINE" && s.bodyPart && !SPINE_PARTS.test(s.bodyPart))
        return refuseSlice(
          prepared,
          problem(`${name} shows body part ${s.bodyPart}; this study needs the lumbar spine`),
        );
      if (modality === "CT_ABDOMEN" && s.modality !== "CT")
        return refuseSlice(prepared, problem(`${name} is modality ${s.modality || "(none)"}; this study needs CT`));
      if (slices.length && s.seriesInstanceUid !== slices[0]!.summary.seriesInstanceUid)
        return refuseSlice(prepared, problem(`${name} belongs to another series than the folder's first slice`));
      if (prepared.failure !== null) throw new Error(`de-identification failed: ${prepared.failure}`);
      const key = prepared.sha256!;
      if (await store.has(key)) discardPrepared(prepared);
      else {
        // Hashed once, where it was de-identified; staged by the thread in the store's folder, or here.
        if (prepared.staged && store.adopt) await store.adopt(prepared.staged, key);
        else await store.put(prepared.deidentified!, key);
        written.push(key);
      }
      slices.push({ key, summary: s });
    }
    if (slices.length === 1)
      return { key: slices[0]!.key, summary: slices[0]!.summary, slices: 1, keys: [slices[0]!.key], written };
    // A series is stored as an index of its slices (ordered by position), itself content-addressed.
    slices.sort((a, b) => (b.summary.sliceLocation ?? 0) - (a.summary.sliceLocation ?? 0));
    const index = encodeSeriesIndex(slices.map((x) => x.key));
    const key = sha256Hex(index);
    if (!(await store.has(key))) {
      await store.put(index, key);
      written.push(key);
    }
    return {
      key,
      summary: slices[0]!.summary,
      slices: slices.length,
      keys: [...slices.map((x) => x.key), key],
      written,
    };
  })();
}

type Landmarks = Record<string, [number, number]>;

/**
 * The landmarks a row gives for its image — vertebral body centres of a radiograph (t11…l5) or the
 * body centre of a CT series — checked as pairs and against the image's size.
 */
function landmarksOf(
  r: ManifestRecord,
  modality: Modality,
  series: StagedSeries,
  row: number,
): Landmarks | ManifestProblem {
  const pairs: [string, string, string][] =
    modality === "CT_ABDOMEN"
      ? [["body", "ct_body_x", "ct_body_y"]]
      : CENTRE_LEVELS.map((l) => [l.toUpperCase(), `${l}_x`, `${l}_y`]);
  const landmarks: Landmarks = {};
  for (const [name, xColumn, yColumn] of pairs) {
    const x = r[xColumn];
    const y = r[yColumn];
    if (typeof x !== "number" && typeof y !== "number") continue;
    if (typeof x !== "number" || typeof y !== "number") {
      const [missing, given] = typeof x === "number" ? [yColumn, xColumn] : [xColumn, yColumn];
      return {
        row,
        column: missing,
        value: "",
        reason: `is empty but ${given} is given; a centre needs both coordinates`,
      };
    }
    if (x >= series.summary.columns)
      return {
        row,
        column: xColumn,
        value: String(x),
        reason: `lies outside the image (${series.summary.columns} columns)`,
      };
    if (y >= series.summary.rows)
      return { row, column: yColumn, value: String(y), reason: `lies outside the image (${series.summary.rows} rows)` };
    landmarks[name] = [x, y];
  }
  return landmarks;
}

const pct = (v: unknown) => (typeof v === "number" ? v / 100 : null);
const num = (v: unknown) => (typeof v === "number" ? v : null);
const flag = (v: unknown) => (typeof v === "boolean" ? v : null);

/** Rows or seconds between checkpoints: what a worker that dies can lose. */
const CHECKPOINT_ROWS = Number(process.env.FRACVAL_INGEST_CHECKPOINT_ROWS ?? 100);
const CHECKPOINT_MS = 2_000;

/** A slice's checkpoint found the dataset moved on (another attempt checkpointed, or it is no longer VALIDATING). */
class TakenOver extends AppError {
  constructor(datasetId: string) {
    super("CONFLICT", `Dataset ${datasetId} is being ingested by another process.`);
  }
}

/** Thrown out of the manifest walk when a slice has used its time. */
class SliceEnd extends Error {}

export interface IngestSliceOptions extends IngestDatasetOptions {
  /** Stop after this long (at a checkpoint) and say so; the caller continues in a new job. Default: no limit. */
  sliceMs?: number;
  /** Enqueues the continuation of a slice that ran out of time, in the transaction of its last checkpoint. */
  continueWith?: (tx: Prisma.TransactionClient) => Promise<void>;
}

export type SliceOutcome = { state: "finished"; dataset: ValidationDataset } | { state: "continued"; cursor: number };

/**
 * Ingests a dataset to the end (READY or REJECTED), in as many checkpointed steps as it takes. For the
 * job, see ingestDatasetSlice; this is the same work without a time limit (tests, benchmarks, tools).
 */
export async function ingestDatasetFolder(
  db: Db,
  store: ContentStore,
  options: IngestDatasetOptions,
): Promise<ValidationDataset> {
  const outcome = await ingestDatasetSlice(db, store, options);
  if (outcome.state !== "finished") throw new Error("an ingestion without a time limit cannot stop early");
  return outcome.dataset;
}

/**
 * One slice of an ingestion: resumes after the dataset's checkpoint, stages rows with a checkpoint every
 * CHECKPOINT_ROWS rows or CHECKPOINT_MS, and either finishes the dataset (READY or REJECTED) or, after
 * `sliceMs`, stops at a checkpoint and enqueues its continuation in the same transaction.
 */
export async function ingestDatasetSlice(
  db: Db,
  store: ContentStore,
  options: IngestSliceOptions,
): Promise<SliceOutcome> {
  const dataset = await db.validationDataset.findUnique({ where: { id: options.datasetId }, include: { study: true } });
  if (!dataset) throw notFound("Dataset", options.datasetId);
  if (!options.claimed) {
    const { count } = await db.validationDataset.updateMany({
      where: { id: dataset.id, status: "UPLOADING" },
      data: { status: "VALIDATING", progressDone: 0, progressTotal: 0, ingestCursor: 0 },
    });
    if (!count)
      throw new AppError(
        "CONFLICT",
        `Dataset ${dataset.id} is ${dataset.status}; only an UPLOADING dataset can be ingested.`,
      );
  } else if (dataset.status !== "VALIDATING") {
    throw new AppError(
      "CONFLICT",
      `Dataset ${dataset.id} is ${dataset.status}; only a VALIDATING dataset claimed for ingestion can be ingested.`,
    );
  }
  try {
    return await walkManifest(db, store, dataset, options);
  } catch (error) {
    if (!options.claimed && !(error instanceof TakenOver)) {
      // Nobody retries a direct call: what it staged goes, and the upload can be ingested again.
      await discardStaged(db, store, dataset.id);
      await db.validationDataset.updateMany({
        where: { id: dataset.id, status: "VALIDATING" },
        data: { status: "UPLOADING", ingestCursor: 0, progressDone: 0 },
      });
    }
    throw error;
  }
}

type DatasetWithStudy = ValidationDataset & { study: { modality: Modality } };

async function walkManifest(
  db: Db,
  store: ContentStore,
  dataset: DatasetWithStudy,
  options: IngestSliceOptions,
): Promise<SliceOutcome> {
  const manifestPath = join(options.folder, "manifest.csv");
  if (!existsSync(manifestPath)) {
    const report = uploadProblemReport("the upload has no manifest.csv");
    return { state: "finished", dataset: await reject(db, store, dataset.id, report) };
  }
  if (dataset.progressTotal === 0) {
    const total = await countManifestRows(manifestPath);
    await db.validationDataset.update({ where: { id: dataset.id }, data: { progressTotal: total } });
  }
  const modality = dataset.study.modality;
  const started = Date.now();
  // What earlier slices concluded about the rows up to the checkpoint.
  let cursor = dataset.ingestCursor;
  const startCursor = cursor;
  const earlierProblems = new Map(
    (await db.stagedProblem.findMany({ where: { datasetId: dataset.id } })).map((p) => [p.manifestRow, p]),
  );
  const staged: StagedRow[] = [];
  const problems: ManifestProblem[] = [];
  /** The uploaded images of the rows since the last checkpoint (removeCheckpointedImages). */
  const uploadedImages: string[] = [];
  let lastCheckpoint = Date.now();
  let reachedRow = cursor;

  /** Stages what this slice did since the last checkpoint and moves the checkpoint, in one transaction. */
  const checkpoint = async (continueAfter = false) => {
    if (reachedRow === cursor && !continueAfter) return;
    const rows = staged.splice(0);
    const found = problems.splice(0);
    const images = uploadedImages.splice(0);
    await db.$transaction(async (tx) => {
      await claimCheckpoint(tx, dataset.id, cursor);
      if (rows.length) await tx.stagedPatient.createMany({ data: rows.map((r) => ({ datasetId: dataset.id, ...r })) });
      if (found.length)
        await tx.stagedProblem.createMany({
          data: found.map((p) => ({
            datasetId: dataset.id,
            manifestRow: p.row,
            column: p.column,
            value: p.value,
            reason: p.reason,
          })),
        });
      await tx.validationDataset.update({
        where: { id: dataset.id },
        data: { ingestCursor: reachedRow, progressDone: reachedRow },
      });
      if (continueAfter) await options.continueWith?.(tx);
    });
    for (const path of images) removeUploadedImage(path);
    cursor = reachedRow;
    lastCheckpoint = Date.now();
    options.onProgress?.({ rows: cursor });
  };

  // Radiographs: each row's image is prepared on the ingestion threads a few rows ahead (image-prefetch.ts).
  const prefetch =
    options.pool && modality === "XRAY_LATERAL_SPINE"
      ? new ImagePrefetch({
          manifestPath,
          pool: options.pool,
          // Staged in the store by the threads, a prepared image holds no bytes here: more can be in flight.
          ahead: (store.localRoot ? 8 : 2) * options.pool.threads,
          skipRows: cursor,
          maxFileBytes: MAX_IMAGE_FILE_BYTES,
          ...(store.localRoot ? { stageIn: store.localRoot } : {}),
          imageOf: (patientId, imagePath) => {
            const path = insideFolder(options.folder, imagePath);
            return path ? { path, deid: deidentificationOf(options, dataset, patientId) } : null;
          },
        })
      : null;
  let outcome: { rows: number; problems: ManifestProblem[]; problemCount: number };
  try {
    outcome = await validateManifest(createReadStream(manifestPath), {
      requireImages: modality !== "CLINICAL_ONLY",
      providedScoreNames: dataset.providedScoreNames,
      onRow: async (r: ManifestRecord, row: number) => {
        if (row <= cursor) {
          // Done by an earlier slice: its image problem (if any) is reported again, nothing else is redone.
          const earlier = earlierProblems.get(row);
          return earlier ? [{ row, column: earlier.column, value: earlier.value, reason: earlier.reason }] : [];
        }
        if (options.signal?.aborted) {
          await checkpoint();
          throw new Error(
            `ingestion of dataset ${dataset.id} was interrupted at row ${row} (${String(options.signal.reason ?? "aborted")}); rows 1–${row - 1} are checkpointed for the next attempt`,
          );
        }
        // Out of time, with at least one row done (every slice makes progress): checkpoint and hand over.
        if (
          options.sliceMs !== undefined &&
          options.continueWith &&
          Date.now() - started >= options.sliceMs &&
          reachedRow > startCursor
        ) {
          await checkpoint(true);
          throw new SliceEnd();
        }
        let result: StagedRow | ManifestProblem;
        try {
          result = await stageRow(store, dataset, modality, r, row, options, prefetch);
        } catch (error) {
          // Storage or decoding failed on the platform's side: keep what is done (and the record of the
          // images it stored) for the retry, which resumes here.
          await checkpoint().catch(() => {});
          throw error;
        }
        if ("reason" in result) problems.push(result);
        else staged.push(result);
        if (options.removeCheckpointedImages && typeof r.image_path === "string") {
          const path = insideFolder(options.folder, r.image_path);
          if (path) uploadedImages.push(path);
        }
        reachedRow = row;
        if (reachedRow - cursor >= CHECKPOINT_ROWS || Date.now() - lastCheckpoint > CHECKPOINT_MS) await checkpoint();
        return "reason" in result ? [result] : [];
      },
    });
  } catch (error) {
    if (error instanceof SliceEnd) return { state: "continued", cursor };
    throw error;
  } finally {
    await prefetch?.close();
  }
  await checkpoint();
  if (outcome.problemCount > 0)
    return { state: "finished", dataset: await reject(db, store, dataset.id, reportOf(outcome)) };
  return {
    state: "finished",
    dataset: await commit(db, dataset, manifestPath, cursor),
  };
}

/**
 * A row's uploaded image once a checkpoint holds the row: the file, or the series folder's files (then the
 * folder, if nothing else is in it). Nothing more: a folder inside it is not this row's to remove.
 */
function removeUploadedImage(path: string): void {
  try {
    if (!statSync(path).isDirectory()) rmSync(path, { force: true });
    else {
      for (const entry of readdirSync(path, { withFileTypes: true }))
        if (!entry.isDirectory()) rmSync(join(path, entry.name), { force: true });
      rmdirSync(path);
    }
  } catch {
    // Gone already, or a folder with more in it: the job removes the rest of the upload at the end.
  }
}

/** How a patient's images are de-identified, their pseudonym included (staging and the read-ahead alike). */
function deidentificationOf(
  options: IngestDatasetOptions,
  dataset: { siteId: string },
  patientId: string,
): DeidentifyOptions {
  const pseudonym = pseudonymise(options.secrets.pseudonym, dataset.siteId, patientId);
  return {
    pseudonym,
    dateShiftDays: dateShiftFor(options.secrets.deidentification, pseudonym),
    uidKey: options.secrets.deidentification,
  };
}

/** Locks the dataset row and checks that nobody moved the checkpoint since `cursor`: else TakenOver. */
async function claimCheckpoint(tx: Prisma.TransactionClient, datasetId: string, cursor: number): Promise<void> {
  const [current] = await tx.$queryRaw<
    { status: string; ingestCursor: number }[]
  >`SELECT status::text, "ingestCursor" FROM "ValidationDataset" WHERE id = ${datasetId} FOR UPDATE`;
  if (current?.status !== "VALIDATING" || current.ingestCursor !== cursor) throw new TakenOver(datasetId);
}

/** A row as staged: its patient-to-be and the blobs its images put in the store. */
interface StagedRow {
  manifestRow: number;
  pseudonym: string;
  record: Prisma.InputJsonObject;
  storageKeys: string[];
}

/** One manifest row that passed validation: its images de-identified into the store, its patient staged. */
async function stageRow(
  store: ContentStore,
  dataset: DatasetWithStudy,
  modality: Modality,
  r: ManifestRecord,
  row: number,
  options: IngestDatasetOptions,
  prefetch: ImagePrefetch | null,
): Promise<StagedRow | ManifestProblem> {
  const deid = deidentificationOf(options, dataset, String(r.patient_id));
  const pseudonym = deid.pseudonym;
  let series: StagedSeries | null = null;
  let landmarks: Landmarks = {};
  if (modality !== "CLINICAL_ONLY" && typeof r.image_path === "string") {
    const path = insideFolder(options.folder, r.image_path);
    if (!path) return { row, column: "image_path", value: r.image_path, reason: "must stay inside the dataset folder" };
    const staged = await stageImages(
      modality,
      path,
      store,
      deid,
      row,
      num(r.pixel_spacing_mm),
      options.pool ?? null,
      prefetch,
    );
    if ("reason" in staged) return staged;
    const found = landmarksOf(r, modality, staged, row);
    if ("reason" in found) {
      for (const key of staged.written) await store.delete(key); // refused after all: its images go
      return found as ManifestProblem;
    }
    series = staged;
    landmarks = found;
  }
  const patient: PendingPatient = {
    pseudonym,
    manifestRow: row,
    baseline: {
      ageYears: Number(r.age),
      sex: r.sex === "F" ? "FEMALE" : "MALE",
      heightCm: num(r.height_cm),
      weightKg: num(r.weight_kg),
      bmi: num(r.bmi),
      glucocorticoids: flag(r.glucocorticoids),
      secondaryOsteoporosis: flag(r.secondary_osteoporosis),
      rheumatoidArthritis: flag(r.rheumatoid_arthritis),
      currentSmoking: flag(r.current_smoking),
      alcohol3PlusUnitsPerDay: flag(r.alcohol_3plus),
      priorFragilityFracture: flag(r.prior_fragility_fracture),
      parentalHipFracture: flag(r.parental_hip_fracture),
      type2Diabetes: flag(r.type2_diabetes),
      femoralNeckBmd: num(r.fn_bmd),
      femoralNeckTScore: num(r.fn_tscore),
      fraxMof10y: pct(r.frax_mof_pct),
      fraxHip10y: pct(r.frax_hip_pct),
      prevalentVertebralFracture: flag(r.prevalent_vertebral_fracture),
    },
    outcome: {
      followUpDays: Number(r.followup_days),
      incidentVertebralFracture: r.incident_vertebral_fracture === true,
      eventDays: num(r.event_days),
      deathDays: num(r.death_days),
    },
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
  };
  return {
    manifestRow: row,
    pseudonym,
    record: patient as unknown as Prisma.InputJsonObject,
    storageKeys: series?.keys ?? [],
  };
}

/**
 * Every row passed: the staged patients become Patient rows (with baseline, outcome, image, scores) and the
 * dataset READY, in one short transaction that also drops the staging. The rows go from StagedPatient to their
 * tables inside PostgreSQL, one INSERT … SELECT per table: through the client, 10,000 patients
 * were 50 multi-row INSERTs whose query building cost more than the ingestion's other work on the main thread.
 */
async function commit(
  db: Db,
  dataset: ValidationDataset,
  manifestPath: string,
  cursor: number,
): Promise<ValidationDataset> {
  return db.$transaction(
    async (tx) => {
      await claimCheckpoint(tx, dataset.id, cursor);
      // A fresh prefix per commit (time, then 40 random bits): ids unique across datasets, sorted within one.
      const idPrefix = `c${Date.now().toString(36)}${randomBytes(5).toString("hex")}`;
      await tx.$executeRawUnsafe(INSERT_PATIENTS, dataset.id, dataset.siteId, idPrefix);
      for (const statement of INSERT_PATIENT_RECORDS) await tx.$executeRawUnsafe(statement, dataset.id);
      await tx.$executeRawUnsafe(INSERT_IMAGES, dataset.id, idPrefix);
      // The dataset's digest: the manifest, then each image's key in manifest order.
      const [totals] = await tx.$queryRaw<{ patients: number; events: number; images: number; keys: string }[]>`
        SELECT count(*)::int AS patients,
               count(*) FILTER (WHERE (record->'outcome'->>'incidentVertebralFracture')::boolean)::int AS events,
               coalesce(sum(coalesce((record->'image'->>'slices')::int, 1))
                 FILTER (WHERE jsonb_typeof(record->'image') = 'object'), 0)::int AS images,
               coalesce(string_agg(record->'image'->>'storageKey', '' ORDER BY "manifestRow"), '') AS keys
        FROM "StagedPatient" WHERE "datasetId" = ${dataset.id}`;
      const { patients, events, images, keys } = totals!;
      const digest = createHash("sha256").update(readFileSync(manifestPath)).update(keys);
      await tx.stagedPatient.deleteMany({ where: { datasetId: dataset.id } });
      await tx.stagedProblem.deleteMany({ where: { datasetId: dataset.id } });
      return tx.validationDataset.update({
        where: { id: dataset.id },
        data: {
          status: "READY",
          validationReport: { rows: patients, problemCount: 0, problems: [] },
          progressDone: patients,
          patientCount: patients,
          eventCount: events,
          imageCount: images,
          sha256: digest.digest("hex"),
          readyAt: new Date(),
        },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * The patients, one per staged row: $1 = the dataset, $2 = its site, $3 = this commit's id prefix. An id is the
 * prefix and the zero-padded manifest row, so that a dataset's patients sort by id in manifest order, as the
 * client's cuids did (scoring and metrics read them in id order: the same manifest gives the same order).
 */
const INSERT_PATIENTS = `INSERT INTO "Patient" (id, "siteId", "datasetId", pseudonym, "manifestRow")
  SELECT $3 || lpad(s."manifestRow"::text, 9, '0'), $2, $1, s.record->>'pseudonym', s."manifestRow"
  FROM "StagedPatient" s WHERE s."datasetId" = $1`;

/** Each staged row (s) of dataset $1 with its patient (p), found by pseudonym (unique within the dataset). */
const STAGED_WITH_PATIENT = `FROM "StagedPatient" s
  JOIN "Patient" p ON p."datasetId" = s."datasetId" AND p.pseudonym = s.record->>'pseudonym'`;

/** Each staged image of dataset $1, its id $2 + "i" + the row (as the patients'). */
const INSERT_IMAGES = `INSERT INTO "ImageSeries" (id, "patientId", modality, manufacturer, "bodyPart", "storageKey", sha256,
    rows, columns, slices, "pixelSpacingRowMm", "pixelSpacingColMm", "sliceThicknessMm", landmarks)
  SELECT $2 || 'i' || lpad(s."manifestRow"::text, 9, '0'), p.id, (i->>'modality')::"ImageModality",
    i->>'manufacturer', i->>'bodyPart', i->>'storageKey', i->>'sha256', (i->>'rows')::int, (i->>'columns')::int,
    coalesce((i->>'slices')::int, 1), (i->>'pixelSpacingRowMm')::float8, (i->>'pixelSpacingColMm')::float8,
    (i->>'sliceThicknessMm')::float8, i->'landmarks'
  ${STAGED_WITH_PATIENT} CROSS JOIN LATERAL (SELECT s.record->'image' AS i) r
  WHERE s."datasetId" = $1 AND jsonb_typeof(i) = 'object'`;

/**
 * The rest of each patient from its staged record (PendingPatient as JSON; a number is read back as the double
 * it was written from): $1 = the dataset.
 */
const INSERT_PATIENT_RECORDS = [
  `INSERT INTO "ClinicalBaseline" ("patientId", "ageYears", sex, "heightCm", "weightKg", bmi, glucocorticoids,
     "secondaryOsteoporosis", "rheumatoidArthritis", "currentSmoking", "alcohol3PlusUnitsPerDay",
     "priorFragilityFracture", "parentalHipFracture", "type2Diabetes", "femoralNeckBmd", "femoralNeckTScore",
     "fraxMof10y", "fraxHip10y", "prevalentVertebralFracture")
   SELECT p.id, (b->>'ageYears')::float8, (b->>'sex')::"Sex", (b->>'heightCm')::float8, (b->>'weightKg')::float8,
     (b->>'bmi')::float8, (b->>'glucocorticoids')::boolean, (b->>'secondaryOsteoporosis')::boolean,
     (b->>'rheumatoidArthritis')::boolean, (b->>'currentSmoking')::boolean, (b->>'alcohol3PlusUnitsPerDay')::boolean,
     (b->>'priorFragilityFracture')::boolean, (b->>'parentalHipFracture')::boolean, (b->>'type2Diabetes')::boolean,
     (b->>'femoralNeckBmd')::float8, (b->>'femoralNeckTScore')::float8, (b->>'fraxMof10y')::float8,
     (b->>'fraxHip10y')::float8, (b->>'prevalentVertebralFracture')::boolean
   ${STAGED_WITH_PATIENT} CROSS JOIN LATERAL (SELECT s.record->'baseline' AS b) r
   WHERE s."datasetId" = $1`,
  `INSERT INTO "Outcome" ("patientId", "followUpDays", "incidentVertebralFracture", "eventDays", "deathDays")
   SELECT p.id, (o->>'followUpDays')::int, (o->>'incidentVertebralFracture')::boolean, (o->>'eventDays')::int,
     (o->>'deathDays')::int
   ${STAGED_WITH_PATIENT} CROSS JOIN LATERAL (SELECT s.record->'outcome' AS o) r
   WHERE s."datasetId" = $1`,
  `INSERT INTO "ProvidedScore" ("patientId", name, value)
   SELECT p.id, score->>'name', (score->>'value')::float8
   ${STAGED_WITH_PATIENT} CROSS JOIN LATERAL jsonb_array_elements(s.record->'scores') AS score
   WHERE s."datasetId" = $1`,
];

/** REJECTED with its report; its images leave the store first, then its staging goes with the status change. */
async function reject(
  db: Db,
  store: ContentStore,
  datasetId: string,
  report: Prisma.InputJsonObject,
): Promise<ValidationDataset> {
  await removeStagedImages(db, store, datasetId);
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text FROM "ValidationDataset" WHERE id = ${datasetId} FOR UPDATE`;
    if (current?.status !== "VALIDATING") throw new TakenOver(datasetId);
    await tx.stagedPatient.deleteMany({ where: { datasetId } });
    await tx.stagedProblem.deleteMany({ where: { datasetId } });
    return tx.validationDataset.update({
      where: { id: datasetId },
      data: {
        status: "REJECTED",
        validationReport: report,
        progressDone: Number(report.rows ?? 0),
        patientCount: 0,
        eventCount: 0,
        imageCount: 0,
      },
    });
  });
}

/**
 * Removes what an ingestion staged (rows and their images), e.g. before the dataset is rejected. An image
 * that a committed series also uses (the same image in another dataset of the site) stays.
 */
export async function discardStaged(db: Db, store: ContentStore, datasetId: string): Promise<void> {
  await removeStagedImages(db, store, datasetId);
  await db.stagedPatient.deleteMany({ where: { datasetId } });
  await db.stagedProblem.deleteMany({ where: { datasetId } });
}

async function removeStagedImages(db: Db, store: ContentStore, datasetId: string): Promise<void> {
  for (let after = 0; ; ) {
    const batch = await db.stagedPatient.findMany({
      where: { datasetId, manifestRow: { gt: after } },
      orderBy: { manifestRow: "asc" },
      take: 500,
      select: { manifestRow: true, storageKeys: true },
    });
    if (!batch.length) return;
    after = batch.at(-1)!.manifestRow;
    const mainKeys = batch.flatMap((b) => (b.storageKeys.length ? [b.storageKeys.at(-1)!] : []));
    const shared = new Set(
      (await db.imageSeries.findMany({ where: { storageKey: { in: mainKeys } }, select: { storageKey: true } })).map(
        (s) => s.storageKey,
      ),
    );
    for (const row of batch) {
      if (!row.storageKeys.length || shared.has(row.storageKeys.at(-1)!)) continue;
      for (const key of row.storageKeys) await store.delete(key);
    }
  }
}

interface PendingPatient {
  pseudonym: string;
  manifestRow: number;
  baseline: Omit<Prisma.ClinicalBaselineCreateManyInput, "patientId">;
  outcome: Omit<Prisma.OutcomeCreateManyInput, "patientId">;
  image: Omit<Prisma.ImageSeriesCreateManyInput, "patientId"> | null;
  scores: { name: string; value: number }[];
}

function reportOf(outcome: {
  rows: number;
  problems: ManifestProblem[];
  problemCount: number;
}): Prisma.InputJsonObject {
  return {
    rows: outcome.rows,
    problemCount: outcome.problemCount,
    problems: outcome.problems as unknown as Prisma.InputJsonArray,
  };
}

/** Data rows of the manifest (a quick parse without checks), for the progress total. */
async function countManifestRows(path: string): Promise<number> {
  let rows = -1;
  try {
    for await (const _record of createReadStream(path).pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
    ))
      rows++;
  } catch {
    /* a broken file is reported by validation itself */
  }
  return Math.max(0, rows);
}
