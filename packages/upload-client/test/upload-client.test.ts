// The shared upload client: hashes stream in chunks (equal to node:crypto's sha256), files arrive whole with
// their metadata at a real tus server, and a file that cannot be sent fails with its folder path.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { Server as TusServer } from "@tus/server";
import { FileStore } from "@tus/file-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileSource, sha256Of, uploadFiles, UploadFailed } from "../src/index.js";
import { bundleSource, folderSources, pathSource } from "../src/node.js";
import { execFileSync } from "node:child_process";

const folder = mkdtempSync(join(tmpdir(), "fracval-upload-client-"));
const received = mkdtempSync(join(tmpdir(), "fracval-upload-client-server-"));
let server: Server;
let endpoint = "";
const finished: { metadata: Record<string, string | null> }[] = [];

beforeAll(async () => {
  mkdirSync(join(folder, "images"));
  writeFileSync(join(folder, "manifest.csv"), "patient_id,age\nP001,70\n");
  writeFileSync(join(folder, "images", "P001.dcm"), randomBytes(20 * 1024 * 1024 + 17)); // several chunks
  const tus = new TusServer({
    path: "/uploads",
    datastore: new FileStore({ directory: received }),
    async onUploadFinish(_req, upload) {
      finished.push({ metadata: upload.metadata ?? {} });
      return {};
    },
  });
  server = createServer((req, res) => void tus.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("@fracval/upload-client", () => {
  it("hashes a file chunk by chunk, equal to node:crypto, from a path (Node) or a Blob (browser)", async () => {
    const path = join(folder, "images", "P001.dcm");
    const expected = createHash("sha256").update(readFileSync(path)).digest("hex");
    expect(await sha256Of(pathSource(folder, path))).toBe(expected); // node:crypto
    expect(await sha256Of({ chunks: pathSource(folder, path).chunks })).toBe(expected); // hash-wasm, chunk by chunk
    expect(await sha256Of(fileSource(new Blob([readFileSync(path)]), "images/P001.dcm"))).toBe(expected);
  });

  it("sends every file whole to a tus server with the dataset id, its folder path and its sha256", async () => {
    const sources = [join(folder, "manifest.csv"), join(folder, "images", "P001.dcm")].map((p) =>
      pathSource(folder, p),
    );
    const progress = new Map<string, number>();
    await uploadFiles(sources, {
      endpoint,
      datasetId: "ds1",
      chunkSize: 4 * 1024 * 1024,
      onProgress: (p, sent) => progress.set(p, sent),
    });
    expect(finished.map((f) => f.metadata.relativePath).sort()).toEqual(["images/P001.dcm", "manifest.csv"]);
    for (const f of finished) {
      const original = readFileSync(join(folder, f.metadata.relativePath!));
      expect(f.metadata.datasetId).toBe("ds1");
      expect(f.metadata.sha256).toBe(createHash("sha256").update(original).digest("hex"));
    }
    const stored = readdirSync(received).filter((n) => !n.endsWith(".json"));
    const sizes = stored.map((n) => readFileSync(join(received, n)).length).sort((a, b) => a - b);
    expect(sizes).toEqual([23, 20 * 1024 * 1024 + 17]);
    expect(progress.get("images/P001.dcm")).toBe(20 * 1024 * 1024 + 17);
  });

  it("a file that cannot be sent fails with its path inside the folder", async () => {
    const source = pathSource(folder, join(folder, "manifest.csv"));
    const error = await uploadFiles([source], {
      endpoint: "http://127.0.0.1:9/uploads/",
      datasetId: "ds1",
      retryDelays: [],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadFailed);
    expect((error as UploadFailed).path).toBe("manifest.csv");
  });

  it("a bundle is a POSIX tar archive that GNU tar reads back byte for byte, long paths included", async () => {
    const long = `images/${"long-folder-name-".repeat(8)}P009.dcm`;
    mkdirSync(join(folder, long, ".."), { recursive: true });
    writeFileSync(join(folder, long), randomBytes(777));
    writeFileSync(join(folder, "images", "P002.dcm"), randomBytes(512));
    const paths = ["manifest.csv", "images/P002.dcm", long];
    const [bundle] = folderSources(
      folder,
      paths.map((p) => join(folder, p)),
    );
    expect(bundle!.prepare).toBeDefined();
    expect(bundle!.size).toBe(23 + 512 + 777);
    const prepared = await bundle!.prepare!();
    expect(prepared.metadata).toEqual({ bundle: "tar", files: "3" });
    expect(prepared.size).toBe(prepared.body.length);
    expect(prepared.sha256).toBe(createHash("sha256").update(prepared.body).digest("hex"));
    const archive = join(mkdtempSync(join(tmpdir(), "fracval-bundle-")), "b.tar");
    writeFileSync(archive, prepared.body);
    prepared.release?.();
    expect(execFileSync("tar", ["-tf", archive], { encoding: "utf8" }).trim().split("\n")).toEqual(paths);
    for (const p of paths)
      expect(execFileSync("tar", ["-xOf", archive, p]).equals(readFileSync(join(folder, p)))).toBe(true);
  });

  it("a bundle takes each file as it is when its turn comes: header, data and hash agree", async () => {
    const path = join(folder, "images", "P003.dcm");
    writeFileSync(path, randomBytes(100));
    const bundle = bundleSource(folder, [pathSource(folder, path), pathSource(folder, join(folder, "manifest.csv"))]);
    const now = randomBytes(600); // rewritten after the folder was listed
    writeFileSync(path, now);
    const prepared = await bundle.prepare!();
    // Two headers, 600 bytes padded to 1024, 23 padded to 512, and the two zero blocks at the end.
    expect(prepared.size).toBe(512 + 1024 + 512 + 512 + 1024);
    const archive = join(mkdtempSync(join(tmpdir(), "fracval-bundle-")), "b.tar");
    writeFileSync(archive, prepared.body);
    expect(execFileSync("tar", ["-xOf", archive, "images/P003.dcm"]).equals(now)).toBe(true);
    prepared.release?.();
  });
});
