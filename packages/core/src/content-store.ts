// Content-addressed blob storage: a blob's key is its SHA-256, so the same bytes are stored once.
// The filesystem store is the embedded default; an S3-compatible store implements the same interface.
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writevSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { threadId } from "node:worker_threads";

export interface ContentStore {
  /**
   * Stores bytes; returns their sha256 (hex), which is also the key. `sha256`: the caller's own hash of these
   * very bytes, to spare hashing them twice (a de-identified radiograph is a megabyte or more).
   */
  put(bytes: Uint8Array, sha256?: string): Promise<string>;
  get(key: string): Promise<Uint8Array>;
  has(key: string): Promise<boolean>;
  /**
   * Removes a blob (absent: nothing to do). Only for blobs nothing refers to: the de-identified images
   * of a dataset that was rejected before it committed.
   */
  delete(key: string): Promise<void>;
  /**
   * A store on this machine's filesystem: its folder, where a writer on another thread may stage a blob it
   * has hashed (`stageBlob`), for `adopt` to move into place — the bytes never pass through the caller.
   */
  readonly localRoot?: string;
  /** Moves a blob staged under `localRoot` into place as `key` (or drops it if the store already has it). */
  adopt?(staged: string, key: string): Promise<void>;
}

let staged = 0;

/** Shard folders this thread has made or seen (a folder made by another thread or process is found by mkdir). */
const stagingFolders = new Set<string>();

/**
 * Writes a blob's bytes next to where the file store at `root` keeps `key`, under a name of its own (never
 * read as the blob), and returns that path: for `FileContentStore.adopt`, or removed with `rmSync` if the blob
 * is not wanted after all. Safe on any thread or process (the name carries the process, thread and a count).
 */
export function stageBlob(root: string, key: string, bytes: Uint8Array | readonly Uint8Array[]): string {
  const path = `${blobPath(root, key)}.${process.pid}-${threadId}-${++staged}.staged`;
  writeInFolder(stagingFolders, path, bytes);
  return path;
}

/**
 * Writes a file from its pieces as they are (a rewritten header, the pixel data), in one writev without
 * joining them (a short write, rare for a regular file, is continued from where it stopped).
 */
export function writeFileInPieces(path: string, bytes: Uint8Array | readonly Uint8Array[]): void {
  const pieces = bytes instanceof Uint8Array ? [bytes] : [...bytes];
  const fd = openSync(path, "w");
  try {
    const total = pieces.reduce((n, piece) => n + piece.length, 0);
    for (let written = 0; written < total; ) {
      let skip = written;
      const rest: Uint8Array[] = [];
      for (const piece of pieces) {
        if (skip >= piece.length) skip -= piece.length;
        else {
          rest.push(skip ? piece.subarray(skip) : piece);
          skip = 0;
        }
      }
      written += writevSync(fd, rest);
    }
  } finally {
    closeSync(fd);
  }
}

/** writeFileInPieces, making the file's folder first unless `folders` has seen it (then again if it went away). */
function writeInFolder(folders: Set<string>, path: string, bytes: Uint8Array | readonly Uint8Array[]): void {
  const folder = dirname(path);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  try {
    writeFileInPieces(path, bytes);
  } catch (error) {
    // The folder went away under us (someone emptied the store): make it again, once.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(folder, { recursive: true });
    writeFileInPieces(path, bytes);
  }
}

/** Where the file store at `root` keeps `key` (a store on this machine: `localRoot`), for a reader on another thread. */
export function blobPath(root: string, key: string): string {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a sha256 key: ${key}`);
  return join(root, key.slice(0, 2), key.slice(2, 4), key);
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * A multi-file image series (a CT series) is stored as an index of its slices' keys, cranial → caudal, itself
 * content-addressed: `{"series": [key, …]}`. Written by ingestion, read by scoring and dataset withdrawal.
 */
export function encodeSeriesIndex(sliceKeys: readonly string[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ series: sliceKeys }));
}

/** The slice keys of a stored series index; throws (naming what is wrong) when the bytes are not one. */
export function decodeSeriesIndex(bytes: Uint8Array): string[] {
  const index = JSON.parse(new TextDecoder().decode(bytes)) as { series?: unknown };
  if (!Array.isArray(index.series) || !index.series.every((k) => typeof k === "string" && /^[0-9a-f]{64}$/.test(k)))
    throw new Error('not a series index: it needs a list of sha256 keys under "series"');
  return index.series as string[];
}

export class FileContentStore implements ContentStore {
  /** Shard folders this store has made or seen: a CT series is dozens of blobs, each an mkdir otherwise. */
  private readonly folders = new Set<string>();

  constructor(private readonly root: string) {}

  get localRoot(): string {
    return this.root;
  }

  private pathOf(key: string): string {
    return blobPath(this.root, key);
  }

  async adopt(stagedPath: string, key: string): Promise<void> {
    const path = this.pathOf(key);
    if (dirname(stagedPath) !== dirname(path) || !stagedPath.endsWith(".staged"))
      throw new Error(`not a blob staged for ${key}`);
    if (existsSync(path)) rmSync(stagedPath, { force: true });
    else renameSync(stagedPath, path); // same folder: atomic, a reader never sees a half-written blob
  }

  async put(bytes: Uint8Array, sha256?: string): Promise<string> {
    const key = sha256 ?? sha256Hex(bytes);
    const path = this.pathOf(key);
    if (!existsSync(path)) {
      // Write then rename: a reader never sees a half-written blob under its final name.
      const tmp = `${path}.${process.pid}.tmp`;
      writeInFolder(this.folders, tmp, bytes);
      renameSync(tmp, path);
    }
    return key;
  }

  async get(key: string): Promise<Uint8Array> {
    return readFileSync(this.pathOf(key));
  }

  async has(key: string): Promise<boolean> {
    return existsSync(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    rmSync(this.pathOf(key), { force: true });
  }

  /** Every stored key (the store's own directory layout: ab/cd/<sha256>). */
  keys(): string[] {
    if (!existsSync(this.root)) return [];
    const out: string[] = [];
    for (const a of readdirSync(this.root))
      for (const b of readdirSync(join(this.root, a)))
        for (const k of readdirSync(join(this.root, a, b))) if (/^[0-9a-f]{64}$/.test(k)) out.push(k);
    return out.sort();
  }
}
