// `npm run bench:synth`: time to generate 500 Severance patients with lateral radiographs (target < 60 s
// on 2 cores), and the clinical-only generator at 100,000 patients.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ctWriter, findProfile, writeDataset, xrayWriter } from "../src/index.js";

const profile = findProfile("Severance");
for (const [n, modality] of [
  [500, "xray"],
  [100_000, "none"],
  [20, "ct"],
] as const) {
  const out = mkdtempSync(join(tmpdir(), "fracval-bench-synth-"));
  const start = performance.now();
  const writeImages =
    modality === "xray" ? xrayWriter(profile, 1) : modality === "ct" ? ctWriter(findProfile("Boramae"), 1) : undefined;
  writeDataset({
    profile: modality === "ct" ? findProfile("Boramae") : profile,
    n,
    seed: 1,
    out,
    modality,
    ...(writeImages ? { writeImages } : {}),
  });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${String(n).padStart(7)} patients, modality ${modality.padEnd(4)}: ${seconds.toFixed(1)} s (${(n / seconds).toFixed(0)} patients/s)${modality === "xray" ? `; target < 60 s: ${seconds < 60 ? "met" : "NOT met"}` : ""}`,
  );
  rmSync(out, { recursive: true, force: true });
}
