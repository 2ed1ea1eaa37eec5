// The content-store contract (key = sha256, write once, same bytes back, delete), run on the filesystem
// store and on the S3 store against a real S3-protocol server (s3rver) started by the test; the S3 store is
// chosen by FRACVAL_S3_BUCKET (infra/README.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  contentStoreFromEnv,
  decodeSeriesIndex,
  encodeSeriesIndex,
  FileContentStore,
  S3ContentStore,
  stageBlob,
  writeFileInPieces,
  type ContentStore,
} from "../src/index.js";

describe("series index", () => {
  it("round-trips a series' slice keys and refuses bytes that are not an index, saying why", () => {
    const keys = ["a", "b", "c"].map((x) => createHash("sha256").update(x).digest("hex"));
    expect(decodeSeriesIndex(encodeSeriesIndex(keys))).toEqual(keys);
    expect(() => decodeSeriesIndex(new TextEncoder().encode('{"series": ["../etc/passwd"]}'))).toThrow(
      /not a series index: it needs a list of sha256 keys under "series"/,
    );
    expect(() => decodeSeriesIndex(new Uint8Array(132))).toThrow();
  });
});

describe("FileContentStore", () => {
  it("writes again after its shard folders were removed behind its back (it remembers the folders it made)", async () => {
    const root = mkdtempSync(join(tmpdir(), "fracval-store-gone-"));
    const store = new FileContentStore(root);
    const first = await store.put(new TextEncoder().encode("first"));
    // The shard folder removed by someone else (a restore, an operator): the blob is written again.
    rmSync(join(root, first.slice(0, 2)), { recursive: true });
    const bytes = new TextEncoder().encode("first");
    const key = await store.put(bytes);
    expect(key).toBe(first);
    expect(Buffer.from(await store.get(key)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("adopts a blob staged by another writer (pieces joined as written), once, and refuses a path elsewhere", async () => {
    const root = mkdtempSync(join(tmpdir(), "fracval-store-staged-"));
    const store = new FileContentStore(root);
    expect(store.localRoot).toBe(root);
    const pieces = [new Uint8Array([1, 2, 3]), new Uint8Array(100_000).fill(7), new Uint8Array([9])];
    const whole = Buffer.concat(pieces);
    const key = createHash("sha256").update(whole).digest("hex");
    const staged = stageBlob(root, key, pieces);
    // Beside the blob's place, under a name of its own: not a blob until adopted.
    expect(staged.startsWith(join(root, key.slice(0, 2), key.slice(2, 4), `${key}.`))).toBe(true);
    expect(await store.has(key)).toBe(false);
    expect(store.keys()).toEqual([]);
    await store.adopt(staged, key);
    expect(existsSync(staged)).toBe(false);
    expect(Buffer.from(await store.get(key)).equals(whole)).toBe(true);
    expect(store.keys()).toEqual([key]);
    // The same bytes staged again (another row, the same image): dropped, the stored blob untouched.
    const again = stageBlob(root, key, whole);
    await store.adopt(again, key);
    expect(existsSync(again)).toBe(false);
    expect(readdirSync(join(root, key.slice(0, 2), key.slice(2, 4)))).toEqual([key]);
    // Only a file staged for that key is adopted.
    const other = stageBlob(root, createHash("sha256").update("x").digest("hex"), new Uint8Array([1]));
    await expect(store.adopt(other, key)).rejects.toThrow(/not a blob staged for/);
  });

  it("stages again after its shard folder was removed behind the staging thread's back", () => {
    const root = mkdtempSync(join(tmpdir(), "fracval-store-stage-gone-"));
    const key = createHash("sha256").update("y").digest("hex");
    rmSync(stageBlob(root, key, new Uint8Array([1])));
    rmSync(join(root, key.slice(0, 2)), { recursive: true });
    const staged = stageBlob(root, key, [new Uint8Array([2]), new Uint8Array([3])]);
    expect([...readFileSync(staged)]).toEqual([2, 3]);
  });
});

describe("writeFileInPieces", () => {
  it("writes the pieces joined, byte for byte, empty and many small pieces included", () => {
    const folder = mkdtempSync(join(tmpdir(), "fracval-pieces-"));
    const w = 256 * 1024;
    let seed = 1;
    const nextByte = () => {
      seed = (seed * 16807) % 2147483647;
      return seed & 255;
    };
    const piece = (length: number) => Uint8Array.from({ length }, nextByte);
    const cases: Uint8Array[][] = [
      [],
      [piece(0)],
      [piece(1)],
      [piece(w)],
      [piece(w + 1)],
      [piece(3 * w + 17)],
      [piece(132), piece(0), piece(w - 132), piece(5)], // a header and pixel data ending on a write boundary
      [...Array.from({ length: 300 }, (_, i) => piece(i % 7)), piece(2 * w - 1), piece(1), piece(w + 3)],
    ];
    for (const [index, pieces] of cases.entries()) {
      const path = join(folder, `case-${index}`);
      writeFileInPieces(path, pieces);
      expect(readFileSync(path).equals(Buffer.concat(pieces)), `case ${index}`).toBe(true);
    }
    // One buffer as well as a list; an existing file is replaced, not appended to.
    const path = join(folder, "single");
    writeFileInPieces(path, piece(2 * w + 1));
    const single = piece(10);
    writeFileInPieces(path, single);
    expect(readFileSync(path).equals(Buffer.from(single))).toBe(true);
  });
});

function contract(name: string, make: () => ContentStore) {
  describe(`${name}: content-store contract`, () => {
    it("keys a blob by its sha256 and returns the same bytes", async () => {
      const store = make();
      const bytes = new TextEncoder().encode("a de-identified DICOM, say");
      const key = await store.put(bytes);
      expect(key).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(await store.has(key)).toBe(true);
      expect(Buffer.from(await store.get(key)).equals(Buffer.from(bytes))).toBe(true);
    });
    it("stores the same bytes once and refuses a key that is not a sha256", async () => {
      const store = make();
      const bytes = new Uint8Array([1, 2, 3]);
      expect(await store.put(bytes)).toBe(await store.put(bytes));
      expect(await store.has("0".repeat(64))).toBe(false);
      await expect(store.get("../../etc/passwd")).rejects.toThrow(/not a sha256 key/);
    });
    it("keeps large blobs byte for byte, and the same bytes put at once are stored once", async () => {
      const store = make();
      const large = new Uint8Array(6 * 1024 * 1024).map((_, k) => (k * 7919) % 251); // a CT slice is < 1 MB; a radiograph, tens
      const keys = await Promise.all([store.put(large), store.put(large), store.put(large)]);
      expect(new Set(keys).size).toBe(1);
      expect(Buffer.from(await store.get(keys[0]!)).equals(Buffer.from(large))).toBe(true);
    });
    it("deletes a blob (and deleting an absent one is no error)", async () => {
      const store = make();
      const key = await store.put(new TextEncoder().encode(`rejected dataset image ${Math.random()}`));
      await store.delete(key);
      expect(await store.has(key)).toBe(false);
      await expect(store.get(key)).rejects.toThrow();
      await store.delete(key);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "fracval-store-contract-"));
contract("FileContentStore", () => new FileContentStore(dir));

let s3: S3rver;
let s3Endpoint = "";
beforeAll(async () => {
  s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: mkdtempSync(join(tmpdir(), "fracval-s3rver-")),
    configureBuckets: [{ name: "fracval" }],
  });
  const { port } = await s3.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
});
afterAll(() => s3?.close());
const s3Client = () =>
  new S3Client({
    region: "us-east-1",
    endpoint: s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
contract("S3ContentStore (s3rver)", () => new S3ContentStore({ bucket: "fracval", prefix: "store/" }, s3Client()));

describe("contentStoreFromEnv", () => {
  it("uses S3 when a bucket is configured, else the filesystem, and says what is missing", () => {
    expect(
      contentStoreFromEnv(
        { FRACVAL_S3_BUCKET: "fracval", FRACVAL_S3_ENDPOINT: "http://minio:9000" },
        (d) => new FileContentStore(d),
      ),
    ).toBeInstanceOf(S3ContentStore);
    const file = contentStoreFromEnv({ FRACVAL_STORAGE_DIR: dir }, (d) => new FileContentStore(d));
    expect(file).toBeInstanceOf(FileContentStore);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(() => contentStoreFromEnv({}, (d) => new FileContentStore(d))).toThrow(
      /FRACVAL_STORAGE_DIR .* or FRACVAL_S3_BUCKET/,
    );
  });
});
