// Decides whether the portal needs `next build` before `next start`: when there is no build, or any
// source file is newer than it.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SKIP = new Set(["node_modules", ".next", ".turbo"]);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function portalNeedsBuild(portalDir: string): boolean {
  const buildId = join(portalDir, ".next", "BUILD_ID");
  return !existsSync(buildId) || newestMtime(portalDir) > statSync(buildId).mtimeMs;
}
