// `npm run bench:portal [-- USERS SECONDS]`: the PI's dashboard under load. A study with 3 sites × 11 model
// versions × 2 finished, released runs (computed by the real metrics job on synthetic cohorts, scripts/
// demo-results.ts) on embedded PostgreSQL, the real API and the built portal (apps/portal/server.ts); then
// USERS (default 20) signed-in PIs request the study overview and a run page in a loop for SECONDS (default
// 20). Prints, per page, p50 / p95 / max server response and requests/s, with the size of the API answers the
// pages are built from, and the same for the API's studyComparison alone (the query behind the overview).
// Each page is measured twice in the same run: rendered by Next.js every time (a second portal process with
// PORTAL_PAGE_CACHE_MB=0, the reference) and behind the page cache (@fracval/page-cache), with the ratio.
// BENCH_SAVE_PAGES=DIR keeps the two pages' HTML there.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { seedDemoData } from "@fracval/core";
import { applyMigrations, createPrismaClient, freePort, startEmbeddedPostgres } from "@fracval/db";
import { sessionTokenFor } from "@fracval/testing";
import { waitForHttp } from "../platform.js";
import { portalNeedsBuild } from "../portal-build.js";
import { populateDemoResults } from "../demo-results.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const [users = 20, seconds = 20] = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isFinite(n) && n > 0);
// Random, as production demands a strong one (the API refuses a guessable secret with NODE_ENV=production).
const AUTH_SECRET = randomBytes(32).toString("base64url");

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** USERS concurrent loops over `request` for SECONDS; latencies in ms. */
/** USERS concurrent loops, loop k as PI k; latencies in ms. */
async function load(
  request: (user: number) => Promise<number>,
): Promise<{ latencies: number[]; bytes: number; errors: number }> {
  const deadline = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      while (Date.now() < deadline) {
        const start = performance.now();
        try {
          bytes = await request(user);
          latencies.push(performance.now() - start);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), bytes, errors };
}

function report(name: string, r: Awaited<ReturnType<typeof load>>): void {
  const l = r.latencies;
  console.log(
    `${name.padEnd(46)} p50 ${quantile(l, 0.5).toFixed(0).padStart(5)} ms  ` +
      `p95 ${quantile(l, 0.95).toFixed(0).padStart(5)} ms  ` +
      `max ${l.at(-1)!.toFixed(0).padStart(5)} ms  ${(l.length / seconds).toFixed(1).padStart(6)} req/s  ` +
      `${(r.bytes / 1024).toFixed(0)} KiB${r.errors ? `  ${r.errors} errors` : ""}`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), "fracval-bench-portal-"));
const pgDir = mkdtempSync(join(tmpdir(), "fracval-bench-portal-pg-"));
const children: ChildProcess[] = [];
const pg = await startEmbeddedPostgres({ dataDir: pgDir, port: 0, persistent: false });
try {
  await applyMigrations(pg.url);
  const db = createPrismaClient(pg.url);
  await seedDemoData(db, { pseudonymSecret: "bench-pseudonym-secret-0123456789" });
  let started = performance.now();
  const { studyId, runIds } = await populateDemoResults(db, {
    studySlug: "xray-deepsurv",
    sites: ["Bundang", "Boramae", "Severance"],
    models: 11,
    runsPerModel: 2,
    patientsPerSite: 300,
    repoRoot: root,
  });
  console.log(
    `populated 3 sites × 11 model versions × 2 runs (${runIds.length} runs) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // USERS distinct PIs (each one's pages are their own: the page cache keys them by the user's access).
  const pis = await Promise.all(
    Array.from({ length: users }, (_, k) =>
      db.user.create({ data: { email: `pi-${k + 1}@bench.fracval.demo`, name: `PI ${k + 1}`, role: "PI" } }),
    ),
  );
  await db.$disconnect();

  const portalDir = join(root, "apps/portal");
  if (portalNeedsBuild(portalDir)) {
    started = performance.now();
    const build = spawnSync(join(root, "node_modules/.bin/next"), ["build"], { cwd: portalDir, stdio: "inherit" });
    if (build.status !== 0) throw new Error("portal build failed");
    console.log(`built the portal in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const [apiPort, portalPort, uncachedPort] = [await freePort(), await freePort(), await freePort()];
  const env = {
    ...process.env,
    DATABASE_URL: pg.url,
    AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    API_PORT: String(apiPort),
    FRACVAL_API_URL: `http://localhost:${apiPort}/graphql`,
    FRACVAL_UPLOAD_DIR: join(dataDir, "uploads"),
    FRACVAL_STORAGE_DIR: join(dataDir, "storage"),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  children.push(
    spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: join(root, "apps/api"),
      env,
      stdio: "ignore",
    }),
    spawn(process.execPath, ["--import", "tsx", "server.ts", "-p", String(portalPort)], {
      cwd: portalDir,
      env,
      stdio: "ignore",
    }),
    spawn(process.execPath, ["--import", "tsx", "server.ts", "-p", String(uncachedPort)], {
      cwd: portalDir,
      env: { ...env, PORTAL_PAGE_CACHE_MB: "0" },
      stdio: "ignore",
    }),
  );
  await waitForHttp(`http://localhost:${apiPort}/healthz`, 60_000, (s) => s === 200);
  await waitForHttp(`http://localhost:${portalPort}/login`, 60_000, (s) => s === 200);
  await waitForHttp(`http://localhost:${uncachedPort}/login`, 60_000, (s) => s === 200);

  // Issued now, as a browser's cookie is renewed by the pages it loads: the cache serves a page only to a
  // session token younger than the session's update age (5 minutes).
  const tokens = await Promise.all(pis.map((pi) => sessionTokenFor(pi, AUTH_SECRET)));
  /** How the cached portal answered: x-page-cache hit / miss / absent (passed through). */
  const served = new Map<string, number>();
  const page =
    (path: string, port = portalPort) =>
    async (user = 0) => {
      const cookie = `authjs.session-token=${tokens[user]}`;
      const res = await fetch(`http://localhost:${port}${path}`, { headers: { cookie } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      if (port === portalPort) {
        const how = res.headers.get("x-page-cache") ?? "passed through";
        served.set(how, (served.get(how) ?? 0) + 1);
      }
      return body.length;
    };
  const comparison = async () => {
    const res = await fetch(`http://localhost:${apiPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens[0]}` },
      body: JSON.stringify({
        query: `query($s: ID!) { studyComparison(studyId: $s) { site { code } modelVersion { family version }
          run { id status } smallCell hidden metrics { metric scoreSource subgroup horizonDays estimate ciLower ciUpper
          n events details { p } } } }`,
        variables: { s: studyId },
      }),
    });
    const body = await res.text();
    if (res.status !== 200 || body.includes('"errors"')) throw new Error(body.slice(0, 200));
    return body.length;
  };
  /** One of the portal's own GraphQL documents, as the page sends it. */
  const portalQuery = (document: { toString(): string }, variables: Record<string, unknown>) => async () => {
    const res = await fetch(`http://localhost:${apiPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens[0]}` },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const body = await res.text();
    if (res.status !== 200 || body.includes('"errors"')) throw new Error(body.slice(0, 200));
    return body.length;
  };
  // The portal's generated documents, loaded at run time (the portal's module settings are its own).
  const { PortalRunDocument, PortalStudyForestDocument, PortalStudyPageDocument, PortalStudyResultsDocument } =
    (await import(pathToFileURL(join(root, "apps/portal/gql/graphql.ts")).href)) as Record<
      "PortalRunDocument" | "PortalStudyForestDocument" | "PortalStudyPageDocument" | "PortalStudyResultsDocument",
      { toString(): string }
    >;
  const overviewQueries = {
    page: portalQuery(PortalStudyPageDocument, { id: studyId }),
    results: portalQuery(PortalStudyResultsDocument, { id: studyId, datasets: [] }),
    forest: portalQuery(PortalStudyForestDocument, {
      id: studyId,
      metric: "harrellC",
      statistic: "ESTIMATE",
      horizon: null,
      diff: "harrellCDiff",
      hasDiff: true,
      datasets: [],
    }),
    run: portalQuery(PortalRunDocument, { id: runIds[0] }),
  };
  // Warm-up: compile paths, fill caches.
  for (const port of [portalPort, uncachedPort])
    for (const f of [page(`/studies/${studyId}`, port), page(`/runs/${runIds[0]}`, port)]) await f();
  await comparison();
  // What a page is made of: the React Server Components payload (the props of client components, e.g. chart
  // specs, serialised into inline scripts) and the HTML markup around it.
  for (const path of [`/studies/${studyId}`, `/runs/${runIds[0]}`]) {
    const cookie = `authjs.session-token=${tokens[0]}`;
    const html = await (await fetch(`http://localhost:${uncachedPort}${path}`, { headers: { cookie } })).text();
    const payload = [...html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce(
      (sum, m) => sum + m[1]!.length,
      0,
    );
    if (process.env.BENCH_SAVE_PAGES)
      writeFileSync(join(process.env.BENCH_SAVE_PAGES, `${path.split("/")[1]}.html`), html);
    console.log(
      `${path.startsWith("/runs") ? "run page" : "overview"}: ${(html.length / 1024).toFixed(0)} KiB of HTML, ` +
        `${(payload / 1024).toFixed(0)} KiB of it the RSC payload`,
    );
  }
  // Where a page's time goes: its API queries alone, one client at a time (no contention).
  for (const [name, query] of Object.entries(overviewQueries)) {
    const times: number[] = [];
    let size = 0;
    for (let k = 0; k < 10; k++) {
      const start = performance.now();
      size = await query();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `API ${name} query alone: median ${quantile(times, 0.5).toFixed(0)} ms, ${(size / 1024).toFixed(0)} KiB`,
    );
  }

  console.log(
    `\n${users} concurrent signed-in PIs (each a user of their own), ${seconds} s each; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`,
  );
  report("API studyComparison (33 rows)", await load(comparison));
  const pages = { "/studies/<id> (overview)": `/studies/${studyId}`, "/runs/<id> (run page)": `/runs/${runIds[0]}` };
  for (const [name, path] of Object.entries(pages)) {
    const reference = await load(page(path, uncachedPort));
    served.clear();
    const cached = await load(page(path));
    report(`rendered every time ${name}`, reference);
    report(`page cache ${name}`, cached);
    const p95 = (r: typeof cached) => quantile(r.latencies, 0.95);
    console.log(
      `  ${[...served].map(([how, n]) => `${n} ${how}`).join(", ")}; ` +
        `p95 ${(p95(reference) / p95(cached)).toFixed(1)}× ` +
        `lower, ${(cached.latencies.length / reference.latencies.length).toFixed(1)}× the pages per second`,
    );
  }
  console.log("target: p95 ≤ 150 ms for both portal pages (issue 13)");
} finally {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  await pg.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(pgDir, { recursive: true, force: true });
}
