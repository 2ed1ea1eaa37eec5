// Image-level bad uploads (built at run time from a valid synthetic dataset, then broken one way each):
// each rejects the dataset with the expected {row, column, reason} and leaves database and storage
// exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, createDeflate } from "node:zlib";
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

/** A greyscale 8-bit PNG of width × height pixels around the given (deflated) IDAT data. */
function pngWithIdat(width: number, height: number, idat: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

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

describe("a decompression bomb", () => {
  it("a 16,000 × 16,000 greyscale PNG is refused from its header, without being decoded", async () => {
    const folder = mkdtempSync(join(tmpdir(), "fracval-bad-png-bomb-"));
    cpSync(xray, folder, { recursive: true });
    // Deflated as a stream, a block of rows at a time: the test never holds the 256 MB itself.
    const width = 16_000;
    const height = 16_000;
    const rows = Buffer.alloc((width + 1) * 1000); // filter byte 0 and black pixels, 1,000 rows
    const deflate = createDeflate({ level: 9 });
    const parts: Buffer[] = [];
    deflate.on("data", (d: Buffer) => parts.push(d));
    const done = new Promise((resolve) => deflate.on("end", resolve));
    for (let y = 0; y < height; y += 1000) if (!deflate.write(rows)) await new Promise((r) => deflate.once("drain", r));
    deflate.end();
    await done;
    const bomb = pngWithIdat(width, height, Buffer.concat(parts));
    expect(bomb.length).toBeLessThan(1024 ** 2);
    writeFileSync(join(folder, "images", "bomb.png"), bomb);
    setCell(folder, 2, "image_path", "images/bomb.png");
    setCell(folder, 2, "pixel_spacing_mm", "0.2");
    const siteRow = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
    const studyRow = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
    const dataset = await t.db.validationDataset.create({
      data: { name: "bomb", siteId: siteRow.id, studyId: studyRow.id, providedScoreNames: [] },
    });
    const rssBefore = process.memoryUsage().rss;
    const result = await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets });
    const grown = process.memoryUsage().rss - rssBefore;
    expect(result.status).toBe("REJECTED");
    expect((result.validationReport as { problems: unknown[] }).problems).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: "image_path",
        reason: expect.stringMatching(/is 16000 × 16000 pixels, more than the 50 million a radiograph can have/),
      }),
    );
    expect(grown).toBeLessThan(128 * 1024 ** 2); // decoding it would take 256 MB
  }, 60_000);
});
