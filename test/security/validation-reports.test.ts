// Validation reports are stored for good and read by PIs and partner keys: a hospital patient ID, a name
// in a shifted row, an image file name or a parser message quoting a cell must never enter one. Each
// planted string goes through the real ingestion into PostgreSQL; the stored report is then searched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileContentStore } from "@fracval/core";
import { ingestDatasetFolder } from "@fracval/worker";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";

let t: TestDatabase;
const secrets = { pseudonym: "pseudonym-secret-0123456789", deidentification: "deid-secret-0123456789" };
const store = new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-sec-store-")));
const HEADER = "patient_id,age,sex,followup_days,incident_vertebral_fracture,event_days,manufacturer";

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.study.create({
    data: {
      slug: "clinical-sec",
      title: "Clinical only",
      description: "security tests",
      target: "TIME_TO_EVENT",
      horizonDays: 1826,
      modality: "CLINICAL_ONLY",
    },
  });
}, 60_000);
afterAll(async () => t?.drop());

async function ingest(folder: string, studySlug: string) {
  const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
  const study = await t.db.study.findFirstOrThrow({ where: { slug: studySlug } });
  const dataset = await t.db.validationDataset.create({
    data: { name: "sec", siteId: site.id, studyId: study.id, providedScoreNames: [] },
  });
  const result = await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets });
  const problems = (
    result.validationReport as { problems: { row: number; column: string; value: string; reason: string }[] }
  ).problems;
  return { status: result.status, report: JSON.stringify(result.validationReport), problems };
}

function clinicalFolder(csv: string): string {
  const folder = mkdtempSync(join(tmpdir(), "fracval-sec-"));
  writeFileSync(join(folder, "manifest.csv"), csv);
  return folder;
}

describe("no identifier enters a stored validation report", () => {
  it("duplicate and malformed patient IDs: the report names the rows, never the IDs", async () => {
    const csv = [
      HEADER,
      "BUN-84112233,70,F,900,0,,GE",
      "BUN-84112233,71,M,800,0,,GE",
      '=HYPERLINK("SEO-99887766"),72,F,700,0,,GE',
    ].join("\n");
    const { status, report } = await ingest(clinicalFolder(csv), "clinical-sec");
    expect(status).toBe("REJECTED");
    expect(report).toContain("duplicate patient ID: the same as row 1");
    expect(report).not.toMatch(/BUN-84112233|SEO-99887766|HYPERLINK/);
  });

  it("a name shifted into a numeric column, a NUL byte and a free-text cell are not echoed", async () => {
    const csv = [
      HEADER,
      "P1,HONG^GILDONG,F,900,0,,GE",
      "P2,70,F,900,0,,Ward 7 KIM\u0000MINJI",
      "P3,70,F,900,0,,=cmd|' /C calc'!A0",
    ].join("\n");
    const { status, report, problems } = await ingest(clinicalFolder(csv), "clinical-sec");
    expect(status).toBe("REJECTED");
    expect(problems).toContainEqual({ row: 1, column: "age", value: "", reason: "must be a number in years" });
    expect(report).toContain("control character");
    expect(report).not.toMatch(/GILDONG|MINJI|calc|\\u0000/);
  });

  it("a manifest without a header line: its first patient is not listed as 'unknown columns'", async () => {
    const csv = ["SEV-10293847,70,F,900,0,,GE", "SEV-10293848,71,M,800,0,,GE"].join("\n");
    const { status, report } = await ingest(clinicalFolder(csv), "clinical-sec");
    expect(status).toBe("REJECTED");
    expect(report).toContain("the first line is not a header");
    expect(report).not.toContain("SEV-10293847");
  });

  it("a CSV error is described in our words, without the parser's quote of the cell", async () => {
    const csv = [HEADER, 'P1,70,F,900,0,,"GE', 'P2,71,M,800,0,,PARK"SECRETNAME'].join("\n");
    const { status, report } = await ingest(clinicalFolder(csv), "clinical-sec");
    expect(status).toBe("REJECTED");
    expect(report).toContain("not valid CSV");
    expect(report).not.toContain("SECRETNAME");
  });

  it("an image whose file name carries a name and birth date: the report names the row and the file's place", async () => {
    const profile = findProfile("Severance");
    const base = mkdtempSync(join(tmpdir(), "fracval-sec-xray-"));
    writeDataset({ profile, n: 3, seed: 5, out: base, modality: "xray", writeImages: xrayWriter(profile, 5) });
    const folder = mkdtempSync(join(tmpdir(), "fracval-sec-xray-named-"));
    cpSync(base, folder, { recursive: true });
    const manifest = readFileSync(join(folder, "manifest.csv"), "utf8").split("\n");
    const col = manifest[0]!.split(",").indexOf("image_path");
    const cells = manifest[2]!.split(",");
    const planted = "images/HONG_GILDONG_19450101.dcm";
    renameSync(join(folder, cells[col]!), join(folder, planted));
    writeFileSync(join(folder, planted), Buffer.alloc(4000, 9)); // not DICOM
    cells[col] = planted;
    manifest[2] = cells.join(",");
    writeFileSync(join(folder, "manifest.csv"), manifest.join("\n"));
    const { status, report, problems } = await ingest(folder, "verte-x-pvf");
    expect(status).toBe("REJECTED");
    expect(problems).toContainEqual({
      row: 2,
      column: "image_path",
      value: "",
      reason: expect.stringMatching(/^the image file is not a DICOM Part 10 file/),
    });
    expect(report).not.toMatch(/GILDONG|19450101/);
  }, 60_000);
});
