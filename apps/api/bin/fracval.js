#!/usr/bin/env node
// `npx fracval <command>`. `fracval stats …` runs from the compiled bundle (scripts/build-cli.mjs) while it
// is current; everything else, and stats after a source changed, runs the TypeScript through tsx.
import { existsSync, readFileSync, statSync } from "node:fs";

const bundle = new URL("../dist/fracval-stats.mjs", import.meta.url);

function bundleIsCurrent() {
  const sourcesFile = new URL("../dist/fracval-stats.mjs.sources.json", import.meta.url);
  if (!existsSync(bundle) || !existsSync(sourcesFile)) return false;
  const built = statSync(bundle).mtimeMs;
  return JSON.parse(readFileSync(sourcesFile, "utf8")).every(
    (source) => existsSync(source) && statSync(source).mtimeMs <= built,
  );
}

if (process.argv[2] === "stats" && bundleIsCurrent()) {
  await import(bundle.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
