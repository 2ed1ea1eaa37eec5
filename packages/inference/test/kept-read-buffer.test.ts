// A thread's kept read buffer (ingestion and preprocessing threads): each read gives every file's exact bytes,
// in order, reusing one buffer; reads too large for it get buffers of their own; a missing file throws.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KeptReadBuffer } from "../src/thread-pool.js";

const folder = mkdtempSync(join(tmpdir(), "fracval-kept-read-"));
const file = (name: string, length: number, seed: number): { path: string; bytes: Uint8Array } => {
  const bytes = Uint8Array.from({ length }, (_, k) => (k * 31 + seed) & 0xff);
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return { path, bytes };
};

describe("KeptReadBuffer", () => {
  it("reads several files into one buffer, each file's bytes in order, and reuses it on the next read", () => {
    const kept = new KeptReadBuffer(1000);
    const a = file("a", 301, 1);
    const b = file("b", 0, 2);
    const c = file("c", 500, 3);
    const first = kept.read([a.path, b.path, c.path]);
    expect(first.map((v) => Buffer.from(v))).toEqual([a.bytes, b.bytes, c.bytes].map((v) => Buffer.from(v)));
    expect(first.every((v) => kept.holds(v))).toBe(true);
    expect(first[0]!.buffer).toBe(first[2]!.buffer);
    expect(first.map((v) => v.byteOffset % 8)).toEqual([0, 0, 0]); // each file starts aligned
    // A smaller read after a larger one: the same buffer, the new bytes (only as many as the files have).
    const d = file("d", 120, 4);
    const second = kept.read([d.path]);
    expect(second[0]!.buffer).toBe(first[0]!.buffer);
    expect(Buffer.from(second[0]!)).toEqual(Buffer.from(d.bytes));
    expect(second[0]!.length).toBe(120);
  });

  it("grows for a larger read within its limit, and gives a read over the limit buffers of its own", () => {
    const kept = new KeptReadBuffer(1000);
    const small = file("small", 101, 5);
    const bigger = file("bigger", 900, 6);
    kept.read([small.path]);
    const grown = kept.read([bigger.path]);
    expect(kept.holds(grown[0]!)).toBe(true);
    expect(Buffer.from(grown[0]!)).toEqual(Buffer.from(bigger.bytes));
    const over = kept.read([bigger.path, small.path]); // 1,001 bytes: more than the buffer may keep
    expect(over.some((v) => kept.holds(v))).toBe(false);
    expect(over.map((v) => Buffer.from(v))).toEqual([bigger.bytes, small.bytes].map((v) => Buffer.from(v)));
  });

  it("a file that is not there throws ENOENT naming it, and the next read still works", () => {
    const kept = new KeptReadBuffer(1000);
    const a = file("there", 10, 7);
    expect(() => kept.read([a.path, join(folder, "missing")])).toThrow(/ENOENT.*missing/);
    expect(Buffer.from(kept.read([a.path])[0]!)).toEqual(Buffer.from(a.bytes));
  });
});
