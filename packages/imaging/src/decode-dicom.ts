// DICOM → Image2D of modality values: uncompressed 8/12/16-bit (unsigned or signed) or JPEG baseline
// (decoded by sharp), the modality LUT applied (value·RescaleSlope + RescaleIntercept: HU for CT), and
// MONOCHROME1 inverted so that higher always means brighter (more attenuation).
import dicomParser from "dicom-parser";
import sharp from "sharp";
import { DegenerateImageError } from "./intensity.js";
import { image, type Image2D } from "./image.js";

export interface DecodedDicom {
  image: Image2D;
  /** mm per pixel (row, column), from PixelSpacing or ImagerPixelSpacing; null when absent. */
  pixelSpacing: [number, number] | null;
  modality: string;
  photometric: string;
}

const JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
const NO_INVERSION = -1;
const INVERT_SIGNED = -2;
/** `v & ALL_BITS` is v for every 32-bit integer (signed values keep their sign). */
const ALL_BITS = -1;

/**
 * values[i] = (v inverted for MONOCHROME1) · slope + intercept, v = source[i · stride] & mask; inverted: max − v
 * (unsigned, invert = max) or −v (signed). One tight loop per case: a closure per pixel cost twice as much.
 */
function toModality(
  values: Float32Array,
  source: ArrayLike<number>,
  stride: number,
  mask: number,
  invert: number,
  slope: number,
  intercept: number,
): void {
  const n = values.length;
  if (invert === NO_INVERSION) for (let i = 0; i < n; i++) values[i] = (source[i * stride]! & mask) * slope + intercept;
  else if (invert === INVERT_SIGNED)
    for (let i = 0; i < n; i++) values[i] = -(source[i * stride]! & mask) * slope + intercept;
  else for (let i = 0; i < n; i++) values[i] = (invert - (source[i * stride]! & mask)) * slope + intercept;
}

export async function decodeDicom(bytes: Uint8Array): Promise<DecodedDicom> {
  const ds = dicomParser.parseDicom(bytes);
  const rows = ds.uint16("x00280010") ?? 0;
  const columns = ds.uint16("x00280011") ?? 0;
  const element = ds.elements.x7fe00010;
  if (!rows || !columns || !element) throw new DegenerateImageError("DICOM without pixel data or dimensions");
  const photometric = (ds.string("x00280004") ?? "MONOCHROME2").trim();
  const slope = ds.floatString("x00281053") ?? 1;
  const intercept = ds.floatString("x00281052") ?? 0;
  const bitsAllocated = ds.uint16("x00280100") ?? 16;
  const bitsStored = ds.uint16("x00280101") ?? bitsAllocated;
  const signed = ds.uint16("x00280103") === 1;
  const values = new Float32Array(rows * columns);
  // Stored value → inverted for MONOCHROME1 → rescaled (slope, intercept), one pass into the output. The
  // stored values are integers (exact in float32), so this equals storing each step in float32 in turn.
  const monochrome1 = photometric === "MONOCHROME1";
  const max = signed ? 0 : (1 << bitsStored) - 1;
  const invert = monochrome1 ? (signed ? INVERT_SIGNED : max) : NO_INVERSION;

  if ((ds.string("x00020010") ?? "") === JPEG_BASELINE) {
    const frame = element.basicOffsetTable?.length
      ? dicomParser.readEncapsulatedImageFrame(ds, element, 0)
      : dicomParser.readEncapsulatedPixelDataFromFragments(ds, element, 0, element.fragments!.length);
    const { data, info } = await sharp(Buffer.from(frame)).greyscale().raw().toBuffer({ resolveWithObject: true });
    if (info.width !== columns || info.height !== rows)
      throw new DegenerateImageError(`JPEG frame is ${info.width}×${info.height}; the header says ${columns}×${rows}`);
    toModality(values, data, info.channels, ALL_BITS, invert, slope, intercept);
  } else if (element.encapsulatedPixelData) {
    throw new DegenerateImageError(`unsupported transfer syntax ${ds.string("x00020010")}`);
  } else {
    const offset = bytes.byteOffset + element.dataOffset;
    const length = rows * columns * (bitsAllocated / 8);
    if (offset + length > bytes.byteOffset + bytes.byteLength)
      throw new DegenerateImageError("pixel data is truncated");
    // Read in place where the pixels are aligned for 16-bit words; copied only where they are not.
    const aligned = bitsAllocated === 8 || offset % 2 === 0;
    const source = aligned ? bytes.buffer : bytes.buffer.slice(offset, offset + length);
    const start = aligned ? offset : 0;
    const raw =
      bitsAllocated === 8
        ? new Uint8Array(source, start, values.length)
        : signed
          ? new Int16Array(source, start, values.length)
          : new Uint16Array(source, start, values.length);
    const mask = bitsStored < 16 && !signed ? (1 << bitsStored) - 1 : 0xffff;
    toModality(values, raw, 1, signed ? ALL_BITS : mask, invert, slope, intercept);
  }
  const spacing = (ds.string("x00280030") ?? ds.string("x00181164"))?.split("\\").map(Number);
  return {
    image: image(rows, columns, values),
    pixelSpacing: spacing && spacing.length === 2 && spacing.every((v) => v > 0) ? [spacing[0]!, spacing[1]!] : null,
    modality: ds.string("x00080060") ?? "",
    photometric,
  };
}
