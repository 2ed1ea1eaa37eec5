// `npm start` builds the portal again when its sources changed since the last build — the workspace packages
// it bundles (@fracval/charts, …) included: a chart fixed in packages/charts used to be served stale.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { portalNeedsBuild } from "../scripts/portal-build.js";

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A repository with a built portal that bundles @fracval/charts, every file dated `at` (seconds). */
function builtRepository(at: number): { portal: string; touch: (path: string, seconds: number) => void } {
  root = mkdtempSync(join(tmpdir(), "portal-build-"));
  const files: Record<string, string> = {
    "apps/portal/package.json": JSON.stringify({ dependencies: { "@fracval/charts": "*", next: "16" } }),
    "apps/portal/app/page.tsx": "export default function Page() {}",
    "packages/charts/package.json": JSON.stringify({ dependencies: { vega: "6" } }),
    "packages/charts/src/index.ts": "export const chart = 1;",
    "packages/charts/test/charts.test.ts": "// a test: not bundled",
    "packages/core/src/index.ts": "export const core = 1;",
    "apps/portal/.next/BUILD_ID": "build",
  };
  const touch = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
    touch(path, at);
  }
  touch("apps/portal/.next/BUILD_ID", at + 10);
  return { portal: join(root, "apps/portal"), touch };
}

describe("portalNeedsBuild", () => {
  it("is false when nothing changed since the build, true when a portal file did", () => {
    const { portal, touch } = builtRepository(1_000_000);
    expect(portalNeedsBuild(portal)).toBe(false);
    touch("apps/portal/app/page.tsx", 1_000_020);
    expect(portalNeedsBuild(portal)).toBe(true);
  });

  it("is true when a workspace package the portal bundles changed, false for one it does not use", () => {
    const { portal, touch } = builtRepository(1_000_000);
    touch("packages/core/src/index.ts", 1_000_020);
    touch("packages/charts/test/charts.test.ts", 1_000_020);
    expect(portalNeedsBuild(portal)).toBe(false);
    touch("packages/charts/src/index.ts", 1_000_020);
    expect(portalNeedsBuild(portal)).toBe(true);
  });

  it("is true when there is no build", () => {
    const { portal } = builtRepository(1_000_000);
    rmSync(join(portal, ".next"), { recursive: true });
    expect(portalNeedsBuild(portal)).toBe(true);
  });
});
