// Acceptance of the foundation, end to end: `npm start`'s entry on a fresh data directory brings up
// embedded PostgreSQL, migrations, the seed, API, worker and portal; a CLI-made API key reads the sites;
// a user signs in through the portal in real Chromium; Ctrl-C leaves no process behind; a second start
// keeps the data and re-seeds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { createPrismaClient, freePort } from "@fracval/db";
import { populateDemoResults } from "../../scripts/demo-results.js";
import { waitFor } from "@fracval/testing";
import { DEMO_PASSWORD } from "@fracval/core";
import { aurocAtHorizon, competingRisksAuc, harrellC, timeDependentAuc } from "@fracval/stats";
import { analysisTimeDays, competingOutcome } from "@fracval/upload-format";

const root = resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(join(tmpdir(), "fracval-e2e-"));
chmodSync(dataDir, 0o755); // PostgreSQL runs as user "postgres" when tests run as root
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** FRACVAL_SCREENSHOTS=1 writes the portal's screenshots to docs/screenshots (committed, shown in the README). */
const screenshots = process.env.FRACVAL_SCREENSHOTS ? join(root, "docs", "screenshots") : dataDir;
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let ports: { api: number; portal: number; pg: number };
let env: NodeJS.ProcessEnv;

interface Platform {
  child: ChildProcess;
  output: () => string;
}

async function startPlatform(): Promise<Platform> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform not up in 240 s:\n${output}`)), 240_000);
    child.stdout!.on("data", () => {
      if (output.includes("FracVal is running")) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    child.on("exit", (code) => reject(new Error(`npm start exited ${code}:\n${output}`)));
  });
  return { child, output: () => output };
}

/** Every live process that carries this test's data directory in its environment. */
function processesOfThisPlatform(): number[] {
  const marker = `FRACVAL_DATA_DIR=${dataDir}`;
  return readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function stopPlatform(platform: Platform): Promise<number | null> {
  const exited = new Promise<number | null>((r) => platform.child.on("exit", (code) => r(code)));
  process.kill(platform.child.pid!, "SIGINT"); // what Ctrl-C delivers to `npm start`
  return exited;
}

async function gql(query: string, key: string) {
  const res = await fetch(`http://localhost:${ports.api}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** A user's session token, obtained the way a browser gets it (next-auth credentials sign-in). */
async function portalSession(email: string): Promise<string> {
  return sessionFor(email, DEMO_PASSWORD);
}

async function sessionFor(email: string, password: string): Promise<string> {
  const base = `http://localhost:${ports.portal}`;
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/studies" }),
  });
  return signIn.headers
    .getSetCookie()
    .find((c) => c.startsWith("authjs.session-token="))!
    .split(";")[0]!
    .split("=")[1]!;
}

async function gqlAs(credentials: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`http://localhost:${ports.api}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${credentials}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

let browser: Browser;
let platform: Platform;
let apiKey: string;

beforeAll(async () => {
  ports = { api: await freePort(), portal: await freePort(), pg: await freePort() };
  env = {
    ...process.env,
    FRACVAL_DATA_DIR: dataDir,
    API_PORT: String(ports.api),
    PORTAL_PORT: String(ports.portal),
    PG_PORT: String(ports.pg),
  };
  delete env.DATABASE_URL;
  platform = await startPlatform();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const pid of processesOfThisPlatform()) process.kill(pid, "SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

const AXE_SOURCE = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

/**
 * What axe-core (the engine behind browser accessibility checkers; WCAG 2.x A and AA rules) finds wrong on the
 * page as it stands: "rule (impact): element" for each. A chart's menu inside an image, an unnamed icon
 * button and a button holding a file input were found this way.
 */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    type AxeResult = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}`));
  });
}

/** The charts on the page wider than their card (the card then scrolls sideways): "title: svg px > box px". */
function chartOverflows(page: Page): Promise<string[]> {
  return page.getByTestId("chart").evaluateAll((figures) =>
    figures.flatMap((figure) => {
      const box = figure.querySelector("div.overflow-x-auto")!.clientWidth;
      const svg = Math.ceil(figure.querySelector("svg.marks")?.getBoundingClientRect().width ?? 0);
      return svg > box ? [`${figure.getAttribute("aria-label")}: ${svg} px > ${box} px`] : [];
    }),
  );
}

describe("npm start on a fresh data directory", () => {
  it("applies migrations, seeds once and prints URLs and demo logins", () => {
    expect(platform.output()).toMatch(/added 6 released demonstration runs \(SYNTHETIC\)/);
    const out = platform.output();
    expect(out).toMatch(/applied migrations: \d{14}_init/);
    expect(out).toContain("seeded demo sites, users, studies and cohorts");
    expect(out).toContain(`http://localhost:${ports.portal}`);
    expect(out).toContain(`http://localhost:${ports.api}/graphql`);
    expect(out).toContain("investigator.boramae@fracval.demo");
    expect(out).toContain(
      "registered reference models: clinical-coxph-m1@1.0.0, clinical-coxph-m2@1.0.0, clinical-coxph-m3@1.0.0, clinical-logistic-a@1.0.0",
    );
    for (const image of ["ct-bone-muscle@1.0.0", "xray-deepsurv@1.0.0"]) expect(out).toContain(image);
  });

  it("answers /healthz and /readyz with a live worker", async () => {
    expect((await fetch(`http://localhost:${ports.api}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://localhost:${ports.api}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: true, workers: 1, deadLetters: 0 });
  });

  it("creates an API key with the CLI against the running platform and lists the three sites with it", async () => {
    const result = spawnSync(
      process.execPath,
      [
        join(root, "apps/api/bin/fracval.js"),
        "apikey",
        "create",
        "--site",
        "Boramae",
        "--scopes",
        "datasets:read,patients:read",
      ],
      { env, encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(0);
    apiKey = result.stdout.trim();
    const res = await gql("{ sites { name } }", apiKey);
    expect((res.data!.sites as { name: string }[]).map((s) => s.name).sort()).toEqual([
      "SMG-SNU Boramae Medical Center",
      "Seoul National University Bundang Hospital",
      "Severance Hospital, Yonsei University",
    ]);
  });

  it("signs an investigator in through the portal in Chromium and shows sites and studies from the API", async () => {
    const page = await browser.newPage();
    const base = `http://localhost:${ports.portal}`;
    await page.goto(`${base}/sites`);
    expect(new URL(page.url()).pathname).toBe("/login"); // signed-out visitors are sent to sign in
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.fill('input[name="email"]', "investigator.boramae@fracval.demo");
    await page.fill('input[name="password"]', "wrong-password");
    await Promise.all([page.waitForURL("**/login?error=1**"), page.click('button[type="submit"]')]);
    expect(await page.locator('p[role="alert"]').textContent()).toContain("E-mail or password is wrong");

    await page.fill('input[name="email"]', "investigator.boramae@fracval.demo");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    // Signing in keeps the deep link the visitor came with (next-auth's callbackUrl): back to /sites.
    await Promise.all([page.waitForURL("**/sites"), page.click('button[type="submit"]')]);
    expect(await page.getByRole("link", { name: "Sites" }).getAttribute("aria-current")).toBe("page");
    await page.waitForFunction(() => document.title.endsWith("· FracVal")); // metadata is streamed
    expect(await page.title()).toBe("Sites · FracVal");
    // A bad id in a link is a 404 page inside the layout (navigation still there), not a crash.
    for (const path of ["/studies/nosuchstudy0000", "/runs/nosuchrun0000"]) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status()).toBe(404);
      // Drawn from the page's payload after the first HTML: waited for, not read at once (that raced).
      await page.getByTestId("not-found").waitFor({ state: "visible", timeout: 10_000 });
      expect(await page.getByTestId("whoami").isVisible()).toBe(true);
    }
    // The admin console refused by the API to an investigator: a 403 page inside the layout, not an error page.
    const refused = await page.goto(`${base}/admin/users`);
    expect(refused?.status()).toBe(403);
    await page.getByTestId("forbidden").waitFor({ state: "visible", timeout: 10_000 });
    expect(await page.getByTestId("page-error").count()).toBe(0);
    await page.goto(`${base}/studies`);
    expect(await page.getByTestId("whoami").textContent()).toContain("INVESTIGATOR");
    expect(await page.getByTestId("study-card").count()).toBe(3);
    // An investigator sees dataset summaries of their own site only, each dataset named (a site may have several).
    const datasetRows = page.getByTestId("study-dataset");
    expect(new Set(await datasetRows.locator("td:nth-child(1)").allTextContents())).toEqual(new Set(["Boramae"]));
    expect(await datasetRows.locator("td:nth-child(2)").allTextContents()).toContain(
      "Boramae demo cohort (SYNTHETIC, clinical only)",
    );
    // The portal's icon is served to everyone (the login page shows it): no 404 on any page.
    const icon = await fetch(`${base}/icon.svg`, { redirect: "manual" }); // no session cookie
    expect([icon.status, icon.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);

    await page.goto(`${base}/sites`);
    const rows = page.getByTestId("site-row");
    expect(await rows.count()).toBe(3);
    const boramaeRow = await rows.filter({ hasText: "Boramae" }).textContent();
    const severanceRow = await rows.filter({ hasText: "Severance" }).textContent();
    expect(boramaeRow).toContain("patient-level");
    expect(severanceRow).toContain("aggregate results");
    await page.screenshot({ path: join(dataDir, "sites.png") });
    for (const path of ["/", "/sites", "/studies", "/datasets"]) {
      await page.goto(`${base}${path}`);
      expect([path, await accessibilityViolations(page)]).toEqual([path, []]);
    }
    // Signing out ends the session on the API too: the old cookie's token is refused from then on.
    const token = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!.value;
    expect((await gqlAs(token, "{ me { role } }")).data).toEqual({ me: { role: "INVESTIGATOR" } });
    await Promise.all([page.waitForURL("**/login"), page.getByRole("button", { name: "Sign out" }).click()]);
    expect((await gqlAs(token, "{ me { role } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    await page.close();
  });

  it("lets an investigator upload a dataset folder in the portal: per-file and overall progress, then the validation report", async () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [join(root, "apps/api/bin/fracval.js"), ...args], { env, encoding: "utf8" });
    const good = join(dataDir, "portal-upload-good");
    expect(
      cli(["synth", "--site", "Boramae", "--n", "4", "--seed", "12", "--modality", "xray", "--out", good]).status,
    ).toBe(0);
    // The same folder with one bad cell: rejected as a whole, with row and column named.
    const bad = join(dataDir, "portal-upload-bad");
    cpSync(good, bad, { recursive: true });
    const lines = readFileSync(join(bad, "manifest.csv"), "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    lines[2]![lines[0]!.indexOf("age")] = "abc";
    writeFileSync(join(bad, "manifest.csv"), `${lines.map((l) => l.join(",")).join("\n")}\n`);

    const context = await browser.newContext();
    const page = await context.newPage();
    const base = `http://localhost:${ports.portal}`;
    await page.goto(`${base}/login`);
    await page.fill('input[name="email"]', "investigator.boramae@fracval.demo");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await Promise.all([page.waitForURL("**/studies"), page.click('button[type="submit"]')]);
    for (const [folder, outcome] of [
      [good, "ready"],
      [bad, "rejected"],
    ] as const) {
      if (outcome === "ready") {
        // The upload format, linked from the form, reads as a document: the columns are a table.
        await page.goto(`${base}/upload/format`);
        const format = page.getByTestId("upload-format");
        expect(await format.locator("h1").textContent()).toBe("Upload format");
        expect(await format.locator("table").first().locator("th").allTextContents()).toEqual([
          "column",
          "type",
          "unit",
          "range",
          "required",
          "meaning",
        ]);
        expect(await format.locator("tr").filter({ hasText: "frax_mof_pct" }).locator("td").allTextContents()).toEqual([
          "frax_mof_pct",
          "number",
          "%",
          "0 … 100",
          "",
          "FRAX 10-year major osteoporotic fracture probability, percent",
        ]);
        expect(await accessibilityViolations(page)).toEqual([]);
        const desktop = page.viewportSize()!;
        await page.setViewportSize({ width: 390, height: 844 }); // a phone: the document fits, nothing scrolls sideways
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
        await page.setViewportSize(desktop);
      }
      await page.goto(`${base}/upload`);
      if (outcome === "ready") expect(await accessibilityViolations(page)).toEqual([]);
      await page.selectOption('select[name="study"]', {
        label: "Lateral spine X-ray DeepSurv: time to incident vertebral fracture",
      });
      await page.setInputFiles('[data-testid="folder-input"]', folder);
      expect(await page.getByTestId("picked").textContent()).toMatch(/^6 file\(s\)/); // manifest.csv, dataset.json, 4 radiographs
      await page.click("text=Upload and validate");
      await page.getByTestId(outcome).waitFor({ timeout: 120_000 });
      // What next: start a run, view the dataset, upload another (or a corrected folder).
      expect(await page.getByTestId("next-steps").textContent()).toContain(
        outcome === "ready" ? "Upload another" : "Upload a corrected folder",
      );
      expect(await page.getByTestId("overall-progress").textContent()).toMatch(/\(100%\)/);
      expect(await page.getByTestId("file-progress").allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/manifest\.csv100%/)]),
      );
      if (outcome === "ready") expect(await page.getByTestId("ready").textContent()).toMatch(/^READY: 4 patients/);
      else {
        expect(await page.getByTestId("rejected").textContent()).toMatch(/REJECTED: 1 problem/);
        expect(await page.getByTestId("problem").first().textContent()).toMatch(/^2age/);
      }
      await page.screenshot({ path: join(dataDir, `upload-${outcome}.png`) });
    }
    await context.close();
  }, 240_000);

  it("runs a registered model on a site's data through the workers and shows model vs FRAX on the results page", async () => {
    const base = `http://localhost:${ports.portal}`;
    // Runs are started by the site's own members (a PI of another site may read results, not write).
    const session = await portalSession("investigator.severance@fracval.demo");
    const asMember = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`http://localhost:${ports.api}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${session}` },
        body: JSON.stringify({ query, variables }),
      });
      return ((await res.json()) as { data: Record<string, never> }).data;
    };
    const { studies, modelVersions } = (await asMember(
      "{ studies { id slug datasets { id site { code } } } modelVersions { id family } }",
    )) as unknown as {
      studies: { id: string; slug: string; datasets: { id: string; site: { code: string } }[] }[];
      modelVersions: { id: string; family: string }[];
    };
    const study = studies.find((s) => s.slug === "xray-deepsurv")!;
    const dataset = study.datasets.find((d) => d.site.code === "Severance")!;
    const model = modelVersions.find((m) => m.family === "clinical-coxph-m1")!; // registered by npm start
    const { createValidationRun: run } = (await asMember(
      "mutation($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }",
      { m: model.id, d: dataset.id },
    )) as unknown as { createValidationRun: { id: string } };
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { run: r } = (await asMember("query($id: ID!) { run(id: $id) { status } }", { id: run.id })) as unknown as {
        run: { status: string };
      };
      if (r.status === "SUCCEEDED") break;
      if (Date.now() > deadline || r.status === "FAILED") throw new Error(`run ended ${r.status}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    // The site's investigator sees the numbers; the PI (no patient-level access to Severance) sees the small cell withheld.
    const investigator = await browser.newContext();
    const page = await investigator.newPage();
    await page.goto(`${base}/login`);
    await page.fill('input[name="email"]', "investigator.severance@fracval.demo");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await Promise.all([page.waitForURL("**/studies"), page.click('button[type="submit"]')]);
    await page.goto(`${base}/studies/${study.id}`);
    expect(await page.getByTestId("result-row").count()).toBe(1);
    expect(await page.getByTestId("c-model").textContent()).toMatch(/^0\.\d{3} \(0\.\d{3}–[01]\.\d{3}\)$/);
    expect(await page.getByTestId("c-frax").textContent()).toMatch(/^0\.\d{3} \(/);
    // The site's own results are a draft until its lead releases them.
    expect(await page.getByTestId("release-state").textContent()).toBe("Draft: not released");
    expect(await page.getByTestId("awaiting-release").textContent()).toMatch(
      /^1 finished run of your site awaits release/,
    );
    await page.screenshot({ path: join(dataDir, "results.png") });

    const piContext = await browser.newContext();
    const piPage = await piContext.newPage();
    await piPage.goto(`${base}/login`);
    await piPage.fill('input[name="email"]', "pi@fracval.demo");
    await piPage.fill('input[name="password"]', DEMO_PASSWORD);
    await Promise.all([piPage.waitForURL("**/studies"), piPage.click('button[type="submit"]')]);
    await piPage.goto(`${base}/studies/${study.id}`);
    expect(await piPage.getByTestId("no-results").isVisible()).toBe(true); // the draft is invisible to the PI

    // The lead releases it from the run page, with a comment; the run page shows the curves and provenance.
    await page.getByTestId("run-link").click();
    await page.waitForURL(`**/runs/${run.id}`);
    // The page's title is streamed with its metadata.
    await page.waitForFunction(() => document.title.endsWith("· FracVal"));
    expect(await page.title()).toBe("Severance · clinical-coxph-m1@1.0.0 · FracVal");
    expect(await page.getByTestId("provenance").textContent()).toContain("clinical-coxph-m1@1.0.0 · sha256 ");
    await page.fill('input[name="comment"]', "Checked against the registry");
    await page.getByTestId("release-button").click();
    await page.getByText("Released by Seo Severance").waitFor();
    expect(await page.getByTestId("chart").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(dataDir, "run.png"), fullPage: true });
    await investigator.close();

    await piPage.reload();
    expect(await piPage.getByTestId("withheld").textContent()).toContain("fewer than 10 patients or events");
    await piContext.close();
  }, 120_000);

  it("a partner hospital uploads a synthetic Boramae CT cohort with the CLI and runs the CT reference model; metrics equal packages/stats on the exported predictions", async () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [join(root, "apps/api/bin/fracval.js"), ...args], {
        env,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
    const created = cli([
      "apikey",
      "create",
      "--site",
      "Boramae",
      "--name",
      "partner upload",
      "--scopes",
      "datasets:read,datasets:write,patients:read,runs:read,runs:write,metrics:read,predictions:read",
    ]);
    expect(created.status, created.stderr).toBe(0);
    const key = created.stdout.trim();
    const folder = join(dataDir, "boramae-ct");
    const synth = cli([
      "synth",
      "--site",
      "Boramae",
      "--n",
      "24",
      "--seed",
      "31",
      "--modality",
      "ct",
      "--matched",
      "--out",
      folder,
    ]);
    expect(synth.status, synth.stderr).toBe(0);
    // As a hospital exports it: FRAX missing for the first 6 patients (deaths and follow-up after fractures
    // come from the generator itself).
    const manifestPath = join(folder, "manifest.csv");
    const lines = readFileSync(manifestPath, "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    for (const name of ["frax_mof_pct", "frax_hip_pct"])
      for (let r = 1; r <= 6; r++) lines[r]![lines[0]!.indexOf(name)] = "";
    writeFileSync(manifestPath, `${lines.map((l) => l.join(",")).join("\n")}\n`);
    const studies = await gqlAs(key, "{ studies { id slug } }").catch((error: unknown) => {
      throw new Error(`${String(error)}\n--- platform output (end) ---\n${platform.output().slice(-6000)}`);
    });
    const study = (studies.data!.studies as { id: string; slug: string }[]).find((s) => s.slug === "ct-bone-muscle")!;
    const upload = cli([
      "upload",
      "--api",
      `http://localhost:${ports.api}`,
      "--key",
      key,
      "--study",
      study.id,
      "--run",
      "ct-bone-muscle@1.0.0",
      "--timeout",
      "300",
      folder,
    ]);
    expect(upload.status, `${upload.stderr}\n--- platform output (end) ---\n${platform.output().slice(-6000)}`).toBe(0);
    expect(upload.stderr).toMatch(/READY: 24 patients/);
    expect(upload.stderr).toMatch(/SUCCEEDED: 24 scored, 0 failed/);
    const [ready, finished] = upload.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(finished).toMatchObject({ status: "SUCCEEDED", scored: 24 });

    // Exported predictions + the ingested outcomes (the synthetic truth of the manifest) → packages/stats.
    const csv = await (
      await fetch(`http://localhost:${ports.api}/exports/runs/${finished.runId}/predictions.csv`, {
        headers: { authorization: `Bearer ${key}` },
      })
    ).text();
    const exported = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const scoreOf = new Map(exported.map(([, pseudonym, score]) => [pseudonym!, Number(score)]));
    const manifestRowOf = new Map(exported.map(([row, pseudonym]) => [pseudonym!, Number(row)]));
    const { data: pd } = await gqlAs(
      key,
      "query($d: ID!) { patients(datasetId: $d) { id pseudonym baseline { fraxMof10y } outcome { followUpDays incidentVertebralFracture eventDays deathDays } } }",
      { d: ready.datasetId },
    );
    type Outcome = {
      followUpDays: number;
      incidentVertebralFracture: boolean;
      eventDays: number | null;
      deathDays: number | null;
    };
    const patients = (
      pd!.patients as { id: string; pseudonym: string; baseline: { fraxMof10y: number | null }; outcome: Outcome }[]
    ).sort((a, b) => (a.id < b.id ? -1 : 1));
    const manifest = readFileSync(join(folder, "manifest.csv"), "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const col = (name: string) => manifest[0]!.indexOf(name);
    const truth = manifest
      .slice(1)
      .map((r) => `${r[col("followup_days")]}/${r[col("incident_vertebral_fracture")]}/${r[col("event_days")]}`)
      .sort();
    expect(
      patients
        .map(
          (p) =>
            `${p.outcome.followUpDays}/${p.outcome.incidentVertebralFracture ? 1 : 0}/${p.outcome.eventDays ?? ""}`,
        )
        .sort(),
    ).toEqual(truth);
    // The export's manifest_row joins each prediction back to the site's own manifest row (no hospital ID stored).
    for (const p of patients)
      expect(Number(manifest[manifestRowOf.get(p.pseudonym)!]![col("followup_days")])).toBe(p.outcome.followUpDays);
    // Analysis time: the fracture day for a fracture (observation goes on after it), else the end of observation.
    const time = patients.map((p) =>
      analysisTimeDays({
        followUpDays: p.outcome.followUpDays,
        event: p.outcome.incidentVertebralFracture,
        eventDays: p.outcome.eventDays,
      }),
    );
    const event = patients.map((p) => (p.outcome.incidentVertebralFracture ? 1 : 0));
    const score = patients.map((p) => scoreOf.get(p.pseudonym)!);
    const { data: md } = await gqlAs(
      key,
      "query($r: ID!) { metricResults(runId: $r) { metric scoreSource subgroup horizonDays estimate se n } }",
      { r: finished.runId },
    );
    const metrics = md!.metricResults as {
      metric: string;
      scoreSource: string;
      subgroup: string;
      horizonDays: number | null;
      estimate: number;
      se: number | null;
      n: number;
    }[];
    // Deaths before a fracture are competing events: status 2 at the death day.
    const status = patients.map(
      (p) =>
        competingOutcome({
          followUpDays: p.outcome.followUpDays,
          event: p.outcome.incidentVertebralFracture,
          eventDays: p.outcome.eventDays,
          deathDays: p.outcome.deathDays,
        }).status,
    );
    const competing = patients.some((p) => p.outcome.deathDays !== null);
    const find = (metric: string, source: string, horizon: number | null = null) =>
      metrics.find(
        (m) => m.metric === metric && m.scoreSource === source && m.subgroup === "all" && m.horizonDays === horizon,
      );
    const c = harrellC(time, event, score);
    expect(find("harrellC", "model")!.estimate).toBe(c.estimate);
    expect(find("harrellC", "model")!.se).toBeCloseTo(c.se, 12);
    // Complete-case AUROC: under competing risks an early death is a control.
    const ccTime = time.map((t, i) => (competing && status[i] === 2 ? Math.max(t, 1827) : t));
    expect(find("auroc", "model", 1826)!.estimate).toBe(aurocAtHorizon(ccTime, event, score, 1826).estimate);
    const headline = competing
      ? competingRisksAuc(time, status, score, 1826)
      : timeDependentAuc(time, event, score, 1826);
    expect(find("timeDependentAuc", "model", 1826)!.estimate).toBeCloseTo(headline.estimate, 12);
    // The model on all 24; FRAX on the 18 that have it.
    expect(find("harrellC", "model")!.n).toBe(24);
    const withFrax = patients.flatMap((p, i) => (p.baseline.fraxMof10y !== null ? [i] : []));
    expect(withFrax).toHaveLength(18);
    const fraxC = harrellC(
      withFrax.map((i) => time[i]!),
      withFrax.map((i) => event[i]!),
      withFrax.map((i) => patients[i]!.baseline.fraxMof10y!),
    );
    expect(find("harrellC", "frax_mof")!.estimate).toBeCloseTo(fraxC.estimate, 12);
    expect(find("harrellC", "frax_mof")!.n).toBe(18);
    for (const frax of ["frax_mof", "frax_hip"]) expect(find("harrellC", frax), frax).toBeDefined();
    expect(find("harrellCDiff", "model-vs-frax_mof")).toBeDefined();
    expect(find("aurocDiff", "model-vs-frax_mof", 1826)).toBeDefined();
    expect(metrics.some((m) => m.scoreSource.startsWith("baseline:clinical-logistic-"))).toBe(true); // seed 001's clinical comparators

    // Boramae's patient-level data stays at Boramae: a Severance investigator is refused, and sees no pseudonym.
    const severance = await portalSession("investigator.severance@fracval.demo");
    const refused = await gqlAs(severance, "query($d: ID!) { patients(datasetId: $d) { pseudonym } }", {
      d: ready.datasetId,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND"); // another site's dataset: as if it did not exist
    expect(JSON.stringify(refused)).not.toContain(patients[0]!.pseudonym);
    const exportRefused = await fetch(`http://localhost:${ports.api}/exports/runs/${finished.runId}/predictions.csv`, {
      headers: { authorization: `Bearer ${severance}` },
    });
    expect(exportRefused.status).toBe(404);
  }, 420_000);

  it("an ADMIN manages users, access, keys and sites in the portal, and reads the audit trail by name", async () => {
    const base = `http://localhost:${ports.portal}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await page.fill('input[name="email"]', "admin@fracval.demo");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await Promise.all([page.waitForURL("**/admin/users"), page.click('button[type="submit"]')]);
    expect(await page.getByRole("link", { name: "Admin" }).getAttribute("aria-current")).toBe("page");

    // A new account: its one-time password is shown once, and it signs in.
    const create = page.getByTestId("create-user");
    await create.locator('input[name="email"]').fill("nia.new@hospital.example");
    await create.locator('input[name="name"]').fill("Nia New");
    await create.getByRole("button", { name: "Create" }).click();
    const password = (await create.getByTestId("secret-value").textContent())!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect((await gqlAs(await sessionFor("nia.new@hospital.example", password), "{ me { role } }")).data).toEqual({
      me: { role: "INVESTIGATOR" },
    });

    // A grant with its reason, shown in the list.
    const grant = page.getByTestId("grant");
    await grant.locator('select[name="userId"]').selectOption({ label: "Nia New (nia.new@hospital.example)" });
    await grant.locator('select[name="siteId"]').selectOption({ label: "Boramae" });
    await grant.locator('input[name="patientData"]').check();
    await grant.locator('input[name="reason"]').fill("joins the Boramae team");
    await grant.getByRole("button", { name: "Grant" }).click();
    await grant.getByText("Access to Boramae granted.").waitFor();
    await page.reload();
    expect(await page.getByTestId("user-row").filter({ hasText: "Nia New" }).textContent()).toContain(
      "Boramae · patient-level",
    );
    await page.screenshot({ path: join(screenshots, "admin-users.png"), fullPage: true });

    // Nia forgot the one-time password: the ADMIN resets it (a new one, shown once; the old one stops working).
    const niaRow = page.getByTestId("user-row").filter({ hasText: "Nia New" });
    await niaRow.getByText("Reset password…").click();
    const reset = niaRow.getByTestId("reset-password");
    await reset.locator('input[name="reason"]').fill("forgot it (ticket 4711)");
    await reset.getByRole("button", { name: "Reset password" }).click();
    const resetPassword = (await reset.getByTestId("secret-value").textContent())!;
    expect(resetPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(resetPassword).not.toBe(password);
    // Nia signs in with it and replaces it on her account page; then signs in with her own.
    const nia = await (await browser.newContext()).newPage();
    await nia.goto(`${base}/login`);
    await nia.fill('input[name="email"]', "nia.new@hospital.example");
    await nia.fill('input[name="password"]', password);
    await Promise.all([nia.waitForURL("**/login?error=1**"), nia.click('button[type="submit"]')]); // the old one
    await nia.fill('input[name="email"]', "nia.new@hospital.example");
    await nia.fill('input[name="password"]', resetPassword);
    await Promise.all([nia.waitForURL("**/studies"), nia.click('button[type="submit"]')]);
    await Promise.all([nia.waitForURL("**/account"), nia.getByRole("link", { name: "Account" }).click()]);
    expect(await nia.getByTestId("account-sites").textContent()).toContain("(Boramae): patient-level data");
    expect(await accessibilityViolations(nia)).toEqual([]);
    const changeForm = nia.getByTestId("change-password");
    const tryChange = async (next: string, repeat: string) => {
      await changeForm.locator('input[name="currentPassword"]').fill(resetPassword);
      await changeForm.locator('input[name="newPassword"]').fill(next);
      await changeForm.locator('input[name="repeatPassword"]').fill(repeat);
      await changeForm.getByRole("button", { name: "Change password" }).click();
    };
    await tryChange("correct horse battery staple", "correct horse battery stable");
    await changeForm.getByText("The two new passwords differ.").waitFor();
    await tryChange("nia.new is my name", "nia.new is my name");
    await changeForm.getByText(/The new password contains "nia\.new"/).waitFor();
    await Promise.all([
      nia.waitForURL("**/login?changed=1"),
      tryChange("lantern orchard 42 vellum", "lantern orchard 42 vellum"),
    ]);
    expect(await nia.getByRole("status").textContent()).toMatch(/^Your password is changed/);
    await nia.fill('input[name="email"]', "nia.new@hospital.example");
    await nia.fill('input[name="password"]', "lantern orchard 42 vellum");
    await Promise.all([nia.waitForURL("**/studies"), nia.click('button[type="submit"]')]);
    await nia.context().close();
    // Locked out after 5 failures, the sign-in page says so — not "wrong password" while the right one is typed.
    const guesser = await (await browser.newContext()).newPage();
    for (const attempt of ["guess-1", "guess-2", "guess-3", "guess-4", "guess-5", "lantern orchard 42 vellum"]) {
      await guesser.goto(`${base}/login`); // each attempt from a clean URL, so that the wait below is for its answer
      await guesser.fill('input[name="email"]', "nia.new@hospital.example");
      await guesser.fill('input[name="password"]', attempt);
      await Promise.all([guesser.waitForURL("**/login?error=**"), guesser.click('button[type="submit"]')]);
    }
    expect(await guesser.locator('p[role="alert"]').textContent()).toMatch(
      /^Too many failed sign-ins for this account or from your address: try again in 1[45] minute\(s\)\./,
    );
    await guesser.context().close();

    // A key: created (shown once, and it works), then revoked (and it stops working).
    await page.goto(`${base}/admin/keys`);
    const createKey = page.getByTestId("create-key");
    // The expiry field is drawn like the others (its class was a client reference's source text: invisible).
    expect(await createKey.locator('input[name="expiresInDays"]').getAttribute("class")).toMatch(
      /^max-w-full rounded border border-slate-300 .* w-24$/,
    );
    await createKey.locator('select[name="siteId"]').selectOption({ label: "Severance" });
    await createKey.locator('input[name="name"]').fill("registry dashboard");
    await createKey.getByRole("button", { name: "Create key" }).click();
    const key = (await createKey.getByTestId("secret-value").textContent())!;
    expect((await gqlAs(key, "{ me { kind } }")).data).toEqual({ me: { kind: "API_KEY" } });
    await page.reload();
    const row = page.getByTestId("key-row").filter({ hasText: "registry dashboard" });
    expect(await row.textContent()).toContain("Ada Admin");
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByText(/revoked/).waitFor();
    expect((await gqlAs(key, "{ me { kind } }")).errors).toBeDefined();

    // A partner hospital joins: it appears wherever a site does.
    await page.goto(`${base}/admin/sites`);
    const onboard = page.getByTestId("onboard");
    for (const [name, value] of Object.entries({
      code: "Gangnam",
      name: "Gangnam Partner Hospital",
      leadEmail: "lead@gangnam.example",
      leadName: "Gil Gangnam",
      keyName: "PACS bridge",
    }))
      await onboard.locator(`input[name="${name}"]`).fill(value);
    await onboard.getByRole("button", { name: "Onboard" }).click();
    expect(await onboard.getByTestId("secret-value").textContent()).toMatch(/lead password: .+\nAPI key: fv_/);
    await page.goto(`${base}/sites`);
    expect(await page.getByTestId("site-row").filter({ hasText: "Gangnam" }).count()).toBe(1);

    // A new model version by upload: the card is checked against the ONNX file; a mismatch is refused, named.
    const card = JSON.parse(readFileSync(join(root, "models/clinical-coxph-m1/1.0.0/manifest.json"), "utf8"));
    writeFileSync(join(dataDir, "card-ok.json"), JSON.stringify({ ...card, version: "1.0.1" }));
    writeFileSync(
      join(dataDir, "card-bad.json"),
      JSON.stringify({ ...card, version: "1.0.2", sha256: "0".repeat(64) }),
    );
    await page.goto(`${base}/admin/models`);
    const register = page.getByTestId("register-model");
    await register.locator('select[name="studyId"]').selectOption({
      label: "Lateral spine X-ray DeepSurv: time to incident vertebral fracture",
    });
    await register.locator('input[name="onnx"]').setInputFiles(join(root, "models/clinical-coxph-m1/1.0.0/model.onnx"));
    await register.locator('input[name="outputSemantics"]').fill("log hazard (age, sex)");
    await register.locator('input[name="manifest"]').setInputFiles(join(dataDir, "card-bad.json"));
    await register.getByRole("button", { name: "Check and register" }).click();
    expect(await register.getByRole("alert").textContent()).toMatch(
      /^Refused, nothing published: sha256 of the file: manifest\.sha256 is 0+ but the ONNX file hashes to/,
    );
    // The contract check item by item: only the sha256 failed; the file itself loads and runs.
    const checklist = register.getByTestId("contract-checklist").locator("tbody tr");
    expect(await checklist.count()).toBe(12);
    expect(
      await register
        .getByTestId("contract-checklist")
        .locator('tbody tr[data-status="FAILED"] td')
        .first()
        .textContent(),
    ).toBe("sha256 of the file");
    expect(await register.getByTestId("contract-checklist").locator('tr[data-status="PASSED"]').count()).toBe(11);
    await page.screenshot({ path: join(screenshots, "admin-model-contract-check.png"), fullPage: true });
    // A form action resets the form when it returns: the files are chosen again.
    await register.locator('input[name="onnx"]').setInputFiles(join(root, "models/clinical-coxph-m1/1.0.0/model.onnx"));
    await register.locator('input[name="outputSemantics"]').fill("log hazard (age, sex)");
    await register.locator('select[name="studyId"]').selectOption({
      label: "Lateral spine X-ray DeepSurv: time to incident vertebral fracture",
    });
    await register.locator('input[name="manifest"]').setInputFiles(join(dataDir, "card-ok.json"));
    await register.getByRole("button", { name: "Check and register" }).click();
    expect(await register.getByRole("status").textContent()).toMatch(
      /^clinical-coxph-m1@1\.0\.1 passed the contract check and is PUBLISHED/,
    );
    await page.reload();
    expect(await page.getByTestId("model-card").filter({ hasText: "clinical-coxph-m1@1.0.2" }).count()).toBe(0);
    // The registry reads as model cards: preprocessing in numbered steps, results as named numbers, and no
    // card wider than the page (the raw JSON ran on one line, about twice the page's width).
    const ct = page.getByTestId("model-card").filter({ hasText: "ct-bone-muscle@1.0.0" });
    expect(await ct.getByTestId("preprocessing").locator("li").allTextContents()).toEqual([
      "decodeDicom (units HU)",
      "equidistantIndices (count 14)",
      "resampleToSpacing (mm 1)",
      "windowIntensity (low -200, high 1000, outLow -1, outHigh 1)",
      // jsonb keeps an object's keys shortest first: the card's options come back in that order.
      "cropAround (bone 96 × 96, centre manifest ct_body_x/y, boneMuscle 96 × 144, boneMusclePosteriorMm 16)",
    ]);
    expect(await ct.getByTestId("external-results").locator("li").allTextContents()).toContain("harrellC 0.776");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // The audit trail names who did what, filtered by action family.
    await page.goto(`${base}/admin/audit?action=apikey.`);
    const actions = await page.getByTestId("audit-row").locator("td:nth-child(3)").allTextContents();
    expect(new Set(actions)).toEqual(new Set(["apikey.create", "apikey.revoke"]));
    expect(await page.getByTestId("audit-row").first().textContent()).toContain("Ada Admin");
    // Accounts named by name in the details, not by id: the one created above, with its role.
    await page.goto(`${base}/admin/audit?action=user.create`);
    const details = await page.getByTestId("audit-row").locator("td:nth-child(6)").allTextContents();
    expect(details).toContain("Nia New · role INVESTIGATOR");
    expect(details.join(" ")).not.toMatch(/\bc[a-z0-9]{24}\b/); // no bare account id left
    const csv = await page.request.get(`${base}/api/exports/audit.csv?action=site.`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\n")[1]).toMatch(/,site\.onboard,Ada Admin,admin@fracval\.demo,,Gangnam,/);
    await page.screenshot({ path: join(screenshots, "admin-audit.png"), fullPage: true });
    for (const path of ["/admin", "/admin/users", "/admin/keys", "/admin/sites", "/admin/models", "/admin/audit"]) {
      await page.goto(`${base}${path}`);
      expect([path, await accessibilityViolations(page)]).toEqual([path, []]);
    }
    // On a phone the console's pages stay within the screen: tables scroll in their box, fields fit the form.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/admin/users", "/admin/keys", "/admin/sites", "/admin/models", "/admin/audit"]) {
      await page.goto(`${base}${path}`);
      expect([path, await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)]).toEqual([
        path,
        0,
      ]);
    }
    await context.close();
  }, 120_000);

  it("a PI reads a populated study: overview matrix, forest plots with the pooled estimate, run page charts, case-mix", async () => {
    const base = `http://localhost:${ports.portal}`;
    const { databaseUrl } = JSON.parse(readFileSync(join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string };
    const db = createPrismaClient(databaseUrl);
    const { studyId, runIds } = await populateDemoResults(db, {
      studySlug: "ct-bone-muscle",
      sites: ["Bundang", "Boramae", "Severance"],
      models: 2,
      runsPerModel: 1,
      patientsPerSite: 400,
      repoRoot: root,
    });
    await db.$disconnect();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/studies/${studyId}`);
    await page.fill('input[name="email"]', "pi@fracval.demo");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await Promise.all([page.waitForURL(`**/studies/${studyId}`), page.click('button[type="submit"]')]);
    const overview = page.getByTestId("study-overview");
    await overview.getByTestId("chart").first().locator("svg.marks").waitFor();
    // The matrix, the matrix of differences model − comparator, and three forest plots.
    expect(await overview.getByTestId("chart").count()).toBe(5);
    await overview.getByTestId("chart").nth(4).locator("svg.marks").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.getByTestId("heterogeneity").first().textContent()).toMatch(
      /^I² \d+ %, τ² [\d.e-]+, Q [\d.]+ \(p /,
    );
    // The numbers behind a chart, as a table.
    const numbers = overview.getByTestId("chart-numbers").nth(2);
    await numbers.locator("summary").click();
    await numbers.locator("tbody tr").first().waitFor(); // built when opened
    expect(await numbers.locator("tbody tr").filter({ hasText: "Pooled (REML, HKSJ, k = 3)" }).count()).toBe(1);
    await overview.getByTestId("chart").nth(4).locator("svg.marks").waitFor();
    expect(await chartOverflows(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "study-overview.png"), fullPage: true });
    // Seen again while nothing changed: the portal's page cache serves the page it rendered, byte for byte
    // (a write elsewhere on the platform between the two requests renders it again: tried up to 3 times).
    let reload = { first: "", again: "", how: "" };
    for (let attempt = 0; attempt < 3 && reload.how !== "hit"; attempt++) {
      const first = await page.request.get(`${base}/studies/${studyId}`);
      const again = await page.request.get(`${base}/studies/${studyId}`);
      reload = { first: await first.text(), again: await again.text(), how: again.headers()["x-page-cache"] ?? "" };
    }
    expect(reload.how).toBe("hit");
    expect(reload.again).toBe(reload.first);
    expect(reload.again).toContain("Pooled (REML, HKSJ, k = 3)");
    // A site's designated dataset: Bundang has the demo cohort of `npm start` and the one added above.
    const designate = page.getByTestId("designated-dataset-Bundang");
    const choices = await designate
      .locator("option")
      .evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ""]));
    expect(choices[0]![0]).toBe(""); // the default: the newest dataset with a released run
    expect(choices.length).toBe(3);
    const bundangRuns = () =>
      page
        .getByTestId("result-row")
        .filter({ hasText: "Bundang" })
        .getByTestId("run-link")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("/").pop()!));
    // By default Bundang's rows are the runs added above (the newest released dataset)…
    expect((await bundangRuns()).every((id) => runIds.includes(id))).toBe(true);
    await designate.selectOption(choices.at(-1)![0]!);
    await Promise.all([page.waitForURL(/dataset=/), overview.getByRole("button", { name: "Show" }).click()]);
    // …designated, they are the older demo cohort's, one row per model version still.
    const designatedRuns = await bundangRuns();
    expect(designatedRuns).toHaveLength(2);
    expect(designatedRuns.some((id) => runIds.includes(id))).toBe(false);
    // The Brier score of every score by site; drawn per site, not pooled (no standard error), and said so.
    await page.goto(`${base}/studies/${studyId}?metric=brier`);
    await overview.getByTestId("chart").first().locator("svg.marks").waitFor();
    expect(await overview.getByTestId("chart").first().getAttribute("aria-label")).toBe(
      "Brier score by site and model version",
    );
    const matrixNumbers = overview.getByTestId("chart-numbers").first();
    await matrixNumbers.locator("summary").click();
    await matrixNumbers.locator("tbody tr").first().waitFor();
    expect(
      await matrixNumbers
        .locator("tbody tr")
        .filter({ hasText: /^Bundang · .+Model0\.\d{3}$/ })
        .count(),
    ).toBe(2);
    expect(await page.getByTestId("heterogeneity").first().textContent()).toBe(
      "Not pooled: the Brier score and IPA are stored without a standard error: shown per site, not pooled.",
    );
    // O/E pooled across sites on the log scale from each run's stored SE (no SE was stored: never pooled).
    await page.goto(`${base}/studies/${studyId}?metric=calibrationOE`);
    await overview.getByTestId("chart").first().locator("svg.marks").waitFor();
    expect(await page.getByTestId("heterogeneity").first().textContent()).toMatch(/^I² \d+ %, τ² [\d.e-]+, Q /);
    // The demo records deaths: no calibration slope (Aalen-Johansen calibration), and the page says why.
    await page.goto(`${base}/studies/${studyId}?metric=calibrationSlope`);
    expect(await page.getByTestId("no-metric").textContent()).toMatch(/not computed where death is a competing event/);

    await page.goto(`${base}/runs/${runIds[0]}`);
    await page.getByTestId("chart").first().locator("svg.marks").waitFor();
    const titles = await page
      .getByTestId("chart")
      .evaluateAll((figures) => figures.map((f) => f.getAttribute("aria-label")));
    expect(titles).toEqual([
      "ROC at 5 years (complete case)",
      "Time-dependent AUC(t) over follow-up (censoring-weighted, 95 % CI)",
      "Cumulative incidence of vertebral fracture by tertiles of the model score",
      "Calibration at 5 years",
      "Decision curve at 5 years",
      "Harrell's C of the model by subgroup",
    ]);
    expect(await page.getByTestId("release-state").textContent()).toBe("Released");
    // Every chart fits its card at 1280 px, all six drawn (no horizontal scrolling inside a card), and the
    // decision curve's legend names its lines.
    await page.getByTestId("chart").nth(5).locator("svg.marks").waitFor();
    expect(await chartOverflows(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.getByTestId("chart").nth(4).locator(".role-legend-label text").allTextContents()).toEqual(
      expect.arrayContaining(["Model", "FRAX MOF", "Treat all", "Treat none"]),
    );
    await page.screenshot({ path: join(screenshots, "run-page.png"), fullPage: true });

    // The TRIPOD+AI report: every section, the charts rendered on the server, SYNTHETIC flagged; and as a PDF.
    await page.getByTestId("report-link").click();
    await page.waitForURL(`**/runs/${runIds[0]}/report`);
    const sections = await page.getByTestId("report-section").locator("h2").allTextContents();
    expect(sections.map((h) => h.replace(/^[\d, e]+/, ""))).toEqual([
      "Source of data and setting",
      "Participants and flow",
      "Outcome and predictors",
      "Sample size and missing data",
      "The model",
      "Performance",
      "Comparison with FRAX and clinical baselines",
      "Limitations",
      "Provenance and software",
    ]);
    expect(await page.getByTestId("synthetic-banner").textContent()).toMatch(/^SYNTHETIC DATA/);
    // Predictors as a paper names them, not the model card's JSON.
    const predictors = await page
      .getByTestId("report-section")
      .filter({ hasText: "Outcome and predictors" })
      .textContent();
    expect(predictors).toMatch(
      /clinical features, standardised [^:]+: age \(mean \d+\.\d+, SD \d+\.\d+\); female, from col/,
    );
    expect(predictors).not.toContain('{"');
    const figures = page.locator(".report-figure img");
    expect(await figures.count()).toBe(6);
    expect(await figures.first().getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(await figures.first().getAttribute("alt")).toBe("ROC at 5 years (complete case)");
    const pdf = await page.request.get(`${base}/runs/${runIds[0]}/report.pdf`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(20_000);
    // The reproducibility bundle through the portal's authenticated download.
    const bundle = await page.request.get(`${base}/api/exports/runs/${runIds[0]}/bundle.zip`);
    expect(bundle.status()).toBe(200);
    expect((await bundle.body()).subarray(0, 2).toString()).toBe("PK");

    // The study's report: the sites' sources and flow, forests with the pooled estimates, FRAX, as a PDF too.
    await page.goto(`${base}/studies/${studyId}/report`);
    expect(await page.getByTestId("report-section").locator("h2").allTextContents()).toHaveLength(7);
    const studyFigures = page.locator(".report-figure img");
    expect(await studyFigures.count()).toBe(4);
    expect(await studyFigures.first().getAttribute("alt")).toBe("Harrell's C of demo-deepsurv-01@1.0.0 by site");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.locator(".report-figure figcaption").first().textContent()).toMatch(/^I² \d+ %/);
    const studyPdf = await page.request.get(`${base}/studies/${studyId}/report.pdf`);
    expect(studyPdf.status()).toBe(200);
    expect((await studyPdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await page.goto(`${base}/studies/${studyId}/case-mix`);
    const table = page.getByTestId("case-mix");
    expect(await table.locator("thead th").allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Boramae/),
        expect.stringMatching(/^Bundang/),
        expect.stringMatching(/^Severance/),
      ]),
    );
    expect(await table.locator("tbody tr").filter({ hasText: "Age (years)" }).textContent()).toMatch(
      /\d+\.\d ± \d+\.\d/,
    );
    await page.getByTestId("chart").first().locator("svg.marks").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "case-mix.png"), fullPage: true });

    // 390 px wide: the results table becomes cards.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/studies/${studyId}`);
    const card = page.getByTestId("result-row").first();
    expect(await card.evaluate((el) => getComputedStyle(el).display)).toBe("block");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await page.screenshot({ path: join(screenshots, "study-phone.png") });
    await context.close();
  }, 180_000);

  it("an investigator starts a run from their datasets, follows it to the end, then withdraws the dataset", async () => {
    const base = `http://localhost:${ports.portal}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/datasets`);
    await page.fill('input[name="email"]', "investigator.boramae@fracval.demo");
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await Promise.all([page.waitForURL("**/datasets"), page.click('button[type="submit"]')]);
    // The X-ray set uploaded in the portal earlier (4 patients), READY.
    const card = page
      .getByTestId("dataset")
      .filter({ hasText: "Lateral spine X-ray DeepSurv" })
      .filter({ has: page.getByTestId("dataset-status").getByText("READY", { exact: true }) })
      .first();
    const start = card.getByTestId("start-run");
    await start.locator('select[name="modelVersionId"]').selectOption({ label: "xray-deepsurv@1.0.0" });
    await start.getByRole("button", { name: "Start a run" }).click();
    await start.getByText(/queued/).waitFor();
    // The page refreshes itself while the run moves; the workers finish it.
    await card.getByTestId("run-status").getByText("succeeded").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(screenshots, "my-datasets.png"), fullPage: true });

    await card.locator("summary").getByText("Withdraw this dataset").click();
    const withdraw = card.getByTestId("withdraw-dataset");
    await withdraw.locator('input[name="reason"]').fill("uploaded to the wrong study");
    await withdraw.getByRole("button", { name: "Withdraw" }).click();
    // The card now says WITHDRAWN (it no longer matches the READY filter above), its run kept.
    const withdrawn = page
      .getByTestId("dataset")
      .filter({ has: page.getByTestId("dataset-status").getByText("WITHDRAWN", { exact: true }) });
    await withdrawn.first().waitFor();
    expect(await withdrawn.first().textContent()).toContain("uploaded to the wrong study");
    expect(await withdrawn.first().getByTestId("run-status").first().textContent()).toBe("succeeded");
    const { databaseUrl } = JSON.parse(readFileSync(join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string };
    const db = createPrismaClient(databaseUrl);
    const dataset = await db.validationDataset.findFirstOrThrow({
      where: { status: "WITHDRAWN", withdrawReason: "uploaded to the wrong study" },
      include: { runs: { include: { _count: { select: { metrics: true, predictions: true } } } } },
    });
    expect(await db.patient.count({ where: { datasetId: dataset.id } })).toBe(0);
    expect(dataset.runs[0]!._count).toEqual({ metrics: expect.any(Number), predictions: 0 });
    expect(dataset.runs[0]!._count.metrics).toBeGreaterThan(0); // the aggregates stay
    await db.$disconnect();
    await context.close();
  }, 120_000);

  it("restarts a worker killed with SIGKILL, leaving the API, the portal and the database running", async () => {
    const started = (name: string) =>
      [...platform.output().matchAll(new RegExp(`\\[fracval\\S*\\s+${name} started \\(pid (\\d+)\\)`, "g"))].map((m) =>
        Number(m[1]),
      );
    const [workerPid] = started("worker");
    const [apiPid] = started("api");
    expect(workerPid).toBeGreaterThan(0);
    process.kill(-workerPid!, "SIGKILL"); // the worker's process group, as an OOM kill would
    const restarted = await waitFor(async () => started("worker").find((pid) => pid !== workerPid) ?? null, 30_000);
    expect(platform.output()).toMatch(/worker exited \(killed by a signal\); restarting in 1 s \(restart 1\)/);
    expect(restarted).not.toBe(workerPid);
    expect(started("api")).toEqual([apiPid]); // the API was never restarted
    expect((await fetch(`http://localhost:${ports.api}/healthz`)).status).toBe(200);
    expect((await fetch(`http://localhost:${ports.portal}/login`)).status).toBe(200);
    // The new worker heartbeats: the platform is ready again.
    await waitFor(async () => (await fetch(`http://localhost:${ports.api}/readyz`)).status === 200, 60_000);
  }, 120_000);

  it("stops every process on Ctrl-C, then a second start keeps the data and seeds nothing", async () => {
    expect(processesOfThisPlatform().length).toBeGreaterThanOrEqual(5); // start, postgres, api, worker, portal
    expect(await stopPlatform(platform)).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(processesOfThisPlatform()).toEqual([]);

    platform = await startPlatform();
    expect(platform.output()).toContain("migrations up to date");
    expect(platform.output()).not.toContain("seeded demo");
    const res = await gql("{ me { role } datasets { patientCount } }", apiKey); // the key from the first run still works
    expect(res.data).toMatchObject({ me: { role: "PARTNER" } });
    expect(await stopPlatform(platform), platform.output()).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(processesOfThisPlatform()).toEqual([]);
  }, 300_000);
});
