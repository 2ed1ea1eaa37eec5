// Synthetic abdominal CT: a valid DICOM series in HU (rescale), covering T12–L4 in 5 mm slices with
// 1 mm pixels; bone density follows fragility and muscle area/attenuation follow muscle quality.
import { beforeAll, describe, expect, it } from "vitest";
import dicomParser from "dicom-parser";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import sharp from "sharp";
import {
  ctWriter,
  findProfile,
  generateCohort,
  Random,
  renderAbdominalCt,
  writeDataset,
  type SyntheticPatient,
} from "../src/index.js";
import { previewPng } from "../src/preview.js";

const profile = findProfile("Boramae");
const out = mkdtempSync(join(tmpdir(), "fracval-synth-ct-"));
let rows: Record<string, string>[];

beforeAll(() => {
  writeDataset({ profile, n: 3, seed: 4, out, modality: "ct", writeImages: ctWriter(profile, 4) });
  rows = parse(readFileSync(join(out, "manifest.csv"), "utf8"), { columns: true }) as Record<string, string>[];
});

function readSlice(path: string) {
  const bytes = new Uint8Array(readFileSync(path));
  const ds = dicomParser.parseDicom(bytes);
  const el = ds.elements.x7fe00010!;
  const stored = new Uint16Array(
    bytes.buffer.slice(bytes.byteOffset + el.dataOffset, bytes.byteOffset + el.dataOffset + el.length),
  );
  const intercept = ds.floatString("x00281052")!;
  return { ds, hu: Int16Array.from(stored, (v) => v + intercept) };
}

describe("synthetic abdominal CT series", () => {
  it("writes a folder of axial slices per patient, 1 mm pixels, 5 mm apart, HU by rescale", () => {
    const folder = join(out, rows[0]!.image_path!);
    const files = readdirSync(folder).sort();
    expect(files.length).toBeGreaterThanOrEqual(28); // T12–L4 ≈ 5 bodies + 4 discs ≈ 170 mm
    const first = readSlice(join(folder, files[0]!)).ds;
    const second = readSlice(join(folder, files[1]!)).ds;
    expect(first.string("x00080060")).toBe("CT");
    expect(first.string("x00280030")).toBe("1\\1");
    expect(first.floatString("x00180050")).toBe(5);
    expect(Math.abs(first.floatString("x00201041")! - second.floatString("x00201041")!)).toBe(5);
    expect(first.string("x00200013")).toBe("1");
    expect(first.string("x0020000e")).toBe(second.string("x0020000e")); // one series
    expect(first.string("x00100020")).toBe(rows[0]!.patient_id);
    expect(first.string("x00204000")).toMatch(/^SYNTHETIC/);
  });

  it("passes dcmtk's dcmdump where installed", () => {
    if (spawnSync("dcmdump", ["--version"]).error) return; // optional on CI machines; dicom-parser checks always run
    const result = spawnSync("dcmdump", [join(out, rows[0]!.image_path!, "ct_0001.dcm")], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\(0028,1052\) DS \[-1024\]/);
  });

  it("round-trips the rendered HU exactly through the stored values and RescaleIntercept", () => {
    const patient = generateCohort(profile, { n: 3, seed: 4 })[1]!;
    const series = renderAbdominalCt(patient, new Random(4).child(200_000 + 1));
    const { hu } = readSlice(join(out, rows[1]!.image_path!, "ct_0010.dcm"));
    expect(Array.from(hu)).toEqual(Array.from(series.slices[9]!).map((v) => Math.max(-1024, Math.min(3071, v))));
  });

  it("shows bone, muscle, fat and air with plausible HU, and the body centre the manifest gives", async () => {
    const { ds, hu } = readSlice(join(out, rows[0]!.image_path!, "ct_0008.dcm"));
    const n = ds.uint16("x00280011")!;
    const x = Math.round(Number(rows[0]!.ct_body_x));
    const y = Math.round(Number(rows[0]!.ct_body_y));
    let s = 0;
    for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) s += hu[(y + dy) * n + x + dx]!;
    expect(s / 49).toBeGreaterThan(60); // inside the vertebral body (or disc)
    expect(hu[0]).toBeLessThan(-900); // air in the corner
    const png = await previewPng(hu, n, n, { center: 40, width: 400 });
    expect((await sharp(png).metadata()).width).toBe(320);
  });

  it("lowers trabecular HU with fragility and enlarges psoas/erector with muscle quality", () => {
    const base = generateCohort(profile, { n: 1, seed: 8 })[0]!;
    const variant = (fragility: number, muscleQuality: number): SyntheticPatient => ({
      ...base,
      prevalentDeformities: [],
      truth: { ...base.truth, fragility, muscleQuality },
    });
    const at = (p: SyntheticPatient) => {
      const series = renderAbdominalCt(p, new Random(1));
      const slice = series.slices[series.levels.indexOf("L3") + 1]!;
      const [cx, cy] = series.bodyCentre.map(Math.round) as [number, number];
      let bone = 0;
      for (let dy = -3; dy <= 3; dy++)
        for (let dx = -3; dx <= 3; dx++) bone += slice[(cy + dy) * series.columns + cx + dx]!;
      // erector spinae: soft-tissue pixels behind the spine (the rest there is fat or air)
      let muscle = 0;
      let attenuation = 0;
      for (let y = cy + 25; y < series.rows; y++) {
        for (let x = 0; x < series.columns; x++) {
          const v = slice[y * series.columns + x]!;
          if (v > -20 && v < 120) {
            muscle++;
            attenuation += v;
          }
        }
      }
      return { bone: bone / 49, muscle, attenuation: attenuation / muscle };
    };
    expect(at(variant(-1.5, 0)).bone - at(variant(1.5, 0)).bone).toBeGreaterThan(100);
    const strong = at(variant(0, 1.5));
    const weak = at(variant(0, -1.5));
    expect(strong.muscle).toBeGreaterThan(weak.muscle * 1.15); // larger muscles
    expect(strong.attenuation - weak.attenuation).toBeGreaterThan(15); // less fatty infiltration
  });
});
