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

const { DicomDict, DicomMessage, WriteBufferStream } = dcmjs.data;
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
  return pixelRangeOf(bytes, ds);
}

/**
 * The file de-identified: its header rewritten by the profile, its pixel data copied as one block. The header
 * is rewritten element by element from one parse (deidentifyByElements): what the profile keeps is copied as
 * it stands, what it replaces is encoded anew. Where that does not apply (a transfer syntax other than little
 * endian, a kept sequence, no pixel data) dcmjs parses and writes the header (deidentifyWithDcmjs). Both give
 * the same bytes (deidentify-dicom.test.ts).
 */
export function deidentifyDicom(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array {
  return concat(deidentifyDicomParts(bytes, options));
}

/**
 * deidentifyDicom as the pieces that make up the file, in order — the last one the pixel data, a view of
 * `bytes` — for a caller that hashes and writes them as they are instead of copying a radiograph once more.
 */
export function deidentifyDicomParts(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array[] {
  return byElementsParts(bytes, options) ?? dcmjsParts(bytes, options);
}

/** The header through dcmjs (deidentifyWholeFile on the part before the pixel data), the pixels copied. */
export function deidentifyWithDcmjs(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array {
  return concat(dcmjsParts(bytes, options));
}

function dcmjsParts(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array[] {
  const pixel = pixelDataRange(bytes);
  const header = deidentifyWholeFile(pixel ? bytes.subarray(0, pixel.start) : bytes, options);
  return pixel ? [header, bytes.subarray(pixel.start, pixel.end)] : [header];
}

/** The file de-identified element by element from one parse, or null where that path does not apply. */
export function deidentifyByElements(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array | null {
  const parts = byElementsParts(bytes, options);
  return parts && concat(parts);
}

function byElementsParts(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array[] | null {
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes);
  } catch {
    return null;
  }
  const pixel = pixelRangeOf(bytes, ds);
  const header = pixel && rewriteHeader(bytes, ds, options);
  return header ? [...header, bytes.subarray(pixel.start, pixel.end)] : null;
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Explicit VR: these VRs have a 4-byte length after 2 reserved bytes; the others a 2-byte length. */
const LENGTH_32 = new Set(["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"]);
/** Implicit VR files say no VR: the VR of the attributes the profile replaces (the rest is copied as is). */
const REPLACED_VR: Record<string, string> = { "00100010": "PN", "00100020": "LO" };

/** The attributes the profile adds to every file, as deidentifyWholeFile sets them. */
function addedAttributes(): Dataset {
  return {
    "00120062": { vr: "CS", Value: ["YES"] }, // PatientIdentityRemoved
    "00120063": { vr: "LO", Value: [DEIDENTIFICATION_METHOD] },
    "00120064": {
      vr: "SQ",
      Value: DECLARED_OPTIONS.map((o) => ({
        "00080100": { vr: "SH", Value: [o.CodeValue] },
        "00080102": { vr: "SH", Value: [o.CodingSchemeDesignator] },
        "00080104": { vr: "LO", Value: [o.CodeMeaning] },
      })),
    },
    "00280303": { vr: "CS", Value: ["MODIFIED"] }, // LongitudinalTemporalInformationModified
  };
}

/** The added attributes encoded by dcmjs once per syntax (they never change): tag → element bytes. */
const addedEncoded = new Map<string, Map<string, Uint8Array>>();
function addedElements(syntax: string): Map<string, Uint8Array> {
  let encoded = addedEncoded.get(syntax);
  if (!encoded) {
    encoded = new Map();
    for (const [tag, element] of Object.entries(addedAttributes())) {
      const stream = new WriteBufferStream(256, true);
      DicomMessage.write({ [tag]: element }, stream, syntax, {});
      encoded.set(tag, new Uint8Array(stream.getBuffer()));
    }
    addedEncoded.set(syntax, encoded);
  }
  return encoded;
}

/** One element: tag, then VR and length (explicit) or length alone (implicit), then the value. */
function encodeElement(tag: string, vr: string, value: Uint8Array, implicit: boolean): Uint8Array {
  const header = implicit ? 8 : LENGTH_32.has(vr) ? 12 : 8;
  const out = new Uint8Array(header + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, parseInt(tag.slice(0, 4), 16), true);
  view.setUint16(2, parseInt(tag.slice(4), 16), true);
  if (implicit) view.setUint32(4, value.length, true);
  else {
    out[4] = vr.charCodeAt(0);
    out[5] = vr.charCodeAt(1);
    if (header === 12) view.setUint32(8, value.length, true);
    else view.setUint16(6, value.length, true);
  }
  out.set(value, header);
  return out;
}

const ASCII_ENCODER = new TextEncoder();
const LATIN1 = new TextDecoder("latin1");

/** Values of a string VR as DICOM writes them: joined by backslashes, padded to an even length. */
function stringValue(values: string[], vr: string): Uint8Array {
  const joined = values.join("\\");
  return ASCII_ENCODER.encode(joined.length % 2 ? `${joined}${vr === "UI" ? "\0" : " "}` : joined);
}

/** The values of a string element as stored (padding and surrounding spaces dropped). */
function stringsOf(bytes: Uint8Array, element: dicomParser.Element): string[] {
  if (element.length === 0) return [];
  const text = LATIN1.decode(bytes.subarray(element.dataOffset, element.dataOffset + element.length));
  return text
    .replace(/[\0 ]+$/, "")
    .split("\\")
    .map((v) => v.trim());
}

/**
 * The header (everything before the pixel data) rewritten by the profile from one parse: the parts of the
 * new header in order, or null where this path does not apply (the caller uses dcmjs instead).
 */
function rewriteHeader(bytes: Uint8Array, ds: dicomParser.DataSet, options: DeidentifyOptions): Uint8Array[] | null {
  const syntax = ds.string("x00020010");
  const implicit = syntax === IMPLICIT_VR_LITTLE_ENDIAN;
  // Little endian datasets only: implicit, explicit, and the encapsulated syntaxes (explicit VR little endian
  // around compressed pixels). Deflated and big endian files go through dcmjs.
  if (!syntax || syntax === "1.2.840.10008.1.2.1.99" || syntax === "1.2.840.10008.1.2.2") return null;
  const added = addedElements(implicit ? IMPLICIT_VR_LITTLE_ENDIAN : syntax);
  const meta: [string, Uint8Array][] = [];
  const body: [string, Uint8Array][] = [...added];
  for (const key of Object.keys(ds.elements)) {
    const element = ds.elements[key]!;
    const tag = key.slice(1).toUpperCase();
    if (tag === "7FE00010") continue; // the pixel data: copied by the caller
    const group = tag.slice(0, 4);
    const elementImplicit = group === "0002" ? false : implicit;
    const start = element.dataOffset - (elementImplicit ? 8 : LENGTH_32.has(element.vr ?? "") ? 12 : 8);
    if (start < 132 || element.dataOffset + element.length > bytes.length) return null;
    const asStored = () => bytes.subarray(start, element.dataOffset + element.length);
    const vr = element.vr ?? REPLACED_VR[tag] ?? (ACTION_OF.get(tag) === "U" ? "UI" : "DA");
    if (group === "0002") {
      const action = FILE_META_KEEP[tag];
      if (action === "K") meta.push([tag, asStored()]);
      if (action === "U") {
        const uids = stringsOf(bytes, element).map((v) => keyedUid(options.uidKey, v));
        meta.push([tag, encodeElement(tag, "UI", stringValue(uids, "UI"), false)]);
      }
      continue;
    }
    if (added.has(tag) || isPrivate(tag) || isOverlayOrCurve(tag)) continue;
    const action = ACTION_OF.get(tag) ?? "X";
    // A kept sequence would need the profile inside its items: dcmjs does that (none is kept today).
    if (action === "K" && (element.items || element.vr === "SQ")) return null;
    if (element.hadUndefinedLength && action !== "X") return null; // only sequences and such: dcmjs
    switch (action) {
      case "K":
        body.push([tag, asStored()]);
        break;
      case "Z":
        body.push([tag, encodeElement(tag, vr, new Uint8Array(0), implicit)]);
        break;
      case "D":
        body.push([tag, encodeElement(tag, vr, stringValue([options.pseudonym], vr), implicit)]);
        break;
      case "U": {
        const uids = stringsOf(bytes, element).map((v) => keyedUid(options.uidKey, v));
        body.push([tag, encodeElement(tag, vr, stringValue(uids, "UI"), implicit)]);
        break;
      }
      case "C": {
        const shift = vr === "DT" ? shiftDateTime : shiftDate;
        const dates = stringsOf(bytes, element)
          .map((v) => shift(v, options.dateShiftDays))
          .filter(Boolean);
        body.push([tag, encodeElement(tag, vr, stringValue(dates, vr), implicit)]);
        break;
      }
      case "X":
        break;
    }
  }
  // dcmjs writes the meta in tag order after its group length, then the dataset in tag order.
  const byTag = (a: [string, Uint8Array], b: [string, Uint8Array]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  meta.sort(byTag);
  body.sort(byTag);
  let metaLength = 0;
  for (const [, part] of meta) metaLength += part.length;
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, metaLength, true);
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128); // "DICM"
  return [
    preamble,
    encodeElement("00020000", "UL", groupLength, false),
    ...meta.map(([, part]) => part),
    ...body.map(([, part]) => part),
  ];
}

/** pixelDataRange on a parse already made. */
function pixelRangeOf(bytes: Uint8Array, ds: dicomParser.DataSet): { start: number; end: number } | null {
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
 * The profile applied to a whole file, pixels included (parsed and written by dcmjs): the reference the
 * header-only path is tested against, and what it applies to the part of a file before its pixel data.
 */
export function deidentifyWholeFile(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array {
  const buffer = new Uint8Array(bytes).buffer; // an exact, unshared copy
  const file = DicomMessage.readFile(buffer);
  const ds = { ...applyProfile(file.dict as Dataset, options), ...addedAttributes() };
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
