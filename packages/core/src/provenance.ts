// Provenance of stored results: enough to reproduce a number — the exact code (git commit, or the
// package version when not run from a checkout), the statistics package and onnxruntime versions, the
// execution provider that scored the run, and the dataset and model digests.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { onnxruntimeVersion } from "@fracval/inference/runtime-version";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const require = createRequire(import.meta.url);

const packageVersion = (packageJson: string) =>
  (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;

let cachedCodeVersion: string | null = null;

/**
 * The code version recorded with every run and metric: `FRACVAL_CODE_VERSION` when the deployment sets it
 * (container images: the commit they were built from), else the checkout's git commit with "-dirty" when
 * tracked files differ from it, else "fracval@<version>+<build hash>" — the platform's (packages/core) version and a
 * SHA-256 over every source file of apps/ and packages/, so two copies of the same version that differ in
 * code never record the same thing.
 */
export function codeVersion(): string {
  if (cachedCodeVersion) return cachedCodeVersion;
  const fromEnv = process.env.FRACVAL_CODE_VERSION;
  if (fromEnv) {
    cachedCodeVersion = fromEnv;
    return fromEnv;
  }
  try {
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", REPO_ROOT, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const commit = git("rev-parse", "HEAD");
    const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
    cachedCodeVersion = `git:${commit}${dirty ? "-dirty" : ""}`;
  } catch {
    cachedCodeVersion = `fracval@${packageVersion(join(REPO_ROOT, "packages", "core", "package.json"))}+${sourceHash().slice(0, 16)}`;
  }
  return cachedCodeVersion;
}

/** SHA-256 over the paths and contents of every TypeScript source under apps/<app>/src and packages/<package>/src. */
function sourceHash(): string {
  const hash = createHash("sha256");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== "generated") walk(path);
      else if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path);
    }
  };
  for (const top of ["apps", "packages"]) {
    const root = join(REPO_ROOT, top);
    if (!existsSync(root)) continue;
    for (const unit of readdirSync(root)) if (existsSync(join(root, unit, "src"))) walk(join(root, unit, "src"));
  }
  for (const file of files.sort())
    hash.update(relative(REPO_ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/** Version of @fracval/stats, the package every number comes from. */
export function statsVersion(): string {
  return packageVersion(join(dirname(require.resolve("@fracval/stats")), "..", "package.json"));
}

export interface RunProvenance {
  datasetSha256: string | null;
  modelSha256: string;
  codeVersion: string;
  statsVersion: string;
  onnxruntimeVersion: string;
  executionProvider: string | null;
}

/** What every metric row of a run records about how it was made. */
export function runProvenance(run: {
  executionProvider: string | null;
  dataset: { sha256: string | null };
  modelVersion: { artifactSha256: string };
}): RunProvenance {
  return {
    datasetSha256: run.dataset.sha256,
    modelSha256: run.modelVersion.artifactSha256,
    codeVersion: codeVersion(),
    statsVersion: statsVersion(),
    onnxruntimeVersion: onnxruntimeVersion(),
    executionProvider: run.executionProvider,
  };
}
