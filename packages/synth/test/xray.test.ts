// Synthetic radiographs: valid DICOM (dcmjs, dicom-parser, dcmtk), pixel data round-trips, honest
// labels, vertebrae visible where the manifest says, deformities and density follow the latent truth.
import { beforeAll, describe, expect, it } from "vitest";
import dcmjs from "dcmjs";
import dicomParser from "dicom-parser";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import sharp from "sharp";
import {
  findProfile,
  generateCohort,
  Random,
  renderLateralSpine,
  writeDataset,
  xrayWriter,
  type SyntheticPatient,
} from "../src/index.js";
import { previewPng } from "../src/preview.js";

const profile = findProfile("Severance");
const out = mkdtempSync(join(tmpdir(), "fracval-synth-xray-"));
let rows: Record<string, string>[];
let patients: SyntheticPatient[];

beforeAll(() => {
  ({ patients } = writeDataset({
    profile,
    n: 12,
    seed: 21,
    out,
    modality: "xray",
    writeImages: xrayWriter(profile, 21),
  }));
  rows = parse(readFileSync(join(out, "manifest.csv"), "utf8"), { columns: true }) as Record<string, string>[];
});

function pixelsOf(file: string) {
  const bytes = new Uint8Array(readFileSync(join(out, file)));
  const ds = dicomParser.parseDicom(bytes);
  const element = ds.elements.x7fe00010!;
  return {
    ds,
    pixels: new Uint16Array(
      bytes.buffer.slice(bytes.byteOffset + element.dataOffset, bytes.byteOffset + element.dataOffset + element.length),
    ),
  };
}

describe("synthetic lateral spine radiographs", () => {
  it("writes one DICOM per patient, referenced by the manifest with L1–L5 centres", () => {
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.image_path).toMatch(/^images\/SEV\d+\.dcm$/);
      expect(Number(row.l1_y)).toBeLessThan(Number(row.l5_y));
      expect(row.data_source).toBe("SYNTHETIC");
    }
  });

  it("parses with dicom-parser and dcmjs, with hospital-like headers and honest synthetic labels", () => {
    const { ds, pixels } = pixelsOf(rows[0]!.image_path!);
    expect(ds.string("x00080060")).toBe("DX");
    expect(ds.string("x00100020")).toBe(rows[0]!.patient_id);
    expect(ds.string("x00100010")).toMatch(/^[A-Z]+\^[A-Z]+$/);
    expect(ds.string("x00080080")).toContain("Severance");
    expect(ds.string("x00120062")).toBe("NO"); // PatientIdentityRemoved: the fake identifiers are there
    expect(ds.string("x00280301")).toBe("NO"); // BurnedInAnnotation
    expect(ds.string("x00204000")).toMatch(/^SYNTHETIC/);
    expect(ds.uint16("x00280010")! * ds.uint16("x00280011")!).toBe(pixels.length);
    const bytes = readFileSync(join(out, rows[0]!.image_path!));
    const nat = dcmjs.data.DicomMetaDictionary.naturalizeDataset(
      dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)).dict,
    );
    expect(nat.Manufacturer).toBe(rows[0]!.manufacturer);
    expect(nat.PixelSpacing).toHaveLength(2);
  });

  it("round-trips the rendered pixels exactly", () => {
    const p = patients[3]!;
    const rendered = renderLateralSpine(p, new Random(21).child(100_000 + p.index));
    expect(Array.from(pixelsOf(rows[3]!.image_path!).pixels)).toEqual(Array.from(rendered.pixels));
  });

  it("passes dcmtk's dcmdump where installed", () => {
    const probe = spawnSync("dcmdump", ["--version"]);
    if (probe.error) return; // dcmtk is optional on CI machines; dicom-parser and dcmjs checks above always run
    const result = spawnSync("dcmdump", [join(out, rows[0]!.image_path!)], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`(0010,0020) LO [${rows[0]!.patient_id}`);
  });

  it("shows bright vertebral bodies at the manifest's centres and darker discs between them", async () => {
    const { ds, pixels } = pixelsOf(rows[0]!.image_path!);
    const columns = ds.uint16("x00280011")!;
    const mean = (x: number, y: number) => {
      let s = 0;
      for (let dy = -5; dy <= 5; dy++)
        for (let dx = -5; dx <= 5; dx++) s += pixels[(Math.round(y) + dy) * columns + Math.round(x) + dx]!;
      return s / 121;
    };
    const r = rows[0]!;
    for (const [a, b] of [
      ["l1", "l2"],
      ["l2", "l3"],
      ["l3", "l4"],
      ["l4", "l5"],
    ] as const) {
      const body =
        (mean(Number(r[`${a}_x`]), Number(r[`${a}_y`])) + mean(Number(r[`${b}_x`]), Number(r[`${b}_y`]))) / 2;
      const disc = mean(
        (Number(r[`${a}_x`]) + Number(r[`${b}_x`])) / 2,
        (Number(r[`${a}_y`]) + Number(r[`${b}_y`])) / 2,
      );
      expect(body - disc).toBeGreaterThan(400);
    }
    const png = await previewPng(pixels, ds.uint16("x00280010")!, columns, { center: 1600, width: 2600 });
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(320);
  });

  it("renders a wedge fracture as a lower anterior than posterior body height", () => {
    const base = generateCohort(profile, { n: 1, seed: 1 })[0]!;
    const wedge: SyntheticPatient = {
      ...base,
      prevalentDeformities: [{ level: "L1", grade: 3, shape: "wedge", heightLoss: 0.45 }],
    };
    const image = renderLateralSpine(wedge, new Random(5));
    const [cx, cy] = image.centres.L1;
    const heightAt = (x: number) => {
      let count = 0;
      for (let y = Math.round(cy - 60); y < cy + 60; y++)
        if (image.pixels[y * image.columns + Math.round(x)]! > 1900) count++;
      return count;
    };
    expect(heightAt(cx - 30)).toBeLessThan(heightAt(cx + 30) * 0.8);
  });

  it("makes fragile bone darker: mean body intensity falls with latent fragility", () => {
    const base = generateCohort(profile, { n: 1, seed: 2 })[0]!;
    const bodyMean = (fragility: number) => {
      const image = renderLateralSpine(
        { ...base, prevalentDeformities: [], truth: { ...base.truth, fragility } },
        new Random(9),
      );
      const [cx, cy] = image.centres.L3;
      let s = 0;
      for (let dy = -10; dy <= 10; dy++)
        for (let dx = -10; dx <= 10; dx++)
          s += image.pixels[(Math.round(cy) + dy) * image.columns + Math.round(cx) + dx]!;
      return s / 441;
    };
    expect(bodyMean(-1.5) - bodyMean(1.5)).toBeGreaterThan(200);
  });
});
