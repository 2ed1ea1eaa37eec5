// Every error, on every route, goes through the one error map: a 4xx with a code for bad input, a 500
// with a reference otherwise — never an HTML page, a stack, a server path or a library's message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
beforeAll(async () => {
  f = await securityFixture();
}, 60_000);
afterAll(async () => f?.stop());

const LEAKS = /<html|<pre|node_modules|\/work\/|\/tmp\/|at [A-Za-z.]+ \(|EEXIST|ENOENT|URI malformed|prisma|Invalid `/i;

async function expectClean(res: Response, status: number | ((s: number) => boolean)) {
  const body = await res.text();
  if (typeof status === "number") expect(res.status, body).toBe(status);
  else expect(status(res.status), `${res.status} ${body}`).toBe(true);
  expect(body).not.toMatch(LEAKS);
  return body;
}

describe("the one error map", () => {
  it("malformed JSON to /graphql: 400 with a code, as JSON", async () => {
    const res = await fetch(`${f.api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ ping }",',
    });
    const body = await expectClean(res, 400);
    expect(JSON.parse(body)).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("a junk session cookie is no credential and no 500", async () => {
    for (const cookie of ["authjs.session-token=%E0%A4%A", "authjs.session-token=not-a-jwe"]) {
      const res = await fetch(`${f.api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ query: "{ me { role } }" }),
      });
      const body = await expectClean(res, (s) => s < 500);
      expect(JSON.parse(body).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
  });

  it.each(["%00", "..%2F..%2Fetc%2Fpasswd", "%E0%A4%A", "x'%20OR%201=1"])(
    "export path id %s: a clean 4xx",
    async (id) => {
      const res = await fetch(`${f.api.url}/exports/runs/${id}/predictions.csv`, {
        headers: { authorization: `Bearer ${f.token.severance}` },
      });
      await expectClean(res, (s) => s >= 400 && s < 500);
    },
  );

  it("an unknown route answers a JSON 404", async () => {
    const res = await fetch(`${f.api.url}/wp-admin/setup.php`);
    expect(JSON.parse(await expectClean(res, 404))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("tus: a traversal-shaped dataset id and an unknown upload get clean 4xx answers", async () => {
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const metadata = `datasetId ${b64("../../etc")},relativePath ${b64("manifest.csv")},sha256 ${b64("0".repeat(64))}`;
    const created = await fetch(`${f.api.url}/uploads/`, {
      method: "POST",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-length": "10",
        "upload-metadata": metadata,
        authorization: `Bearer ${f.token.severance}`,
      },
    });
    await expectClean(created, (s) => s >= 400 && s < 500);
    const patch = await fetch(`${f.api.url}/uploads/${encodeURIComponent("%E0%A4%A")}`, {
      method: "PATCH",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-offset": "0",
        "content-type": "application/offset+octet-stream",
        authorization: `Bearer ${f.token.severance}`,
      },
      body: "x",
    });
    await expectClean(patch, (s) => s >= 400 && s < 500);
  });
});
