// The `fracval stats` commands, and how every fracval program runs (exit 2 on a usage error). Kept apart
// from the other commands so that `stats` can run from a compiled bundle (stats-main.ts) that loads
// neither the database nor the imaging stack.
import { CommanderError, type Command } from "commander";
import { statsCox, statsMeta, statsMetrics } from "./stats.js";
import { UsageError } from "./usage-error.js";

const INPUT_HELP = "CSV file with a header row; a row with NA in a column used is left out (as R's na.omit)";

export function registerStatsCommands(program: Command): void {
  const stats = program.command("stats").description("validation statistics from a CSV file (JSON on stdout)");
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  stats
    .command("metrics")
    .description("C-indices, AUROC, Kaplan-Meier and comparisons of a risk score")
    .requiredOption("--input <file>", INPUT_HELP)
    .requiredOption("--time <column>", "follow-up time (≥ 0)")
    .requiredOption(
      "--event <column>",
      "event indicator: 0/1, TRUE/FALSE or 1/2 as survival::Surv reads it (with --cause: 0 censored, 1 event, 2 competing event)",
    )
    .requiredOption("--score <column>", "risk score, higher = higher risk")
    .option("--horizon <h1,h2>", "horizons for AUROC (cases: event ≤ h; controls: time > h)")
    .option(
      "--cause <1>",
      "competing risks: cumulative incidence (Aalen-Johansen), Gray's test, cause-specific AUC(t), calibration",
    )
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
    .requiredOption("--input <file>", INPUT_HELP)
    .requiredOption("--time <column>", "follow-up time (≥ 0)")
    .requiredOption("--event <column>", "event indicator: 0/1, TRUE/FALSE or 1/2 as survival::Surv reads it")
    .requiredOption("--covariates <a,b,c>", "numeric covariate columns")
    .action((flags) => void process.stdout.write(`${JSON.stringify(statsCox(flags), null, 2)}\n`));
  stats
    .command("meta")
    .description("random-effects meta-analysis of per-site estimates (metafor::rma.uni + predict)")
    .requiredOption("--input <file>", `${INPUT_HELP}; one row per site`)
    .requiredOption("--estimate <column>", "each site's estimate on the natural scale (C, AUC, O/E, difference)")
    .requiredOption("--se <column>", "its standard error on the natural scale")
    .option("--label <column>", "the site's name")
    .option("--scale <scale>", "logit (C, AUC), log (O/E) or identity (differences)", "identity")
    .option("--method <method>", "REML or DL (DerSimonian-Laird)", "REML")
    .option("--hksj", "Hartung-Knapp-Sidik-Jonkman adjustment (the default)", true)
    .option("--no-hksj", "plain z-based intervals instead")
    .action((flags) => void process.stdout.write(`${JSON.stringify(statsMeta(flags), null, 2)}\n`));
}

export async function runProgram(program: Command): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    if (error instanceof UsageError) {
      console.error(`fracval: ${error.message}`);
      process.exit(2);
    }
    // Not a usage error: still one readable line, the details only when asked for.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(
      `fracval: unexpected error: ${message}${process.env.FRACVAL_DEBUG ? `\n${(error as Error).stack ?? ""}` : " (FRACVAL_DEBUG=1 shows the details)"}`,
    );
    process.exit(1);
  }
}
