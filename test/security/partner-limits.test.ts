// A partner cannot flood the platform: each API key has a request rate (429 with Retry-After), and a
// site's keys have daily quotas of datasets and runs (RATE_LIMITED with retryAfter).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, DAILY_QUOTAS } from "@fracval/core";
import { createTestDatabase, sessionTokenFor, type TestDatabase } from "@fracval/testing";
import { startTestApi, type TestApi } from "../../apps/api/test/support/api.js";

let t: TestDatabase;
let api: TestApi;
const PER_MINUTE = 5;
beforeAll(async () => {
  t = await createTestDatabase();
  api = await startTestApi(t.db, { keyRequestsPerMinute: PER_MINUTE, uploadLimits: { files: 2, bytes: 1000 } });
}, 60_000);
afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const gqlWith = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });

describe("per-key request rate", () => {
  it(`answers 429 with Retry-After after ${PER_MINUTE} requests a minute, for that key only`, async () => {
    const site = await t.db.site.findUniqueOrThrow({ where: { code: "Boramae" } });
    const a = (await createApiKey(t.db, null, { siteId: site.id, name: "a", scopes: ["METRICS_READ"] })).key;
    const b = (await createApiKey(t.db, null, { siteId: site.id, name: "b", scopes: ["METRICS_READ"] })).key;
    for (let k = 0; k < PER_MINUTE; k++) expect((await gqlWith(a, "{ ping }")).status).toBe(200);
    const limited = await gqlWith(a, "{ ping }");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: "RATE_LIMITED" });
    expect((await gqlWith(b, "{ ping }")).status).toBe(200); // another key
    const admin = await sessionTokenFor(await t.db.user.findUniqueOrThrow({ where: { email: "admin@fracval.demo" } }));
    for (let k = 0; k < PER_MINUTE + 2; k++) expect((await gqlWith(admin, "{ ping }")).status).toBe(200); // users are not key-limited
  });
});

describe("daily quotas per site", () => {
  it(`refuse the dataset after ${DAILY_QUOTAS.datasets} a day by the site's keys, and create nothing`, async () => {
    const site = await t.db.site.findUniqueOrThrow({ where: { code: "Severance" } });
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
    const created = await createApiKey(t.db, null, {
      siteId: site.id,
      name: "busy",
      scopes: ["DATASETS_WRITE", "DATASETS_READ"],
    });
    const principal = created.apiKey.principalId;
    await t.db.validationDataset.createMany({
      data: Array.from({ length: DAILY_QUOTAS.datasets }, (_, k) => ({
        name: `d${k}`,
        siteId: site.id,
        studyId: study.id,
        uploadedById: principal,
        providedScoreNames: [],
      })),
    });
    const before = await t.db.validationDataset.count();
    const res = await gqlWith(
      created.key,
      'mutation($s: ID!, $st: ID!) { createValidationDataset(input: { studyId: $st, siteId: $s, name: "one more" }) { id } }',
      { s: site.id, st: study.id },
    );
    const body = (await res.json()) as { errors?: { extensions: { code: string; retryAfter: number } }[] };
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    expect(body.errors![0]!.extensions.retryAfter).toBeGreaterThan(23 * 3600);
    expect(await t.db.validationDataset.count()).toBe(before);
  });
});

describe("upload limits per dataset", () => {
  it("refuse the file beyond the dataset's file count or byte budget with 413, naming the limit", async () => {
    const site = await t.db.site.findUniqueOrThrow({ where: { code: "Boramae" } });
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "ct-bone-muscle" } });
    const key = (
      await createApiKey(t.db, null, { siteId: site.id, name: "uploader", scopes: ["DATASETS_WRITE", "DATASETS_READ"] })
    ).key;
    const dataset = await t.db.validationDataset.create({
      data: { name: "limits", siteId: site.id, studyId: study.id, providedScoreNames: [] },
    });
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const announce = (path: string, length: number) =>
      fetch(`${api.url}/uploads/`, {
        method: "POST",
        headers: {
          "tus-resumable": "1.0.0",
          "upload-length": String(length),
          authorization: `Bearer ${key}`,
          "upload-metadata": `datasetId ${b64(dataset.id)},relativePath ${b64(path)},sha256 ${b64("0".repeat(64))}`,
        },
      });
    const tooBig = await announce("images/big.dcm", 1001);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toMatch(/upload limit \(2 files, .* GB\)/);
    expect((await announce("manifest.csv", 100)).status).toBe(201);
    expect((await announce("images/a.dcm", 100)).status).toBe(201);
    expect((await announce("images/b.dcm", 100)).status).toBe(413);
    expect((await t.db.validationDataset.findUniqueOrThrow({ where: { id: dataset.id } })).uploadedFiles).toBe(2);
  });
});
