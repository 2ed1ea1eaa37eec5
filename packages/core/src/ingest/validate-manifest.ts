// Streaming validation of an uploaded manifest.csv against the upload format: every problem is
// reported as { row, column, value, reason }; rows are handed to `onRow` one at a time, so memory
// does not grow with the number of rows (only the sets of patient IDs and image paths seen, for duplicates).
// Reports are stored and shown to PIs and partner keys, so every problem passes `reportableProblem`:
// no patient ID, no image file name, no free text and no parser message ever enters one — only the
// row, the column, the reason and, where it cannot identify anyone, a short value.
import { parse } from "csv-parse";
import { posix } from "node:path";
import type { Readable } from "node:stream";
import {
  CENTRE_COLUMNS,
  CT_CENTRE_COLUMNS,
  DATA_SOURCE_COLUMN,
  MANIFEST_COLUMNS,
  TRUTH_PREFIX,
  type ManifestColumn,
} from "@fracval/upload-format";

export type ManifestProblem = {
  /** 1-based data row (the header is row 0), or 0 for problems of the header itself. */
  row: number;
  column: string;
  value: string;
  reason: string;
};

/** A dataset's validation report (ValidationDataset.validationReport): every problem, capped, with their count. */
// Type aliases rather than interfaces: stored as JSON, they must fit Prisma's JSON value types.
export type ValidationReport = {
  rows: number;
  problemCount: number;
  problems: ManifestProblem[];
};

/** A report of one problem about the upload as a whole (row 0, no column): no manifest, abandoned, cancelled, … */
export function uploadProblemReport(reason: string): ValidationReport {
  return { rows: 0, problemCount: 1, problems: [{ row: 0, column: "", value: "", reason }] };
}

export type ManifestValue = string | number | boolean | null;
export type ManifestRecord = Record<string, ManifestValue>;

export interface ValidateManifestOptions {
  /** Image studies need image_path on every row. */
  requireImages: boolean;
  /** "Bring your own predictions" columns declared at upload (numeric). */
  providedScoreNames?: readonly string[];
  /** Stop collecting problem details after this many (the count goes on). */
  maxProblems?: number;
  /** Called with each row that passed; may return problems of its own (e.g. its images). */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler may return nothing, or the row's own problems
  onRow?: (record: ManifestRecord, row: number) => void | ManifestProblem[] | Promise<void | ManifestProblem[]>;
}

export interface ManifestValidation {
  rows: number;
  problems: ManifestProblem[];
  problemCount: number;
  delimiter: string;
}

class RowHandlerFailure {
  constructor(readonly cause: unknown) {}
}

const KNOWN: ReadonlyMap<string, ManifestColumn> = new Map(
  [...MANIFEST_COLUMNS, ...CENTRE_COLUMNS, ...CT_CENTRE_COLUMNS].map((c) => [c.name, c]),
);
/** Control characters (a NUL byte, …) have no place in any cell; tab, CR and LF are the CSV's own. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A value that can be echoed in a report: a short number-like token, or up to three letters ("yes", "F"). */
const ECHOABLE = /^(?:[-+]?[0-9.,eE%]{1,12}|[A-Za-z]{1,3})$/;
/** Column types whose cells hold no identifier; text and path cells (IDs, file names) are never echoed. */
const ECHOABLE_TYPES = new Set<ManifestColumn["type"]>(["integer", "number", "boolean", "sex"]);

/**
 * What of a problem may be stored and shown. Examples: { column: "patient_id", value: "BUN12345678" }
 * → value ""; { column: "age", value: "7O" } → "7O"; { column: "age", value: "KIM^MINJI" } → "" (a
 * shifted row); { column: "image_path", value: "images/KIM_MINJI.dcm" } → "".
 */
export function reportableProblem(
  problem: ManifestProblem,
  providedScoreNames: ReadonlySet<string> = new Set(),
): ManifestProblem {
  const type = KNOWN.get(problem.column)?.type ?? (providedScoreNames.has(problem.column) ? "number" : null);
  const echo = type !== null && ECHOABLE_TYPES.has(type) && ECHOABLE.test(problem.value);
  return {
    row: problem.row,
    column: problem.column.replace(CONTROL, "").slice(0, 64),
    value: echo ? problem.value : "",
    reason: problem.reason.replace(CONTROL, "").slice(0, 300),
  };
}

/** csv-parse's error codes in the investigator's words; its own messages quote cell contents. */
const CSV_ERRORS: Record<string, string> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "has a different number of fields than the header",
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: "has a different number of fields than the header",
  CSV_QUOTE_NOT_CLOSED: "has a quoted field that is never closed",
  CSV_INVALID_CLOSING_QUOTE: 'has a quote inside a field that is not escaped (write "" inside quotes)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "has characters after a closing quote",
  CSV_MAX_RECORD_SIZE: "has a row that is too long",
  INVALID_OPENING_QUOTE: "has a quote in the middle of an unquoted field",
};

/**
 * A cell's text, with R's missing-value marker read as an empty cell: `write.csv` writes NA where FRAX or a
 * death day is not known, and a registry export from R should not be refused for saying "missing" that way.
 */
function cellText(cell: string | undefined): string {
  return cell === undefined || cell === "NA" ? "" : cell;
}

/** Cells a spreadsheet would run as a formula (CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;

function parseCell(column: ManifestColumn, raw: string): { value: ManifestValue; reason?: string } {
  if (raw === "") return { value: null, ...(column.required ? { reason: "is required" } : {}) };
  switch (column.type) {
    case "boolean":
      // 0/1, or a logical as R (TRUE/FALSE) and pandas (True/False) write it.
      if (raw === "1" || /^true$/i.test(raw)) return { value: true };
      if (raw === "0" || /^false$/i.test(raw)) return { value: false };
      return { value: null, reason: "must be 0 or 1 (TRUE or FALSE are read as 1 and 0)" };
    case "sex":
      return raw === "F" || raw === "M" ? { value: raw } : { value: null, reason: "must be F or M" };
    case "integer":
    case "number": {
      const value = Number(raw);
      if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value))
        return {
          value: null,
          reason: `must be a ${column.type === "integer" ? "whole number" : "number"}${column.unit ? ` in ${column.unit}` : ""}`,
        };
      if (column.type === "integer" && !Number.isInteger(value))
        return { value: null, reason: "must be a whole number" };
      if (column.min !== undefined && value < column.min)
        return { value: null, reason: `must be at least ${column.min}${column.unit ? ` ${column.unit}` : ""}` };
      if (column.max !== undefined && value > column.max)
        return { value: null, reason: `must be at most ${column.max}${column.unit ? ` ${column.unit}` : ""}` };
      return { value };
    }
    case "path":
      if (raw.startsWith("/") || raw.split(/[\\/]/).includes(".."))
        return { value: null, reason: "must be a relative path inside the dataset folder" };
      return { value: raw };
    default:
      return FORMULA.test(raw)
        ? { value: null, reason: "starts like a spreadsheet formula (=, +, -, @); not accepted in text fields" }
        : { value: raw };
  }
}

/** 1-based positions of each header name. */
function columnPositions(header: string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  header.forEach((name, k) => positions.set(name, [...(positions.get(name) ?? []), k + 1]));
  return positions;
}

/** "UTF-16 (little-endian)" etc. when the first bytes say so (a byte-order mark, or NUL in every other byte). */
function utf16Of(chunk: unknown): string | null {
  if (!Buffer.isBuffer(chunk) || chunk.length < 2) return null;
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return "UTF-16 (little-endian, with a byte-order mark)";
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return "UTF-16 (big-endian, with a byte-order mark)";
  const sample = chunk.subarray(0, 200);
  let evenNul = 0;
  let oddNul = 0;
  for (let k = 0; k < sample.length; k++) if (sample[k] === 0) k % 2 ? oddNul++ : evenNul++;
  const half = sample.length / 2;
  if (oddNul > 0.8 * half) return "UTF-16 (little-endian, without a byte-order mark)";
  if (evenNul > 0.8 * half) return "UTF-16 (big-endian, without a byte-order mark)";
  return null;
}

/** The manifest is not UTF-8 at `line` (1-based, the header is line 1). */
class NotUtf8 extends Error {
  constructor(
    readonly line: number,
    byte: number,
  ) {
    const hex = byte.toString(16).toUpperCase().padStart(2, "0");
    const latin =
      byte >= 0x80 && byte <= 0xff
        ? "; it looks like Latin-1 / Windows-1252 (an accented letter saved by an older program)"
        : "";
    super(
      `manifest.csv is not UTF-8: line ${line} has the byte 0x${hex}${latin}. Save it as UTF-8 ("CSV UTF-8" in Excel) and upload it again`,
    );
  }
}

/** Streaming UTF-8 check of the raw bytes, counting lines, so that the report names the first bad line. */
class Utf8Check {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private line = 1;
  check(chunk: unknown): NotUtf8 | null {
    if (!Buffer.isBuffer(chunk)) return null;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      // Find the first byte that is not part of a well-formed sequence, line by line.
      let start = 0;
      for (let k = 0; k <= chunk.length; k++) {
        if (k < chunk.length && chunk[k] !== 0x0a) continue;
        const bad = firstInvalidByte(chunk.subarray(start, k));
        if (bad !== null) return new NotUtf8(this.line, bad);
        this.line++;
        start = k + 1;
      }
      return new NotUtf8(this.line, chunk[chunk.length - 1]!); // a sequence cut at the chunk's end
    }
    for (const byte of chunk) if (byte === 0x0a) this.line++;
    return null;
  }
}

function firstInvalidByte(bytes: Uint8Array): number | null {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return null;
  } catch {
    for (let k = 0; k < bytes.length; k++) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, k + 1), { stream: true });
      } catch {
        // The error shows at the byte that cannot continue a sequence; name the byte that began it.
        for (let j = k; j >= Math.max(0, k - 3); j--) if (bytes[j]! >= 0xc0) return bytes[j]!;
        return bytes[k]!;
      }
    }
    return bytes[bytes.length - 1] ?? 0;
  }
}

/** The delimiter of the header line: "," unless the header has ";" or tabs and no commas. */
export function detectDelimiter(head: string): string {
  const line = head.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
  if (line.includes(",")) return ",";
  if (line.includes(";")) return ";";
  if (line.includes("\t")) return "\t";
  return ",";
}

export async function validateManifest(input: Readable, options: ValidateManifestOptions): Promise<ManifestValidation> {
  const maxProblems = options.maxProblems ?? 1000;
  const problems: ManifestProblem[] = [];
  let problemCount = 0;
  const provided = new Set(options.providedScoreNames ?? []);
  const report = (p: ManifestProblem) => {
    problemCount++;
    if (problems.length < maxProblems) problems.push(reportableProblem(p, provided));
  };

  // Peek at the first chunk to choose the delimiter, then stream everything through csv-parse.
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const utf16 = first.done ? null : utf16Of(first.value);
  if (utf16) {
    input.destroy();
    report({
      row: 0,
      column: "",
      value: "",
      reason: `manifest.csv is ${utf16}; save it as UTF-8 ("CSV UTF-8" in Excel) and upload it again`,
    });
    return { rows: 0, problems, problemCount, delimiter: "," };
  }
  const head = first.done ? "" : Buffer.isBuffer(first.value) ? first.value.toString("utf8") : String(first.value);
  const delimiter = detectDelimiter(head);
  const parser = parse({ bom: true, delimiter, relax_column_count: false, skip_empty_lines: true, trim: true });
  const utf8 = new Utf8Check();
  const feed = (async () => {
    for (let next = first; !next.done; next = await iterator.next()) {
      const wrongEncoding = utf8.check(next.value);
      if (wrongEncoding) {
        parser.destroy(wrongEncoding);
        return;
      }
      // Wait for room, unless the parser has stopped (a CSV error): then nothing more is read.
      if (!parser.write(next.value) && !parser.destroyed) {
        await new Promise<void>((resolve) => {
          // Whichever comes first; the other listener goes too (they would pile up over a long file).
          const done = () => {
            parser.off("drain", done);
            parser.off("close", done);
            resolve();
          };
          parser.once("drain", done);
          parser.once("close", done);
        });
      }
      if (parser.destroyed) return;
    }
    parser.end();
  })();

  /** Each patient ID's first row, to name it when the ID comes again (the ID itself is never reported). */
  const seen = new Map<string, number>();
  /** Image paths seen (normalised: "./a/b.dcm" and "a//b.dcm" are one file), with their first row. */
  const seenImages = new Map<string, number>();
  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = cells;
        // A first line that names none of the required columns is data, not a header: listing its cells as
        // "unknown columns" would put the first patient's ID and values into the report.
        if (!MANIFEST_COLUMNS.some((c) => c.required && cells.includes(c.name))) {
          report({
            row: 0,
            column: "",
            value: "",
            reason: `the first line is not a header: it names none of the required columns (${MANIFEST_COLUMNS.filter(
              (c) => c.required,
            )
              .map((c) => c.name)
              .join(", ")})`,
          });
          break;
        }
        for (const column of MANIFEST_COLUMNS.filter(
          (c) => c.required || (c.name === "image_path" && options.requireImages),
        )) {
          if (!header.includes(column.name))
            report({ row: 0, column: column.name, value: "", reason: "required column is missing from the header" });
        }
        for (const name of header) {
          if (
            !KNOWN.has(name) &&
            !provided.has(name) &&
            !name.startsWith(TRUTH_PREFIX) &&
            name !== DATA_SOURCE_COLUMN
          ) {
            report({
              row: 0,
              column: name,
              value: "",
              reason:
                name === ""
                  ? "has no name (R's write.csv puts its row names there: write it with row.names = FALSE, or delete the column)"
                  : "unknown column (declare it as a provided score, or remove it)",
            });
          }
        }
        for (const name of provided)
          if (!header.includes(name))
            report({ row: 0, column: name, value: "", reason: "declared score column is missing from the header" });
        // A column named twice would let one of its values silently win.
        for (const [name, positions] of columnPositions(header)) {
          if (positions.length > 1)
            report({
              row: 0,
              column: name,
              value: "",
              reason: `appears ${positions.length} times in the header (columns ${positions.join(", ")}); each column may appear once`,
            });
        }
        if (problemCount) break; // a broken header makes every row wrong; report it alone
        continue;
      }
      rows++;
      const columns = header;
      const rawOf = (name: string) => {
        const k = columns.indexOf(name);
        return k < 0 ? "" : cellText(cells[k]);
      };
      const record: ManifestRecord = {};
      let rowOk = true;
      header.forEach((name, k) => {
        const raw = cellText(cells[k]);
        const column =
          KNOWN.get(name) ??
          (provided.has(name)
            ? { name, type: "number" as const, required: true, description: "provided score" }
            : null);
        if (!column) return; // truth_* and data_source: ignored by uploads
        const { value, reason } = CONTROL.test(raw)
          ? { value: null, reason: "contains a control character (such as a NUL byte)" }
          : parseCell(column, raw);
        if (reason) {
          rowOk = false;
          report({ row: rows, column: name, value: cells[k] ?? "", reason }); // as written: "NA" stays "NA"
        }
        record[name] = value;
      });
      // Rules across columns
      const followUp = record.followup_days;
      const event = record.incident_vertebral_fracture;
      const eventDays = record.event_days;
      if (event === true && eventDays === null && rawOf("event_days") === "") {
        rowOk = false;
        report({
          row: rows,
          column: "event_days",
          value: "",
          reason: "is required when incident_vertebral_fracture = 1",
        });
      }
      if (event === false && typeof eventDays === "number") {
        rowOk = false;
        report({
          row: rows,
          column: "event_days",
          value: String(eventDays),
          reason: "must be empty when incident_vertebral_fracture = 0",
        });
      }
      if (typeof eventDays === "number" && typeof followUp === "number" && eventDays > followUp) {
        rowOk = false;
        report({
          row: rows,
          column: "event_days",
          value: String(eventDays),
          reason: `is after the end of follow-up (followup_days = ${followUp})`,
        });
      }
      const deathDays = record.death_days;
      if (typeof deathDays === "number" && typeof followUp === "number" && deathDays > followUp) {
        rowOk = false;
        report({
          row: rows,
          column: "death_days",
          value: String(deathDays),
          reason: `is after the end of follow-up (followup_days = ${followUp}); follow-up ends at death`,
        });
      }
      if (typeof deathDays === "number" && typeof eventDays === "number" && deathDays < eventDays) {
        rowOk = false;
        report({
          row: rows,
          column: "death_days",
          value: String(deathDays),
          reason: `is before the fracture (event_days = ${eventDays})`,
        });
      }
      if (options.requireImages && !record.image_path && rawOf("image_path") === "") {
        rowOk = false;
        report({ row: rows, column: "image_path", value: "", reason: "is required for an image study" });
      }
      /** A value each row must have to itself: its first row is remembered, a repeat refused (value not shown). */
      const uniqueAcrossRows = (
        seenIn: Map<string, number>,
        key: string,
        column: string,
        reason: (first: number) => string,
      ) => {
        const first = seenIn.get(key);
        if (first === undefined) return void seenIn.set(key, rows);
        rowOk = false;
        report({ row: rows, column, value: "", reason: reason(first) });
      };
      const id = record.patient_id;
      if (typeof id === "string")
        uniqueAcrossRows(seen, id, "patient_id", (first) => `duplicate patient ID: the same as row ${first}`);
      // Two patients with one image would get one score twice. The path is not shown either: a hospital's file
      // names can identify.
      const imagePath = record.image_path;
      if (typeof imagePath === "string" && imagePath !== "")
        uniqueAcrossRows(
          seenImages,
          posix.normalize(imagePath).replace(/\/+$/, ""),
          "image_path",
          (first) => `the same image as row ${first}: each patient needs an image of their own`,
        );
      if (rowOk && options.onRow) {
        // biome-ignore lint/suspicious/noConfusingVoidType: what onRow returned
        let own: void | ManifestProblem[];
        try {
          own = await options.onRow(record, rows);
        } catch (error) {
          throw new RowHandlerFailure(error);
        }
        for (const p of own ?? []) report(p);
      }
    }
  } catch (error) {
    // The row handler's own failure (a database error, an interrupted ingestion) is not a CSV problem.
    if (error instanceof RowHandlerFailure) throw error.cause;
    if (error instanceof NotUtf8) {
      report({ row: Math.max(0, error.line - 1), column: "", value: "", reason: error.message });
      return { rows, problems, problemCount, delimiter };
    }
    const e = error as Error & { code?: string; lines?: number };
    const what = (e.code && CSV_ERRORS[e.code]) ?? `cannot be read as CSV (${e.code ?? "parse error"})`;
    report({ row: Math.max(0, (e.lines ?? 1) - 1), column: "", value: "", reason: `not valid CSV: this line ${what}` });
  } finally {
    input.destroy();
    await feed.catch(() => {});
  }
  if (!header) report({ row: 0, column: "", value: "", reason: "the manifest is empty" });
  else if (rows === 0 && problemCount === 0)
    report({ row: 1, column: "", value: "", reason: "the manifest has a header but no patients" });
  return { rows, problems, problemCount, delimiter };
}
