// De-identification of synthetic hospital DICOM: no original identifier survives in the bytes, the
// pseudonym replaces it, dates shift consistently per patient, pixels are untouched.
import { describe, expect, it } from "vitest";
import dicomParser from "dicom-parser";
import dcmjs from "dcmjs";
import { findProfile, generateCohort, xrayWriter, ctWriter } from "@fracval/synth";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pseudonymise } from "@fracval/core";
import { dateShiftFor, deidentifyDicom, DEIDENTIFICATION_METHOD, inspectDicom } from "../src/index.js";
import {
  deidentifyByElements,
  deidentifyWholeFile,
  deidentifyWithDcmjs,
  pixelDataRange,
} from "../src/ingest/deidentify-dicom.js";

const profile = findProfile("Severance");
const [patient] = generateCohort(profile, { n: 1, seed: 12 });
const dir = mkdtempSync(join(tmpdir(), "fracval-deid-"));
const ref = xrayWriter(profile, 12)(patient!, dir);
const original = new Uint8Array(readFileSync(join(dir, ref.path.replace(/^images\//, ""))));
const pseudonym = pseudonymise("site-secret-0123456789", "site-severance", patient!.hospitalId);
const options = {
  pseudonym,
  dateShiftDays: dateShiftFor("date-key-0123456789", pseudonym),
  uidKey: "uid-key-0123456789",
};
const clean = deidentifyDicom(original, options);
const text = (b: Uint8Array) => Buffer.from(b).toString("latin1");

describe("deidentifyDicom", () => {
  it("removes every original identifier from the file's bytes", () => {
    const before = dicomParser.parseDicom(original);
    const identifiers = [
      patient!.hospitalId,
      patient!.name.family,
      patient!.name.given,
      patient!.birthDate,
      patient!.accessionNumber,
      patient!.studyDate,
      "Severance Hospital",
      "PARK^JIHOON",
      before.string("x0020000d")!,
      before.string("x0020000e")!,
      before.string("x00080018")!,
      "SYNTHETIC image",
    ];
    for (const id of identifiers) expect(text(original)).toContain(id); // they were there
    for (const id of identifiers) expect(text(clean), id).not.toContain(id);
  });

  it("puts the pseudonym in PatientID/PatientName and declares the method", () => {
    const after = dicomParser.parseDicom(clean);
    expect(after.string("x00100020")).toBe(pseudonym);
    expect(after.string("x00100010")).toBe(pseudonym);
    expect(after.string("x00120062")).toBe("YES");
    expect(after.string("x00120063")).toBe(DEIDENTIFICATION_METHOD);
    expect(after.string("x00080050") ?? "").toBe(""); // accession emptied, still present
  });

  it("shifts dates by the patient's offset, keeps sex, age, manufacturer and pixels", () => {
    const before = dicomParser.parseDicom(original);
    const after = dicomParser.parseDicom(clean);
    const day = (s: string) =>
      Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8))) / 86_400_000;
    expect(day(after.string("x00080020")!) - day(before.string("x00080020")!)).toBe(options.dateShiftDays);
    expect(options.dateShiftDays).toBeLessThan(0);
    for (const tag of ["x00100040", "x00101010", "x00080070", "x00080060"])
      expect(after.string(tag)).toBe(before.string(tag));
    const px = (b: Uint8Array) => {
      const ds = dicomParser.parseDicom(b);
      const el = ds.elements.x7fe00010!;
      return Buffer.from(b.subarray(el.dataOffset, el.dataOffset + el.length));
    };
    expect(px(clean).equals(px(original))).toBe(true);
    expect(inspectDicom(clean).ok).toBe(true);
  });

  it("replaces UIDs consistently: the same series UID maps to the same new UID", () => {
    const ctProfile = findProfile("Boramae");
    const [ctPatient] = generateCohort(ctProfile, { n: 1, seed: 3 });
    const ctDir = mkdtempSync(join(tmpdir(), "fracval-deid-ct-"));
    const ctRef = ctWriter(ctProfile, 3)(ctPatient!, ctDir);
    const folder = join(ctDir, ctRef.path.replace(/^images\//, ""));
    const series = readdirSync(folder)
      .slice(0, 3)
      .map((f) => dicomParser.parseDicom(deidentifyDicom(new Uint8Array(readFileSync(join(folder, f))), options)));
    expect(new Set(series.map((s) => s.string("x0020000e"))).size).toBe(1);
    expect(new Set(series.map((s) => s.string("x00080018"))).size).toBe(3);
    expect(series[0]!.string("x0020000e")).toMatch(/^2\.25\.\d+$/);
  });

  it("drops private attributes", () => {
    const file = dcmjs.data.DicomMessage.readFile(new Uint8Array(original).buffer);
    file.dict["00090010"] = { vr: "LO", Value: ["ACME HOSPITAL PRIVATE"] }; // private creator
    file.dict["00091001"] = { vr: "LO", Value: ["HOSPITAL-SECRET-123"] };
    const withPrivate = new Uint8Array(file.write());
    expect(text(withPrivate)).toContain("HOSPITAL-SECRET-123");
    const cleaned = deidentifyDicom(withPrivate, options);
    expect(text(cleaned)).not.toContain("HOSPITAL-SECRET-123");
    expect(text(cleaned)).not.toContain("ACME HOSPITAL PRIVATE");
  });
});

describe("header-only de-identification", () => {
  // The same file in implicit VR little endian: dcmjs writes the dataset in the meta's transfer syntax.
  const implicit = (() => {
    const file = dcmjs.data.DicomMessage.readFile(new Uint8Array(original).buffer);
    file.meta["00020010"] = { vr: "UI", Value: ["1.2.840.10008.1.2"] };
    return new Uint8Array(file.write());
  })();
  const ctFolder = mkdtempSync(join(tmpdir(), "fracval-deid-ct-"));
  const ctRef = ctWriter(profile, 12)(patient!, ctFolder);
  const ctSlice = join(ctFolder, ctRef.path.replace(/^images\//, ""));
  const cases: [string, Uint8Array][] = [
    ["an explicit VR radiograph", original],
    ["an implicit VR radiograph", implicit],
    ["a CT slice", new Uint8Array(readFileSync(join(ctSlice, readdirSync(ctSlice).sort()[0]!)))],
    [
      "a JPEG baseline (encapsulated) file",
      new Uint8Array(
        readFileSync(new URL("../../../packages/imaging/test/fixtures/jpeg-baseline.dcm", import.meta.url)),
      ),
    ],
  ];
  it.each(cases)("%s: byte for byte what parsing and writing the whole file gives", (name, bytes) => {
    // The pixel element is found, and it runs to the end of these files.
    const pixel = dicomParser.parseDicom(bytes).elements.x7fe00010!;
    expect(pixelDataRange(bytes)).toEqual({
      start: pixel.dataOffset - (name.startsWith("an implicit") ? 8 : 12),
      end: bytes.length,
    });
    const reference = deidentifyWholeFile(bytes, options);
    // Element by element from one parse (what deidentifyDicom takes for these files), and the header
    // through dcmjs with the pixels copied: both the whole file through dcmjs, byte for byte.
    const byElements = deidentifyByElements(bytes, options);
    expect(byElements).not.toBeNull();
    for (const fast of [byElements!, deidentifyWithDcmjs(bytes, options), deidentifyDicom(bytes, options)]) {
      expect(fast.length).toBe(reference.length);
      expect(Buffer.from(fast).equals(Buffer.from(reference))).toBe(true);
    }
  });

  it("leaves big endian and deflated files to dcmjs, and files without pixel data", () => {
    const withSyntax = (uid: string) => {
      const file = dcmjs.data.DicomMessage.readFile(new Uint8Array(original).buffer);
      file.meta["00020010"] = { vr: "UI", Value: [uid] };
      return new Uint8Array(file.write());
    };
    expect(deidentifyByElements(withSyntax("1.2.840.10008.1.2.2"), options)).toBeNull();
    const noPixels = (() => {
      const file = dcmjs.data.DicomMessage.readFile(new Uint8Array(original).buffer);
      delete file.dict["7FE00010"];
      return new Uint8Array(file.write());
    })();
    expect(deidentifyByElements(noPixels, options)).toBeNull();
    expect(
      Buffer.from(deidentifyDicom(noPixels, options)).equals(Buffer.from(deidentifyWholeFile(noPixels, options))),
    ).toBe(true);
  });
});

describe("inspectDicom", () => {
  it("summarises a valid file and names why a bad one is refused", () => {
    const ok = inspectDicom(original);
    expect(ok).toMatchObject({
      ok: true,
      summary: { modality: "DX", bodyPart: "LSPINE", manufacturer: patient!.manufacturer },
    });
    expect(inspectDicom(new TextEncoder().encode("not dicom at all"))).toEqual({
      ok: false,
      reason: "is not a DICOM Part 10 file (no DICM preamble)",
    });
    expect(inspectDicom(original.subarray(0, original.length - 5000))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/truncated|unreadable/),
    });
  });

  it("refuses an image whose header declares more pixels than any radiograph, before decoding anything", () => {
    const file = dcmjs.data.DicomMessage.readFile(new Uint8Array(original).buffer);
    file.dict["00280010"] = { vr: "US", Value: [16000] };
    file.dict["00280011"] = { vr: "US", Value: [16000] };
    const huge = new Uint8Array(file.write()); // 256 million pixels declared; a few MB on disk
    expect(inspectDicom(huge)).toEqual({
      ok: false,
      reason: "is 16000 × 16000 pixels, more than the 50 million an image may have",
    });
  });
});
