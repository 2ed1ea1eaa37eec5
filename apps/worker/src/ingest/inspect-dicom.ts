// Reads what ingestion needs to know about an uploaded DICOM file, or says why it cannot be used.
import dicomParser from "dicom-parser";

export interface DicomSummary {
  modality: string;
  bodyPart: string | null;
  manufacturer: string | null;
  rows: number;
  columns: number;
  pixelSpacing: [number, number] | null;
  sliceThickness: number | null;
  sliceLocation: number | null;
  seriesInstanceUid: string | null;
  transferSyntax: string;
}

const SUPPORTED_SYNTAXES = new Set([
  "1.2.840.10008.1.2", // implicit VR little endian
  "1.2.840.10008.1.2.1", // explicit VR little endian
  "1.2.840.10008.1.2.4.50", // JPEG baseline
]);

/** More pixels than any radiograph or CT series file has (a 43 × 43 cm detector at 0.1 mm is 18 MP): refused
 * from the header, before anything is decoded, compressed files included. */
export const MAX_DICOM_PIXELS = 50_000_000;

export type InspectResult = { ok: true; summary: DicomSummary } | { ok: false; reason: string };

export function inspectDicom(bytes: Uint8Array): InspectResult {
  if (bytes.length < 132 || String.fromCharCode(...bytes.subarray(128, 132)) !== "DICM")
    return { ok: false, reason: "is not a DICOM Part 10 file (no DICM preamble)" };
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes);
  } catch {
    // The parser's own message can quote header bytes (names, IDs): it is not passed on.
    return { ok: false, reason: "is unreadable DICOM (its header could not be parsed)" };
  }
  // Text burned into the pixels (names, IDs, dates) survives any header de-identification: refused.
  if ((ds.string("x00280301") ?? "").trim().toUpperCase() === "YES") {
    return {
      ok: false,
      reason:
        "has burned-in annotation (BurnedInAnnotation = YES): text in the pixels may identify the patient; upload an image without it",
    };
  }
  const transferSyntax = ds.string("x00020010") ?? "";
  if (!SUPPORTED_SYNTAXES.has(transferSyntax))
    return { ok: false, reason: `uses an unsupported transfer syntax ${transferSyntax || "(none)"}` };
  const pixel = ds.elements.x7fe00010;
  if (!pixel) return { ok: false, reason: "has no pixel data" };
  const rows = ds.uint16("x00280010") ?? 0;
  const columns = ds.uint16("x00280011") ?? 0;
  if (!rows || !columns) return { ok: false, reason: "has no image dimensions (Rows/Columns)" };
  const frames = Math.max(1, Number(ds.intString("x00280008") ?? 1) || 1);
  if (rows * columns * frames > MAX_DICOM_PIXELS) {
    return {
      ok: false,
      reason: `is ${rows} × ${columns}${frames > 1 ? ` × ${frames} frames` : ""} pixels, more than the ${MAX_DICOM_PIXELS / 1e6} million an image may have`,
    };
  }
  const bitsAllocated = ds.uint16("x00280100") ?? 16;
  if (!pixel.encapsulatedPixelData && pixel.length < rows * columns * (bitsAllocated / 8))
    return {
      ok: false,
      reason: `is truncated: pixel data has ${pixel.length} bytes, ${rows}×${columns} needs ${rows * columns * (bitsAllocated / 8)}`,
    };
  const spacing = (ds.string("x00280030") ?? ds.string("x00181164"))?.split("\\").map(Number);
  return {
    ok: true,
    summary: {
      modality: ds.string("x00080060") ?? "",
      bodyPart: ds.string("x00180015") ?? null,
      manufacturer: ds.string("x00080070") ?? null,
      rows,
      columns,
      pixelSpacing: spacing && spacing.length === 2 && spacing.every((v) => v > 0) ? [spacing[0]!, spacing[1]!] : null,
      sliceThickness: ds.floatString("x00180050") ?? null,
      sliceLocation: ds.floatString("x00201041") ?? null,
      seriesInstanceUid: ds.string("x0020000e") ?? null,
      transferSyntax,
    },
  };
}
