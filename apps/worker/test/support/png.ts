// A minimal greyscale PNG writer (PNG spec: signature, IHDR, one zlib IDAT with filter 0, IEND) for
// tests: 8- or 16-bit samples, exactly the values given.
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function greyscalePng(width: number, height: number, values: ArrayLike<number>, depth: 8 | 16): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = depth; // colour type 0 (greyscale), compression 0, filter 0, interlace 0
  const bytesPerSample = depth / 8;
  const stride = 1 + width * bytesPerSample;
  const raw = Buffer.alloc(height * stride);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const offset = r * stride + 1 + c * bytesPerSample;
      if (depth === 16) raw.writeUInt16BE(values[r * width + c]!, offset);
      else raw[offset] = values[r * width + c]!;
    }
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}
