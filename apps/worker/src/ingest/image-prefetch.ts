// Radiographs prepared on the ingestion threads a few rows ahead of the row being staged. Ingestion receives
// the manifest one row at a time and checks, stores and checkpoints in row order; that stays exactly as it
// is. This reads the same manifest a few rows further on (patient_id and image_path only) and starts the pure
// part of each row's image — read, inspect, de-identify, hash (prepareImageFile) — on an IngestPool, so that
// the row's turn finds it done. A row takes a prepared image only if the same file was started with the same
// de-identification; anything else (a row the validator refuses, a PNG, a CT series folder, a file too
// large) is prepared in its turn as before, and work started for a row that never comes is dropped.
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { parse } from "csv-parse";
import { detectDelimiter } from "@fracval/core";
import type { DeidentifyOptions } from "./deidentify-dicom.js";
import { discardPrepared, type IngestPool, type PreparedImage } from "./prepare-image.js";

export interface UpcomingImage {
  path: string;
  deid: DeidentifyOptions;
}

export interface ImagePrefetchOptions {
  manifestPath: string;
  pool: IngestPool;
  /** Images in flight at most (each holds one de-identified file here, or with stageIn only its path). */
  ahead: number;
  /** Data rows already staged by an earlier slice (not read ahead again). */
  skipRows: number;
  /** The file a row names and its de-identification, exactly as staging derives them; null: none to start. */
  imageOf: (patientId: string, imagePath: string) => UpcomingImage | null;
  /** Files larger than this are not read ahead (staging refuses them without reading). */
  maxFileBytes: number;
  /** The content store's folder, when it is on this machine: the threads stage the de-identified files there. */
  stageIn?: string;
}

const keyOf = (path: string, deid: DeidentifyOptions) => JSON.stringify([path, deid.pseudonym, deid.dateShiftDays]);

export class ImagePrefetch {
  /** Started images by key, in row order. */
  private readonly started = new Map<string, Promise<PreparedImage | null>>();
  private readonly rows: AsyncIterator<string[]>;
  private readonly stream: ReturnType<typeof createReadStream>;
  private header: string[] | null = null;
  private dataRows = 0;
  private done = false;
  /** Removal of what dropped images staged in the store (awaited by close). */
  private readonly discarding: Promise<void>[] = [];
  /** Top-ups run one at a time (they share the iterator). */
  private topping: Promise<void> = Promise.resolve();

  constructor(private readonly options: ImagePrefetchOptions) {
    this.stream = createReadStream(options.manifestPath);
    const parser = parse({
      bom: true,
      delimiter: detectDelimiter(headOf(options.manifestPath)),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
    this.stream.on("error", () => parser.destroy());
    this.rows = this.stream.pipe(parser)[Symbol.asyncIterator]();
  }

  /**
   * The prepared image of `path` for `deid` if it was started ahead, else null (the caller prepares it);
   * starts the rows after it.
   */
  async take(path: string, deid: DeidentifyOptions): Promise<PreparedImage | null> {
    await this.topUp();
    const key = keyOf(path, deid);
    const prepared = this.started.get(key);
    if (!prepared) return null;
    // Started before this row's: rows that never reached staging (refused by validation). Dropped.
    for (const [k, dropped] of this.started) {
      this.started.delete(k);
      if (k === key) break;
      this.discarding.push(dropped.then(discardPrepared));
    }
    void this.topUp();
    return prepared;
  }

  /** Stops reading ahead; resolves once every image started and not taken has left nothing in the store. */
  async close(): Promise<void> {
    this.done = true;
    for (const dropped of this.started.values()) this.discarding.push(dropped.then(discardPrepared));
    this.started.clear();
    this.stream.destroy();
    await Promise.all(this.discarding.splice(0));
  }

  private topUp(): Promise<void> {
    this.topping = this.topping.then(() => this.fill());
    return this.topping;
  }

  private async fill(): Promise<void> {
    try {
      while (!this.done && this.started.size < this.options.ahead) {
        const next = await this.rows.next();
        if (next.done) {
          this.done = true;
          break;
        }
        const cells = next.value;
        if (!this.header) {
          this.header = cells;
          continue;
        }
        if (++this.dataRows <= this.options.skipRows) continue;
        const patientId = cells[this.header.indexOf("patient_id")] ?? "";
        const imagePath = cells[this.header.indexOf("image_path")] ?? "";
        if (!patientId || !imagePath) continue;
        const image = this.options.imageOf(patientId, imagePath);
        if (!image) continue;
        let stat: ReturnType<typeof statSync> | undefined;
        try {
          stat = statSync(image.path);
        } catch {
          continue; // not uploaded: the row's turn says so
        }
        if (!stat.isFile() || stat.size > this.options.maxFileBytes) continue;
        const key = keyOf(image.path, image.deid);
        if (this.started.has(key)) continue;
        // A failure here is no verdict: the row's turn prepares the file again and reports what it finds.
        this.started.set(
          key,
          this.options.pool.run(image.path, image.deid, this.options.stageIn).catch(() => null),
        );
      }
    } catch {
      this.done = true; // a manifest that does not parse: validation reports it; nothing more is read ahead
    }
  }
}

/** The first 64 KiB of the manifest (its header line, for the delimiter). */
function headOf(path: string): string {
  const buffer = Buffer.alloc(64 * 1024);
  const fd = openSync(path, "r");
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
