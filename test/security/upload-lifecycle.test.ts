// Raw uploads (identifying headers, hospital file names) do not outlive their use: an upload nobody
// finished expires (files deleted, dataset rejected with the reason), and a file still in flight when its
// dataset left UPLOADING cannot bring the folder back; a file refused for its hash, or never completed,
// leaves nothing in the uploads volume.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { datasetUploadFolder, expireAbandonedUploads } from "../../apps/api/src/uploads.js";
import { FileContentStore } from "@fracval/core";
import { TEST_PSEUDONYM_SECRET } from "@fracval/testing";
import { datasetIngest, ModelCache } from "@fracval/worker";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
beforeAll(async () => {
  f = await securityFixture();
}, 60_000);
afterAll(async () => f?.stop());

async function uploadingDataset(name: string, createdAt?: Date) {
  const site = await f.t.db.site.findUniqueOrThrow({ where: { code: "Severance" } });
  const study = await f.t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
  return f.t.db.validationDataset.create({
    data: { name, siteId: site.id, studyId: study.id, providedScoreNames: [], ...(createdAt ? { createdAt } : {}) },
  });
}

describe("abandoned uploads", () => {
  it("expire after the configured hours: files deleted, dataset REJECTED with the reason; recent ones untouched", async () => {
    const uploadsDir = f.api.uploadsDir;
    const old = await uploadingDataset("abandoned", new Date(Date.now() - 25 * 3_600_000));
    const recent = await uploadingDataset("in progress");
    for (const d of [old, recent]) {
      mkdirSync(join(datasetUploadFolder(uploadsDir, d.id), "images"), { recursive: true });
      writeFileSync(join(datasetUploadFolder(uploadsDir, d.id), "images", "KIM_MINJI.dcm"), "identifying");
    }
    const partial = join(uploadsDir, "incoming", "stale-partial-upload");
    writeFileSync(partial, "half a file");
    utimesSync(partial, new Date(Date.now() - 26 * 3_600_000), new Date(Date.now() - 26 * 3_600_000));
    expect(await expireAbandonedUploads(f.t.db, uploadsDir, 24)).toEqual([old.id]);
    expect(existsSync(datasetUploadFolder(uploadsDir, old.id))).toBe(false);
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(datasetUploadFolder(uploadsDir, recent.id))).toBe(true);
    const stored = await f.t.db.validationDataset.findUniqueOrThrow({ where: { id: old.id } });
    expect(stored.status).toBe("REJECTED");
    expect(JSON.stringify(stored.validationReport)).toMatch(/not finished within 24 hours/);
    expect((await f.t.db.validationDataset.findUniqueOrThrow({ where: { id: recent.id } })).status).toBe("UPLOADING");
    expect(statSync(uploadsDir).mode & 0o777).toBe(0o700);
  });
});

describe("a file in flight", () => {
  it("cannot recreate the folder of a dataset that stopped accepting files", async () => {
    const dataset = await uploadingDataset("in flight");
    const body = Buffer.from("patient_id,age\n");
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const metadata = `datasetId ${b64(dataset.id)},relativePath ${b64("manifest.csv")},sha256 ${b64(createHash("sha256").update(body).digest("hex"))}`;
    const created = await fetch(`${f.api.url}/uploads/`, {
      method: "POST",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-length": String(body.length),
        "upload-metadata": metadata,
        authorization: `Bearer ${f.token.severance}`,
      },
    });
    expect(created.status).toBe(201);
    // Meanwhile the dataset is rejected (or expired) and its folder deleted.
    await f.t.db.validationDataset.update({ where: { id: dataset.id }, data: { status: "REJECTED" } });
    const patched = await fetch(new URL(created.headers.get("location")!, f.api.url), {
      method: "PATCH",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-offset": "0",
        "content-type": "application/offset+octet-stream",
        authorization: `Bearer ${f.token.severance}`,
      },
      body,
    });
    expect(patched.status).toBeGreaterThanOrEqual(400);
    expect(existsSync(datasetUploadFolder(f.api.uploadsDir, dataset.id))).toBe(false);
  });
});

describe("uploads that never complete leave nothing behind", () => {
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  const incomingFiles = () =>
    existsSync(join(f.api.uploadsDir, "incoming")) ? readdirSync(join(f.api.uploadsDir, "incoming")) : [];
  const create = async (datasetId: string, relativePath: string, length: number, sha256: string) =>
    fetch(`${f.api.url}/uploads/`, {
      method: "POST",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-length": String(length),
        "upload-metadata": `datasetId ${b64(datasetId)},relativePath ${b64(relativePath)},sha256 ${b64(sha256)}`,
        authorization: `Bearer ${f.token.severance}`,
      },
    });
  const patch = async (location: string, offset: number, body: Buffer) =>
    fetch(new URL(location, f.api.url), {
      method: "PATCH",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-offset": String(offset),
        "content-type": "application/offset+octet-stream",
        authorization: `Bearer ${f.token.severance}`,
      },
      body: new Uint8Array(body),
    });

  it("a file whose sha256 does not match is refused and removed with its tus record", async () => {
    const dataset = await uploadingDataset("wrong hash");
    const before = incomingFiles();
    const body = Buffer.from("patient_id,age\nP001,70\n");
    const created = await create(dataset.id, "manifest.csv", body.length, "0".repeat(64));
    expect(created.status).toBe(201);
    const patched = await patch(created.headers.get("location")!, 0, body);
    expect(patched.status).toBe(422);
    expect(await patched.text()).toMatch(/sha256 mismatch/);
    expect(incomingFiles()).toEqual(before);
  });

  it("a file whose declared length is never reached goes when its dataset is finished and ingested", async () => {
    const dataset = await uploadingDataset("never completed");
    const before = incomingFiles();
    const created = await create(dataset.id, "images/P001.dcm", 1000, "1".repeat(64));
    expect(created.status).toBe(201);
    expect((await patch(created.headers.get("location")!, 0, Buffer.alloc(100, 7))).status).toBe(204);
    expect(incomingFiles().length).toBe(before.length + 2); // the partial file and its record
    // The investigator finishes the upload anyway; the worker's ingestion job runs (here in process).
    await f.t.db.validationDataset.update({ where: { id: dataset.id }, data: { status: "VALIDATING" } });
    const store = new FileContentStore(f.api.storeDir);
    const context = {
      db: f.t.db,
      store,
      models: new ModelCache(store),
      ingestPool: () => null,
      uploadsDir: f.api.uploadsDir,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      enqueue: async () => {},
      signal: new AbortController().signal,
      log: () => {},
    };
    await datasetIngest.run({ datasetId: dataset.id }, context, { number: 1, of: 5, last: false });
    expect((await f.t.db.validationDataset.findUniqueOrThrow({ where: { id: dataset.id } })).status).toBe("REJECTED"); // no manifest.csv
    expect(incomingFiles()).toEqual(before);
    expect(existsSync(datasetUploadFolder(f.api.uploadsDir, dataset.id))).toBe(false);
  });
});
