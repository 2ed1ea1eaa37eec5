// Compiles `fracval stats` into one ES module (apps/api/dist/fracval-stats.mjs) with esbuild, so the
// statistics commands start without transpiling TypeScript. Runs on `npm install` (postinstall) and as
// `npm run build:cli`. Beside the bundle it writes the list of its source files: bin/fracval.js uses the
// bundle only while none of them is newer, so an edited source never runs from a stale bundle.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "apps/api/dist/fracval-stats.mjs");
mkdirSync(dirname(outfile), { recursive: true });
const result = await build({
  entryPoints: [join(root, "apps/api/src/cli/stats-main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  metafile: true,
  logLevel: "warning",
  // commander is CommonJS: a require shim lets the ES module bundle load it.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
const sources = Object.keys(result.metafile.inputs)
  .filter((f) => !f.includes("node_modules"))
  .map((f) => resolve(root, f));
writeFileSync(`${outfile}.sources.json`, `${JSON.stringify(sources, null, 1)}\n`);
console.log(`build-cli: wrote ${outfile.slice(root.length + 1)} (${sources.length} sources)`);
