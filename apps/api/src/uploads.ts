// Resumable uploads (tus) of a dataset's files: each file names its dataset, its path inside the
// dataset folder and its sha256; the hash is checked on arrival and the file lands in
// <uploadsDir>/<datasetId>/<relativePath>. Only a principal who may act on the dataset's site, while
// the dataset is UPLOADING, can upload.
import { Server as TusServer } from "@tus/server";
import { FileStore } from "@tus/file-store";
import express, { type Router } from "express";
import { createHash } from "node:crypto";
import { createReadStream, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { IncomingHttpHeaders } from "node:http";
import { AppError, APP_ERROR_CODES, getUploadableDataset } from "@fracval/core";
import type { Db } from "@fracval/db";
import { authenticate } from "./context.js";
import { toHttpError } from "./http-errors.js";

export const MAX_FILE_BYTES = 2 * 1024 ** 3;

export function datasetUploadFolder(uploadsDir: string, datasetId: string): string {
  if (!/^[a-z0-9]+$/i.test(datasetId)) throw new AppError("BAD_USER_INPUT", "invalid dataset id", { location: { field: "datasetId" } });
  return join(uploadsDir, "datasets", datasetId);
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
  typeof (error as Refusal)?.status_code === "number" && typeof (error as Refusal)?.body === "string" && !(error instanceof Error);

interface TusRequest {
  headers: { get(name: string): string | null };
}

async function assertMayUpload(db: Db, authSecret: string, req: TusRequest, datasetId: string): Promise<void> {
  const headers: IncomingHttpHeaders = { authorization: req.headers.get("authorization") ?? undefined, cookie: req.headers.get("cookie") ?? undefined };
  try {
    const viewer = await authenticate(db, headers, authSecret);
    if (!viewer) fail(401, "Sign in or send a valid API key.");
    if (viewer.kind === "apiKey" && !viewer.scopes.has("DATASETS_WRITE")) fail(403, "This API key lacks the scope DATASETS_WRITE.");
    await getUploadableDataset(db, viewer, datasetId);
  } catch (error) {
    if (error instanceof AppError) fail(APP_ERROR_CODES[error.code].http, error.userMessage);
    throw error;
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export function createUploadRouter(options: { db: Db; authSecret: string; uploadsDir: string; maxFileBytes?: number }): Router {
  const incoming = join(options.uploadsDir, "incoming");
  mkdirSync(incoming, { recursive: true });
  const tus = new TusServer({
    path: "/uploads",
    datastore: new FileStore({ directory: incoming }),
    maxSize: options.maxFileBytes ?? MAX_FILE_BYTES,
    async onUploadCreate(req, upload) {
      const meta = upload.metadata ?? {};
      const datasetId = meta.datasetId ?? "";
      const relativePath = meta.relativePath ?? "";
      if (!datasetId || !relativePath || !/^[0-9a-f]{64}$/.test(meta.sha256 ?? "")) fail(400, "Upload metadata needs datasetId, relativePath and sha256 (hex).");
      if (!/^[a-z0-9]+$/i.test(datasetId)) fail(404, "No such dataset.");
      const folder = resolve(datasetUploadFolder(options.uploadsDir, datasetId));
      if (!resolve(folder, relativePath).startsWith(folder + sep)) fail(400, "relativePath leaves the dataset folder.");
      await assertMayUpload(options.db, options.authSecret, req, datasetId);
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
      const actual = await sha256Of(source);
      if (actual !== meta.sha256) {
        rmSync(source, { force: true });
        // No file name in the answer (names can carry identifiers): the client knows which file it sent.
        fail(422, `sha256 mismatch: expected ${meta.sha256}, received ${actual}; send the file again.`);
      }
      const target = resolve(datasetUploadFolder(options.uploadsDir, meta.datasetId!), meta.relativePath!);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(source, target);
      rmSync(`${source}.json`, { force: true });
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
