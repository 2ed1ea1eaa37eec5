// A partner hospital uploads a synthetic dataset with `npx fracval upload` through GraphQL + tus only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApiKey } from "@fracval/core";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { startTestApi, type TestApi } from "./support/api.js";

const bin = fileURLToPath(new URL("../bin/fracval.js", import.meta.url));
let t: TestDatabase;
let api: TestApi;
let key: string;
let studyId: string;
const folder = mkdtempSync(join(tmpdir(), "fracval-partner-upload-"));

function fracval(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  api = await startTestApi(t.db, { databaseUrl: t.url });
  const severance = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
  key = (await createApiKey(t.db, null, { siteId: severance.id, name: "upload test", scopes: ["DATASETS_READ", "DATASETS_WRITE"] })).key;
  studyId = (await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } })).id;
  const profile = findProfile("Severance");
  writeDataset({ profile, n: 6, seed: 44, out: folder, modality: "xray", writeImages: xrayWriter(profile, 44) });
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

describe("fracval upload", () => {
  it("uploads manifest and images over tus, waits for validation and prints READY with counts", async () => {
    const r = await fracval(["upload", "--api", api.url, "--key", key, "--study", studyId, folder]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/8 file\(s\) uploaded/); // manifest.csv, dataset.json, 6 radiographs
    expect(r.stderr).toMatch(/READY: 6 patients/);
    const out = JSON.parse(r.stdout.trim());
    expect(out).toMatchObject({ status: "READY", patients: 6, images: 6 });
    const dataset = await t.db.validationDataset.findUniqueOrThrow({ where: { id: out.datasetId }, include: { site: true } });
    expect(dataset.site.code).toBe("Severance");
    expect(await t.db.patient.count({ where: { datasetId: dataset.id } })).toBe(6);
  }, 60_000);

  it("refuses to open a dataset for another site with this key", async () => {
    const boramae = await t.db.site.findFirstOrThrow({ where: { code: "Boramae" } });
    const res = await api.gql("mutation($s: ID!, $st: ID!) { createValidationDataset(input: { studyId: $st, siteId: $s, name: \"x\" }) { id } }", { s: boramae.id, st: studyId }, key);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses an upload larger than the size limit before reading it (413)", async () => {
    const express = (await import("express")).default;
    const { createUploadRouter } = await import("../src/uploads.js");
    const app = express().use("/uploads", createUploadRouter({ db: t.db, authSecret: "unused-secret-0123456789abcdefghijklmnop", uploadsDir: mkdtempSync(join(tmpdir(), "fracval-small-")), maxFileBytes: 1000 }));
    const server = app.listen(0);
    const port = (server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/uploads/`, { method: "POST", headers: { "Tus-Resumable": "1.0.0", "Upload-Length": String(50 * 1024 ** 3), "Upload-Metadata": "datasetId eA==", authorization: `Bearer ${key}` } });
    expect(res.status).toBe(413);
    server.close();
  });

  it("refuses a tus upload without credentials, and one with a wrong sha256", async () => {
    const dataset = await api.gql<{ createValidationDataset: { id: string } }>("mutation($s: ID!, $st: ID!) { createValidationDataset(input: { studyId: $st, siteId: $s, name: \"y\" }) { id } }", { s: (await t.db.site.findFirstOrThrow({ where: { code: "Severance" } })).id, st: studyId }, key);
    const id = dataset.data!.createValidationDataset.id;
    const meta = (sha: string) => ["datasetId " + Buffer.from(id).toString("base64"), "relativePath " + Buffer.from("manifest.csv").toString("base64"), "sha256 " + Buffer.from(sha).toString("base64")].join(",");
    const create = (auth: string | null, sha = "0".repeat(64)) =>
      fetch(`${api.url}/uploads/`, { method: "POST", headers: { "Tus-Resumable": "1.0.0", "Upload-Length": "5", "Upload-Metadata": meta(sha), ...(auth ? { authorization: `Bearer ${auth}` } : {}) } });
    expect((await create(null)).status).toBe(401);
    const created = await create(key);
    expect(created.status).toBe(201);
    const patch = await fetch(new URL(created.headers.get("location")!, api.url), { method: "PATCH", headers: { "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream", authorization: `Bearer ${key}` }, body: "hello" });
    expect(patch.status).toBe(422);
    expect(await patch.text()).toMatch(/sha256 mismatch/);
  });
});
