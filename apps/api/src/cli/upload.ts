// `fracval upload --api URL --key KEY --study ID DIR`: uploads a dataset folder as a partner hospital
// would — only through the public GraphQL API and the tus endpoint, with a scoped API key — shows
// progress, waits for validation and prints the report; with `--run MODEL` it then starts a validation
// run of that model version (family@version or id), shows its progress and prints its metrics.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Upload } from "tus-js-client";
import { UsageError } from "./usage-error.js";

export interface UploadFlags {
  api: string;
  key: string;
  study: string;
  name?: string;
  scores?: string;
  timeout?: string;
  run?: string;
}

interface Problem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      if (f.startsWith(".")) continue;
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** SHA-256 of a file, read as a stream in chunks. */
async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function uploadDataset(dir: string, flags: UploadFlags, log: (line: string) => void = (l) => process.stderr.write(l)): Promise<number> {
  if (!existsSync(join(dir, "manifest.csv"))) throw new UsageError(`DIR: ${dir} has no manifest.csv`);
  const graphqlUrl = new URL("/graphql", flags.api).toString();
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(graphqlUrl, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${flags.key}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new UsageError(`${body.errors[0]!.extensions?.code ?? "ERROR"}: ${body.errors[0]!.message}`);
    return body.data!;
  };

  const { me } = await gql<{ me: { sites: { site: { id: string; code: string } }[] } }>("{ me { sites { site { id code } } } }");
  const site = me.sites[0]?.site;
  if (!site) throw new UsageError("--key: this key belongs to no site");
  const scores = flags.scores ? flags.scores.split(",").map((s) => s.trim()).filter(Boolean) : [];
  const { createValidationDataset: dataset } = await gql<{ createValidationDataset: { id: string } }>(
    "mutation($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }",
    { input: { studyId: flags.study, siteId: site.id, name: flags.name ?? dir.split(sep).filter(Boolean).pop() ?? "upload", providedScoreNames: scores } },
  );
  log(`Dataset ${dataset.id} (${site.code}) created; uploading…\n`);

  const files = filesOf(dir);
  const total = files.reduce((s, f) => s + statSync(f).size, 0);
  let done = 0;
  const progress = () => log(`\r  ${(done / 1024 / 1024).toFixed(1)} / ${(total / 1024 / 1024).toFixed(1)} MB (${total ? Math.floor((100 * done) / total) : 100}%)`);
  const uploadOne = async (file: string) => {
    const sha256 = await sha256OfFile(file); // streamed: a file is never read whole into memory
    await new Promise<void>((resolveUpload, reject) => {
      const size = statSync(file).size;
      let sent = 0;
      const upload = new Upload(createReadStream(file), {
        endpoint: new URL("/uploads/", flags.api).toString(),
        uploadSize: size,
        chunkSize: 8 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000],
        headers: { authorization: `Bearer ${flags.key}` },
        metadata: { datasetId: dataset.id, relativePath: relative(dir, file).split(sep).join("/"), sha256 },
        onProgress: (bytes) => {
          done += bytes - sent;
          sent = bytes;
          progress();
        },
        onSuccess: () => resolveUpload(),
        onError: (error) => reject(new UsageError(`upload of ${relative(dir, file)} failed: ${error.message}`)),
      });
      upload.start();
    });
  };
  const queue = [...files];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) await uploadOne(f);
  }));
  log(`\n${files.length} file(s) uploaded; validating…\n`);

  await gql("mutation($id: ID!) { finishValidationDatasetUpload(id: $id) { id } }", { id: dataset.id });
  const deadline = Date.now() + Number(flags.timeout ?? 1800) * 1000;
  for (;;) {
    const { dataset: d } = await gql<{ dataset: { status: string; progressDone: number; progressTotal: number; progressState: string; secondsSinceProgress: number | null; patientCount: number; eventCount: number; imageCount: number; sha256: string | null; validationReport: { problems?: Problem[]; problemCount?: number } | null } }>(
      "query($id: ID!) { dataset(id: $id) { status progressDone progressTotal progressState secondsSinceProgress patientCount eventCount imageCount sha256 validationReport } }",
      { id: dataset.id },
    );
    if (d.status === "VALIDATING" && d.progressTotal) log(`\r  validated ${d.progressDone} / ${d.progressTotal} rows${waiting(d)}`);
    if (d.status === "READY") {
      log(`\nREADY: ${d.patientCount} patients, ${d.eventCount} incident fractures, ${d.imageCount} images; sha256 ${d.sha256}\n`);
      process.stdout.write(`${JSON.stringify({ datasetId: dataset.id, status: d.status, patients: d.patientCount, events: d.eventCount, images: d.imageCount, sha256: d.sha256 })}\n`);
      return flags.run ? runModel(gql, dataset.id, flags, log) : 0;
    }
    if (d.status === "REJECTED") {
      const problems = d.validationReport?.problems ?? [];
      log(`\nREJECTED: ${d.validationReport?.problemCount ?? problems.length} problem(s); nothing was stored.\n`);
      for (const p of problems.slice(0, 50)) log(`  row ${p.row}${p.column ? `, column ${p.column}` : ""}${p.value ? ` (value "${p.value}")` : ""}: ${p.reason}\n`);
      process.stdout.write(`${JSON.stringify({ datasetId: dataset.id, status: d.status, problems })}\n`);
      return 1;
    }
    if (Date.now() > deadline) throw new UsageError(`validation of ${dataset.id} did not finish within --timeout`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** What the progress line says when nothing has moved for a while: the truth, not a frozen ETA. */
function waiting(p: { progressState: string; secondsSinceProgress: number | null }): string {
  return p.progressState === "WAITING_FOR_RETRY" ? `, waiting for a retry (no progress for ${p.secondsSinceProgress} s; a worker may have stopped)   ` : "";
}

interface RunMetric {
  metric: string;
  scoreSource: string;
  subgroup: string;
  horizonDays: number | null;
  estimate: number;
  ciLower: number | null;
  ciUpper: number | null;
  details: { p?: number } | null;
}

/** Starts a run of `--run` (family@version or a model version id) on the dataset, waits for it and prints its metrics. */
async function runModel(gql: Gql, datasetId: string, flags: UploadFlags, log: (line: string) => void): Promise<number> {
  const { study } = await gql<{ study: { models: { id: string; family: string; version: string }[] } }>("query($id: ID!) { study(id: $id) { models { id family version } } }", { id: flags.study });
  const model = study.models.find((m) => m.id === flags.run || `${m.family}@${m.version}` === flags.run);
  if (!model) throw new UsageError(`--run: no model version "${flags.run}" in this study (have ${study.models.map((m) => `${m.family}@${m.version}`).join(", ")})`);
  const { createValidationRun: created } = await gql<{ createValidationRun: { id: string } }>("mutation($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }", { m: model.id, d: datasetId });
  log(`Run ${created.id} of ${model.family}@${model.version} queued…\n`);
  const deadline = Date.now() + Number(flags.timeout ?? 1800) * 1000;
  for (;;) {
    const { run } = await gql<{ run: { status: string; progressDone: number; progressTotal: number; progressFailed: number; imagesPerSecond: number | null; etaSeconds: number | null; progressState: string; secondsSinceProgress: number | null; executionProvider: string | null; error: string | null } }>(
      "query($id: ID!) { run(id: $id) { status progressDone progressTotal progressFailed imagesPerSecond etaSeconds progressState secondsSinceProgress executionProvider error } }",
      { id: created.id },
    );
    if (run.status === "RUNNING" || run.status === "COMPUTING_METRICS") {
      const rate = run.imagesPerSecond !== null ? `, ${run.imagesPerSecond.toFixed(1)} images/s` : "";
      const eta = run.progressState === "WAITING_FOR_RETRY" ? waiting(run) : run.status === "COMPUTING_METRICS" ? ", computing metrics" : run.etaSeconds !== null ? `, ETA ${run.etaSeconds} s` : "";
      log(`\r  scored ${run.progressDone} / ${run.progressTotal}${run.progressFailed ? ` (${run.progressFailed} failed)` : ""}${rate}${eta}${run.executionProvider ? ` on ${run.executionProvider.toUpperCase()}` : ""}   `);
    }
    if (run.status === "SUCCEEDED") {
      const { metricResults } = await gql<{ metricResults: RunMetric[] }>("query($id: ID!) { metricResults(runId: $id) { metric scoreSource subgroup horizonDays estimate ciLower ciUpper details } }", { id: created.id });
      log(`\nSUCCEEDED: ${run.progressDone - run.progressFailed} scored, ${run.progressFailed} failed\n`);
      for (const m of metricResults.filter((r) => r.subgroup === "all" && ["harrellC", "auroc", "harrellCDiff", "aurocDiff"].includes(r.metric) && !r.scoreSource.startsWith("baseline:"))) {
        const ci = m.ciLower !== null && m.ciUpper !== null ? ` (${m.ciLower.toFixed(3)}–${m.ciUpper.toFixed(3)})` : "";
        log(`  ${m.metric}${m.horizonDays ? `@${m.horizonDays}d` : ""} ${m.scoreSource}: ${m.estimate.toFixed(3)}${ci}${m.details?.p !== undefined ? `, p ${m.details.p.toPrecision(2)}` : ""}\n`);
      }
      process.stdout.write(`${JSON.stringify({ runId: created.id, status: run.status, scored: run.progressDone - run.progressFailed, failed: run.progressFailed, metrics: metricResults.length })}\n`);
      return 0;
    }
    if (run.status === "FAILED" || run.status === "CANCELLED") {
      log(`\n${run.status}${run.error ? `: ${run.error}` : ""}\n`);
      process.stdout.write(`${JSON.stringify({ runId: created.id, status: run.status, error: run.error })}\n`);
      return 1;
    }
    if (Date.now() > deadline) throw new UsageError(`run ${created.id} did not finish within --timeout`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
