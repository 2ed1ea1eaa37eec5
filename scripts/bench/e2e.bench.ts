// `npm run bench:e2e [-- [ct | verte-x] N ...]`: a partner hospital's whole path, timed as it would experience it — N
// synthetic X-ray patients uploaded with `fracval upload --run xray-deepsurv@1.0.0` (or, with `ct`, abdominal CT
// series with `--run ct-bone-muscle@1.0.0`; GraphQL + tus, sha256 on both sides) to a real API and worker on
// embedded PostgreSQL, from start to metrics stored. Prints each phase (upload, ingestion, scoring, metrics)
// with its rate and the peak RSS of every process, then the reference for ingestion: this disk copying the same
// files. Default N = 1,000; pass 10000 for the issue's large case (its folder is about 12 GB: generated once per
// run, deleted after).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApiKey, FileContentStore, registerModelDirectory, seedDemoData } from "@fracval/core";
import { applyMigrations, createPrismaClient, freePort, startEmbeddedPostgres } from "@fracval/db";
import { ctWriter, findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { cpuSeconds, peakRssMb } from "@fracval/testing";
import { waitForHttp } from "../platform.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const args = process.argv.slice(2);
const sizes = args.map(Number).filter((n) => Number.isInteger(n) && n > 0);
// `verte-x`: the same radiographs scored by verte-x-pvf (the whole CLAHE-equalised frame) instead.
const MODALITY = args.includes("ct")
  ? { name: "CT", synth: "ct" as const, study: "ct-bone-muscle", model: "ct-bone-muscle@1.0.0", profile: "Boramae" }
  : {
      name: "X-ray",
      synth: "xray" as const,
      ...(args.includes("verte-x")
        ? { study: "verte-x-pvf", model: "verte-x-pvf@1.0.0" }
        : { study: "xray-deepsurv", model: "xray-deepsurv@1.0.0" }),
      profile: "Severance",
    };
const SECRET = "bench-pseudonym-secret-0123456789";

async function benchmark(n: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "fracval-bench-e2e-pg-"));
  const storageDir = mkdtempSync(join(tmpdir(), "fracval-bench-e2e-store-"));
  const uploadsDir = mkdtempSync(join(tmpdir(), "fracval-bench-e2e-uploads-"));
  // BENCH_DATA=DIR keeps the generated folder there and uses it again on the next run (same N and modality).
  const kept = process.env.BENCH_DATA ? join(process.env.BENCH_DATA, `${MODALITY.synth}-${n}`) : null;
  const folder = kept ?? mkdtempSync(join(tmpdir(), `fracval-bench-e2e-${n}-`));
  const processes: ChildProcess[] = [];
  const pg = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false });
  try {
    await applyMigrations(pg.url);
    const db = createPrismaClient(pg.url);
    await seedDemoData(db, { pseudonymSecret: SECRET, demoPatientsPerSite: 1 });
    await registerModelDirectory(db, new FileContentStore(storageDir), join(root, "models"));
    const site = await db.site.findFirstOrThrow({ where: { code: MODALITY.profile } });
    const study = await db.study.findFirstOrThrow({ where: { slug: MODALITY.study } });
    const { key } = await createApiKey(db, null, {
      siteId: site.id,
      name: "bench",
      scopes: ["DATASETS_READ", "DATASETS_WRITE", "RUNS_READ", "RUNS_WRITE", "METRICS_READ"],
    });

    const generated = performance.now();
    const profile = findProfile(MODALITY.profile);
    const writeImages = MODALITY.synth === "ct" ? ctWriter(profile, 2026) : xrayWriter(profile, 2026);
    if (!kept || !existsSync(join(kept, "manifest.csv"))) {
      rmSync(folder, { recursive: true, force: true });
      writeDataset({ profile, n, seed: 2026, out: folder, modality: MODALITY.synth, writeImages });
    }
    const imagePaths = filesUnder(join(folder, "images"));
    const bytes = imagePaths.reduce((sum, path) => sum + statSync(path).size, 0);
    const imageFiles = imagePaths.length;
    console.log(
      `${n} patients generated in ${((performance.now() - generated) / 1000).toFixed(0)} s (${(bytes / 1024 ** 3).toFixed(2)} GB of DICOM)`,
    );

    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: pg.url,
      AUTH_SECRET: "bench-auth-secret-0123456789-0123456789",
      API_PORT: String(port),
      FRACVAL_STORAGE_DIR: storageDir,
      FRACVAL_UPLOAD_DIR: uploadsDir,
      FRACVAL_PSEUDONYM_SECRET: SECRET,
      EXECUTION_PROVIDERS: process.env.EXECUTION_PROVIDERS ?? "cpu",
    };
    // BENCH_PROFILE=DIR writes a V8 CPU profile of the CLI, the API and each worker there (where the time goes).
    const cpuProfile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    const start = (name: string, entry: string) => {
      const child = spawn(process.execPath, [...cpuProfile, "--import", "tsx", join(root, entry)], {
        env,
        stdio: ["ignore", "ignore", "inherit"],
      });
      processes.push(child);
      return { name, child };
    };
    const api = start("api", "apps/api/src/server.ts");
    const workers = Array.from({ length: Number(process.env.WORKERS ?? 1) }, (_, i) =>
      start(`worker ${i + 1}`, "apps/worker/src/main.ts"),
    );
    await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000, (status) => status === 200);

    // The CLI, as a partner runs it; each line of its progress is time-stamped as it arrives, and the CPU
    // seconds each process (PostgreSQL with its backends) has used so far are read at that moment.
    const marks: Record<string, number> = {};
    let uploadedAt = 0; // wall clock, to compare with the database's timestamps
    const postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const cpuAt: Record<string, Record<string, number>> = {};
    const t0 = performance.now();
    const cli = spawn(
      process.execPath,
      [
        ...cpuProfile,
        join(root, "apps/api/bin/fracval.js"),
        "upload",
        "--api",
        `http://127.0.0.1:${port}`,
        "--key",
        key,
        "--study",
        study.id,
        "--run",
        MODALITY.model,
        "--timeout",
        "7200",
        folder,
      ],
      { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
    );
    processes.push(cli);
    const measured = () => ({
      cli: cli.pid!,
      api: api.child.pid!,
      ...Object.fromEntries(workers.map((w) => [w.name, w.child.pid!])),
      postgres: postmaster,
    });
    const readCpu = () => Object.fromEntries(Object.entries(measured()).map(([name, pid]) => [name, cpuSeconds(pid)]));
    cpuAt.start = readCpu();
    let cliPeak = 0;
    const sampler = setInterval(() => (cliPeak = Math.max(cliPeak, peakRssMb(cli.pid!))), 500);
    let stderr = "";
    cli.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
      const at = performance.now() - t0;
      for (const [mark, pattern] of [
        ["uploaded", /file\(s\) uploaded/],
        ["ready", /READY:/],
        ["queued", /Run \w+ of/],
        ["succeeded", /SUCCEEDED:/],
      ] as const) {
        if (marks[mark] === undefined && pattern.test(stderr)) {
          marks[mark] = at;
          if (mark === "uploaded") uploadedAt = Date.now();
          cpuAt[mark] = readCpu();
        }
      }
    });
    const code = await new Promise<number | null>((resolve) => cli.on("exit", resolve));
    clearInterval(sampler);
    const total = (performance.now() - t0) / 1000;
    if (code !== 0) throw new Error(`fracval upload exited ${code}: ${stderr.slice(-2000)}`);

    // Ingestion and scoring as the database recorded them; metrics = after the last batch until SUCCEEDED.
    const run = await db.validationRun.findFirstOrThrow({
      where: { modelVersion: { family: MODALITY.model.split("@")[0] } },
      orderBy: { createdAt: "desc" },
    });
    // Each patient scored once, whatever the number of workers (a prediction is unique per run and patient).
    const predictions = await db.prediction.count({ where: { runId: run.id } });
    if (predictions !== n) throw new Error(`${predictions} predictions stored for ${n} patients`);
    const seconds = (ms: number | undefined) => (ms === undefined ? Number.NaN : ms / 1000);
    const upload = seconds(marks.uploaded);
    // Ingestion ends when the dataset turned READY (its readyAt), not when the CLI next polled and saw it.
    const dataset = await db.validationDataset.findUniqueOrThrow({ where: { id: run.datasetId } });
    const ingestion = (dataset.readyAt!.getTime() - uploadedAt) / 1000;
    const scoring = (run.progressAt!.getTime() - run.startedAt!.getTime()) / 1000;
    const metrics = (run.finishedAt!.getTime() - run.progressAt!.getTime()) / 1000;
    const mb = bytes / 1024 ** 2;
    console.log(
      `\nN = ${n} ${MODALITY.name} patients, ${mb.toFixed(0)} MB — ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)} at the end`,
    );
    console.log(
      `  upload     ${upload.toFixed(1)} s  ${(mb / upload).toFixed(0)} MB/s (CLI → API over loopback, sha256 on both sides)`,
    );
    console.log(
      `  ingestion  ${ingestion.toFixed(1)} s  ${(n / ingestion).toFixed(0)} patients/s` +
        (imageFiles > n ? `, ${(imageFiles / ingestion).toFixed(0)} slices/s (${imageFiles} files)` : ""),
    );
    console.log(
      `  scoring    ${scoring.toFixed(1)} s  ${(n / scoring).toFixed(0)} patients/s (${MODALITY.model}, ${run.executionProvider}; ${predictions} predictions, one per patient)`,
    );
    console.log(`  metrics    ${metrics.toFixed(1)} s`);
    console.log(`  total      ${total.toFixed(1)} s from \`fracval upload\` to metrics stored`);
    // CPU seconds per phase and process: where the cores went (a phase's wall time × cores is the most there was).
    const phases = [
      ["upload", "start", "uploaded"],
      ["ingestion", "uploaded", "ready"],
      ["scoring+metrics", "queued", "succeeded"],
    ] as const;
    for (const [phase, from, to] of phases) {
      if (!cpuAt[from] || !cpuAt[to]) continue;
      const used = Object.keys(measured()).map((name) => [name, cpuAt[to]![name]! - cpuAt[from]![name]!] as const);
      const wall = (marks[to]! - (marks[from] ?? 0)) / 1000;
      console.log(
        `  CPU ${phase.padEnd(16)} ${used.map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(", ")} ` +
          `(of ${(wall * cpus().length).toFixed(1)} core-s)`,
      );
    }
    console.log(
      `  peak RSS   CLI ${cliPeak.toFixed(0)} MB, API ${peakRssMb(api.child.pid!).toFixed(0)} MB, ${workers.map((w) => `${w.name} ${peakRssMb(w.child.pid!).toFixed(0)} MB`).join(", ")}`,
    );
    // A normal stop (SIGTERM), so that a profile is written.
    for (const { child } of [api, ...workers]) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await db.$disconnect();
    diskReference(imagePaths, storageDir, bytes, ingestion);
  } finally {
    for (const child of processes) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await pg.stop();
    for (const dir of [dataDir, storageDir, uploadsDir, ...(kept ? [] : [folder])])
      rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The reference for ingestion: what this disk does with the same files without our code — each image file copied
 * (the kernel's copy, one thread) into a folder beside the store, after a sync so that no earlier write is still
 * being flushed, then flushed itself. Ingestion reads each uploaded file and writes a de-identified copy of about
 * the same size, so at the N where the copies no longer fit in memory this is the rate it cannot beat.
 */
function diskReference(files: string[], besideStore: string, bytes: number, ingestionSeconds: number) {
  const copies = mkdtempSync(join(dirname(besideStore), "fracval-bench-e2e-copies-"));
  try {
    execFileSync("sync");
    const started = performance.now();
    files.forEach((path, k) => copyFileSync(path, join(copies, String(k))));
    const copied = (performance.now() - started) / 1000;
    execFileSync("sync");
    const flushed = (performance.now() - started) / 1000;
    const mb = bytes / 1024 ** 2;
    console.log(
      `  disk reference: the ${files.length} image files copied in ${copied.toFixed(1)} s ` +
        `(${(mb / copied).toFixed(0)} MB/s, ${(files.length / copied).toFixed(0)} files/s), ${flushed.toFixed(1)} s with the flush to disk ` +
        `(${(mb / flushed).toFixed(0)} MB/s); ingestion took ${(ingestionSeconds / copied).toFixed(2)}× the copy's time`,
    );
  } finally {
    rmSync(copies, { recursive: true, force: true });
  }
}

/** Every file under `path` (a CT patient is a folder of slices). */
function filesUnder(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((entry) => filesUnder(join(path, entry))) : [path];
}

for (const n of sizes.length ? sizes : [1_000]) await benchmark(n);
