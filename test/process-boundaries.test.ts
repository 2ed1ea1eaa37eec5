// The API serves requests and enqueues; the workers do the heavy work (DESIGN.md). Checked on the
// static import graph of each process's entry point (esbuild's metafile): the API never loads
// onnxruntime, sharp or the DICOM libraries at start-up (model registration imports onnxruntime on
// demand, a dynamic import, and is the one exception), and the worker holds every queue consumer.
import { build, type Metafile } from "esbuild";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** Bare package imports reachable from `entry` over static imports only, with the file that imports each. */
async function staticPackages(entry: string): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    metafile: true,
    logLevel: "silent",
    plugins: [
      {
        name: "external-npm",
        setup(b) {
          // Our workspace packages are followed; every npm package is an edge of the graph, not bundled.
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@fracval/") || args.path.startsWith("node:")
              ? undefined
              : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  const inputs = (result.metafile as Metafile).inputs;
  const reached = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [Object.keys(inputs).find((f) => f.endsWith(entry))!];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of inputs[file]?.imports ?? []) {
      if (edge.kind === "dynamic-import") continue;
      if (edge.external) {
        if (!edge.path.startsWith("node:"))
          reached.set(
            edge.path
              .split("/")
              .slice(0, edge.path.startsWith("@") ? 2 : 1)
              .join("/"),
            file,
          );
      } else queue.push(edge.path);
    }
  }
  return reached;
}

describe("process boundaries", () => {
  it("the API process loads no onnxruntime, sharp or DICOM library", async () => {
    const packages = await staticPackages("apps/api/src/server.ts");
    expect(packages.has("@apollo/server")).toBe(true); // the graph was walked
    for (const heavy of ["onnxruntime-node", "sharp", "dcmjs", "dicom-parser"])
      expect(packages.get(heavy), `${heavy} reached via ${packages.get(heavy)}`).toBeUndefined();
  }, 60_000);

  it("the worker process loads them, and consumes every queue; nothing else calls boss.work", async () => {
    const packages = await staticPackages("apps/worker/src/main.ts");
    for (const heavy of ["onnxruntime-node", "sharp", "dcmjs"]) expect(packages.has(heavy)).toBe(true);
    const consumers = ["apps/api/src/queue.ts", "apps/api/src/server.ts", "packages/core/src/job-queue.ts"].filter(
      (f) => /\.work\(/.test(readFileSync(join(root, f), "utf8")),
    );
    expect(consumers).toEqual([]);
  }, 60_000);
});
