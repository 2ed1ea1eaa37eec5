// The tus file store of the upload endpoint, with what tus does not do: the sha256 of what arrives is computed
// as it is written (instead of reading every file back); a bundle of small files (a tar archive the CLI sends)
// that arrives whole in one request is kept in memory, not written to disk, and unpacked into the dataset folder.
import { FileStore } from "@tus/file-store";
import { createHash, type Hash } from "node:crypto";
import { createReadStream, mkdirSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { pipeline, Readable, Transform } from "node:stream";
import { Parser, type ReadEntry } from "tar";
import { insideFolder } from "@fracval/core";
import { BufferPool } from "@fracval/upload-client/buffer-pool";

/** Uploads whose hash is kept while they are incomplete: beyond this many, the oldest are read back instead. */
const MAX_PENDING_HASHES = 10_000;

type TusUpload = Parameters<FileStore["create"]>[0];

export interface ReceivedBundle {
  body: Buffer;
  sha256: string;
  release(): void;
}

export class HashingFileStore extends FileStore {
  /** For each upload written from its first byte on, the hash of its bytes so far and how many there are. */
  private readonly hashes = new Map<string, { hash: Hash; bytes: number }>();
  /** Bundles created and not yet written to: their length. */
  private readonly bundles = new Map<string, number>();
  /** Bundles received whole in memory, until the upload's finish takes them. */
  private readonly received = new Map<string, ReceivedBundle>();
  private readonly buffers = new BufferPool(9 * 1024 ** 2);

  override async create(upload: TusUpload): Promise<TusUpload> {
    if (upload.metadata?.bundle !== undefined && upload.size !== undefined && upload.size <= MAX_BUNDLE_BYTES)
      this.bundles.set(upload.id, upload.size);
    if (this.bundles.size > MAX_PENDING_HASHES) this.bundles.delete(this.bundles.keys().next().value!);
    return super.create(upload);
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const bundleSize = this.bundles.get(id);
    this.bundles.delete(id);
    if (bundleSize !== undefined && offset === 0) return this.receive(readable, id, bundleSize);
    const kept = this.hashes.get(id);
    this.hashes.delete(id);
    // A PATCH that resumes where this process's hash stopped continues it; any other (a resume after a
    // restart, on another replica, after a failed write) leaves the hash to `sha256` reading the file back.
    const state = offset === 0 ? { hash: createHash("sha256"), bytes: 0 } : kept?.bytes === offset ? kept : null;
    if (!state) return super.write(readable, id, offset);
    let passed = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        state.hash.update(chunk);
        passed += chunk.length;
        done(null, chunk);
      },
    });
    const written = await super.write(
      pipeline(readable, hashing, () => {}),
      id,
      offset,
    );
    if (written === offset + passed) {
      state.bytes = written;
      this.hashes.set(id, state);
      if (this.hashes.size > MAX_PENDING_HASHES) this.hashes.delete(this.hashes.keys().next().value!);
    }
    return written;
  }

  /**
   * A bundle's first request, into memory and the hash: whole, it is kept for `takeReceived` and never touches
   * the disk; cut short (the client went away), what arrived is written to the upload's file as tus would have,
   * so that the client resumes from there.
   */
  private async receive(readable: Readable, id: string, size: number): Promise<number> {
    const { buffer: body, release } = this.buffers.acquire(size);
    const hash = createHash("sha256");
    let received = 0;
    const keepWhatArrived = async () => {
      try {
        const written = await super.write(Readable.from([body.subarray(0, received)]), id, 0);
        this.hashes.set(id, { hash, bytes: written });
        return written;
      } finally {
        release();
      }
    };
    try {
      for await (const chunk of readable as AsyncIterable<Buffer>) {
        if (received + chunk.length > size) throw new Error("more bytes than the upload's length");
        chunk.copy(body, received);
        hash.update(chunk);
        received += chunk.length;
      }
    } catch (error) {
      await keepWhatArrived();
      throw error;
    }
    if (received < size) return keepWhatArrived();
    this.received.set(id, { body, sha256: hash.digest("hex"), release });
    return size;
  }

  /**
   * A bundle received whole in memory by this process, with its sha256 (call `release` when done with it);
   * null when it was written to disk.
   */
  takeReceived(id: string): ReceivedBundle | null {
    const whole = this.received.get(id) ?? null;
    this.received.delete(id);
    return whole;
  }

  override async remove(id: string): Promise<void> {
    this.hashes.delete(id);
    this.takeReceived(id)?.release();
    return super.remove(id);
  }

  /** The sha256 (hex) of a complete upload of `size` bytes: as computed on arrival, else read back. */
  async sha256(id: string, size: number): Promise<string> {
    const state = this.hashes.get(id);
    this.hashes.delete(id);
    if (state?.bytes === size) return state.hash.digest("hex");
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(join(this.directory, id))) hash.update(chunk as Buffer);
    return hash.digest("hex");
  }
}

/** A bundle that cannot be unpacked, with a reason safe to show (no file names: they can carry identifiers). */
export class BundleRefused extends Error {
  override name = "BundleRefused";
}

/** The most files one bundle may declare. */
export const MAX_BUNDLE_FILES = 10_000;
/** The most bytes one bundle may have: it is received and unpacked in memory (the CLI sends 8 MiB). */
export const MAX_BUNDLE_BYTES = 64 * 1024 ** 2;

/**
 * Unpacks a tar archive into `folder`: only if it is an uncompressed POSIX archive of exactly `declaredFiles`
 * entries, every one a plain file whose path stays inside `folder` and appears once. Every entry is checked
 * before the first is written, so a refused bundle leaves nothing in the dataset folder (nor does a failed
 * write: what was written is removed). Returns the relative paths placed.
 */
export async function unpackBundle(archive: Buffer, folder: string, declaredFiles: number): Promise<string[]> {
  // node-tar would inflate a gzip stream itself: 64 MiB of archive must not become gigabytes of files.
  if (archive.length < 512 || archive.subarray(257, 262).toString("latin1") !== "ustar")
    throw new BundleRefused("the bundle is not an uncompressed POSIX tar archive");
  const root = resolve(folder);
  const entries: Array<{ path: string; data: Buffer }> = [];
  const seen = new Set<string>();
  let problem: string | null = null;
  const refuse = (reason: string) => {
    problem ??= reason;
  };
  await new Promise<void>((done) => {
    const parser = new Parser({
      strict: true,
      onReadEntry(entry: ReadEntry) {
        const index = entries.length + 1;
        const path = entry.path;
        if (entry.type !== "File" && entry.type !== "OldFile") refuse(`entry ${index} is not a plain file`);
        else if (!path || isAbsolute(path) || path.split("/").some((part) => part === ".." || part === ""))
          refuse(`entry ${index} has a path that is not relative to the dataset folder`);
        else if (!insideFolder(root, path)) refuse(`entry ${index} leaves the dataset folder`);
        else if (seen.has(path)) refuse(`entry ${index} repeats an earlier entry's path`);
        else if (entries.length >= declaredFiles) refuse(`the bundle holds more than the ${declaredFiles} it declared`);
        if (problem) {
          entry.resume(); // read past it: the parser waits for each entry to end
          return;
        }
        seen.add(path);
        const chunks: Buffer[] = [];
        entry.on("data", (chunk: Buffer) => chunks.push(chunk));
        entry.on("end", () => entries.push({ path, data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
      },
    });
    parser.on("error", (error: Error) => {
      refuse(`the bundle is not a valid tar archive (${error.message})`);
      done();
    });
    parser.on("end", () => done());
    parser.end(archive);
  });
  if (!problem && entries.length !== declaredFiles)
    refuse(`the bundle holds ${entries.length} file(s), not the ${declaredFiles} it declared`);
  if (problem) throw new BundleRefused(problem);
  const made = new Set<string>();
  const written: string[] = [];
  try {
    for (const { path, data } of entries) {
      const target = resolve(root, path);
      const parent = dirname(target);
      if (!made.has(parent)) mkdirSync(parent, { recursive: true, mode: 0o700 });
      made.add(parent);
      written.push(target);
      await writeFile(target, data, { mode: 0o600 });
    }
  } catch (error) {
    for (const target of written) rmSync(target, { force: true });
    throw error;
  }
  return entries.map((e) => e.path);
}
