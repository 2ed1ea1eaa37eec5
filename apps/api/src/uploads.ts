// Resumable uploads (tus) of a dataset's files: each file names its dataset, its path inside the
// dataset folder and its sha256; the hash is checked on arrival and the file lands in
// <uploadsDir>/<datasetId>/<relativePath>. A bundle (metadata bundle=tar, files=N, no relativePath) is a tar
// archive of N small files, checked the same way and unpacked there. Only a principal who may act on the
// dataset's site, while the dataset is UPLOADING, can upload.
import { Server as TusServer } from "@tus/server";
import express, { type Router } from "express";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { IncomingHttpHeaders } from "node:http";
import {
  AppError,
  APP_ERROR_CODES,
  datasetUploadFolder,
  getUploadableDataset,
  incomingUploadsFolder,
  insideFolder,
  removeRawUpload,
  uploadProblemReport,
} from "@fracval/core";

export { datasetUploadFolder, removeRawUpload };
import type { Db } from "@fracval/db";
import { authenticate } from "./context.js";
import { toHttpError } from "./http-errors.js";
import { BundleRefused, HashingFileStore, MAX_BUNDLE_BYTES, MAX_BUNDLE_FILES, unpackBundle } from "./upload-store.js";

export const MAX_FILE_BYTES = 2 * 1024 ** 3;
/** Per dataset: a 10,000-patient CT site is under a million slice files and well under 2 TB. */
export const MAX_FILES_PER_DATASET = Number(process.env.FRACVAL_MAX_FILES_PER_DATASET ?? 1_000_000);
export const MAX_BYTES_PER_DATASET = Number(process.env.FRACVAL_MAX_DATASET_GB ?? 2000) * 1024 ** 3;

/**
 * Counts an announced file against its dataset's limits, atomically (several API processes take uploads):
 * refused with 413 and the limit named when it would exceed either.
 */
async function reserveUpload(
  db: Db,
  datasetId: string,
  upload: { files: number; bytes: number },
  limits: { files: number; bytes: number },
): Promise<void> {
  const { files, bytes } = upload;
  // Every file of a dataset updates this one row, so its lock is held until each commit: without waiting
  // for the commit's fsync (synchronous_commit off, this transaction only), parallel files do not queue on
  // the disk. What a crash could lose is the last few increments of a quota counter, never a file.
  const [, updated] = await db.$transaction([
    db.$executeRaw`SET LOCAL synchronous_commit = off`,
    db.$executeRaw`UPDATE "ValidationDataset" SET "uploadedFiles" = "uploadedFiles" + ${files}, "uploadedBytes" = "uploadedBytes" + ${bytes}
    WHERE id = ${datasetId} AND "uploadedFiles" + ${files} <= ${limits.files} AND "uploadedBytes" + ${bytes} <= ${limits.bytes}`,
  ]);
  if (updated === 0) {
    fail(
      413,
      `This dataset has reached its upload limit (${limits.files.toLocaleString("en")} files, ${(limits.bytes / 1024 ** 3).toLocaleString("en")} GB); split the site's data into several datasets.`,
    );
  }
}

/** Hours after which an upload nobody finished is abandoned: its files are deleted and its dataset rejected. */
export const UPLOAD_EXPIRE_HOURS = Number(process.env.FRACVAL_UPLOAD_EXPIRE_HOURS ?? 24);

/**
 * Sweeps abandoned uploads: datasets still UPLOADING after `maxAgeHours` are REJECTED ("abandoned") and
 * their files deleted, with any partial tus file older than that. Returns the datasets it rejected.
 */
export async function expireAbandonedUploads(
  db: Db,
  uploadsDir: string,
  maxAgeHours = UPLOAD_EXPIRE_HOURS,
  now = new Date(),
): Promise<string[]> {
  const cutoff = new Date(now.getTime() - maxAgeHours * 3_600_000);
  const stale = await db.validationDataset.findMany({
    where: { status: "UPLOADING", createdAt: { lt: cutoff } },
    select: { id: true },
  });
  const rejected: string[] = [];
  for (const { id } of stale) {
    const report = uploadProblemReport(
      `the upload was not finished within ${maxAgeHours} hours; its files were deleted — upload the folder again`,
    );
    const { count } = await db.validationDataset.updateMany({
      where: { id, status: "UPLOADING" },
      data: { status: "REJECTED", validationReport: report },
    });
    removeRawUpload(datasetUploadFolder(uploadsDir, id));
    if (count) rejected.push(id);
  }
  const incoming = incomingUploadsFolder(uploadsDir);
  for (const name of existsSync(incoming) ? readdirSync(incoming) : []) {
    const path = join(incoming, name);
    if (statSync(path).mtime < cutoff) rmSync(path, { force: true, recursive: true });
  }
  return rejected;
}

/** A refusal with its status and a message safe to show (tus writes it as the response body). */
interface Refusal {
  status_code: number;
  body: string;
}

function fail(status: number, body: string): never {
  throw { status_code: status, body } satisfies Refusal;
}

const isRefusal = (error: unknown): error is Refusal =>
  typeof (error as Refusal)?.status_code === "number" &&
  typeof (error as Refusal)?.body === "string" &&
  !(error instanceof Error);

interface TusRequest {
  headers: { get(name: string): string | null };
}

async function assertMayUpload(db: Db, authSecret: string, req: TusRequest, datasetId: string): Promise<void> {
  const headers: IncomingHttpHeaders = {
    authorization: req.headers.get("authorization") ?? undefined,
    cookie: req.headers.get("cookie") ?? undefined,
  };
  try {
    const viewer = await authenticate(db, headers, authSecret);
    if (!viewer) fail(401, "Sign in or send a valid API key.");
    if (viewer.kind === "apiKey" && !viewer.scopes.has("DATASETS_WRITE"))
      fail(403, "This API key lacks the scope DATASETS_WRITE.");
    await getUploadableDataset(db, viewer, datasetId);
  } catch (error) {
    if (error instanceof AppError) fail(APP_ERROR_CODES[error.code].http, error.userMessage);
    throw error;
  }
}

export function createUploadRouter(options: {
  db: Db;
  authSecret: string;
  uploadsDir: string;
  maxFileBytes?: number;
  maxFilesPerDataset?: number;
  maxBytesPerDataset?: number;
}): Router {
  const incoming = incomingUploadsFolder(options.uploadsDir);
  // Raw uploads hold identifying headers: readable by this service's user only.
  mkdirSync(incoming, { recursive: true, mode: 0o700 });
  chmodSync(options.uploadsDir, 0o700);
  const store = new HashingFileStore({ directory: incoming });
  const tus = new TusServer({
    path: "/uploads",
    datastore: store,
    maxSize: options.maxFileBytes ?? MAX_FILE_BYTES,
    async onUploadCreate(req, upload) {
      const meta = upload.metadata ?? {};
      const datasetId = meta.datasetId ?? "";
      const relativePath = meta.relativePath ?? "";
      const bundle = meta.bundle !== undefined;
      if (!datasetId || (!relativePath && !bundle) || !/^[0-9a-f]{64}$/.test(meta.sha256 ?? ""))
        fail(400, "Upload metadata needs datasetId, relativePath (or bundle and files) and sha256 (hex).");
      if (!/^[a-z0-9]+$/i.test(datasetId)) fail(404, "No such dataset.");
      const folder = resolve(datasetUploadFolder(options.uploadsDir, datasetId));
      if (!bundle && !insideFolder(folder, relativePath)) fail(400, "relativePath leaves the dataset folder.");
      const files = bundle ? Number(meta.files) : 1;
      if (bundle && (meta.bundle !== "tar" || relativePath || !Number.isInteger(files) || files < 1))
        fail(400, "A bundle's metadata is bundle=tar and files=N (its number of files), without relativePath.");
      if (bundle && files > MAX_BUNDLE_FILES) fail(413, `A bundle holds at most ${MAX_BUNDLE_FILES} files.`);
      await assertMayUpload(options.db, options.authSecret, req, datasetId);
      if (upload.size === undefined)
        fail(400, "Declare the file's length (Upload-Length): deferred lengths are not accepted.");
      if (bundle && upload.size > MAX_BUNDLE_BYTES)
        fail(413, `A bundle has at most ${MAX_BUNDLE_BYTES / 1024 ** 2} MiB; send larger files on their own.`);
      await reserveUpload(
        options.db,
        datasetId,
        { files, bytes: upload.size },
        {
          files: options.maxFilesPerDataset ?? MAX_FILES_PER_DATASET,
          bytes: options.maxBytesPerDataset ?? MAX_BYTES_PER_DATASET,
        },
      );
      return {};
    },
    async onIncomingRequest(req, uploadId) {
      // PATCH/HEAD of an existing upload: the same access rule (the upload id alone is not a credential).
      const info = await tus.datastore.getUpload(uploadId).catch(() => null);
      const datasetId = info?.metadata?.datasetId;
      if (datasetId) await assertMayUpload(options.db, options.authSecret, req, datasetId);
    },
    // Every error answer goes through the one map: our own refusals keep their status and text, an
    // AppError its code, anything else (EEXIST, a malformed URI, …) becomes a 500 with a reference.
    async onResponseError(_req, error) {
      if (isRefusal(error)) return error;
      const mapped = toHttpError(error, "upload");
      return { status_code: mapped.status, body: mapped.body.error };
    },
    async onUploadFinish(_req, upload) {
      const meta = upload.metadata ?? {};
      const source = join(incoming, upload.id);
      const inMemory = store.takeReceived(upload.id);
      // Whatever the outcome, the upload's own file and its tus record go: it was placed, or it is refused.
      try {
        const actual = inMemory?.sha256 ?? (await store.sha256(upload.id, upload.size ?? upload.offset));
        // No file name in the answer (names can carry identifiers): the client knows which file it sent.
        if (actual !== meta.sha256)
          fail(422, `sha256 mismatch: expected ${meta.sha256}, received ${actual}; send the file again.`);
        // The dataset may have been finished, rejected or expired while this file was in flight: its folder
        // must not come back.
        const dataset = await options.db.validationDataset.findUnique({
          where: { id: meta.datasetId! },
          select: { status: true },
        });
        if (dataset?.status !== "UPLOADING")
          fail(409, "The dataset no longer accepts files (finished, rejected or expired).");
        const folder = datasetUploadFolder(options.uploadsDir, meta.datasetId!);
        if (meta.bundle) await unpackBundle(inMemory?.body ?? readFileSync(source), folder, Number(meta.files));
        else {
          const target = resolve(folder, meta.relativePath!);
          mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
          renameSync(source, target);
        }
      } catch (error) {
        if (error instanceof BundleRefused) fail(422, `${error.message}; nothing of it was kept.`);
        throw error;
      } finally {
        inMemory?.release();
        rmSync(source, { force: true });
        rmSync(`${source}.json`, { force: true });
      }
      return {};
    },
  });
  const router = express.Router();
  router.all("/{*splat}", (req, res) => {
    void tus.handle(req, res);
  });
  router.all("/", (req, res) => {
    void tus.handle(req, res);
  });
  return router;
}
