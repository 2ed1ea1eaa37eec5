// `fracval upload --api URL --key KEY --study ID DIR`: uploads a dataset folder as a partner hospital
// would — only through the public GraphQL API and the tus endpoint, with a scoped API key — shows
// progress, waits for validation and prints the report; with `--run MODEL` it then starts a validation
// run of that model version (family@version or id), shows its progress and prints its metrics.
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { UploadFailed, uploadFiles } from "@fracval/upload-client";
import { folderSources } from "@fracval/upload-client/node";
import { graphql } from "./gql/index.js";
import type { TypedDocumentString } from "./gql/graphql.js";
import { UsageError } from "./usage-error.js";

// Every operation of the upload command; variables and results are typed from the SDL (npm run codegen).
const SitesOfKey = graphql(`query CliSitesOfKey { me { sites { site { id code } } } }`);
const CreateDataset = graphql(`
  mutation CliCreateDataset($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }
`);
const CancelUpload = graphql(`mutation CliCancelUpload($id: ID!) { cancelValidationDatasetUpload(id: $id) { id } }`);
const FinishUpload = graphql(`mutation CliFinishUpload($id: ID!) { finishValidationDatasetUpload(id: $id) { id } }`);
const DatasetProgress = graphql(`
  query CliDatasetProgress($id: ID!) {
    dataset(id: $id) {
      status progressDone progressTotal progressState secondsSinceProgress
      patientCount eventCount imageCount sha256
      validationReport { problemCount problems { row column value reason } }
    }
  }
`);
const StudyModels = graphql(`query CliStudyModels($id: ID!) { study(id: $id) { models { id family version } } }`);
const CreateRun = graphql(`
  mutation CliCreateRun($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }
`);
const RunProgress = graphql(`
  query CliRunProgress($id: ID!) {
    run(id: $id) {
      status progressDone progressTotal progressFailed imagesPerSecond etaSeconds progressState secondsSinceProgress
      executionProvider error
    }
  }
`);
const RunMetrics = graphql(`
  query CliRunMetrics($id: ID!) {
    metricResults(runId: $id) { metric scoreSource subgroup horizonDays estimate ciLower ciUpper details { p } }
  }
`);

export interface UploadFlags {
  api: string;
  key: string;
  study: string;
  name?: string;
  scores?: string;
  timeout?: string;
  run?: string;
}

/**
 * Every file of the dataset folder, in name order. Symbolic links are followed to files and folders, but a
 * link back into a folder already read (a loop) or a broken link is an error naming its place in the folder,
 * found before anything is created on the platform.
 */
export function filesOf(dir: string): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const place = (p: string) => relative(dir, p).split(sep).join("/") || ".";
  const walk = (d: string) => {
    const real = realpathSync(d);
    if (visited.has(real))
      throw new UsageError(
        `DIR: ${place(d)} is a symbolic link back into a folder already read (a loop); remove the link and try again`,
      );
    visited.add(real);
    for (const f of readdirSync(d).sort()) {
      if (f.startsWith(".")) continue;
      const p = join(d, f);
      let isDirectory: boolean;
      try {
        isDirectory = statSync(p).isDirectory(); // follows links
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (lstatSync(p).isSymbolicLink())
          throw new UsageError(
            `DIR: ${place(p)} is a symbolic link that ${code === "ELOOP" ? "points at itself (a loop)" : "leads nowhere"}; remove it and try again`,
          );
        throw new UsageError(`DIR: ${place(p)} cannot be read (${code ?? "error"})`);
      }
      if (isDirectory) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** How long the CLI keeps trying when the API does not answer (a restart, a deploy, a network blip). */
const RETRY_SECONDS = Number(process.env.FRACVAL_CLI_RETRY_SECONDS ?? 120);

/** A failure that says nothing about the request itself: the API was away or overloaded. */
function transient(error: unknown): { retry: boolean; surelyNotProcessed: boolean } {
  const cause = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  if (cause === "ECONNREFUSED") return { retry: true, surelyNotProcessed: true };
  if (error instanceof TypeError || cause === "ECONNRESET" || cause === "UND_ERR_SOCKET")
    return { retry: true, surelyNotProcessed: false };
  return { retry: false, surelyNotProcessed: false };
}

/** A mutation whose answer was lost on the way back (connection reset): it may or may not have taken effect. */
class MaybeApplied extends UsageError {}

class HttpStatus extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

export async function uploadDataset(
  dir: string,
  flags: UploadFlags,
  log: (line: string) => void = (l) => process.stderr.write(l),
): Promise<number> {
  if (!existsSync(join(dir, "manifest.csv"))) throw new UsageError(`DIR: ${dir} has no manifest.csv`);
  // The folder is read first: a folder that cannot be uploaded creates nothing on the platform.
  const files = filesOf(dir);
  const graphqlUrl = new URL("/graphql", flags.api).toString();
  /**
   * One GraphQL call, retried with back-off while the API is away (for RETRY_SECONDS). A query is retried on
   * any transport failure; a mutation only when it surely did not arrive (connection refused, 502–504).
   */
  const gql: Gql = async (document, variables) => {
    const query = document.toString();
    const mutation = query.trimStart().startsWith("mutation");
    const deadline = Date.now() + RETRY_SECONDS * 1000;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(graphqlUrl, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${flags.key}` },
          body: JSON.stringify({ query, variables }),
        });
        if (res.status >= 502 && res.status <= 504) throw new HttpStatus(res.status);
        const body = (await res.json()) as {
          data?: never;
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        if (body.errors?.length)
          throw new UsageError(`${body.errors[0]!.extensions?.code ?? "ERROR"}: ${body.errors[0]!.message}`);
        return body.data!;
      } catch (error) {
        const kind = error instanceof HttpStatus ? { retry: true, surelyNotProcessed: true } : transient(error);
        if (kind.retry && mutation && !kind.surelyNotProcessed)
          throw new MaybeApplied(`the API at ${flags.api} failed: ${(error as Error).message}`);
        if (!kind.retry)
          throw error instanceof UsageError
            ? error
            : new UsageError(`the API at ${flags.api} failed: ${(error as Error).message}`);
        if (Date.now() > deadline)
          throw new UsageError(
            `the API at ${flags.api} did not answer for ${RETRY_SECONDS} s (${(error as Error).message}); try again later`,
          );
        const wait = Math.min(15_000, 500 * 2 ** attempt);
        log(`\n  the API did not answer (${(error as Error).message}); retrying in ${Math.round(wait / 1000)} s…`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };

  const { me } = await gql(SitesOfKey);
  const site = me.sites[0]?.site;
  if (!site) throw new UsageError("--key: this key belongs to no site");
  const scores = flags.scores
    ? flags.scores
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const { createValidationDataset: dataset } = await gql(CreateDataset, {
    input: {
      studyId: flags.study,
      siteId: site.id,
      name: flags.name ?? dir.split(sep).filter(Boolean).pop() ?? "upload",
      providedScoreNames: scores,
    },
  });
  log(`Dataset ${dataset.id} (${site.code}) created; uploading…\n`);
  const state = { finished: false };
  try {
    return await uploadAndWait(dir, files, dataset.id, flags, gql, log, state);
  } catch (error) {
    if (state.finished) throw error; // validated (or being validated): nothing to cancel
    // Whatever went wrong while the files were sent, the dataset is not left UPLOADING for a day.
    const cancelled = await gql(CancelUpload, {
      id: dataset.id,
    }).then(
      () => true,
      () => false,
    );
    const message = (error as Error).message;
    throw new UsageError(
      `${message}\n${cancelled ? `Dataset ${dataset.id} was cancelled; nothing was stored.` : `Dataset ${dataset.id} may be left UPLOADING: cancel it (mutation cancelValidationDatasetUpload) or it expires after 24 hours.`}`,
    );
  }
}

async function uploadAndWait(
  dir: string,
  files: string[],
  datasetId: string,
  flags: UploadFlags,
  gql: Gql,
  log: (line: string) => void,
  state: { finished: boolean },
): Promise<number> {
  // Small files (radiographs, CT slices) several to a request, as the API's tar bundles; large ones alone.
  const sources = folderSources(dir, files);
  const total = sources.reduce((s, f) => s + f.size, 0);
  const sent = new Map<string, number>();
  let done = 0;
  let shown = -1;
  const progress = () => {
    // A line per whole MB, not per progress event (a CT site is hundreds of thousands of files).
    if (Math.floor(done / 1024 ** 2) === shown && done !== total) return;
    shown = Math.floor(done / 1024 ** 2);
    log(
      `\r  ${(done / 1024 / 1024).toFixed(1)} / ${(total / 1024 / 1024).toFixed(1)} MB (${total ? Math.floor((100 * done) / total) : 100}%)`,
    );
  };
  // The shared client (as the portal's): sha256 streamed, tus resumed from the server's offset for ~2 minutes.
  try {
    await uploadFiles(sources, {
      endpoint: new URL("/uploads/", flags.api).toString(),
      datasetId: datasetId,
      headers: { authorization: `Bearer ${flags.key}` },
      onProgress: (path, bytes) => {
        done += bytes - (sent.get(path) ?? 0);
        sent.set(path, bytes);
        progress();
      },
    });
  } catch (error) {
    throw error instanceof UploadFailed ? new UsageError(error.message) : error;
  }
  log(`\n${files.length} file(s) uploaded; validating…\n`);

  // Finishing is not repeatable (a second finish is a CONFLICT): when its answer is lost, the dataset's status
  // says whether it arrived — validating already, or still waiting for it (then it is sent again).
  for (;;) {
    try {
      await gql(FinishUpload, { id: datasetId });
      break;
    } catch (error) {
      if (!(error instanceof MaybeApplied)) throw error;
      const { dataset: now } = await gql(DatasetProgress, { id: datasetId });
      const arrived = now.status !== "UPLOADING";
      log(
        `\n  no answer to finishing the upload (${error.message}); ${arrived ? "it had arrived: validating…" : "sending it again…"}\n`,
      );
      if (arrived) break;
    }
  }
  state.finished = true;
  const deadline = Date.now() + Number(flags.timeout ?? 1800) * 1000;
  for (;;) {
    const { dataset: d } = await gql(DatasetProgress, { id: datasetId });
    if (d.status === "VALIDATING" && d.progressTotal)
      log(`\r  validated ${d.progressDone} / ${d.progressTotal} rows${waiting(d)}`);
    if (d.status === "READY") {
      log(
        `\nREADY: ${d.patientCount} patients, ${d.eventCount} incident fractures, ${d.imageCount} images; sha256 ${d.sha256}\n`,
      );
      process.stdout.write(
        `${JSON.stringify({ datasetId: datasetId, status: d.status, patients: d.patientCount, events: d.eventCount, images: d.imageCount, sha256: d.sha256 })}\n`,
      );
      return flags.run ? runModel(gql, datasetId, flags, log) : 0;
    }
    if (d.status === "REJECTED") {
      const report = d.validationReport;
      const problems = report?.problems ?? [];
      log(`\nREJECTED: ${report?.problemCount ?? problems.length} problem(s); nothing was stored.\n`);
      for (const p of problems.slice(0, 50))
        log(
          `  row ${p.row}${p.column ? `, column ${p.column}` : ""}${p.value ? ` (value "${p.value}")` : ""}: ${p.reason}\n`,
        );
      process.stdout.write(`${JSON.stringify({ datasetId: datasetId, status: d.status, problems })}\n`);
      return 1;
    }
    if (Date.now() > deadline) throw new UsageError(`validation of ${datasetId} did not finish within --timeout`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** One typed GraphQL operation (retried while the API is away). */
type Gql = <R, V>(document: TypedDocumentString<R, V>, variables?: V) => Promise<R>;

/** What the progress line says when nothing has moved for a while: the truth, not a frozen ETA. */
function waiting(p: { progressState: string; secondsSinceProgress: number | null }): string {
  return p.progressState === "WAITING_FOR_RETRY"
    ? `, waiting for a retry (no progress for ${p.secondsSinceProgress} s; a worker may have stopped)   `
    : "";
}

/** Starts a run of `--run` (family@version or a model version id) on the dataset, waits for it and prints its metrics. */
async function runModel(gql: Gql, datasetId: string, flags: UploadFlags, log: (line: string) => void): Promise<number> {
  const { study } = await gql(StudyModels, { id: flags.study });
  const model = study.models.find((m) => m.id === flags.run || `${m.family}@${m.version}` === flags.run);
  if (!model)
    throw new UsageError(
      `--run: no model version "${flags.run}" in this study (have ${study.models.map((m) => `${m.family}@${m.version}`).join(", ")})`,
    );
  const { createValidationRun: created } = await gql(CreateRun, { m: model.id, d: datasetId });
  log(`Run ${created.id} of ${model.family}@${model.version} queued…\n`);
  const deadline = Date.now() + Number(flags.timeout ?? 1800) * 1000;
  for (;;) {
    const { run } = await gql(RunProgress, { id: created.id });
    if (run.status === "RUNNING" || run.status === "COMPUTING_METRICS") {
      const rate = run.imagesPerSecond !== null ? `, ${run.imagesPerSecond.toFixed(1)} images/s` : "";
      const eta =
        run.progressState === "WAITING_FOR_RETRY"
          ? waiting(run)
          : run.status === "COMPUTING_METRICS"
            ? ", computing metrics"
            : run.etaSeconds !== null
              ? `, ETA ${run.etaSeconds} s`
              : "";
      log(
        `\r  scored ${run.progressDone} / ${run.progressTotal}${run.progressFailed ? ` (${run.progressFailed} failed)` : ""}${rate}${eta}${run.executionProvider ? ` on ${run.executionProvider.toUpperCase()}` : ""}   `,
      );
    }
    if (run.status === "SUCCEEDED") {
      const { metricResults } = await gql(RunMetrics, { id: created.id });
      // The uploader's own site: counts are never withheld from it (null only for viewers without access).
      const failed = run.progressFailed ?? 0;
      const scored = (run.progressDone ?? 0) - failed;
      log(`\nSUCCEEDED: ${scored} scored, ${failed} failed\n`);
      for (const m of metricResults.filter(
        (r) =>
          r.subgroup === "all" &&
          ["harrellC", "auroc", "harrellCDiff", "aurocDiff"].includes(r.metric) &&
          !r.scoreSource.startsWith("baseline:"),
      )) {
        const ci = m.ciLower !== null && m.ciUpper !== null ? ` (${m.ciLower.toFixed(3)}–${m.ciUpper.toFixed(3)})` : "";
        log(
          `  ${m.metric}${m.horizonDays ? `@${m.horizonDays}d` : ""} ${m.scoreSource}: ${m.estimate.toFixed(3)}${ci}${typeof m.details?.p === "number" ? `, p ${m.details.p.toPrecision(2)}` : ""}\n`,
        );
      }
      process.stdout.write(
        `${JSON.stringify({ runId: created.id, status: run.status, scored, failed, metrics: metricResults.length })}\n`,
      );
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
