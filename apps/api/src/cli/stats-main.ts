// `fracval stats …` alone: the entry the compiled bundle (dist/fracval-stats.mjs, scripts/build-cli.mjs)
// is made from, so that statistics on a million rows start in milliseconds, not after transpiling the CLI.
import { Command } from "commander";
import { registerStatsCommands, runProgram } from "./stats-commands.js";

const program = new Command("fracval")
  .description("FracVal: multi-site validation of fracture-risk models")
  .exitOverride();
registerStatsCommands(program);
await runProgram(program);
