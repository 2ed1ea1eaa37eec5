// An API key is owned by its creator: it never carries more than the creator holds for its site at the
// moment of use (checked at creation and on every request), and it dies with the creator's access.
// Real HTTP against the real API on real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
beforeAll(async () => {
  f = await securityFixture();
}, 60_000);
afterAll(async () => f?.stop());

const createKey = `mutation($s: ID!, $scopes: [ApiScope!]!) { createApiKey(input: { siteId: $s, name: "k", scopes: $scopes }) { key apiKey { id } } }`;
const patientsOf = "query($d: ID!) { patients(datasetId: $d, first: 2) { pseudonym } }";
const metricsOf = "query($d: ID!) { metricResults(datasetId: $d) { estimate } }";

describe("a key can never carry more than its creator holds", () => {
  it("an ADMIN without a patient-level grant cannot make a key that reads patients (nothing is created)", async () => {
    const before = await f.t.db.apiKey.count();
    const res = await f.api.gql(
      createKey,
      { s: await f.siteId("Boramae"), scopes: ["PATIENTS_READ", "METRICS_READ"] },
      f.token.admin,
    );
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: "FORBIDDEN" },
      message: expect.stringMatching(/PATIENTS_READ/),
    });
    expect(await f.t.db.apiKey.count()).toBe(before);
    // Aggregate scopes the ADMIN does hold are fine.
    const ok = await f.api.gql<{ createApiKey: { key: string } }>(
      createKey,
      { s: await f.siteId("Boramae"), scopes: ["METRICS_READ"] },
      f.token.admin,
    );
    expect(ok.data?.createApiKey.key).toMatch(/^fv_/);
  });

  it("a PI's patient-reading key stops reading patients the moment the PI's grant is revoked, and dies when nothing is left", async () => {
    const bundang = await f.datasetOf("Bundang");
    const made = await f.api.gql<{ createApiKey: { key: string } }>(
      createKey,
      { s: await f.siteId("Bundang"), scopes: ["PATIENTS_READ"] },
      f.token.pi,
    );
    const key = made.data!.createApiKey.key;
    const mixed = (
      await f.api.gql<{ createApiKey: { key: string } }>(
        createKey,
        { s: await f.siteId("Bundang"), scopes: ["PATIENTS_READ", "METRICS_READ"] },
        f.token.pi,
      )
    ).data!.createApiKey.key;
    expect((await f.api.gql(patientsOf, { d: bundang.id }, key)).errors).toBeUndefined();
    const pi = await f.t.db.user.findUniqueOrThrow({ where: { email: "pi@fracval.demo" } });
    const revoke = await f.api.gql(
      "mutation($u: ID!, $s: ID!) { revokeSiteAccess(userId: $u, siteId: $s) }",
      { u: pi.id, s: await f.siteId("Bundang") },
      f.token.admin,
    );
    expect(revoke.data).toEqual({ revokeSiteAccess: true });
    const dead = await f.api.gql(patientsOf, { d: bundang.id }, key);
    expect(dead.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(dead.data).toBeNull();
    // The key that also had METRICS_READ keeps what the PI still holds (aggregates), and nothing more.
    expect((await f.api.gql(patientsOf, { d: bundang.id }, mixed)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await f.api.gql(metricsOf, { d: bundang.id }, mixed)).errors).toBeUndefined();
  });

  it("keys die with their creator's account", async () => {
    const made = await f.api.gql<{ createApiKey: { key: string } }>(
      createKey,
      { s: await f.siteId("Severance"), scopes: ["METRICS_READ"] },
      f.token.admin,
    );
    const key = made.data!.createApiKey.key;
    expect((await f.api.gql("{ me { role } }", {}, key)).errors).toBeUndefined();
    await f.t.db.user.update({ where: { email: "admin@fracval.demo" }, data: { disabledAt: new Date() } });
    try {
      const res = await f.api.gql("{ me { role } }", {}, key);
      expect(res.errors?.[0]).toMatchObject({
        extensions: { code: "UNAUTHENTICATED" },
        message: expect.stringMatching(/creator/),
      });
    } finally {
      await f.t.db.user.update({ where: { email: "admin@fracval.demo" }, data: { disabledAt: null } });
    }
  });

  it("a PI may neither list nor revoke another site's keys (and learns nothing about them)", async () => {
    const boramaeKey = await f.t.db.apiKey.findFirstOrThrow({ where: { site: { code: "Boramae" } } });
    const list = await f.api.gql(
      "query($s: ID!) { apiKeys(siteId: $s) { prefix } }",
      { s: await f.siteId("Boramae") },
      f.token.pi,
    );
    expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const revoke = await f.api.gql(
      "mutation($id: ID!) { revokeApiKey(id: $id) { prefix } }",
      { id: boramaeKey.id },
      f.token.pi,
    );
    expect(revoke.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await f.t.db.apiKey.findUniqueOrThrow({ where: { id: boramaeKey.id } })).revokedAt).toBeNull();
  });
});
