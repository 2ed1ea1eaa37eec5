// A PNG file starts with these eight bytes (PNG spec §5.2); kept apart from the PNG → DICOM wrapping so that
// the ingestion threads can tell a PNG without loading sharp.
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const isPng = (bytes: Uint8Array) => PNG_SIGNATURE.every((b, i) => bytes[i] === b);
