// Decides whether the portal needs `next build` before `next start`: when there is no build, or any source
// it bundles is newer than the build — its own files and the sources of the workspace packages it depends on
// (@fracval/charts, …, followed through their own @fracval dependencies).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const SKIP = new Set(["node_modules", ".next", ".turbo"]);
const WORKSPACE_SCOPE = "@fracval/";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function workspaceDependencies(packageDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith(WORKSPACE_SCOPE));
}

/** The files the build reads from workspace packages: each one's package.json and src/ (not its tests). */
function bundledPackageSources(portalDir: string): string[] {
  const packagesDir = join(portalDir, "..", "..", "packages");
  const seen = new Set<string>();
  const pending = workspaceDependencies(portalDir);
  const sources: string[] = [];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const dir = join(packagesDir, name.slice(WORKSPACE_SCOPE.length));
    if (!existsSync(join(dir, "package.json"))) continue; // not a workspace package of this repository
    sources.push(join(dir, "package.json"), join(dir, "src"));
    pending.push(...workspaceDependencies(dir));
  }
  return sources.filter((path) => existsSync(path));
}

export function portalNeedsBuild(portalDir: string): boolean {
  const buildId = join(portalDir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return [portalDir, ...bundledPackageSources(portalDir)].some((path) => {
    const stat = statSync(path);
    return (stat.isDirectory() ? newestMtime(path) : stat.mtimeMs) > built;
  });
}
