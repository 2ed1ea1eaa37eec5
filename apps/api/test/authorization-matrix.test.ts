// Role × site × operation over real GraphQL requests against real PostgreSQL. Every patient-level read
// is either refused with no data in the response, or allowed and audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, FileContentStore, registerModelDirectory, revokeApiKey, loadUserViewer } from "@fracval/core";
import { fileURLToPath } from "node:url";
import { createTestDatabase, sessionTokenFor, type TestDatabase } from "@fracval/testing";
import { startTestApi, type TestApi } from "./support/api.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Site = "Bundang" | "Boramae" | "Severance";
const SITES: Site[] = ["Bundang", "Boramae", "Severance"];
type Expect = "OK" | "FORBIDDEN" | "NOT_FOUND" | "UNAUTHENTICATED";

let t: TestDatabase;
let api: TestApi;
const credentials: Record<string, string> = {};
const fixtures: Record<Site, { siteId: string; datasetId: string; patientId: string; runId: string }> = {} as never;

/** Who may read patient-level rows of which site (the rule under test, written out by hand). */
const PATIENT_ACCESS: Record<string, Site[] | Expect> = {
  admin: [],
  pi: ["Bundang"], // granted explicitly in the demo seed
  investigatorBundang: ["Bundang"],
  investigatorBoramae: ["Boramae"],
  investigatorSeverance: ["Severance"],
  boramaeKey: ["Boramae"],
  boramaeKeyWithoutPatientScope: [],
  // Keys made by users carry at most what their maker holds: the PI's Bundang key reads Bundang's patients;
  // the ADMIN (no patient-level grant) could only make an aggregate key.
  piMadeBundangKey: ["Bundang"],
  adminMadeBoramaeKey: [],
  expiredKey: "UNAUTHENTICATED",
  revokedKey: "UNAUTHENTICATED",
  forgedSession: "UNAUTHENTICATED",
  nobody: "UNAUTHENTICATED",
};

beforeAll(async () => {
  t = await createTestDatabase();
  api = await startTestApi(t.db);
  const db = t.db;
  const users = await db.user.findMany();
  const byEmail = (email: string) => users.find((u) => u.email === email)!;
  const login = async (email: string) => sessionTokenFor(byEmail(email));
  credentials.admin = await login("admin@fracval.demo");
  credentials.pi = await login("pi@fracval.demo");
  credentials.investigatorBundang = await login("investigator.bundang@fracval.demo");
  credentials.investigatorBoramae = await login("investigator.boramae@fracval.demo");
  credentials.investigatorSeverance = await login("investigator.severance@fracval.demo");
  credentials.forgedSession = await sessionTokenFor(
    byEmail("admin@fracval.demo"),
    "another-secret-0123456789abcdefghijklmnop",
  );

  const sites = await db.site.findMany();
  const siteId = (code: Site) => sites.find((s) => s.code === code)!.id;
  const all = [
    "DATASETS_READ",
    "PATIENTS_READ",
    "RUNS_READ",
    "METRICS_READ",
    "PREDICTIONS_READ",
    "DATASETS_WRITE",
    "RUNS_WRITE",
  ] as const;
  credentials.boramaeKey = (
    await createApiKey(db, null, { siteId: siteId("Boramae"), name: "full", scopes: [...all] })
  ).key;
  credentials.boramaeKeyWithoutPatientScope = (
    await createApiKey(db, null, {
      siteId: siteId("Boramae"),
      name: "aggregate only",
      scopes: ["DATASETS_READ", "METRICS_READ", "RUNS_READ"],
    })
  ).key;
  const expired = await createApiKey(db, null, {
    siteId: siteId("Boramae"),
    name: "expired",
    scopes: [...all],
    expiresInDays: 1,
  });
  await db.apiKey.update({ where: { id: expired.apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  credentials.expiredKey = expired.key;
  const revoked = await createApiKey(db, null, { siteId: siteId("Boramae"), name: "revoked", scopes: [...all] });
  await revokeApiKey(db, (await loadUserViewer(db, byEmail("admin@fracval.demo").id))!, revoked.apiKey.id);
  credentials.revokedKey = revoked.key;

  const admin = (await loadUserViewer(db, byEmail("admin@fracval.demo").id))!;
  const pi = (await loadUserViewer(db, byEmail("pi@fracval.demo").id))!;
  credentials.piMadeBundangKey = (
    await createApiKey(db, pi, {
      siteId: siteId("Bundang"),
      name: "pi's key",
      scopes: ["DATASETS_READ", "PATIENTS_READ", "PREDICTIONS_READ", "RUNS_READ", "METRICS_READ"],
    })
  ).key;
  credentials.adminMadeBoramaeKey = (
    await createApiKey(db, admin, {
      siteId: siteId("Boramae"),
      name: "admin's key",
      scopes: ["DATASETS_READ", "RUNS_READ", "METRICS_READ"],
    })
  ).key;

  const store = new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-store-")));
  await registerModelDirectory(db, store, fileURLToPath(new URL("../../../models/", import.meta.url)));
  const model = await db.modelVersion.findFirstOrThrow({ where: { family: "clinical-coxph-m1" } });
  for (const code of SITES) {
    const dataset = await db.validationDataset.findFirstOrThrow({ where: { siteId: siteId(code) } });
    const patients = await db.patient.findMany({ where: { datasetId: dataset.id }, take: 3 });
    const run = await db.validationRun.create({
      data: {
        modelVersionId: model.id,
        datasetId: dataset.id,
        codeVersion: "test",
        status: "SUCCEEDED",
        progressDone: 3,
        progressTotal: 3,
      },
    });
    await db.prediction.createMany({
      data: patients.map((p, i) => ({ runId: run.id, patientId: p.id, score: 0.1 * (i + 1) })),
    });
    fixtures[code] = { siteId: siteId(code), datasetId: dataset.id, patientId: patients[0]!.id, runId: run.id };
  }
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

/** Whose aggregates (that a dataset, run or patient exists at all) each principal may see. */
const AGGREGATE_ACCESS: Record<string, Site[]> = {
  admin: SITES,
  pi: SITES,
  investigatorBundang: ["Bundang"],
  investigatorBoramae: ["Boramae"],
  investigatorSeverance: ["Severance"],
  boramaeKey: ["Boramae"],
  boramaeKeyWithoutPatientScope: ["Boramae"],
  piMadeBundangKey: ["Bundang"],
  adminMadeBoramaeKey: ["Boramae"],
};
/** Keys without PATIENTS_READ / PREDICTIONS_READ are refused by scope, before any id is looked at. */
const WITHOUT_PATIENT_SCOPES = new Set(["boramaeKeyWithoutPatientScope", "adminMadeBoramaeKey"]);

/**
 * OK where the rule allows; otherwise FORBIDDEN where the principal may know the thing exists (a key's
 * missing scope is refused before any id is looked at), and NOT_FOUND where it may not.
 */
function expected(principal: string, site: Site): Expect {
  const rule = PATIENT_ACCESS[principal]!;
  if (typeof rule === "string") return rule;
  if (rule.includes(site)) return "OK";
  if (WITHOUT_PATIENT_SCOPES.has(principal)) return "FORBIDDEN";
  return AGGREGATE_ACCESS[principal]!.includes(site) ? "FORBIDDEN" : "NOT_FOUND";
}

const PATIENT_OPERATIONS = {
  patients: {
    query:
      "query($id: ID!) { patients(datasetId: $id, first: 5) { id pseudonym baseline { ageYears } outcome { followUpDays } } }",
    id: (s: Site) => fixtures[s].datasetId,
  },
  patient: {
    query: "query($id: ID!) { patient(id: $id) { id pseudonym baseline { ageYears sex } } }",
    id: (s: Site) => fixtures[s].patientId,
  },
  predictions: {
    query: "query($id: ID!) { predictions(runId: $id) { patientId score } }",
    id: (s: Site) => fixtures[s].runId,
  },
} as const;

const cases = Object.keys(PATIENT_ACCESS).flatMap((principal) =>
  SITES.flatMap((site) =>
    (Object.keys(PATIENT_OPERATIONS) as (keyof typeof PATIENT_OPERATIONS)[]).map((operation) => ({
      principal,
      site,
      operation,
    })),
  ),
);

describe("patient-level reads: principal × site × operation", () => {
  it("covers at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)("$principal reads $operation of $site", async ({ principal, site, operation }) => {
    const op = PATIENT_OPERATIONS[operation];
    const want = expected(principal, site);
    const auditBefore = await t.db.auditEvent.count({
      where: { siteId: fixtures[site].siteId, action: { in: ["patient.list", "patient.read", "predictions.read"] } },
    });
    const res = await api.gql(op.query, { id: op.id(site) }, credentials[principal]);
    const auditAfter = await t.db.auditEvent.count({
      where: { siteId: fixtures[site].siteId, action: { in: ["patient.list", "patient.read", "predictions.read"] } },
    });
    if (want === "OK") {
      expect(res.errors).toBeUndefined();
      const value = res.data![operation] as unknown;
      expect(Array.isArray(value) ? (value as unknown[]).length : 1).toBeGreaterThan(0);
      expect(auditAfter).toBe(auditBefore + 1);
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(want);
      expect(res.data).toBeNull();
      expect(JSON.stringify(res)).not.toMatch(/"pseudonym"|"score"|ageYears/);
      expect(auditAfter).toBe(auditBefore);
    }
  });
});

describe("nested fields: the same rules at any depth", () => {
  /** Whose datasets each principal reaches through studies { datasets { runs } }, or the refusal. */
  const NESTED: Record<string, Site[] | Expect> = {
    admin: SITES,
    pi: SITES,
    investigatorBundang: ["Bundang"],
    investigatorBoramae: ["Boramae"],
    investigatorSeverance: ["Severance"],
    boramaeKey: ["Boramae"],
    boramaeKeyWithoutPatientScope: ["Boramae"],
    piMadeBundangKey: ["Bundang"],
    adminMadeBoramaeKey: ["Boramae"],
    expiredKey: "UNAUTHENTICATED",
    revokedKey: "UNAUTHENTICATED",
    forgedSession: "UNAUTHENTICATED",
    nobody: "UNAUTHENTICATED",
  };
  it.each(Object.keys(NESTED))("%s through studies → datasets → runs", async (principal) => {
    const res = await api.gql<{ studies: { datasets: { site: { code: string }; runs: { id: string }[] }[] }[] }>(
      "{ studies { datasets { site { code } runs { id } } } }",
      {},
      credentials[principal],
    );
    const want = NESTED[principal]!;
    if (typeof want === "string") {
      expect(res.errors?.[0]?.extensions?.code).toBe(want);
      expect(res.data).toBeNull();
      return;
    }
    expect(res.errors).toBeUndefined();
    const sites = [...new Set(res.data!.studies.flatMap((s) => s.datasets.map((d) => d.site.code)))].sort();
    expect(sites).toEqual([...want].sort());
  });

  it("a key with METRICS_READ only reaches no dataset and no run through a study", async () => {
    const metricsOnly = (
      await createApiKey(t.db, null, {
        siteId: fixtures.Boramae.siteId,
        name: "metrics only",
        scopes: ["METRICS_READ"],
      })
    ).key;
    const res = await api.gql("{ studies { datasets { id runs { id } } } }", {}, metricsOnly);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(res)).not.toContain(fixtures.Boramae.datasetId);
  });
});

describe("audit trail of patient-level reads", () => {
  it("records who read which patients of which site", async () => {
    const res = await api.gql(
      PATIENT_OPERATIONS.patient.query,
      { id: fixtures.Boramae.patientId },
      credentials.boramaeKey,
    );
    expect(res.errors).toBeUndefined();
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "patient.read" },
      orderBy: { createdAt: "desc" },
    });
    const key = await t.db.apiKey.findFirstOrThrow({ where: { name: "full" } });
    expect(event).toMatchObject({
      siteId: fixtures.Boramae.siteId,
      patientIds: [fixtures.Boramae.patientId],
      apiKeyId: key.id,
      actorUserId: key.principalId,
    });
  });
});

describe("aggregate reads are scoped by site", () => {
  const datasetSites = async (who: string) => {
    const res = await api.gql<{ datasets: { site: { code: string } }[] }>(
      "{ datasets { site { code } } }",
      {},
      credentials[who],
    );
    expect(res.errors).toBeUndefined();
    return [...new Set(res.data!.datasets.map((d) => d.site.code))].sort();
  };
  it.each([
    ["pi", ["Boramae", "Bundang", "Severance"]],
    ["admin", ["Boramae", "Bundang", "Severance"]],
    ["investigatorBoramae", ["Boramae"]],
    ["investigatorSeverance", ["Severance"]],
    ["boramaeKey", ["Boramae"]],
  ])("%s sees datasets of %j", async (who, sites) => {
    expect(await datasetSites(who)).toEqual(sites);
  });

  it("a Severance investigator asking for a Boramae dataset by id gets NOT_FOUND, not its summary", async () => {
    const res = await api.gql(
      "query($id: ID!) { dataset(id: $id) { id patientCount } }",
      { id: fixtures.Boramae.datasetId },
      credentials.investigatorSeverance,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(res.data).toBeNull();
  });

  it("every signed-in principal lists the three sites; nobody else does", async () => {
    for (const who of ["admin", "pi", "investigatorBoramae", "boramaeKey", "boramaeKeyWithoutPatientScope"]) {
      const res = await api.gql<{ sites: { code: string }[] }>("{ sites { code } }", {}, credentials[who]);
      expect(res.data?.sites.map((s) => s.code).sort()).toEqual(["Boramae", "Bundang", "Severance"]);
    }
    const res = await api.gql("{ sites { code } }");
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("mutations and administrative reads", () => {
  const createKey = `mutation($siteId: ID!) { createApiKey(input: { siteId: $siteId, name: "m", scopes: [DATASETS_READ] }) { key apiKey { prefix site { code } } } }`;
  it.each([
    ["admin", "Boramae", "OK"],
    ["pi", "Bundang", "OK"], // a PI of Bundang manages Bundang's keys
    ["pi", "Boramae", "FORBIDDEN"], // ... but not Boramae's
    ["investigatorBoramae", "Boramae", "FORBIDDEN"],
    ["boramaeKey", "Boramae", "FORBIDDEN"],
    ["expiredKey", "Boramae", "UNAUTHENTICATED"],
    ["nobody", "Boramae", "UNAUTHENTICATED"],
  ] as const)("%s creates an API key for %s → %s", async (who, site, want) => {
    const before = await t.db.apiKey.count();
    const res = await api.gql<{ createApiKey: { key: string; apiKey: { prefix: string; site: { code: string } } } }>(
      createKey,
      { siteId: fixtures[site].siteId },
      credentials[who],
    );
    if (want === "OK") {
      expect(res.data!.createApiKey.key).toMatch(/^fv_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
      expect(res.data!.createApiKey.key.startsWith(res.data!.createApiKey.apiKey.prefix)).toBe(true);
      expect(res.data!.createApiKey.apiKey.site.code).toBe(site);
      const stored = await t.db.apiKey.findUniqueOrThrow({ where: { prefix: res.data!.createApiKey.apiKey.prefix } });
      expect(JSON.stringify(stored)).not.toContain(res.data!.createApiKey.key); // only prefix + hash stored
      expect(await t.db.apiKey.count()).toBe(before + 1);
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(want);
      expect(await t.db.apiKey.count()).toBe(before);
    }
  });

  it.each([
    ["admin", "OK"],
    ["pi", "OK"],
    ["investigatorBundang", "FORBIDDEN"],
    ["boramaeKey", "FORBIDDEN"],
    ["nobody", "UNAUTHENTICATED"],
  ] as const)("%s creates a study → %s", async (who, want) => {
    const slug = `study-${who.toLowerCase()}`;
    const res = await api.gql(
      'mutation($slug: String!) { createStudy(input: { slug: $slug, title: "A study", target: BINARY_AT_HORIZON, horizonDays: 1826, modality: CT_ABDOMEN }) { slug } }',
      { slug },
      credentials[who],
    );
    if (want === "OK") expect(res.data).toEqual({ createStudy: { slug } });
    else expect(res.errors?.[0]?.extensions?.code).toBe(want);
    expect(await t.db.study.count({ where: { slug } })).toBe(want === "OK" ? 1 : 0);
  });

  it("rejects a binary study without a horizon, naming the field, and creates nothing", async () => {
    const before = await t.db.study.count();
    const res = await api.gql(
      'mutation { createStudy(input: { slug: "no-horizon", title: "No horizon", target: BINARY_AT_HORIZON, modality: CT_ABDOMEN }) { slug } }',
      {},
      credentials.pi,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "horizonDays" });
    expect(await t.db.study.count()).toBe(before);
  });

  it.each([
    ["admin", "OK"],
    ["pi", "FORBIDDEN"],
    ["investigatorBoramae", "FORBIDDEN"],
    ["boramaeKey", "FORBIDDEN"],
  ] as const)("%s reads the audit trail → %s", async (who, want) => {
    const res = await api.gql<{ auditEvents: { action: string }[] }>(
      "{ auditEvents(first: 5) { action } }",
      {},
      credentials[who],
    );
    if (want === "OK") expect(res.data!.auditEvents.length).toBeGreaterThan(0);
    else expect(res.errors?.[0]?.extensions?.code).toBe(want);
  });

  it("a PI reads a site's patients only after an ADMIN grants it, and loses it on revocation (audited)", async () => {
    const pi = await t.db.user.findFirstOrThrow({ where: { email: "pi@fracval.demo" } });
    const read = () =>
      api.gql(
        "query($id: ID!) { patients(datasetId: $id, first: 1) { id } }",
        { id: fixtures.Severance.datasetId },
        credentials.pi,
      );
    expect((await read()).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const grant = `mutation($u: ID!, $s: ID!) { grantSiteAccess(input: { userId: $u, siteId: $s, patientData: true, reason: "external validation audit" }) { patientData site { code } } }`;
    expect(
      (await api.gql(grant, { u: pi.id, s: fixtures.Severance.siteId }, credentials.pi)).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN"); // not self-service
    expect((await api.gql(grant, { u: pi.id, s: fixtures.Severance.siteId }, credentials.admin)).data).toEqual({
      grantSiteAccess: { patientData: true, site: { code: "Severance" } },
    });
    expect((await read()).errors).toBeUndefined();
    const revoke = await api.gql(
      "mutation($u: ID!, $s: ID!) { revokeSiteAccess(userId: $u, siteId: $s) }",
      { u: pi.id, s: fixtures.Severance.siteId },
      credentials.admin,
    );
    expect(revoke.data).toEqual({ revokeSiteAccess: true });
    expect((await read()).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const actions = (await t.db.auditEvent.findMany({ where: { resource: pi.id }, orderBy: { createdAt: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["siteaccess.grant", "siteaccess.revoke"]);
  });

  it("tells an expired key and a revoked key apart", async () => {
    const expired = await api.gql("{ me { role } }", {}, credentials.expiredKey);
    const revoked = await api.gql("{ me { role } }", {}, credentials.revokedKey);
    expect(expired.errors?.[0]).toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
      message: expect.stringMatching(/expired/),
    });
    expect(revoked.errors?.[0]).toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
      message: expect.stringMatching(/revoked/),
    });
  });

  it("rejects an oversized page with BAD_USER_INPUT naming the argument, and returns no rows", async () => {
    // Passed as a variable the page size reaches the service, which names the argument.
    const res = await api.gql(
      "query($id: ID!, $n: Int) { patients(datasetId: $id, first: $n) { id } }",
      { id: fixtures.Boramae.datasetId, n: 100000 },
      credentials.boramaeKey,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(res.data).toBeNull();
    // Written into the query, it is refused even earlier, by the query cost limit (first multiplies the cost).
    const literal = await api.gql(
      "query($id: ID!) { patients(datasetId: $id, first: 100000) { id } }",
      { id: fixtures.Boramae.datasetId },
      credentials.boramaeKey,
    );
    expect(literal.errors?.[0]?.message).toMatch(/cost/i);
    expect(literal.data).toBeNull();
  });
});
