// De-identification of DICOM before storage: DICOM PS3.15 Annex E, Basic Application Level
// Confidentiality Profile with the options declared in deidentification-profile.ts, applied as data by a
// small engine that walks the dataset (and the file meta) recursively. Identifying attributes are replaced
// (patient ID/name → the site pseudonym; UIDs → keyed UIDs), emptied or removed; dates are shifted by a
// per-patient offset (intervals stay exact); anything the profile does not allow — private attributes,
// overlays, free text, times, nested sequences — is removed at every depth.
import dcmjs from "dcmjs";
import dicomParser from "dicom-parser";
import { createHmac } from "node:crypto";
import { ACTION_OF, DECLARED_OPTIONS, FILE_META_KEEP } from "./deidentification-profile.js";

const { DicomDict, DicomMessage } = dcmjs.data;
// dcmjs logs values of tags it does not know while reading and writing: no header value may reach a log.
dcmjs.log.setLevel("silent");

export const DEIDENTIFICATION_METHOD =
  "FracVal DEID 2.0: PS3.15 Basic Profile as an allow-list; modified dates; patient characteristics retained; UIDs replaced";

export interface DeidentifyOptions {
  /** Site-scoped pseudonym of the patient: becomes PatientID and PatientName. */
  pseudonym: string;
  /** Days added to every date of this patient (same offset for all their files). */
  dateShiftDays: number;
  /** Key of the UID replacement (HMAC), the same for the whole platform so series stay consistent. */
  uidKey: string;
}

/** Per-patient date shift in [−365, −1] days from a keyed hash: the same patient always shifts alike. */
export function dateShiftFor(key: string, pseudonym: string): number {
  return -1 - (createHmac("sha256", key).update(`date-shift:${pseudonym}`).digest().readUInt32BE(0) % 365);
}

function keyedUid(key: string, uid: string): string {
  const digest = createHmac("sha256", key).update(`uid:${uid}`).digest();
  return `2.25.${BigInt(`0x${digest.subarray(0, 16).toString("hex")}`).toString()}`;
}

function shiftDate(value: string, days: number): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return "";
  const shifted = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, "");
}

/** A dcmjs element: VR and values (strings, numbers, person names, sequence items, or pixel buffers). */
interface Element {
  vr: string;
  Value?: unknown[];
  [key: string]: unknown;
}
type Dataset = Record<string, Element>;

const isPrivate = (tag: string) => parseInt(tag.slice(0, 4), 16) % 2 === 1;
/** Overlays (60xx) and curves (50xx) can carry text or drawings: never kept. */
const isOverlayOrCurve = (tag: string) => /^(60|50)[0-9A-F]{2}/i.test(tag);

function shiftDateTime(value: string, days: number): string {
  // DT: YYYYMMDD[HHMMSS…]: the date part shifts, the time of day is dropped with everything after it.
  return value.length >= 8 ? shiftDate(value.slice(0, 8), days) : "";
}

/** The profile applied to one dataset (an item of a sequence included): a new dataset with only what it allows. */
function applyProfile(ds: Dataset, options: DeidentifyOptions): Dataset {
  const out: Dataset = {};
  for (const [rawTag, element] of Object.entries(ds)) {
    const tag = rawTag.toUpperCase();
    if (isPrivate(tag) || isOverlayOrCurve(tag)) continue;
    const action = ACTION_OF.get(tag) ?? "X";
    switch (action) {
      case "K":
        // A kept sequence keeps only what the profile allows inside its items, too.
        out[rawTag] =
          element.vr === "SQ"
            ? { ...element, Value: (element.Value ?? []).map((item) => applyProfile(item as Dataset, options)) }
            : element;
        break;
      case "Z":
        out[rawTag] = { vr: element.vr, Value: [] };
        break;
      case "D":
        out[rawTag] = {
          vr: element.vr,
          Value: [element.vr === "PN" ? { Alphabetic: options.pseudonym } : options.pseudonym],
        };
        break;
      case "U":
        out[rawTag] = { vr: element.vr, Value: (element.Value ?? []).map((v) => keyedUid(options.uidKey, String(v))) };
        break;
      case "C": {
        const shift = element.vr === "DT" ? shiftDateTime : shiftDate;
        out[rawTag] = {
          vr: element.vr,
          Value: (element.Value ?? []).map((v) => shift(String(v), options.dateShiftDays)).filter(Boolean),
        };
        break;
      }
      case "X":
        break;
    }
  }
  return out;
}

const IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";

/**
 * Where the top-level Pixel Data element (7FE0,0010) lies in the file, header included, or null. It is the
 * last element the profile keeps (only padding, signatures and private groups sort after it, all removed).
 */
export function pixelDataRange(bytes: Uint8Array): { start: number; end: number } | null {
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes);
  } catch {
    return null;
  }
  const pixel = ds.elements.x7fe00010;
  if (!pixel) return null;
  // Explicit VR: tag, VR, 2 reserved bytes, 4-byte length; implicit VR: tag, 4-byte length.
  const start = pixel.dataOffset - (ds.string("x00020010") === IMPLICIT_VR_LITTLE_ENDIAN ? 8 : 12);
  // An encapsulated element's length runs to the end of its sequence delimiter (dicom-parser).
  const end = pixel.dataOffset + pixel.length;
  const isPixelTag =
    bytes[start] === 0xe0 && bytes[start + 1] === 0x7f && bytes[start + 2] === 0x10 && bytes[start + 3] === 0x00;
  return isPixelTag && end <= bytes.length ? { start, end } : null;
}

/**
 * The file de-identified: its header rewritten by the profile, its pixel data copied as one block. Only
 * the header is parsed and written (dcmjs): the pixels, most of a file's bytes, are never decoded or copied
 * element by element. The output is in the file's own transfer syntax, so the pixel element's bytes stand.
 */
export function deidentifyDicom(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array {
  const pixel = pixelDataRange(bytes);
  const header = deidentifyWholeFile(pixel ? bytes.subarray(0, pixel.start) : bytes, options);
  if (!pixel) return header;
  const out = new Uint8Array(header.length + pixel.end - pixel.start);
  out.set(header, 0);
  out.set(bytes.subarray(pixel.start, pixel.end), header.length);
  return out;
}

/**
 * The profile applied to a whole file, pixels included (parsed and written by dcmjs): the reference the
 * header-only path is tested against, and what it applies to the part of a file before its pixel data.
 */
export function deidentifyWholeFile(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array {
  const buffer = new Uint8Array(bytes).buffer; // an exact, unshared copy
  const file = DicomMessage.readFile(buffer);
  const ds = applyProfile(file.dict as Dataset, options);
  ds["00120062"] = { vr: "CS", Value: ["YES"] }; // PatientIdentityRemoved
  ds["00120063"] = { vr: "LO", Value: [DEIDENTIFICATION_METHOD] };
  ds["00120064"] = {
    vr: "SQ",
    Value: DECLARED_OPTIONS.map((o) => ({
      "00080100": { vr: "SH", Value: [o.CodeValue] },
      "00080102": { vr: "SH", Value: [o.CodingSchemeDesignator] },
      "00080104": { vr: "LO", Value: [o.CodeMeaning] },
    })),
  };
  ds["00280303"] = { vr: "CS", Value: ["MODIFIED"] }; // LongitudinalTemporalInformationModified
  const meta: Dataset = {};
  for (const [rawTag, element] of Object.entries(file.meta as Dataset)) {
    const action = FILE_META_KEEP[rawTag.toUpperCase()];
    if (action === "K") meta[rawTag] = element;
    if (action === "U")
      meta[rawTag] = { vr: element.vr, Value: (element.Value ?? []).map((v) => keyedUid(options.uidKey, String(v))) };
  }
  const out = new DicomDict(meta);
  out.dict = ds;
  return new Uint8Array(out.write());
}
