// A DICOM corpus with identifiers planted in more than 40 places — nested sequences two levels deep,
// private tags (also inside sequences), overlays, free-text descriptions, times and date-times, the file
// meta — goes through the real ingestion into PostgreSQL and the content store. Afterwards none of the
// planted strings is anywhere: not in the stored files, not in any table, not
// in what the process logged. An image with burned-in annotation is refused with the reason.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import dcmjs from "dcmjs";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createApiKey, FileContentStore } from "@fracval/core";
import { deidentifyDicom, ingestDatasetFolder } from "@fracval/worker";
import { deidentifyByElements, deidentifyWithDcmjs } from "../../apps/worker/src/ingest/deidentify-dicom.js";
import { startTestApi } from "../../apps/api/test/support/api.js";
import { createTestDatabase, waitFor, type TestDatabase } from "@fracval/testing";
import { findProfile, writeDataset, xrayWriter } from "@fracval/synth";

let t: TestDatabase;
const secrets = { pseudonym: "pseudonym-secret-0123456789", deidentification: "deid-secret-0123456789" };
const storeDir = mkdtempSync(join(tmpdir(), "fracval-plant-store-"));
const store = new FileContentStore(storeDir);

type El = { vr: string; Value: unknown[] };
const planted: string[] = [];
/** A unique identifier-like string, remembered for the final scan. */
const plant = (where: string, max = 64) => {
  const value = `PLANT${String(planted.length).padStart(2, "0")}${where.replace(/[^A-Z]/gi, "").toUpperCase()}`.slice(
    0,
    max,
  );
  planted.push(value);
  return value;
};
const lo = (where: string): El => ({ vr: "LO", Value: [plant(where)] });
const pn = (where: string): El => ({ vr: "PN", Value: [{ Alphabetic: `${plant(where)}^KIM` }] });

/** The planted header of one file: every place Table E.1-1 worries about, and more. */
function plantIdentifiers(file: { dict: Record<string, El>; meta: Record<string, El> }) {
  const d = file.dict;
  d["00100010"] = pn("PatientName");
  d["00100020"] = lo("PatientID");
  d["00100021"] = lo("IssuerOfPatientID");
  d["00101000"] = lo("OtherPatientIDs");
  d["00101001"] = pn("OtherPatientNames");
  d["00101040"] = lo("PatientAddress");
  d["00102154"] = { vr: "SH", Value: [plant("Phone", 16)] };
  d["00104000"] = { vr: "LT", Value: [plant("PatientComments")] };
  d["00080080"] = lo("InstitutionName");
  d["00080081"] = { vr: "ST", Value: [plant("InstitutionAddress")] };
  d["00080090"] = pn("ReferringPhysician");
  d["00081050"] = pn("PerformingPhysician");
  d["00081070"] = pn("Operators");
  d["00081030"] = lo("StudyDescription");
  d["0008103E"] = lo("SeriesDescription");
  d["00204000"] = { vr: "LT", Value: [plant("ImageComments")] };
  d["00081010"] = { vr: "SH", Value: [plant("Station", 16)] };
  d["00181000"] = lo("DeviceSerial");
  d["00180022"] = { vr: "CS", Value: [] };
  d["00321032"] = pn("RequestingPhysician");
  d["00400254"] = lo("PerformedProcedureStepDescription");
  d["00080050"] = { vr: "SH", Value: [plant("Accession", 16)] };
  d["00200010"] = { vr: "SH", Value: [plant("StudyID", 16)] };
  d["00080030"] = { vr: "TM", Value: ["235959.123456"] }; // StudyTime
  d["00080033"] = { vr: "TM", Value: ["235958.654321"] }; // ContentTime
  d["0008002A"] = { vr: "DT", Value: ["20120304235957.111111"] }; // AcquisitionDateTime
  planted.push("235959.123456", "235958.654321", "235957.111111");
  // Private tags, at the top and inside a sequence
  d["00090010"] = lo("PrivateCreator");
  d["00091001"] = lo("PrivateValue");
  d["00111010"] = { vr: "LO", Value: [plant("PrivateUnknownVR")] };
  // Overlays: description, label and the overlay bits (text drawn as bytes)
  d["60000022"] = lo("OverlayDescription");
  d["60001500"] = lo("OverlayLabel");
  d["60003000"] = { vr: "OW", Value: [new TextEncoder().encode(plant("OverlayData").padEnd(32, " ")).buffer] };
  // Nested sequences, depth 2 and more
  d["04000561"] = {
    vr: "SQ",
    Value: [
      {
        "04000550": {
          vr: "SQ",
          Value: [
            {
              "00100010": pn("OriginalPatientName"),
              "00100020": lo("OriginalPatientID"),
              "00080080": lo("OriginalInstitution"),
            },
          ],
        },
        "04000563": lo("ModifyingSystem"),
        "04000564": lo("SourceOfPreviousValues"),
      },
    ],
  };
  d["00081140"] = {
    vr: "SQ",
    Value: [
      {
        "00081150": { vr: "UI", Value: ["1.2.3.4"] },
        "00081155": { vr: "UI", Value: [`1.2.840.${planted.length}999.${Date.now()}`] },
        "00091002": lo("PrivateInSequence"),
      },
    ],
  };
  planted.push((d["00081140"].Value[0] as Record<string, El>)["00081155"]!.Value[0] as string);
  d["00400275"] = {
    vr: "SQ",
    Value: [
      {
        "00321060": lo("RequestedProcedureDescription"),
        "00401001": { vr: "SH", Value: [plant("RequestedProcID", 16)] },
        "00400008": { vr: "SQ", Value: [{ "00080104": lo("ScheduledProtocolCodeMeaning") }] },
      },
    ],
  };
  d["00101002"] = {
    vr: "SQ",
    Value: [{ "00100020": lo("OtherPatientIDsSeqID"), "00100021": lo("OtherPatientIDsSeqIssuer") }],
  };
  // File meta
  file.meta["00020016"] = { vr: "AE", Value: [plant("SourceAET", 16)] };
  file.meta["00020017"] = { vr: "AE", Value: [plant("SendingAET", 16)] };
  file.meta["00020100"] = { vr: "UI", Value: ["1.2.826.0.1.3680043.2.1143.999"] };
  file.meta["00020102"] = {
    vr: "OB",
    Value: [new TextEncoder().encode(plant("PrivateInformation").padEnd(32, " ")).buffer],
  };
}

let folder: string;
let plantedFile: Uint8Array;
const logged: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const profile = findProfile("Severance");
  folder = mkdtempSync(join(tmpdir(), "fracval-plant-"));
  writeDataset({ profile, n: 3, seed: 9, out: folder, modality: "xray", writeImages: xrayWriter(profile, 9) });
  const manifest = readFileSync(join(folder, "manifest.csv"), "utf8").split("\n");
  const imageColumn = manifest[0]!.split(",").indexOf("image_path");
  const imagePath = join(folder, manifest[1]!.split(",")[imageColumn]!);
  const file = dcmjs.data.DicomMessage.readFile(new Uint8Array(readFileSync(imagePath)).buffer) as unknown as {
    dict: Record<string, El>;
    meta: Record<string, El>;
    write(): ArrayBuffer;
  };
  plantIdentifiers(file);
  plantedFile = new Uint8Array(file.write());
  writeFileSync(imagePath, plantedFile);
}, 120_000);
afterAll(async () => t?.drop());

describe("identifiers planted in more than 40 places of a DICOM file", () => {
  it("are all in the file before de-identification (the corpus is real)", () => {
    expect(planted.length).toBeGreaterThanOrEqual(40);
    const text = Buffer.from(plantedFile).toString("latin1");
    for (const p of planted) expect(text, p).toContain(p);
  });

  it("none survives deidentifyDicom, at any depth or in the file meta", () => {
    const clean = Buffer.from(
      deidentifyDicom(plantedFile, { pseudonym: "Pxyz", dateShiftDays: -10, uidKey: "k" }),
    ).toString("latin1");
    const left = planted.filter((p) => clean.includes(p));
    expect(left).toEqual([]);
  });

  it("deidentifyDicom rewrites this header element by element, to exactly what dcmjs writes", () => {
    const options = { pseudonym: "Pxyz", dateShiftDays: -10, uidKey: "k" };
    const byElements = deidentifyByElements(plantedFile, options);
    expect(byElements).not.toBeNull();
    expect(Buffer.from(byElements!).equals(Buffer.from(deidentifyWithDcmjs(plantedFile, options)))).toBe(true);
  });

  it("none is anywhere after ingestion: stored files, every table, the logs", async () => {
    const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
    const dataset = await t.db.validationDataset.create({
      data: { name: "planted", siteId: site.id, studyId: study.id, providedScoreNames: [] },
    });
    const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    const spies = [
      vi.spyOn(console, "log").mockImplementation(capture),
      vi.spyOn(console, "warn").mockImplementation(capture),
      vi.spyOn(console, "error").mockImplementation(capture),
      vi.spyOn(console, "info").mockImplementation(capture),
    ];
    const writeSpy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    const errSpy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    let result: Awaited<ReturnType<typeof ingestDatasetFolder>>;
    try {
      result = await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets });
    } finally {
      for (const s of [...spies, writeSpy, errSpy]) s.mockRestore();
    }
    expect(result.status).toBe("READY");
    // Storage: every stored blob.
    const blobs: string[] = [];
    const walk = (d: string) =>
      readdirSync(d).forEach((f) =>
        statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : blobs.push(readFileSync(join(d, f)).toString("latin1")),
      );
    walk(storeDir);
    expect(blobs.length).toBeGreaterThan(0);
    // The database: every row of every table of the public schema, as text.
    const tables = await t.db.$queryRawUnsafe<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    let dump = "";
    for (const { tablename } of tables)
      dump += JSON.stringify(await t.db.$queryRawUnsafe(`SELECT row_to_json(x)::text AS j FROM "${tablename}" x`));
    const haystacks = { storage: blobs.join("\n"), database: dump, logs: logged.join("\n") };
    for (const [where, text] of Object.entries(haystacks))
      expect(
        planted.filter((p) => text.includes(p)),
        where,
      ).toEqual([]);
  }, 120_000);

  it("none is anywhere after the real path either: a partner's tus upload and the ingestion job (uploads folder included)", async () => {
    const api = await startTestApi(t.db, { databaseUrl: t.url });
    const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    const spies = [
      vi.spyOn(console, "log").mockImplementation(capture),
      vi.spyOn(console, "warn").mockImplementation(capture),
      vi.spyOn(console, "error").mockImplementation(capture),
    ];
    try {
      const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
      const key = (
        await createApiKey(t.db, null, {
          siteId: site.id,
          name: "planted upload",
          scopes: ["DATASETS_READ", "DATASETS_WRITE"],
        })
      ).key;
      const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
      const bin = fileURLToPath(new URL("../../apps/api/bin/fracval.js", import.meta.url));
      const cli = await new Promise<{ status: number | null; out: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [bin, "upload", "--api", api.url, "--key", key, "--study", study.id, "--timeout", "120", folder],
          { env: process.env },
        );
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (out += d.toString()));
        child.on("exit", (status) => resolve({ status, out }));
      });
      logged.push(cli.out);
      expect(cli.status, cli.out).toBe(0);
      expect(cli.out).toMatch(/READY: 3 patients/);
      // The job deletes the raw upload right after committing READY: wait for it (and fail if it never goes).
      const datasetId = (JSON.parse(cli.out.split("\n").find((l) => l.startsWith("{"))!) as { datasetId: string })
        .datasetId;
      await waitFor(async () => !existsSync(join(api.uploadsDir, "datasets", datasetId)), 10_000);
      const files: string[] = [];
      const walk = (d: string) =>
        readdirSync(d).forEach((f) =>
          statSync(join(d, f)).isDirectory()
            ? walk(join(d, f))
            : files.push(readFileSync(join(d, f)).toString("latin1")),
        );
      walk(api.uploadsDir);
      walk(api.storeDir);
      const tables = await t.db.$queryRawUnsafe<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname IN ('public')`,
      );
      let dump = "";
      for (const { tablename } of tables)
        dump += JSON.stringify(await t.db.$queryRawUnsafe(`SELECT row_to_json(x)::text AS j FROM "${tablename}" x`));
      dump += JSON.stringify(await t.db.$queryRawUnsafe(`SELECT row_to_json(j)::text AS j FROM pgboss.job j`));
      const haystacks = {
        "uploads and storage": files.join("\n"),
        database: dump,
        "logs and CLI output": logged.join("\n"),
      };
      for (const [where, text] of Object.entries(haystacks))
        expect(
          planted.filter((p) => text.includes(p)),
          where,
        ).toEqual([]);
    } finally {
      for (const s of spies) s.mockRestore();
      await api.stop();
    }
  }, 180_000);

  it("an image with burned-in annotation is refused, with the reason", async () => {
    const manifest = readFileSync(join(folder, "manifest.csv"), "utf8").split("\n");
    const imageColumn = manifest[0]!.split(",").indexOf("image_path");
    const imagePath = join(folder, manifest[2]!.split(",")[imageColumn]!);
    const file = dcmjs.data.DicomMessage.readFile(new Uint8Array(readFileSync(imagePath)).buffer) as unknown as {
      dict: Record<string, El>;
      write(): ArrayBuffer;
    };
    file.dict["00280301"] = { vr: "CS", Value: ["YES"] };
    writeFileSync(imagePath, new Uint8Array(file.write()));
    const site = await t.db.site.findFirstOrThrow({ where: { code: "Severance" } });
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
    const dataset = await t.db.validationDataset.create({
      data: { name: "burned", siteId: site.id, studyId: study.id, providedScoreNames: [] },
    });
    const result = await ingestDatasetFolder(t.db, store, { datasetId: dataset.id, folder, secrets });
    expect(result.status).toBe("REJECTED");
    expect((result.validationReport as { problems: { row: number; reason: string }[] }).problems).toContainEqual(
      expect.objectContaining({ row: 2, reason: expect.stringMatching(/burned-in annotation/) }),
    );
  }, 120_000);
});
