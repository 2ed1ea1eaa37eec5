// Bundles: the CLI sends small files several to a request as one tar archive; the API checks the archive's
// sha256, unpacks it into the dataset folder only if every entry is a plain file inside it and the count is
// the one declared, and leaves nothing behind when it refuses. The hash is computed as bytes arrive, also
// when an upload is resumed.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Header } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, datasetUploadFolder, incomingUploadsFolder } from "@fracval/core";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { uploadFiles } from "@fracval/upload-client";
import { folderSources } from "@fracval/upload-client/node";
import { startTestApi, type TestApi } from "./support/api.js";

let t: TestDatabase;
let api: TestApi;
let key: string;
let siteId: string;
let studyId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  api = await startTestApi(t.db);
  const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
  siteId = site.id;
  key = (await createApiKey(t.db, null, { siteId, name: "bundles", scopes: ["DATASETS_READ", "DATASETS_WRITE"] })).key;
  studyId = (await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } })).id;
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

async function newDataset(): Promise<string> {
  const res = await api.gql<{ createValidationDataset: { id: string } }>(
    'mutation($s: ID!, $st: ID!) { createValidationDataset(input: { studyId: $st, siteId: $s, name: "b" }) { id } }',
    { s: siteId, st: studyId },
    key,
  );
  return res.data!.createValidationDataset.id;
}

/** A tar archive of the given entries, built by hand (so that it can be as wrong as a test needs). */
function tarOf(entries: Array<{ path: string; data?: Buffer; type?: "File" | "SymbolicLink"; linkpath?: string }>) {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    const header = new Header({ path: e.path, mode: 0o644, size: data.length, type: e.type ?? "File" });
    if (e.linkpath) header.linkpath = e.linkpath;
    header.encode();
    parts.push(header.block!, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

const tusMeta = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString("base64")}`)
    .join(",");

/** Creates a tus upload of `body` with the metadata given, sending `firstPart` bytes with the creating POST. */
async function postBundle(datasetId: string, body: Buffer, files: number, firstPart = body.length) {
  const sha256 = createHash("sha256").update(body).digest("hex");
  return fetch(`${api.url}/uploads/`, {
    method: "POST",
    headers: {
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(body.length),
      "Upload-Metadata": tusMeta({ datasetId, bundle: "tar", files: String(files), sha256 }),
      "Content-Type": "application/offset+octet-stream",
      authorization: `Bearer ${key}`,
    },
    body: new Uint8Array(body.subarray(0, firstPart)),
  });
}

const filesIn = (folder: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name).slice(folder.length + 1))
        .sort()
    : [];

describe("upload bundles", () => {
  it("a folder of small files goes several to a request and arrives byte for byte, each counted", async () => {
    const folder = mkdtempSync(join(tmpdir(), "fracval-bundle-src-"));
    mkdirSync(join(folder, "images", "P002"), { recursive: true });
    writeFileSync(join(folder, "manifest.csv"), "patient_id\nP001\n");
    const paths = ["manifest.csv"];
    for (let i = 0; i < 40; i++) {
      const name = `images/P002/slice-${String(i).padStart(3, "0")}.dcm`;
      writeFileSync(join(folder, name), randomBytes(1000 + i * 37));
      paths.push(name);
    }
    // A path longer than a tar header holds (a PAX header carries it) and a file as large as a whole bundle.
    const long = `images/${"a-very-long-folder-name-".repeat(6)}/P003.dcm`;
    mkdirSync(join(folder, long, ".."), { recursive: true });
    writeFileSync(join(folder, long), randomBytes(5000));
    writeFileSync(join(folder, "images", "big.dcm"), randomBytes(300_000));
    paths.push(long, "images/big.dcm");

    const sources = folderSources(
      folder,
      paths.map((p) => join(folder, p)),
      { maxBytes: 200_000, maxFiles: 16 },
    );
    // 16 + 16 + 10 small files in three bundles; the big one alone, sent as soon as it is met.
    expect(sources.map((s) => (s.prepare ? "bundle" : s.path))).toEqual([
      "bundle",
      "bundle",
      "images/big.dcm",
      "bundle",
    ]);
    const datasetId = await newDataset();
    let reported = 0;
    const sent = new Map<string, number>();
    await uploadFiles(sources, {
      endpoint: `${api.url}/uploads/`,
      datasetId,
      headers: { authorization: `Bearer ${key}` },
      onProgress: (path, bytes) => {
        reported += bytes - (sent.get(path) ?? 0);
        sent.set(path, bytes);
      },
    });
    const target = datasetUploadFolder(api.uploadsDir, datasetId);
    expect(filesIn(target)).toEqual([...paths].sort());
    for (const p of paths) expect(readFileSync(join(target, p)).equals(readFileSync(join(folder, p)))).toBe(true);
    // Progress is told in the files' own bytes (not the archives' headers and padding).
    expect(reported).toBe(paths.reduce((s, p) => s + readFileSync(join(folder, p)).length, 0));
    const dataset = await t.db.validationDataset.findUniqueOrThrow({ where: { id: datasetId } });
    expect(dataset.uploadedFiles).toBe(paths.length);
    // Nothing is left in the incoming folder: the bundles were unpacked from memory and their records removed.
    expect(readdirSync(incomingUploadsFolder(api.uploadsDir))).toEqual([]);
  });

  it.each([
    [
      "a symbolic link",
      [{ path: "images/a.dcm", type: "SymbolicLink" as const, linkpath: "/etc/passwd" }],
      1,
      /not a plain file/,
    ],
    ["a path out of the folder", [{ path: "images/../../escape.dcm", data: Buffer.from("x") }], 1, /not relative/],
    ["an absolute path", [{ path: "/tmp/abs.dcm", data: Buffer.from("x") }], 1, /not relative/],
    [
      "the same path twice",
      [
        { path: "images/a.dcm", data: Buffer.from("x") },
        { path: "images/a.dcm", data: Buffer.from("y") },
      ],
      2,
      /repeats/,
    ],
    [
      "fewer files than declared",
      [{ path: "images/a.dcm", data: Buffer.from("x") }],
      2,
      /holds 2 file\(s\), not the 3/,
    ],
    [
      "more files than declared",
      [
        { path: "images/a.dcm", data: Buffer.from("x") },
        { path: "images/b.dcm", data: Buffer.from("y") },
      ],
      1,
      /more than the 2/,
    ],
  ])(
    "refuses a bundle with %s (422, the reason named) and keeps nothing of it",
    async (_what, entries, files, reason) => {
      const datasetId = await newDataset();
      // A good entry first: it must not stay behind either.
      const body = tarOf([{ path: "images/good.dcm", data: Buffer.from("good") }, ...entries]);
      const res = await postBundle(datasetId, body, files + 1);
      expect(res.status).toBe(422);
      expect(await res.text()).toMatch(reason);
      expect(filesIn(datasetUploadFolder(api.uploadsDir, datasetId))).toEqual([]);
      expect(readdirSync(incomingUploadsFolder(api.uploadsDir))).toEqual([]);
    },
  );

  it("refuses a compressed archive (it could unpack to far more than its length) and one that is not tar", async () => {
    const datasetId = await newDataset();
    const gzipped = gzipSync(tarOf([{ path: "images/a.dcm", data: Buffer.alloc(100_000) }]));
    const res = await postBundle(datasetId, gzipped, 1);
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/not an uncompressed POSIX tar archive/);
    const junk = await postBundle(datasetId, randomBytes(2048), 1);
    expect(junk.status).toBe(422);
    expect(filesIn(datasetUploadFolder(api.uploadsDir, datasetId))).toEqual([]);
  });

  it("refuses bundle metadata that does not add up before reading the body", async () => {
    const datasetId = await newDataset();
    const create = (fields: Record<string, string>) =>
      fetch(`${api.url}/uploads/`, {
        method: "POST",
        headers: {
          "Tus-Resumable": "1.0.0",
          "Upload-Length": "1024",
          "Upload-Metadata": tusMeta({ datasetId, sha256: "0".repeat(64), ...fields }),
          authorization: `Bearer ${key}`,
        },
      });
    expect((await create({ bundle: "zip", files: "2" })).status).toBe(400);
    expect((await create({ bundle: "tar", files: "0" })).status).toBe(400);
    expect((await create({ bundle: "tar", files: "2", relativePath: "images/a.dcm" })).status).toBe(400);
    const tooMany = await create({ bundle: "tar", files: "10001" });
    expect(tooMany.status).toBe(413);
  });

  it("a bundle whose first request is cut short is resumed and checked (the hash carried over)", async () => {
    const datasetId = await newDataset();
    const files = Array.from({ length: 5 }, (_, i) => ({ path: `images/P${i}.dcm`, data: randomBytes(3000 + i) }));
    const body = tarOf(files);
    const half = 7000;
    const created = await postBundle(datasetId, body, files.length, half);
    expect(created.status).toBe(201);
    expect(created.headers.get("upload-offset")).toBe(String(half));
    // Kept on disk (the client may resume tomorrow, or at another replica), nothing unpacked yet.
    expect(filesIn(datasetUploadFolder(api.uploadsDir, datasetId))).toEqual([]);
    const patch = await fetch(new URL(created.headers.get("location")!, api.url), {
      method: "PATCH",
      headers: {
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": String(half),
        "Content-Type": "application/offset+octet-stream",
        authorization: `Bearer ${key}`,
      },
      body: new Uint8Array(body.subarray(half)),
    });
    expect(patch.status).toBe(204);
    const target = datasetUploadFolder(api.uploadsDir, datasetId);
    expect(filesIn(target)).toEqual(files.map((f) => f.path));
    for (const f of files) expect(readFileSync(join(target, f.path)).equals(f.data)).toBe(true);
  });

  it("a resumed bundle with a byte changed in its second part is refused as a sha256 mismatch", async () => {
    const datasetId = await newDataset();
    const body = tarOf([{ path: "images/a.dcm", data: randomBytes(4000) }]);
    const created = await postBundle(datasetId, body, 1, 1000);
    const tampered = Buffer.from(body.subarray(1000));
    tampered[100]! ^= 0xff;
    const patch = await fetch(new URL(created.headers.get("location")!, api.url), {
      method: "PATCH",
      headers: {
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": "1000",
        "Content-Type": "application/offset+octet-stream",
        authorization: `Bearer ${key}`,
      },
      body: new Uint8Array(tampered),
    });
    expect(patch.status).toBe(422);
    expect(await patch.text()).toMatch(/sha256 mismatch/);
    expect(filesIn(datasetUploadFolder(api.uploadsDir, datasetId))).toEqual([]);
  });
});
