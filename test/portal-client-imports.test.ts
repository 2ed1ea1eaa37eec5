// A server component may import only components from a "use client" module: any other value (a class-name
// constant, a helper) arrives as a client reference, not the value — `${field} w-24` became the reference's
// source text and the API key page's expiry input lost its styling. This reads every server module of the
// portal and names each such import.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const portal = join(import.meta.dirname, "..", "apps", "portal");
const SKIP = new Set(["node_modules", ".next", "gql", "public"]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const isClientModule = (text: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(text);

/** The portal file an "@/…" or relative specifier names, if any. */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? join(portal, specifier.slice(2))
    : specifier.startsWith(".")
      ? join(from, "..", specifier)
      : null;
  if (!base) return null;
  return [".tsx", ".ts", "/index.tsx", "/index.ts"].map((ext) => base + ext).find((p) => existsSync(p)) ?? null;
}

/** "file: name from module" for each non-component value a server module imports from a client module. */
function clientValueImports(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (isClientModule(text)) continue;
    for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+["']([^"']+)["']/g)) {
      if (m[1]) continue; // a type import carries no value
      const target = resolve(file, m[3]!);
      if (!target || !isClientModule(readFileSync(target, "utf8"))) continue;
      for (const raw of m[2]!.split(",")) {
        const name = raw.trim().replace(/^type\s+/, "");
        if (!name || raw.trim().startsWith("type ")) continue;
        const local = name.split(/\s+as\s+/)[0]!;
        if (!/^[A-Z]/.test(local)) found.push(`${relative(portal, file)}: ${local} from ${m[3]}`);
      }
    }
  }
  return found;
}

describe("portal server modules", () => {
  it("import only components from 'use client' modules", () => {
    const files = sources(portal);
    expect(files.length).toBeGreaterThan(40);
    expect(clientValueImports(files)).toEqual([]);
  });
});
