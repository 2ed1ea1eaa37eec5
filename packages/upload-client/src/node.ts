// Upload sources from the local filesystem (the CLI): a large file is read as a stream, never whole; small files
// travel several to a request, as one tar archive (a bundle) that the API unpacks into the dataset folder.
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { Header, Pax } from "tar";
import { BufferPool } from "./buffer-pool.js";
import type { PreparedUpload, UploadSource } from "./index.js";

/** The file at `absolutePath`, named by its place inside the dataset folder `root`. */
export function pathSource(root: string, absolutePath: string): UploadSource {
  return {
    path: relative(root, absolutePath).split(sep).join("/"),
    size: statSync(absolutePath).size,
    chunks: () => createReadStream(absolutePath),
    // A ReadStream with a path: tus-js-client re-opens it at the server's offset after a failure.
    body: () => createReadStream(absolutePath),
    // node:crypto, streamed: several times faster than hash-wasm in Node (the CLI's upload rate depends on it).
    async sha256() {
      const hash = createHash("sha256");
      for await (const chunk of createReadStream(absolutePath)) hash.update(chunk as Buffer);
      return hash.digest("hex");
    },
  };
}

/** How small files are grouped: a bundle holds at most `maxBytes` of files and `maxFiles` files. */
export interface BundleLimits {
  maxBytes: number;
  maxFiles: number;
}

/**
 * One request per radiograph or CT slice costs the API a request, an access check and a quota update per
 * file, more than the bytes themselves: 8 MiB (one tus chunk, so one request) or 256 files per bundle.
 */
export const DEFAULT_BUNDLE_LIMITS: BundleLimits = { maxBytes: 8 * 1024 * 1024, maxFiles: 256 };

/**
 * The files of a dataset folder as upload sources, in their order: each file of at least half a bundle alone
 * (as `pathSource`), consecutive smaller ones grouped into bundles; a group of one is sent as itself.
 */
export function folderSources(
  root: string,
  absolutePaths: string[],
  limits: BundleLimits = DEFAULT_BUNDLE_LIMITS,
): UploadSource[] {
  const sources: UploadSource[] = [];
  let group: UploadSource[] = [];
  let groupBytes = 0;
  const flush = () => {
    if (group.length === 1) sources.push(group[0]!);
    else if (group.length > 1) sources.push(bundleSource(root, group));
    group = [];
    groupBytes = 0;
  };
  for (const path of absolutePaths) {
    const file = pathSource(root, path);
    if (file.size * 2 >= limits.maxBytes) {
      sources.push(file);
      continue;
    }
    if (group.length >= limits.maxFiles || groupBytes + file.size > limits.maxBytes) flush();
    group.push(file);
    groupBytes += file.size;
  }
  flush();
  return sources;
}

const bundleBuffers = new BufferPool(DEFAULT_BUNDLE_LIMITS.maxBytes + 1024 * 1024);

/**
 * Several files as one upload: a POSIX tar archive (headers by node-tar, with a PAX header for a long path;
 * paths relative to the dataset folder, no owner or times) assembled when its turn comes in a reused buffer,
 * each file read once straight into its place, the whole hashed once. The API checks the archive's sha256 and
 * unpacks it only if every entry is a plain file inside the dataset folder and the count matches.
 */
export function bundleSource(root: string, files: UploadSource[]): UploadSource {
  const paths = files.map((f) => f.path);
  const notStreamed = () => {
    throw new Error("a bundle is prepared, not streamed");
  };
  return {
    path: `${paths[0]} and ${paths.length - 1} more file(s)`,
    size: files.reduce((s, f) => s + f.size, 0),
    chunks: notStreamed,
    body: notStreamed,
    async prepare(): Promise<PreparedUpload> {
      // Sizes as they are now (a file may have changed since the folder was listed).
      const entries = await Promise.all(
        paths.map(async (path) => {
          const size = (await stat(join(root, path))).size;
          const header = new Header({ path, mode: 0o644, size, type: "File" });
          const pax = header.encode() ? new Pax({ path }).encode() : null;
          return { path, size, header: header.block!, pax };
        }),
      );
      const total = entries.reduce((s, e) => s + (e.pax?.length ?? 0) + 512 + blocks(e.size), 0) + 1024;
      const { buffer, release } = bundleBuffers.acquire(total);
      try {
        let at = 0;
        for (const entry of entries) {
          if (entry.pax) at += entry.pax.copy(buffer, at);
          at += entry.header.copy(buffer, at);
          await readInto(join(root, entry.path), buffer, at, entry.size);
          buffer.fill(0, at + entry.size, at + blocks(entry.size));
          at += blocks(entry.size);
        }
        buffer.fill(0, at); // the archive's end: two zero blocks
        return {
          body: buffer,
          size: total,
          sha256: createHash("sha256").update(buffer).digest("hex"),
          metadata: { bundle: "tar", files: String(paths.length) },
          release,
        };
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

/** A file's data in a tar archive: its bytes, padded to whole 512-byte blocks. */
const blocks = (size: number) => Math.ceil(size / 512) * 512;

/** Reads exactly `size` bytes of `path` into `buffer` at `offset`; a file that is not that long now is an error. */
async function readInto(path: string, buffer: Buffer, offset: number, size: number): Promise<void> {
  const file = await open(path, "r");
  try {
    let read = 0;
    while (read < size) {
      const { bytesRead } = await file.read(buffer, offset + read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    if (read !== size || (await file.stat()).size !== size)
      throw new Error(`${path} changed while it was being uploaded; upload the folder again`);
  } finally {
    await file.close();
  }
}
