// decodeDicom on small files written here (uncompressed variants) and a JPEG-baseline fixture made by
// dcmtk's img2dcm from test/fixtures/jpeg-baseline.source.jpg.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { SOP_CLASS, uidFor, writeDicom } from "@fracval/synth";
import { decodeDicom } from "../src/index.js";

const base = {
  SOPClassUID: SOP_CLASS.CT,
  SOPInstanceUID: uidFor("decode-test"),
  Modality: "CT",
  Rows: 5,
  Columns: 5,
  SamplesPerPixel: 1,
  PixelSpacing: [0.8, 0.6],
};
const ramp = Array.from({ length: 25 }, (_, i) => i * 100);

describe("decodeDicom", () => {
  it("applies RescaleSlope/Intercept to 12-bit unsigned data (CT → HU) and reads the pixel spacing", async () => {
    const bytes = writeDicom(
      {
        ...base,
        BitsAllocated: 16,
        BitsStored: 12,
        HighBit: 11,
        PixelRepresentation: 0,
        PhotometricInterpretation: "MONOCHROME2",
        RescaleSlope: 1,
        RescaleIntercept: -1024,
      },
      Uint16Array.from(ramp),
    );
    const decoded = await decodeDicom(bytes);
    expect(Array.from(decoded.image.data)).toEqual(ramp.map((v) => v - 1024));
    expect(decoded.pixelSpacing).toEqual([0.8, 0.6]);
    expect(decoded.modality).toBe("CT");
  });

  /** The ramp as signed 16-bit values (−1200 …), written with these attributes. */
  const signedRamp = Int16Array.from(ramp, (v) => v - 1200);
  const signed16 = (attributes: Record<string, unknown>) =>
    writeDicom(
      { ...base, BitsAllocated: 16, BitsStored: 16, HighBit: 15, PixelRepresentation: 1, ...attributes },
      signedRamp,
    );

  it("reads signed 16-bit data and a slope", async () => {
    const values = signedRamp;
    const bytes = signed16({ PhotometricInterpretation: "MONOCHROME2", RescaleSlope: 0.5, RescaleIntercept: 10 });
    expect(Array.from((await decodeDicom(bytes)).image.data)).toEqual(Array.from(values, (v) => v * 0.5 + 10));
  });

  it("reads pixels in place or from a copy wherever the file lies in memory", async () => {
    const bytes = signed16({ PhotometricInterpretation: "MONOCHROME2" });
    const want = Array.from((await decodeDicom(bytes)).image.data);
    expect(want).toEqual(ramp.map((v) => v - 1200));
    // The same file at an odd and at an even offset of a larger buffer (16-bit words misaligned, then aligned).
    for (const shift of [1, 2]) {
      const larger = new Uint8Array(bytes.length + 8).fill(0xee);
      larger.set(bytes, shift);
      expect(Array.from((await decodeDicom(larger.subarray(shift, shift + bytes.length))).image.data)).toEqual(want);
    }
  });

  it("inverts MONOCHROME1 so that higher is brighter", async () => {
    const bytes = writeDicom(
      {
        ...base,
        BitsAllocated: 16,
        BitsStored: 12,
        HighBit: 11,
        PixelRepresentation: 0,
        PhotometricInterpretation: "MONOCHROME1",
      },
      Uint16Array.from(ramp),
    );
    expect(Array.from((await decodeDicom(bytes)).image.data)).toEqual(ramp.map((v) => 4095 - v));
    // Signed MONOCHROME1: the value's negative, then the modality LUT.
    const signedBytes = signed16({ PhotometricInterpretation: "MONOCHROME1", RescaleSlope: 2, RescaleIntercept: -3 });
    expect(Array.from((await decodeDicom(signedBytes)).image.data)).toEqual(Array.from(signedRamp, (v) => -v * 2 - 3));
  });

  it("decodes JPEG baseline (encapsulated) to the same pixels sharp reads from the source JPEG", async () => {
    const decoded = await decodeDicom(
      new Uint8Array(readFileSync(new URL("./fixtures/jpeg-baseline.dcm", import.meta.url))),
    );
    expect([decoded.image.rows, decoded.image.columns]).toEqual([12, 16]);
    const { data } = await sharp(readFileSync(new URL("./fixtures/jpeg-baseline.source.jpg", import.meta.url)))
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const diff = Array.from(decoded.image.data).reduce((m, v, i) => Math.max(m, Math.abs(v - data[i]!)), 0);
    expect(diff).toBeLessThanOrEqual(1);
    expect(decoded.image.data[0]).toBeLessThan(decoded.image.data[191]!); // the gradient survives
  });
});
