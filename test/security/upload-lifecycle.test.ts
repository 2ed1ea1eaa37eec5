// Raw uploads (identifying headers, hospital file names) do not outlive their use: an upload nobody
// finished expires (files deleted, dataset rejected with the reason), and a file still in flight when its
// dataset left UPLOADING cannot bring the folder back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { datasetUploadFolder, expireAbandonedUploads } from "../../apps/api/src/uploads.js";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
beforeAll(async () => {
  f = await securityFixture();
}, 60_000);
afterAll(async () => f?.stop());

async function uploadingDataset(name: string, createdAt?: Date) {
  const site = await f.t.db.site.findUniqueOrThrow({ where: { code: "Severance" } });
  const study = await f.t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
  return f.t.db.validationDataset.create({ data: { name, siteId: site.id, studyId: study.id, providedScoreNames: [], ...(createdAt ? { createdAt } : {}) } });
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
      headers: { "tus-resumable": "1.0.0", "upload-length": String(body.length), "upload-metadata": metadata, authorization: `Bearer ${f.token.severance}` },
    });
    expect(created.status).toBe(201);
    // Meanwhile the dataset is rejected (or expired) and its folder deleted.
    await f.t.db.validationDataset.update({ where: { id: dataset.id }, data: { status: "REJECTED" } });
    const patched = await fetch(new URL(created.headers.get("location")!, f.api.url), {
      method: "PATCH",
      headers: { "tus-resumable": "1.0.0", "upload-offset": "0", "content-type": "application/offset+octet-stream", authorization: `Bearer ${f.token.severance}` },
      body,
    });
    expect(patched.status).toBeGreaterThanOrEqual(400);
    expect(existsSync(datasetUploadFolder(f.api.uploadsDir, dataset.id))).toBe(false);
  });
});
