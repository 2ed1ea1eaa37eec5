// Entry of the `fracval` CLI. Each command lives in its own module; this file only wires them.
import { Command, CommanderError } from "commander";
import { apiKeyCreate } from "./apikey.js";
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
