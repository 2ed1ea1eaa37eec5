// Entry of the `fracval` CLI. Each command lives in its own module; this file only wires them.
import { Command, CommanderError } from "commander";
import { apiKeyCreate } from "./apikey.js";
import { statsCox, statsMetrics } from "./stats.js";
import { synth } from "./synth.js";
import { uploadDataset } from "./upload.js";
import { UsageError } from "./usage-error.js";

const program = new Command("fracval").description("FracVal: multi-site validation of fracture-risk models").exitOverride();

const apikey = program.command("apikey").description("manage partner hospital API keys");
apikey
  .command("create")
  .description("create an API key for a site and print it once")
  .requiredOption("--site <name>", "site code, e.g. Boramae")
  .requiredOption("--scopes <list>", "comma-separated scopes, e.g. datasets:write,runs:write,metrics:read")
  .option("--expires-days <n>", "days until the key expires")
  .option("--name <text>", "a label for the key")
  .action(apiKeyCreate);

const stats = program.command("stats").description("validation statistics from a CSV file (JSON on stdout)");
const collect = (value: string, previous: string[] = []) => [...previous, value];
stats
  .command("metrics")
  .description("C-indices, AUROC, Kaplan-Meier and comparisons of a risk score")
  .requiredOption("--input <file>", "CSV file with a header row")
  .requiredOption("--time <column>", "follow-up time (≥ 0)")
  .requiredOption("--event <column>", "event indicator, 0 or 1 (with --cause: 0 censored, 1 event, 2 competing event)")
  .requiredOption("--score <column>", "risk score, higher = higher risk")
  .option("--horizon <h1,h2>", "horizons for AUROC (cases: event ≤ h; controls: time > h)")
  .option("--cause <1>", "competing risks: cumulative incidence (Aalen-Johansen), Gray's test, cause-specific AUC(t), calibration")
  .option("--tau <t>", "truncation time for Uno's C")
  .option("--compare <column>", "comparator score (e.g. FRAX) for paired tests")
  .option("--group <column>", "groups for Kaplan-Meier and the log-rank test")
  .option("--risk <column@horizon>", "predicted absolute risk at a horizon (repeatable)", collect)
  .option("--thresholds <x,y>", "score cut-offs for threshold metrics")
  .option("--bootstrap <n>", "bootstrap replicates")
  .option("--seed <s>", "bootstrap seed")
  .action((flags) => void process.stdout.write(`${JSON.stringify(statsMetrics(flags), null, 2)}\n`));
stats
  .command("cox")
  .description("fit a Cox proportional hazards model (Efron ties)")
  .requiredOption("--input <file>", "CSV file with a header row")
  .requiredOption("--time <column>", "follow-up time (≥ 0)")
  .requiredOption("--event <column>", "event indicator, 0 or 1")
  .requiredOption("--covariates <a,b,c>", "numeric covariate columns")
  .action((flags) => void process.stdout.write(`${JSON.stringify(statsCox(flags), null, 2)}\n`));

program
  .command("synth")
  .description("write a SYNTHETIC multi-site dataset folder (manifest.csv + DICOM images) ready to upload")
  .requiredOption("--site <name>", "site profile: Bundang, Boramae, Severance, or one in --profiles")
  .requiredOption("--n <n>", "number of patients")
  .requiredOption("--seed <s>", "random seed (same seed, same dataset)")
  .requiredOption("--out <dir>", "output folder")
  .option("--modality <m>", "xray, ct or none (clinical data and outcomes only)", "none")
  .option("--matched", "1:1 case-control matching on sex, age and BMI (seed 001 design)")
  .option("--profiles <dir>", "extra directory of site profile JSON files")
  .action(synth);

program
  .command("upload")
  .description("upload a dataset folder (manifest.csv + images) through the public API, wait for validation, print the report")
  .argument("<dir>", "dataset folder")
  .requiredOption("--api <url>", "FracVal API base URL, e.g. https://fracval.example.org")
  .requiredOption("--key <key>", "partner API key (fv_…) with DATASETS_WRITE and DATASETS_READ")
  .requiredOption("--study <id>", "study id")
  .option("--name <text>", "dataset name (default: the folder name)")
  .option("--scores <a,b>", "manifest columns holding your own precomputed scores")
  .option("--timeout <seconds>", "how long to wait for validation (and for the run)", "1800")
  .option("--run <model>", "then run this model version (family@version or id) and print its metrics; the key needs RUNS_WRITE, RUNS_READ and METRICS_READ")
  .action(async (dir: string, flags) => {
    process.exitCode = await uploadDataset(dir, flags);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  if (error instanceof UsageError) {
    console.error(`fracval: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
}
