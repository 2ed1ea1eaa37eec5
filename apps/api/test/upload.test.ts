// A partner hospital uploads a synthetic dataset with `npx fracval upload` through GraphQL + tus only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApiKey } from "@fracval/core";
import { createTestDatabase, waitFor, type TestDatabase } from "@fracval/testing";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { uploadDataset } from "../src/cli/upload.js";
import { UsageError } from "../src/cli/usage-error.js";
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
  key = (
    await createApiKey(t.db, null, {
      siteId: severance.id,
      name: "upload test",
      scopes: ["DATASETS_READ", "DATASETS_WRITE"],
    })
  ).key;
  studyId = (await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } })).id;
  const profile = findProfile("Severance");
  writeDataset({ profile, n: 6, seed: 44, out: folder, modality: "xray", writeImages: xrayWriter(profile, 44) });
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

/** A TCP relay to the API that a test can take down (connections refused) and bring back on the same port. */
/**
 * A TCP relay to the API that can go down and come back, and can lose the answer to one request: with
 * `loseAnswerTo`, the first request whose bytes contain that text reaches the API, but the connection is
 * reset before its answer gets back (the network dropping at the worst moment).
 */
async function relayTo(target: string, options: { loseAnswerTo?: string } = {}) {
  const { createServer, connect } = await import("node:net");
  const upstream = new URL(target);
  const sockets = new Set<import("node:net").Socket>();
  let server = createServer();
  let port = 0;
  let lost = false;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const up = connect(Number(upstream.port), upstream.hostname);
        for (const s of [client, up]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        let losing = false;
        client.on("data", (chunk: Buffer) => {
          if (options.loseAnswerTo && !lost && chunk.toString("latin1").includes(options.loseAnswerTo))
            losing = lost = true;
          up.write(chunk);
        });
        up.on("data", (chunk: Buffer) => {
          if (losing) {
            client.resetAndDestroy();
            up.destroy();
          } else client.write(chunk);
        });
        client.on("end", () => up.end());
        up.on("end", () => client.end());
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  await open();
  return {
    url: () => `http://127.0.0.1:${port}`,
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    up: open,
  };
}

describe("fracval upload", () => {
  it("uploads manifest and images over tus, waits for validation and prints READY with counts", async () => {
    const r = await fracval(["upload", "--api", api.url, "--key", key, "--study", studyId, folder]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/8 file\(s\) uploaded/); // manifest.csv, dataset.json, 6 radiographs
    expect(r.stderr).toMatch(/READY: 6 patients/);
    const out = JSON.parse(r.stdout.trim());
    expect(out).toMatchObject({ status: "READY", patients: 6, images: 6 });
    const dataset = await t.db.validationDataset.findUniqueOrThrow({
      where: { id: out.datasetId },
      include: { site: true },
    });
    expect(dataset.site.code).toBe("Severance");
    expect(await t.db.patient.count({ where: { datasetId: dataset.id } })).toBe(6);
  }, 60_000);

  it("survives the API going away mid-wait: retries with back-off and finishes when it is back", async () => {
    const relay = await relayTo(api.url);
    const child = spawn(
      process.execPath,
      [bin, "upload", "--api", relay.url(), "--key", key, "--study", studyId, folder],
      { env: process.env },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await waitFor(async () => stderr.includes("validating…"), 30_000);
    await relay.down(); // the API restarts (or the network drops) while the CLI waits for validation
    await new Promise((r) => setTimeout(r, 4_000));
    await relay.up();
    expect(await exited, stderr).toBe(0);
    expect(stderr).toMatch(/the API did not answer \(.*\); retrying in \d+ s/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(JSON.parse(stdout.trim())).toMatchObject({ status: "READY", patients: 6 });
  }, 90_000);

  it("finishes the upload when the answer to its FinishUpload is lost: it asks whether it arrived, not gives up", async () => {
    const relay = await relayTo(api.url, { loseAnswerTo: "finishValidationDatasetUpload" });
    const lines: string[] = [];
    try {
      const code = await uploadDataset(folder, { api: relay.url(), key, study: studyId }, (l) => lines.push(l));
      expect(code, lines.join("")).toBe(0);
    } finally {
      await relay.down();
    }
    const log = lines.join("");
    expect(log).toMatch(/READY: 6 patients/);
    expect(log).toMatch(/no answer to finishing the upload \(.*\); it had arrived: validating/);
    const id = /Dataset (\w+) \(Severance\) created/.exec(log)![1]!;
    // Finished once: one ingestion, one audit record.
    expect(await t.db.auditEvent.count({ where: { action: "dataset.ingest", resource: id } })).toBe(1);
  }, 60_000);

  it("refuses a folder with a symbolic-link loop before creating anything, naming the link", async () => {
    const looped = mkdtempSync(join(tmpdir(), "fracval-loop-"));
    cpSync(folder, looped, { recursive: true });
    symlinkSync("..", join(looped, "images", "loop"));
    const before = await t.db.validationDataset.count();
    const r = await fracval(["upload", "--api", api.url, "--key", key, "--study", studyId, looped]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /fracval: DIR: images\/loop is a symbolic link back into a folder already read \(a loop\)/,
    );
    expect(r.stderr).not.toMatch(/^\s*}\s*$/m);
    expect(await t.db.validationDataset.count()).toBe(before); // nothing opened, nothing left UPLOADING
  }, 30_000);

  it("cancels the dataset it opened when the upload fails for good, and says so", async () => {
    const broken = mkdtempSync(join(tmpdir(), "fracval-broken-"));
    cpSync(folder, broken, { recursive: true });
    const image = join(broken, "images", readdirSync(join(broken, "images")).sort()[2]!);
    let id = "";
    // A file vanishes between the folder being read and its upload (a disk unmounted, a sync tool).
    const log = (line: string) => {
      const opened = /Dataset (\w+) \(Severance\) created/.exec(line);
      if (opened) {
        id = opened[1]!;
        rmSync(image);
      }
    };
    const error = await uploadDataset(broken, { api: api.url, key, study: studyId }, log).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(new RegExp(`Dataset ${id} was cancelled; nothing was stored`));
    const dataset = await t.db.validationDataset.findUniqueOrThrow({ where: { id } });
    expect(dataset.status).toBe("REJECTED");
    expect(JSON.stringify(dataset.validationReport)).toMatch(/cancelled before it was finished/);
    expect(existsSync(join(api.uploadsDir, "datasets", id))).toBe(false); // the files it had sent are gone
    expect(await t.db.auditEvent.count({ where: { action: "dataset.cancel", resource: id } })).toBe(1);
  }, 60_000);

  it("refuses to open a dataset for another site with this key", async () => {
    const boramae = await t.db.site.findFirstOrThrow({ where: { code: "Boramae" } });
    const res = await api.gql(
      'mutation($s: ID!, $st: ID!) { createValidationDataset(input: { studyId: $st, siteId: $s, name: "x" }) { id } }',
      { s: boramae.id, st: studyId },
      key,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses an upload larger than the size limit before reading it (413)", async () => {
    const express = (await import("express")).default;
    const { createUploadRouter } = await import("../src/uploads.js");
    const app = express().use(
      "/uploads",
      createUploadRouter({
        db: t.db,
        authSecret: "unused-secret-0123456789abcdefghijklmnop",
        uploadsDir: mkdtempSync(join(tmpdir(), "fracval-small-")),
        maxFileBytes: 1000,
      }),
    );
    const server = app.listen(0);
    const port = (server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/uploads/`, {
      method: "POST",
      headers: {
        "Tus-Resumable": "1.0.0",
        "Upload-Length": String(50 * 1024 ** 3),
        "Upload-Metadata": "datasetId eA==",
        authorization: `Bearer ${key}`,
      },
    });
    expect(res.status).toBe(413);
    server.close();
  });

  it("refuses a tus upload without credentials, and one with a wrong sha256", async () => {
    const dataset = await api.gql<{ createValidationDataset: { id: string } }>(
      'mutation($s: ID!, $st: ID!) { createValidationDataset(input: { studyId: $st, siteId: $s, name: "y" }) { id } }',
      { s: (await t.db.site.findFirstOrThrow({ where: { code: "Severance" } })).id, st: studyId },
      key,
    );
    const id = dataset.data!.createValidationDataset.id;
    const meta = (sha: string) =>
      [
        `datasetId ${Buffer.from(id).toString("base64")}`,
        `relativePath ${Buffer.from("manifest.csv").toString("base64")}`,
        `sha256 ${Buffer.from(sha).toString("base64")}`,
      ].join(",");
    const create = (auth: string | null, sha = "0".repeat(64)) =>
      fetch(`${api.url}/uploads/`, {
        method: "POST",
        headers: {
          "Tus-Resumable": "1.0.0",
          "Upload-Length": "5",
          "Upload-Metadata": meta(sha),
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        },
      });
    expect((await create(null)).status).toBe(401);
    const created = await create(key);
    expect(created.status).toBe(201);
    const patch = await fetch(new URL(created.headers.get("location")!, api.url), {
      method: "PATCH",
      headers: {
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
        authorization: `Bearer ${key}`,
      },
      body: "hello",
    });
    expect(patch.status).toBe(422);
    expect(await patch.text()).toMatch(/sha256 mismatch/);
  });
});
