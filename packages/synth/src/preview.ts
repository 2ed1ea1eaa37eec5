// PNG previews of synthetic images (windowed to 8 bits), for eyes and for the picture-check test.
import sharp from "sharp";

export async function previewPng(
  pixels: Uint16Array | Int16Array,
  rows: number,
  columns: number,
  window: { center: number; width: number },
  width = 320,
): Promise<Buffer> {
  const eight = new Uint8Array(rows * columns);
  const low = window.center - window.width / 2;
  for (let i = 0; i < eight.length; i++)
    eight[i] = Math.max(0, Math.min(255, Math.round(((pixels[i]! - low) / window.width) * 255)));
  return sharp(eight, { raw: { width: columns, height: rows, channels: 1 } })
    .resize({ width })
    .png()
    .toBuffer();
}
