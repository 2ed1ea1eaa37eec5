// The one upload client of FracVal, used by the portal (in the browser) and by `fracval upload` (in Node):
// each file's sha256 is computed from a stream of chunks (never the whole file in memory), then the file is
// sent with tus (resumable: after a failure it continues from the server's offset) with the dataset id, its
// path inside the dataset folder and the sha256 as metadata; the server checks the hash on arrival.
import { createSHA256 } from "hash-wasm";
import { Upload } from "tus-js-client";

/** One file of a dataset folder, wherever it comes from (a File in the browser, a path in Node). */
export interface UploadSource {
  /** Path inside the dataset folder, "/"-separated (e.g. "images/P001.dcm"). */
  path: string;
  size: number;
  /** The file's bytes, chunk by chunk (for the hash). */
  chunks(): AsyncIterable<Uint8Array>;
  /** What tus reads from: a Blob or File in the browser, an fs.ReadStream in Node (re-opened at offsets). */
  body(): Blob | NodeJS.ReadableStream;
  /** The platform's own SHA-256 of the file, when it has a faster one than hashing `chunks()` here. */
  sha256?(): Promise<string>;
  /**
   * For a source that is not one file as it stands — a bundle of several small files (see `./node`): the bytes
   * to send, built when its turn comes, with their hash and the metadata that tells the API what they are.
   */
  prepare?(): Promise<PreparedUpload>;
}

/** What one tus upload sends: its body, exact length, sha256 and metadata besides the dataset id and hash. */
export interface PreparedUpload {
  /** In Node, a Buffer (what tus-js-client reads from memory). */
  body: Uint8Array;
  size: number;
  sha256: string;
  metadata: Record<string, string>;
  /** Called once the upload has ended, either way: the body's memory may be used again. */
  release?(): void;
}

/** Pauses between attempts of one file: about two minutes in all, so that an API restart is ridden out. */
export const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000];

export interface UploadOptions {
  /** The tus endpoint: the API's /uploads/, or the portal's /api/tus/ proxy. */
  endpoint: string;
  datasetId: string;
  /** E.g. the partner's API key (the portal's proxy adds the session itself). */
  headers?: Record<string, string>;
  /** Files in flight at once (default 4). */
  parallel?: number;
  /** Bytes per PATCH request (default 8 MiB). */
  chunkSize?: number;
  retryDelays?: number[];
  /** Bytes of `path` sent so far. */
  onProgress?: (path: string, sent: number) => void;
}

/** A file that could not be sent, after every retry; the message is tus's, the path the folder's. */
export class UploadFailed extends Error {
  override name = "UploadFailed";
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`upload of ${path} failed: ${reason}`);
  }
}

/**
 * SHA-256 (hex) of a source, fed chunk by chunk: the source's own (node:crypto, ~5× hash-wasm in Node) or,
 * in the browser, hash-wasm's (WebCrypto has no streaming digest).
 */
export async function sha256Of(source: Pick<UploadSource, "chunks" | "sha256">): Promise<string> {
  if (source.sha256) return source.sha256();
  const hasher = await createSHA256();
  hasher.init();
  for await (const chunk of source.chunks()) hasher.update(chunk);
  return hasher.digest("hex");
}

/** Sends one file (or one prepared bundle): its hash first, then its bytes (resumable). */
export async function uploadFile(source: UploadSource, options: UploadOptions): Promise<void> {
  const prepared = source.prepare ? await source.prepare() : null;
  const sha256 = prepared?.sha256 ?? (await sha256Of(source));
  const size = prepared?.size ?? source.size;
  // A bundle's archive is a little longer than its files: progress is told in the files' bytes.
  const scale = size ? source.size / size : 1;
  try {
    await send();
  } finally {
    prepared?.release?.();
  }
  function send() {
    return new Promise<void>((resolve, reject) => {
      const upload = new Upload((prepared?.body ?? source.body()) as Blob, {
        endpoint: options.endpoint,
        uploadSize: size,
        chunkSize: options.chunkSize ?? 8 * 1024 * 1024,
        retryDelays: options.retryDelays ?? RETRY_DELAYS,
        // The first chunk rides on the creating POST (tus creation-with-upload): a file up to one chunk — a CT
        // slice, a radiograph — is one request, not two, and is checked and stored by the time it returns.
        uploadDataDuringCreation: true,
        ...(options.headers ? { headers: options.headers } : {}),
        metadata: { datasetId: options.datasetId, ...(prepared?.metadata ?? { relativePath: source.path }), sha256 },
        onProgress: (sent) => options.onProgress?.(source.path, Math.round(sent * scale)),
        onSuccess: () => resolve(),
        onError: (error) => reject(new UploadFailed(source.path, error.message)),
      });
      upload.start();
    });
  }
}

/** Sends every file, `parallel` at a time; the first failure (after its retries) ends the upload. */
export async function uploadFiles(sources: UploadSource[], options: UploadOptions): Promise<void> {
  const queue = [...sources];
  let failed: unknown = null;
  await Promise.all(
    Array.from({ length: Math.max(1, options.parallel ?? 4) }, async () => {
      for (let next = queue.shift(); next && !failed; next = queue.shift()) {
        try {
          await uploadFile(next, options);
        } catch (error) {
          failed ??= error;
        }
      }
    }),
  );
  if (failed) throw failed;
}

/** A browser File as an upload source (`path`: inside the dataset folder). */
export function fileSource(file: Blob, path: string): UploadSource {
  return {
    path,
    size: file.size,
    async *chunks() {
      const reader = file.stream().getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield chunk.value;
    },
    body: () => file,
  };
}
