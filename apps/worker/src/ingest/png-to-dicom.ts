// PNG radiographs (accepted for X-ray studies, with the pixel spacing given in the manifest) become
// DICOM at ingestion, so that everything downstream — inspection, de-identification, storage, the
// workers' decoder — handles one format. The PNG carries no header: the DICOM says only what is known
// (a lateral spine radiograph of this study, the manifest's pixel spacing, converted by FracVal).
import dcmjs from "dcmjs";
import { createHash } from "node:crypto";
import sharp from "sharp";

const { DicomDict, DicomMetaDictionary } = dcmjs.data;
const EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";
/** Secondary Capture Image Storage: the right class for an image converted from another format. */
const SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
export { isPng } from "./png-signature.js";

const uidFrom = (bytes: Uint8Array, salt: string) =>
  `2.25.${BigInt(`0x${createHash("sha256").update(salt).update(bytes).digest("hex").slice(0, 32)}`).toString()}`;

/** Why a PNG was refused, in words fit for a validation report (no library text, no file name). */
export class UnreadablePngError extends Error {
  override name = "UnreadablePngError";
}

/** Larger than any radiograph (a 43 × 43 cm detector at 0.1 mm is 18 MP): decoding it could exhaust memory. */
export const MAX_PNG_PIXELS = 50_000_000;

/**
 * A greyscale PNG (8- or 16-bit) → DICOM Part 10 (MONOCHROME2, 16 bits allocated, the PNG's bit depth
 * stored), Modality DX, BodyPartExamined LSPINE, PixelSpacing = the manifest's value. Throws with the
 * reason when the PNG is unreadable or has colour.
 */
export async function pngToDicom(bytes: Uint8Array, pixelSpacingMm: number): Promise<Uint8Array> {
  // The size first, from the IHDR chunk itself (bytes 16–23, right after the signature): a decompression
  // bomb (a few hundred kB declaring billions of pixels) is refused by what it declares, before any decoder.
  if (bytes.length >= 24) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (width * height > MAX_PNG_PIXELS) {
      throw new UnreadablePngError(
        `is ${width} × ${height} pixels, more than the ${MAX_PNG_PIXELS / 1e6} million a radiograph can have`,
      );
    }
  }
  const image = sharp(Buffer.from(bytes), { limitInputPixels: MAX_PNG_PIXELS });
  const meta = await image.metadata().catch(() => {
    throw new UnreadablePngError("is not a readable PNG");
  });
  if (meta.format !== "png") throw new UnreadablePngError(`is ${meta.format ?? "not an image"}, not a PNG`);
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PNG_PIXELS) {
    throw new UnreadablePngError(
      `is ${meta.width} × ${meta.height} pixels, more than the ${MAX_PNG_PIXELS / 1e6} million a radiograph can have`,
    );
  }
  if (meta.channels !== 1 && !(meta.channels === 2 && meta.hasAlpha))
    throw new UnreadablePngError(`is a colour PNG (${meta.channels} channels); a radiograph must be greyscale`);
  const sixteen = meta.depth === "ushort";
  const { data, info } = sixteen
    ? await image.toColourspace("grey16").raw({ depth: "ushort" }).toBuffer({ resolveWithObject: true })
    : await image.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const pixels = new Uint16Array(info.width * info.height);
  const source = sixteen ? new Uint16Array(data.buffer, data.byteOffset, pixels.length) : data;
  for (let i = 0; i < pixels.length; i++) pixels[i] = source[i]!;
  const bits = sixteen ? 16 : 8;
  const sopInstance = uidFrom(bytes, "sop");
  const meta10 = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: SECONDARY_CAPTURE,
    MediaStorageSOPInstanceUID: sopInstance,
    TransferSyntaxUID: EXPLICIT_LITTLE,
    ImplementationClassUID: "2.25.223615342591207127434178453815372476734",
    ImplementationVersionName: "FRACVAL_PNG_01",
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta10));
  dict.dict = DicomMetaDictionary.denaturalizeDataset({
    SOPClassUID: SECONDARY_CAPTURE,
    SOPInstanceUID: sopInstance,
    StudyInstanceUID: uidFrom(bytes, "study"),
    SeriesInstanceUID: uidFrom(bytes, "series"),
    Modality: "DX",
    ConversionType: "WSD",
    BodyPartExamined: "LSPINE",
    DerivationDescription: "converted from PNG by FracVal ingestion; pixel spacing from the manifest",
    Rows: info.height,
    Columns: info.width,
    PixelSpacing: [pixelSpacingMm, pixelSpacingMm],
    SamplesPerPixel: 1,
    PhotometricInterpretation: "MONOCHROME2",
    BitsAllocated: 16,
    BitsStored: bits,
    HighBit: bits - 1,
    PixelRepresentation: 0,
    RescaleIntercept: 0,
    RescaleSlope: 1,
    PixelData: pixels.buffer,
    _vrMap: { PixelData: "OW" },
  });
  return new Uint8Array(dict.write());
}
