// Image-level bad uploads (built at run time from a valid synthetic dataset, then broken one way each):
// each rejects the dataset with the expected {row, column, reason} and leaves database and storage
// exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { ctWriter, findProfile, writeDataset, xrayWriter } from "@fracval/synth";
import { FileContentStore } from "@fracval/core";
import { ingestDatasetFolder } from "../src/index.js";

let t: TestDatabase;
const secrets = { pseudonym: "pseudonym-secret-0123456789", deidentification: "deid-secret-0123456789" };
const storeDir = mkdtempSync(join(tmpdir(), "fracval-store-bad-"));
const store = new FileContentStore(storeDir);
let xray: string;
let ct: string;

const listing = (dir: string): string[] =>
  readdirSync(dir)
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? listing(join(dir, f)) : [f]))
    .sort();
const counts = async () => [
  await t.db.patient.count(),
  await t.db.imageSeries.count(),
  await t.db.outcome.count(),
  await t.db.clinicalBaseline.count(),
];
const imagePathOfRow = (folder: string, row: number) => {
  const lines = readFileSync(join(folder, "manifest.csv"), "utf8").trim().split("\n");
  return lines[row]!.split(",")[lines[0]!.split(",").indexOf("image_path")]!;
};

beforeAll(async () => {
  t = await createTestDatabase();
  xray = mkdtempSync(join(tmpdir(), "fracval-bad-xray-"));
  writeDataset({
    profile: findProfile("Severance"),
    n: 4,
    seed: 9,
    out: xray,
    modality: "xray",
    writeImages: xrayWriter(findProfile("Severance"), 9),
  });
  ct = mkdtempSync(join(tmpdir(), "fracval-bad-ct-"));
  writeDataset({
    profile: findProfile("Boramae"),
    n: 2,
    seed: 9,
    out: ct,
    modality: "ct",
    writeImages: ctWriter(findProfile("Boramae"), 9),
  });
});
afterAll(() => t.drop());

/** Rewrites one cell of the manifest. */
const setCell = (folder: string, row: number, column: string, value: string) => {
  const path = join(folder, "manifest.csv");
  const lines = readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(","));
  lines[row]![lines[0]!.indexOf(column)] = value;
  writeFileSync(path, `${lines.map((l) => l.join(",")).join("\n")}\n`);
};

const CASES: {
  name: string;
  base: () => string;
  study: string;
  site: string;
  breakIt: (folder: string) => void;
  row: number;
  column?: string;
  reason: RegExp;
}[] = [
  // A sparse file: 300 MB to stat, nothing on disk; refused before it is read into memory.
  {
    name: "an image file larger than any image may be",
    base: () => xray,
    study: "verte-x-pvf",
    site: "Severance",
    row: 2,
    reason: /is 300 MB, more than the 256 MB an image file may have/,
    breakIt: (f) => truncateSync(join(f, imagePathOfRow(f, 2)), 300 * 1024 ** 2),
  },
  {
    name: "corrupt DICOM (random bytes)",
    base: () => xray,
    study: "verte-x-pvf",
    site: "Severance",
    row: 2,
    reason: /not a DICOM Part 10 file/,
    breakIt: (f) => writeFileSync(join(f, imagePathOfRow(f, 2)), Buffer.alloc(5000, 7)),
  },
  {
    name: "truncated DICOM",
    base: () => xray,
    study: "verte-x-pvf",
    site: "Severance",
    row: 3,
    reason: /truncated|unreadable/,
    breakIt: (f) =>
      writeFileSync(join(f, imagePathOfRow(f, 3)), readFileSync(join(f, imagePathOfRow(f, 3))).subarray(0, 3000)),
  },
  {
    name: "missing image file",
    base: () => xray,
    study: "verte-x-pvf",
    site: "Severance",
    row: 1,
    reason: /was not uploaded/,
    breakIt: (f) => rmSync(join(f, imagePathOfRow(f, 1))),
  },
  {
    name: "wrong modality (a CT slice as a radiograph)",
    base: () => xray,
    study: "verte-x-pvf",
    site: "Severance",
    row: 4,
    reason: /modality CT; this study needs a radiograph/,
    breakIt: (f) => {
      const slice = join(ct, imagePathOfRow(ct, 1), "ct_0001.dcm");
      writeFileSync(join(f, imagePathOfRow(f, 4)), readFileSync(slice));
    },
  },
  {
    name: "CT series with too few slices",
    base: () => ct,
    study: "ct-bone-muscle",
    site: "Boramae",
    row: 2,
    reason: /has 10 slice\(s\); at least 14/,
    breakIt: (f) => {
      const folder = join(f, imagePathOfRow(f, 2));
      readdirSync(folder)
        .sort()
        .slice(10)
        .forEach((s) => rmSync(join(folder, s)));
    },
  },
  {
    name: "a vertebral centre with one coordinate",
    base: () => xray,
    study: "verte-x-pvf",
    site: "Severance",
    row: 2,
    column: "l2_y",
    reason: /is empty but l2_x is given/,
    breakIt: (f) => setCell(f, 2, "l2_y", ""),
  },
  {
    name: "a vertebral centre outside the image",
    base: () => xray,
    study: "verte-x-pvf",
    site: "Severance",
    row: 3,
    column: "l4_x",
    reason: /lies outside the image \(\d+ columns\)/,
    breakIt: (f) => setCell(f, 3, "l4_x", "5000"),
  },
];

describe("image-level bad uploads", () => {
  it.each(CASES)(
    "$name → rejected at row $row, nothing stored",
    async ({ base, study, site, breakIt, row, column = "image_path", reason }) => {
      const folder = mkdtempSync(join(tmpdir(), "fracval-bad-case-"));
      cpSync(base(), folder, { recursive: true });
      breakIt(folder);
      const siteRow = await t.db.site.findFirstOrThrow({ where: { code: site } });
      const studyRow = await t.db.study.findFirstOrThrow({ where: { slug: study } });
      const dataset = await t.db.validationDataset.create({
        data: { name: "bad", siteId: siteRow.id, studyId: studyRow.id, providedScoreNames: [] },
      });
      const before = await counts();
      const storeBefore = listing(storeDir);
      const result = await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets });
      expect(result.status).toBe("REJECTED");
      const problems = (result.validationReport as { problems: { row: number; column: string; reason: string }[] })
        .problems;
      expect(problems).toContainEqual(expect.objectContaining({ row, column, reason: expect.stringMatching(reason) }));
      expect(await counts()).toEqual(before);
      expect(listing(storeDir)).toEqual(storeBefore);
    },
  );
});
