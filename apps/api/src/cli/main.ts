// Entry of the `fracval` CLI. Each command lives in its own module; this file only wires them.
import { Command } from "commander";
import { apiKeyCreate } from "./apikey.js";
import { registerStatsCommands, runProgram } from "./stats-commands.js";
import { synth } from "./synth.js";
import { uploadDataset } from "./upload.js";
import { userResetPassword } from "./user.js";

const program = new Command("fracval")
  .description("FracVal: multi-site validation of fracture-risk models")
  .exitOverride();

const apikey = program.command("apikey").description("manage partner hospital API keys");
apikey
  .command("create")
  .description("create an API key for a site and print it once")
  .requiredOption("--site <name>", "site code, e.g. Boramae")
  .requiredOption("--scopes <list>", "comma-separated scopes, e.g. datasets:write,runs:write,metrics:read")
  .option("--expires-days <n>", "days until the key expires")
  .option("--name <text>", "a label for the key")
  .action(apiKeyCreate);

const user = program.command("user").description("recover accounts (with access to the database)");
user
  .command("reset-password")
  .description("give an account a new one-time password and print it once (the old one and its sessions end)")
  .requiredOption("--email <address>", "the account's e-mail")
  .requiredOption("--reason <text>", "why, for the audit trail (e.g. the only ADMIN forgot their password)")
  .action(userResetPassword);

registerStatsCommands(program);

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
  .description(
    "upload a dataset folder (manifest.csv + images) through the public API, wait for validation, print the report",
  )
  .argument("<dir>", "dataset folder")
  .requiredOption("--api <url>", "FracVal API base URL, e.g. https://fracval.example.org")
  .requiredOption("--key <key>", "partner API key (fv_…) with DATASETS_WRITE and DATASETS_READ")
  .requiredOption("--study <id>", "study id")
  .option("--name <text>", "dataset name (default: the folder name)")
  .option("--scores <a,b>", "manifest columns holding your own precomputed scores")
  .option("--timeout <seconds>", "how long to wait for validation (and for the run)", "1800")
  .option(
    "--run <model>",
    "then run this model version (family@version or id) and print its metrics; the key needs RUNS_WRITE, RUNS_READ and METRICS_READ",
  )
  .action(async (dir: string, flags) => {
    process.exitCode = await uploadDataset(dir, flags);
  });

await runProgram(program);
