// `fracval upload --api URL --key KEY --study ID DIR`: uploads a dataset folder as a partner hospital
// would — only through the public GraphQL API and the tus endpoint, with a scoped API key — shows
// progress, waits for validation and prints the report.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
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
  const uploadOne = (file: string) =>
    new Promise<void>((resolveUpload, reject) => {
      const size = statSync(file).size;
      let sent = 0;
      const upload = new Upload(createReadStream(file), {
        endpoint: new URL("/uploads/", flags.api).toString(),
        uploadSize: size,
        chunkSize: 8 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000],
        headers: { authorization: `Bearer ${flags.key}` },
        metadata: { datasetId: dataset.id, relativePath: relative(dir, file).split(sep).join("/"), sha256: createHash("sha256").update(readFileSync(file)).digest("hex") },
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
  const queue = [...files];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) await uploadOne(f);
  }));
  log(`\n${files.length} file(s) uploaded; validating…\n`);

  await gql("mutation($id: ID!) { finishValidationDatasetUpload(id: $id) { id } }", { id: dataset.id });
  const deadline = Date.now() + Number(flags.timeout ?? 1800) * 1000;
  for (;;) {
    const { dataset: d } = await gql<{ dataset: { status: string; progressDone: number; progressTotal: number; patientCount: number; eventCount: number; imageCount: number; sha256: string | null; validationReport: { problems?: Problem[]; problemCount?: number } | null } }>(
      "query($id: ID!) { dataset(id: $id) { status progressDone progressTotal patientCount eventCount imageCount sha256 validationReport } }",
      { id: dataset.id },
    );
    if (d.status === "VALIDATING" && d.progressTotal) log(`\r  validated ${d.progressDone} / ${d.progressTotal} rows`);
    if (d.status === "READY") {
      log(`\nREADY: ${d.patientCount} patients, ${d.eventCount} incident fractures, ${d.imageCount} images; sha256 ${d.sha256}\n`);
      process.stdout.write(`${JSON.stringify({ datasetId: dataset.id, status: d.status, patients: d.patientCount, events: d.eventCount, images: d.imageCount, sha256: d.sha256 })}\n`);
      return 0;
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
