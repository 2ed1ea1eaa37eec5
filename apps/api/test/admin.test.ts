// The ADMIN's daily work through the API: users (list, create with a one-time password, deactivate — sessions
// and keys end at once), onboarding a partner hospital (site, lead, first key in one step; bad input leaves
// nothing behind), and an audit trail that can be filtered and read by name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, sessionTokenFor, type TestDatabase } from "@fracval/testing";
import { startTestApi, type TestApi } from "./support/api.js";

let t: TestDatabase;
let api: TestApi;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  api = await startTestApi(t.db);
  for (const u of await t.db.user.findMany()) tokens[u.email] = await sessionTokenFor(u);
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const admin = () => tokens["admin@fracval.demo"]!;

describe("users", () => {
  it("an ADMIN lists every user with memberships and leads; nobody else may", async () => {
    const res = await api.gql<{
      users: { email: string; role: string; sites: { site: { code: string }; lead: boolean }[] }[];
    }>("{ users { email role sites { site { code } patientData lead } } }", {}, admin());
    const boramae = res.data!.users.find((u) => u.email === "investigator.boramae@fracval.demo")!;
    expect(boramae).toMatchObject({ role: "INVESTIGATOR", sites: [{ site: { code: "Boramae" }, lead: true }] });
    const refused = await api.gql("{ users { email } }", {}, tokens["pi@fracval.demo"]);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("creates an account whose one-time password signs in; a second with the same e-mail is a CONFLICT", async () => {
    const created = await api.gql<{ createUser: { user: { id: string; role: string }; initialPassword: string } }>(
      `mutation { createUser(input: { email: "New.Investigator@Hospital.example", name: "Nia New", role: INVESTIGATOR }) {
        user { id role } initialPassword } }`,
      {},
      admin(),
    );
    expect(created.errors).toBeUndefined();
    const { initialPassword } = created.data!.createUser;
    expect(initialPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const signIn = await api.gql<{ verifyCredentials: { email: string } }>(
      "mutation($e: String!, $p: String!) { verifyCredentials(email: $e, password: $p) { email } }",
      { e: "new.investigator@hospital.example", p: initialPassword },
    );
    expect(signIn.data!.verifyCredentials.email).toBe("new.investigator@hospital.example");
    const again = await api.gql(
      `mutation { createUser(input: { email: "new.investigator@hospital.example", name: "Nia", role: PI }) { initialPassword } }`,
      {},
      admin(),
    );
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "user.create", resource: created.data!.createUser.user.id },
    });
    expect(JSON.stringify(audit)).not.toContain(initialPassword); // never stored in clear
  });

  it("deactivating ends the user's sessions and their keys at once, with the reason audited", async () => {
    const pi = await t.db.user.findUniqueOrThrow({ where: { email: "pi@fracval.demo" } });
    const bundang = await t.db.site.findUniqueOrThrow({ where: { code: "Bundang" } });
    const key = await api.gql<{ createApiKey: { key: string } }>(
      `mutation($s: ID!) { createApiKey(input: { siteId: $s, name: "pi key", scopes: [METRICS_READ] }) { key } }`,
      { s: bundang.id },
      tokens["pi@fracval.demo"],
    );
    const secret = key.data!.createApiKey.key;
    expect((await api.gql("{ me { kind } }", {}, secret)).data).toEqual({ me: { kind: "API_KEY" } });
    const noReason = await api.gql(
      `mutation($u: ID!) { deactivateUser(id: $u, reason: "") { id } }`,
      { u: pi.id },
      admin(),
    );
    expect(noReason.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const done = await api.gql<{ deactivateUser: { disabledAt: string | null } }>(
      `mutation($u: ID!) { deactivateUser(id: $u, reason: "left the network") { disabledAt } }`,
      { u: pi.id },
      admin(),
    );
    expect(done.data!.deactivateUser.disabledAt).not.toBeNull();
    expect((await api.gql("{ me { role } }", {}, tokens["pi@fracval.demo"])).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await api.gql("{ me { kind } }", {}, secret)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.deactivate", resource: pi.id } });
    expect(event.details).toMatchObject({ reason: "left the network", keysRevoked: 1 });
    const self = await api.gql(
      `mutation($u: ID!) { deactivateUser(id: $u, reason: "testing") { id } }`,
      { u: (await t.db.user.findUniqueOrThrow({ where: { email: "admin@fracval.demo" } })).id },
      admin(),
    );
    expect(self.errors?.[0]?.message).toMatch(/your own account/);
  });
});

describe("grants with an expiry, and role changes", () => {
  it("a time-limited patient-level grant works until it ends, then is gone from the user's access", async () => {
    const investigator = await t.db.user.findUniqueOrThrow({ where: { email: "investigator.bundang@fracval.demo" } });
    const boramae = await t.db.site.findUniqueOrThrow({ where: { code: "Boramae" } });
    const grant = `mutation($u: ID!, $s: ID!, $e: DateTime) { grantSiteAccess(input: { userId: $u, siteId: $s,
      patientData: true, reason: "two-week data audit", expiresAt: $e }) { expiresAt } }`;
    const past = await api.gql(grant, { u: investigator.id, s: boramae.id, e: "2020-01-01T00:00:00Z" }, admin());
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "expiresAt" });
    const until = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const ok = await api.gql<{ grantSiteAccess: { expiresAt: string } }>(
      grant,
      { u: investigator.id, s: boramae.id, e: until },
      admin(),
    );
    expect(ok.data!.grantSiteAccess.expiresAt).toBe(until);
    const token = await sessionTokenFor(investigator);
    const sites = async () =>
      (await api.gql<{ me: { sites: { site: { code: string } }[] } }>("{ me { sites { site { code } } } }", {}, token))
        .data!.me.sites.map((s) => s.site.code)
        .sort();
    expect(await sites()).toEqual(["Boramae", "Bundang"]);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "siteaccess.grant", resource: investigator.id },
    });
    expect(event.details).toMatchObject({ expiresAt: until, reason: "two-week data audit" });
    // The day after it ends.
    await t.db.siteAccess.update({
      where: { userId_siteId: { userId: investigator.id, siteId: boramae.id } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await sites()).toEqual(["Bundang"]);
    const dataset = await t.db.validationDataset.findFirstOrThrow({ where: { siteId: boramae.id } });
    const patients = await api.gql("query($d: ID!) { patients(datasetId: $d) { id } }", { d: dataset.id }, token);
    expect(patients.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it("a role change ends the user's sessions and is audited with its reason", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "investigator.severance@fracval.demo" } });
    const token = await sessionTokenFor(user);
    const set = `mutation($u: ID!, $r: String!) { setUserRole(id: $u, role: PI, reason: $r) { role } }`;
    const noReason = await api.gql(set, { u: user.id, r: "" }, admin());
    expect(noReason.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const res = await api.gql<{ setUserRole: { role: string } }>(
      set,
      { u: user.id, r: "became the site's PI" },
      admin(),
    );
    expect(res.data!.setUserRole.role).toBe("PI");
    expect((await api.gql("{ me { role } }", {}, token)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const fresh = await sessionTokenFor({ ...user, role: "PI" });
    expect((await api.gql<{ me: { role: string } }>("{ me { role } }", {}, fresh)).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED", // a token still names the old session version until the user signs in again
    );
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.role", resource: user.id } });
    expect(event.details).toMatchObject({ from: "INVESTIGATOR", to: "PI", reason: "became the site's PI" });
  });
});

describe("passwords", () => {
  const signIn = (email: string, password: string) =>
    api.gql<{ verifyCredentials: { email: string } }>(
      "mutation($e: String!, $p: String!) { verifyCredentials(email: $e, password: $p) { email } }",
      { e: email, p: password },
    );
  const change = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;

  it("a person replaces their one-time password: wrong or weak input names the field; then every session ends", async () => {
    const created = await api.gql<{ createUser: { user: { id: string }; initialPassword: string } }>(
      `mutation { createUser(input: { email: "olga.onetime@hospital.example", name: "Olga Onetime", role: PI }) {
        user { id } initialPassword } }`,
      {},
      admin(),
    );
    const { initialPassword, user } = created.data!.createUser;
    const token = await sessionTokenFor(await t.db.user.findUniqueOrThrow({ where: { id: user.id } }));
    const wrong = await api.gql(change, { c: "not-the-password", n: "a long enough new one 42" }, token);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "currentPassword" });
    for (const [weak, why] of [
      ["short-1", /has 7 characters; at least 12 are needed/],
      ["aaaaaaaaaaaaaaaa", /fewer than 5 different characters/],
      ["Olga.Onetime!2026", /contains "olga\.onetime"/],
      [initialPassword, /is the current one/],
    ] as const) {
      const refused = await api.gql(change, { c: initialPassword, n: weak }, token);
      expect([weak, refused.errors?.[0]?.extensions?.field, refused.errors?.[0]?.message]).toEqual([
        weak,
        "newPassword",
        expect.stringMatching(why),
      ]);
    }
    expect((await api.gql("{ me { role } }", {}, token)).data).toEqual({ me: { role: "PI" } }); // nothing changed yet
    const done = await api.gql(change, { c: initialPassword, n: "correct horse battery staple" }, token);
    expect(done).toMatchObject({ data: { changePassword: true } });
    expect(done.errors).toBeUndefined();
    expect((await api.gql("{ me { role } }", {}, token)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await signIn("olga.onetime@hospital.example", initialPassword)).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await signIn("olga.onetime@hospital.example", "correct horse battery staple")).data).toEqual({
      verifyCredentials: { email: "olga.onetime@hospital.example" },
    });
    const events = await t.db.auditEvent.findMany({
      where: { action: { startsWith: "auth.password.change" }, actorUserId: user.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["auth.password.change.failure", "auth.password.change"]);
    expect(JSON.stringify(events)).not.toMatch(/correct horse|not-the-password/);
  });

  it("an API key has no password to change", async () => {
    const bundang = await t.db.site.findUniqueOrThrow({ where: { code: "Bundang" } });
    const key = await api.gql<{ createApiKey: { key: string } }>(
      `mutation($s: ID!) { createApiKey(input: { siteId: $s, name: "password probe", scopes: [METRICS_READ] }) { key } }`,
      { s: bundang.id },
      admin(),
    );
    const res = await api.gql(change, { c: "x", n: "correct horse battery staple" }, key.data!.createApiKey.key);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("an ADMIN resets a password: a new one-time password, the old one and every session end, the reason audited", async () => {
    const created = await api.gql<{ createUser: { user: { id: string }; initialPassword: string } }>(
      `mutation { createUser(input: { email: "fred.forgot@hospital.example", name: "Fred Forgot", role: INVESTIGATOR }) {
        user { id } initialPassword } }`,
      {},
      admin(),
    );
    const { initialPassword, user } = created.data!.createUser;
    const token = await sessionTokenFor(await t.db.user.findUniqueOrThrow({ where: { id: user.id } }));
    // Fred guessed until the account locked; the reset must let him in at once, not after the lock runs out.
    for (let k = 0; k < 5; k++) await signIn("fred.forgot@hospital.example", `guess-${k}`);
    expect((await signIn("fred.forgot@hospital.example", initialPassword)).errors?.[0]?.extensions?.code).toBe(
      "RATE_LIMITED",
    );
    const reset = `mutation($u: ID!, $r: String!) { resetUserPassword(id: $u, reason: $r) { user { email } initialPassword } }`;
    const byLead = await api.gql(reset, { u: user.id, r: "forgot it" }, tokens["investigator.boramae@fracval.demo"]);
    expect(byLead.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await api.gql(reset, { u: user.id, r: "" }, admin())).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const adminUser = await t.db.user.findUniqueOrThrow({ where: { email: "admin@fracval.demo" } });
    expect((await api.gql(reset, { u: adminUser.id, r: "testing" }, admin())).errors?.[0]?.message).toMatch(
      /your own password/,
    );
    const res = await api.gql<{ resetUserPassword: { user: { email: string }; initialPassword: string } }>(
      reset,
      { u: user.id, r: "forgot it (ticket 4711)" },
      admin(),
    );
    const fresh = res.data!.resetUserPassword.initialPassword;
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(fresh).not.toBe(initialPassword);
    expect((await api.gql("{ me { role } }", {}, token)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await signIn("fred.forgot@hospital.example", initialPassword)).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await signIn("fred.forgot@hospital.example", fresh)).data).toEqual({
      verifyCredentials: { email: "fred.forgot@hospital.example" },
    });
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "user.password.reset", resource: user.id },
    });
    expect(event.details).toEqual({ reason: "forgot it (ticket 4711)" });
    expect(JSON.stringify(event)).not.toContain(fresh);
  });
});

describe("onboarding a partner hospital", () => {
  const onboard = `mutation($i: OnboardSiteInput!) { onboardSite(input: $i) {
    site { id code name country } lead { email role sites { site { code } patientData lead } }
    leadInitialPassword apiKey { key apiKey { prefix scopes owner { email } } } } }`;
  const input = {
    code: "Gangnam",
    name: "Gangnam Partner Hospital",
    institution: "Example Medical Foundation",
    country: "KR",
    lead: { email: "lead@gangnam.example", name: "Gil Gangnam" },
    apiKey: {
      name: "Gangnam PACS bridge",
      scopes: ["DATASETS_READ", "DATASETS_WRITE", "RUNS_READ", "RUNS_WRITE", "METRICS_READ"],
    },
  };

  it("bad input names the field and leaves nothing behind", async () => {
    const sites = await t.db.site.count();
    const users = await t.db.user.count();
    const bad = await api.gql(onboard, { i: { ...input, code: "no spaces allowed" } }, admin());
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
    const badCountry = await api.gql(onboard, { i: { ...input, country: "Korea" } }, admin());
    expect(badCountry.errors?.[0]?.message).toMatch(/country/);
    expect([await t.db.site.count(), await t.db.user.count()]).toEqual([sites, users]);
  });

  it("creates the site, its lead (PI, patient-level access, lead) and a working key owned by the lead", async () => {
    const res = await api.gql<{
      onboardSite: {
        site: { id: string; code: string };
        lead: unknown;
        leadInitialPassword: string;
        apiKey: { key: string; apiKey: unknown };
      };
    }>(onboard, { i: input }, admin());
    expect(res.errors).toBeUndefined();
    const done = res.data!.onboardSite;
    expect(done.site).toMatchObject({
      code: "Gangnam",
      name: "Gangnam Partner Hospital (Example Medical Foundation)",
      country: "KR",
    });
    expect(done.lead).toEqual({
      email: "lead@gangnam.example",
      role: "PI",
      sites: [{ site: { code: "Gangnam" }, patientData: true, lead: true }],
    });
    expect(done.apiKey.apiKey).toMatchObject({ owner: { email: "lead@gangnam.example" } });
    // The new site is everywhere a site is, and its key acts for it with the scopes given.
    const me = await api.gql<{ me: { apiKeyScopes: string[]; sites: { site: { code: string } }[] } }>(
      "{ me { apiKeyScopes sites { site { code } } } }",
      {},
      done.apiKey.key,
    );
    expect(me.data!.me.sites.map((s) => s.site.code)).toEqual(["Gangnam"]);
    expect(me.data!.me.apiKeyScopes.sort()).toEqual([...input.apiKey.scopes].sort());
    const sites = await api.gql<{ sites: { code: string }[] }>(
      "{ sites { code } }",
      {},
      tokens["investigator.boramae@fracval.demo"],
    );
    expect(sites.data!.sites.map((s) => s.code)).toContain("Gangnam");
    const twice = await api.gql(
      onboard,
      { i: { ...input, lead: { email: "other@gangnam.example", name: "Oh Other" } } },
      admin(),
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });
});

describe("the audit trail", () => {
  it("filters by action family, user and patient scope, and names who acted and where", async () => {
    const adminUser = await t.db.user.findUniqueOrThrow({ where: { email: "admin@fracval.demo" } });
    const res = await api.gql<{
      auditEvents: {
        action: string;
        actor: { name: string } | null;
        site: { code: string } | null;
        patientCount: number;
      }[];
    }>(
      `query($u: ID!) { auditEvents(action: "user.", userId: $u) { action actor { name } site { code } patientCount } }`,
      { u: adminUser.id },
      admin(),
    );
    const actions = res.data!.auditEvents.map((e) => e.action);
    expect(new Set(actions)).toEqual(new Set(["user.create", "user.deactivate", "user.role", "user.password.reset"]));
    expect(res.data!.auditEvents.every((e) => e.actor?.name === "Ada Admin")).toBe(true);
    const onboarded = await api.gql<{ auditEvents: { site: { code: string } }[] }>(
      `{ auditEvents(action: "site.onboard") { site { code } } }`,
      {},
      admin(),
    );
    expect(onboarded.data!.auditEvents).toEqual([{ site: { code: "Gangnam" } }]);
    const patientScoped = await api.gql<{ auditEvents: { patientCount: number }[] }>(
      "{ auditEvents(patientScope: true) { patientCount } }",
      {},
      admin(),
    );
    expect(patientScoped.data!.auditEvents.every((e) => e.patientCount > 0)).toBe(true);
  });

  it("exports the filtered trail as CSV with names (ADMIN only), and audits the export", async () => {
    const get = (token: string) =>
      fetch(`${api.url}/exports/audit.csv?action=user.`, { headers: { authorization: `Bearer ${token}` } });
    const res = await get(admin());
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toBe("time,action,actor,actorEmail,apiKey,site,resource,patients,details");
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(
      expect.arrayContaining(["user.create", "user.deactivate"]),
    );
    expect(lines.slice(1).every((l) => l.split(",")[2] === "Ada Admin")).toBe(true);
    expect(await t.db.auditEvent.count({ where: { action: "audit.export" } })).toBe(1);
    expect((await get(tokens["investigator.boramae@fracval.demo"]!)).status).toBe(403);
    const badDate = await fetch(`${api.url}/exports/audit.csv?from=yesterday`, {
      headers: { authorization: `Bearer ${admin()}` },
    });
    expect(badDate.status).toBe(400);
  });
});

describe("the model registry", () => {
  it("a deprecated version is kept with its reason and refused for new runs; only an ADMIN deprecates", async () => {
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "ct-bone-muscle" } });
    const model = await t.db.modelVersion.create({
      data: {
        family: "registry-test",
        version: "1.0.0",
        studyId: study.id,
        kind: "CLINICAL_BASELINE",
        modality: study.modality,
        task: "SCORE",
        outputSemantics: "score",
        artifactSha256: "0".repeat(64),
        artifactStorageKey: "none",
        manifest: {},
        status: "PUBLISHED",
      },
    });
    const deprecate = `mutation($id: ID!, $r: String!) { deprecateModelVersion(id: $id, reason: $r) {
      status deprecatedAt deprecationReason } }`;
    const refused = await api.gql(
      deprecate,
      { id: model.id, r: "superseded" },
      tokens["investigator.boramae@fracval.demo"],
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const done = await api.gql<{ deprecateModelVersion: { status: string; deprecationReason: string } }>(
      deprecate,
      { id: model.id, r: "superseded by 1.1.0" },
      admin(),
    );
    expect(done.data!.deprecateModelVersion).toMatchObject({
      status: "PUBLISHED",
      deprecationReason: "superseded by 1.1.0",
    });
    const dataset = await t.db.validationDataset.findFirstOrThrow({
      where: { studyId: study.id, site: { code: "Boramae" } },
    });
    const run = await api.gql(
      `mutation($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }`,
      { m: model.id, d: dataset.id },
      tokens["investigator.boramae@fracval.demo"],
    );
    expect(run.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(run.errors?.[0]?.message).toMatch(/deprecated \(superseded by 1.1.0\)/);
  });
});
