// What the portal's page cache rests on (@fracval/page-cache): the data-change epoch moves with every
// committed write a page may show and with nothing else, GET /page-cache-key tells principals apart, and an
// answer that recorded an audit event says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { listenForDataChanges, type DataChangeFeed } from "@fracval/db";
import { createTestDatabase, sessionTokenFor, TEST_AUTH_SECRET, waitFor, type TestDatabase } from "@fracval/testing";
import { portalProof } from "../src/page-cache-key.js";
import { startTestApi, type TestApi } from "./support/api.js";

let t: TestDatabase;
let api: TestApi;
let feed: DataChangeFeed;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  feed = await listenForDataChanges(t.url, { retryMs: 100 });
  api = await startTestApi(t.db, { dataChanges: feed });
  for (const u of await t.db.user.findMany()) tokens[u.email] = await sessionTokenFor(u);
});

afterAll(async () => {
  await api?.stop();
  await feed?.close();
  await t?.drop();
});

const key = async (token: string | null, proof: string | null = portalProof(TEST_AUTH_SECRET)) => {
  const response = await fetch(`${api.url}/page-cache-key`, {
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(proof ? { "x-fracval-portal": proof } : {}),
    },
  });
  return {
    status: response.status,
    body:
      response.status === 200
        ? ((await response.json()) as { principal: string; epoch: string; issuedAt: number })
        : null,
  };
};

/** Waits until the epoch differs from `before` (a NOTIFY arrives just after its commit), or 2 s. */
const epochAfter = async (before: string | null) => {
  await waitFor(async () => feed.epoch() !== before, 2000).catch(() => {});
  return feed.epoch();
};

describe("the data-change epoch", () => {
  it("moves when a committed transaction writes to a table a page shows, and not on a rollback", async () => {
    const before = feed.epoch();
    expect(before).toMatch(/^[0-9a-f]{8}\.\d+$/);
    const site = await t.db.site.findFirstOrThrow();
    await t.db.site.update({ where: { id: site.id }, data: { name: `${site.name} ` } });
    const afterUpdate = await epochAfter(before);
    expect(afterUpdate).not.toBe(before);

    await t.db
      .$transaction(async (tx) => {
        await tx.site.update({ where: { id: site.id }, data: { name: site.name } });
        throw new Error("rolled back");
      })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    expect(feed.epoch()).toBe(afterUpdate);
  });

  it("does not move on writes to the audit trail, heartbeats or rate-limit counters", async () => {
    const before = feed.epoch();
    await t.db.auditEvent.create({ data: { action: "test.read" } });
    await t.db.workerHeartbeat.create({
      data: { id: "test-worker", hostname: "h", pid: 1, startedAt: new Date(), lastSeenAt: new Date() },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(feed.epoch()).toBe(before);
  });

  it("every table has the notify trigger or is on the migration's list of exceptions", async () => {
    const tables = await t.db.$queryRaw<{ table: string; notifies: boolean }[]>`
      SELECT c.relname AS "table",
             EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid
                     WHERE g.tgrelid = c.oid AND p.proname = 'notify_data_changed') AS notifies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
      ORDER BY 1`;
    const silent = tables.filter((r) => !r.notifies).map((r) => r.table);
    expect(silent.sort()).toEqual(
      ["AuditEvent", "RateLimiterFlexible", "StagedPatient", "StagedProblem", "WorkerHeartbeat"].sort(),
    );
    expect(tables.length).toBeGreaterThan(15);
  });

  it("is null while the listening connection is lost, and moves when it is back", async () => {
    const before = feed.epoch();
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN fracval_data_changed'",
    );
    await admin.end();
    await waitFor(async () => feed.epoch() === null, 2000);
    await waitFor(async () => feed.epoch() !== null, 5000);
    expect(feed.epoch()).not.toBe(before);
  });
});

describe("GET /page-cache-key", () => {
  it("answers only the portal's server: a signed-in browser without the proof is refused", async () => {
    const pi = tokens["pi@fracval.demo"]!;
    expect((await key(pi, null)).status).toBe(403);
    expect((await key(pi, portalProof("another secret"))).status).toBe(403);
    expect((await key(pi)).status).toBe(200);
  });

  it("refuses a request without a valid session, and a partner API key", async () => {
    expect((await key(null)).status).toBe(401);
    expect((await key("not-a-token")).status).toBe(401);
    expect((await key("fv_abc")).status).toBe(401);
  });

  it("gives each principal its own digest and every principal the same epoch", async () => {
    const pi = await key(tokens["pi@fracval.demo"]!);
    const pi2 = await key(tokens["pi@fracval.demo"]!);
    const investigator = await key(tokens["investigator.severance@fracval.demo"]!);
    expect(pi.status).toBe(200);
    expect(pi.body!.principal).toMatch(/^[0-9a-f]{64}$/);
    expect(pi2.body!.principal).toBe(pi.body!.principal);
    expect(investigator.body!.principal).not.toBe(pi.body!.principal);
    expect(investigator.body!.epoch).toBe(pi.body!.epoch);
    expect(pi.body!.issuedAt).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  it("gives a user a new digest when their grants change", async () => {
    const email = "investigator.severance@fracval.demo";
    const before = await key(tokens[email]!);
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    const grant = await t.db.siteAccess.findFirstOrThrow({ where: { userId: user.id } });
    const where = { userId_siteId: { userId: grant.userId, siteId: grant.siteId } };
    await t.db.siteAccess.update({ where, data: { patientData: !grant.patientData } });
    const after = await key(tokens[email]!);
    await t.db.siteAccess.update({ where, data: { patientData: grant.patientData } });
    expect(after.body!.principal).not.toBe(before.body!.principal);
  });
});

describe("the audited-answer mark", () => {
  const post = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    return { audited: response.headers.get("x-fracval-audited"), body };
  };

  it("is on an answer that read patients (audited), and on no other", async () => {
    const token = tokens["investigator.severance@fracval.demo"]!;
    const dataset = await t.db.validationDataset.findFirstOrThrow({ where: { site: { code: "Severance" } } });
    const auditsBefore = await t.db.auditEvent.count();
    const patients = await post(
      "query($d: ID!) { patients(datasetId: $d, first: 2) { id } }",
      { d: dataset.id },
      token,
    );
    expect(patients.body.errors).toBeUndefined();
    expect(await t.db.auditEvent.count()).toBeGreaterThan(auditsBefore);
    expect(patients.audited).toBe("1");

    const studies = await post("{ studies { id title } }", {}, token);
    expect(studies.body.errors).toBeUndefined();
    expect(studies.audited).toBeNull();
  });
});
