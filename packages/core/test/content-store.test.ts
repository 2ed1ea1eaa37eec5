// The content-store contract (key = sha256, write once, same bytes back), run on the filesystem store;
// the S3 store implements the same interface and is chosen by FRACVAL_S3_BUCKET (infra/README.md).
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentStoreFromEnv, FileContentStore, S3ContentStore, type ContentStore } from "../src/index.js";

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
  });
}

const dir = mkdtempSync(join(tmpdir(), "fracval-store-contract-"));
contract("FileContentStore", () => new FileContentStore(dir));

describe("contentStoreFromEnv", () => {
  it("uses S3 when a bucket is configured, else the filesystem, and says what is missing", () => {
    expect(contentStoreFromEnv({ FRACVAL_S3_BUCKET: "fracval", FRACVAL_S3_ENDPOINT: "http://minio:9000" }, (d) => new FileContentStore(d))).toBeInstanceOf(S3ContentStore);
    const file = contentStoreFromEnv({ FRACVAL_STORAGE_DIR: dir }, (d) => new FileContentStore(d));
    expect(file).toBeInstanceOf(FileContentStore);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(() => contentStoreFromEnv({}, (d) => new FileContentStore(d))).toThrow(/FRACVAL_STORAGE_DIR .* or FRACVAL_S3_BUCKET/);
  });
});
