// `npx fracval synth`: writes an upload-ready folder; bad options exit 2 naming the option.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/fracval.js", import.meta.url));
const fracval = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

describe("fracval synth", () => {
  it("writes manifest.csv, dataset.json and one DICOM per patient for --modality xray", () => {
    const out = join(mkdtempSync(join(tmpdir(), "fracval-cli-synth-")), "severance");
    const r = fracval("synth", "--site", "Severance", "--n", "4", "--seed", "7", "--modality", "xray", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Wrote 4 SYNTHETIC Severance patients/);
    const lines = readFileSync(join(out, "manifest.csv"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(5);
    const header = lines[0]!.split(",");
    const paths = lines.slice(1).map((l) => l.split(",")[header.indexOf("image_path")]!);
    for (const p of paths) expect(existsSync(join(out, p))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, "dataset.json"), "utf8"))).toMatchObject({
      site: "Severance",
      n: 4,
      seed: 7,
      modality: "xray",
      note: expect.stringMatching(/^SYNTHETIC/),
    });
  });

  it("is deterministic: the same seed writes the same manifest", () => {
    const a = join(mkdtempSync(join(tmpdir(), "fracval-cli-synth-")), "a");
    const b = join(mkdtempSync(join(tmpdir(), "fracval-cli-synth-")), "b");
    fracval("synth", "--site", "Boramae", "--n", "30", "--seed", "5", "--out", a);
    fracval("synth", "--site", "Boramae", "--n", "30", "--seed", "5", "--out", b);
    expect(readFileSync(join(a, "manifest.csv"), "utf8")).toBe(readFileSync(join(b, "manifest.csv"), "utf8"));
  });

  it.each([
    [["--site", "Atlantis", "--n", "5", "--seed", "1", "--out", "/tmp/x"], /--site: no profile for site "Atlantis"/],
    [["--site", "Boramae", "--n", "zero", "--seed", "1", "--out", "/tmp/x"], /--n: "zero" is not a whole number/],
    [
      ["--site", "Boramae", "--n", "5", "--seed", "1", "--out", "/tmp/x", "--modality", "mri"],
      /--modality: "mri" must be xray, ct or none/,
    ],
    [["--site", "Boramae", "--n", "5", "--seed", "1.5", "--out", "/tmp/x"], /--seed: "1.5" is not an integer/],
  ])("exits 2 naming the option: %j", (args, message) => {
    const r = fracval("synth", ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
