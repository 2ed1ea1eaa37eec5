// Streaming validation of an uploaded manifest.csv against the upload format: every problem is
// reported as { row, column, value, reason }; rows are handed to `onRow` one at a time, so memory
// does not grow with the number of rows (only the set of patient IDs seen, for duplicates).
// Reports are stored and shown to PIs and partner keys, so every problem passes `reportableProblem`:
// no patient ID, no image file name, no free text and no parser message ever enters one — only the
// row, the column, the reason and, where it cannot identify anyone, a short value.
import { parse } from "csv-parse";
import type { Readable } from "node:stream";
import { CENTRE_COLUMNS, CT_CENTRE_COLUMNS, DATA_SOURCE_COLUMN, MANIFEST_COLUMNS, TRUTH_PREFIX, type ManifestColumn } from "@fracval/upload-format";

export interface ManifestProblem {
  /** 1-based data row (the header is row 0), or 0 for problems of the header itself. */
  row: number;
  column: string;
  value: string;
  reason: string;
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

const KNOWN: ReadonlyMap<string, ManifestColumn> = new Map([...MANIFEST_COLUMNS, ...CENTRE_COLUMNS, ...CT_CENTRE_COLUMNS].map((c) => [c.name, c]));
/** Control characters (a NUL byte, …) have no place in any cell; tab, CR and LF are the CSV's own. */
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
export function reportableProblem(problem: ManifestProblem, providedScoreNames: ReadonlySet<string> = new Set()): ManifestProblem {
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
  CSV_INVALID_CLOSING_QUOTE: "has a quote inside a field that is not escaped (write \"\" inside quotes)",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "has characters after a closing quote",
  CSV_MAX_RECORD_SIZE: "has a row that is too long",
  INVALID_OPENING_QUOTE: "has a quote in the middle of an unquoted field",
};

/** Cells a spreadsheet would run as a formula (CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;

function parseCell(column: ManifestColumn, raw: string): { value: ManifestValue; reason?: string } {
  if (raw === "") return { value: null, ...(column.required ? { reason: "is required" } : {}) };
  switch (column.type) {
    case "boolean":
      return raw === "0" || raw === "1" ? { value: raw === "1" } : { value: null, reason: "must be 0 or 1" };
    case "sex":
      return raw === "F" || raw === "M" ? { value: raw } : { value: null, reason: "must be F or M" };
    case "integer":
    case "number": {
      const value = Number(raw);
      if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value)) return { value: null, reason: `must be a ${column.type === "integer" ? "whole number" : "number"}${column.unit ? ` in ${column.unit}` : ""}` };
      if (column.type === "integer" && !Number.isInteger(value)) return { value: null, reason: "must be a whole number" };
      if (column.min !== undefined && value < column.min) return { value: null, reason: `must be at least ${column.min}${column.unit ? ` ${column.unit}` : ""}` };
      if (column.max !== undefined && value > column.max) return { value: null, reason: `must be at most ${column.max}${column.unit ? ` ${column.unit}` : ""}` };
      return { value };
    }
    case "path":
      if (raw.startsWith("/") || raw.split(/[\\/]/).includes("..")) return { value: null, reason: "must be a relative path inside the dataset folder" };
      return { value: raw };
    default:
      return FORMULA.test(raw) ? { value: null, reason: "starts like a spreadsheet formula (=, +, -, @); not accepted in text fields" } : { value: raw };
  }
}

/** The delimiter of the header line: "," unless the header has ";" or tabs and no commas. */
function detectDelimiter(head: string): string {
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
  const head = first.done ? "" : Buffer.isBuffer(first.value) ? first.value.toString("utf8") : String(first.value);
  const delimiter = detectDelimiter(head);
  const parser = parse({ bom: true, delimiter, relax_column_count: false, skip_empty_lines: true, trim: true });
  const feed = (async () => {
    if (!first.done) parser.write(first.value);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!parser.write(next.value)) await new Promise((r) => parser.once("drain", r));
    }
    parser.end();
  })();

  /** Each patient ID's first row, to name it when the ID comes again (the ID itself is never reported). */
  const seen = new Map<string, number>();
  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = cells;
        // A first line that names none of the required columns is data, not a header: listing its cells as
        // "unknown columns" would put the first patient's ID and values into the report.
        if (!MANIFEST_COLUMNS.some((c) => c.required && cells.includes(c.name))) {
          report({ row: 0, column: "", value: "", reason: `the first line is not a header: it names none of the required columns (${MANIFEST_COLUMNS.filter((c) => c.required).map((c) => c.name).join(", ")})` });
          break;
        }
        for (const column of MANIFEST_COLUMNS.filter((c) => c.required || (c.name === "image_path" && options.requireImages))) {
          if (!header.includes(column.name)) report({ row: 0, column: column.name, value: "", reason: "required column is missing from the header" });
        }
        for (const name of header) {
          if (!KNOWN.has(name) && !provided.has(name) && !name.startsWith(TRUTH_PREFIX) && name !== DATA_SOURCE_COLUMN) {
            report({ row: 0, column: name, value: "", reason: "unknown column (declare it as a provided score, or remove it)" });
          }
        }
        for (const name of provided) if (!header.includes(name)) report({ row: 0, column: name, value: "", reason: "declared score column is missing from the header" });
        if (problemCount) break; // a broken header makes every row wrong; report it alone
        continue;
      }
      rows++;
      const columns = header;
      const rawOf = (name: string) => {
        const k = columns.indexOf(name);
        return k < 0 ? "" : (cells[k] ?? "");
      };
      const record: ManifestRecord = {};
      let rowOk = true;
      header.forEach((name, k) => {
        const raw = cells[k] ?? "";
        const column = KNOWN.get(name) ?? (provided.has(name) ? { name, type: "number" as const, required: true, description: "provided score" } : null);
        if (!column) return; // truth_* and data_source: ignored by uploads
        const { value, reason } = CONTROL.test(raw) ? { value: null, reason: "contains a control character (such as a NUL byte)" } : parseCell(column, raw);
        if (reason) {
          rowOk = false;
          report({ row: rows, column: name, value: raw, reason });
        }
        record[name] = value;
      });
      // Rules across columns
      const followUp = record.followup_days;
      const event = record.incident_vertebral_fracture;
      const eventDays = record.event_days;
      if (event === true && eventDays === null && rawOf("event_days") === "") {
        rowOk = false;
        report({ row: rows, column: "event_days", value: "", reason: "is required when incident_vertebral_fracture = 1" });
      }
      if (event === false && typeof eventDays === "number") {
        rowOk = false;
        report({ row: rows, column: "event_days", value: String(eventDays), reason: "must be empty when incident_vertebral_fracture = 0" });
      }
      if (typeof eventDays === "number" && typeof followUp === "number" && eventDays > followUp) {
        rowOk = false;
        report({ row: rows, column: "event_days", value: String(eventDays), reason: `is after the end of follow-up (followup_days = ${followUp})` });
      }
      const deathDays = record.death_days;
      if (typeof deathDays === "number" && typeof followUp === "number" && deathDays > followUp) {
        rowOk = false;
        report({ row: rows, column: "death_days", value: String(deathDays), reason: `is after the end of follow-up (followup_days = ${followUp}); follow-up ends at death` });
      }
      if (typeof deathDays === "number" && typeof eventDays === "number" && deathDays < eventDays) {
        rowOk = false;
        report({ row: rows, column: "death_days", value: String(deathDays), reason: `is before the fracture (event_days = ${eventDays})` });
      }
      if (options.requireImages && !record.image_path && rawOf("image_path") === "") {
        rowOk = false;
        report({ row: rows, column: "image_path", value: "", reason: "is required for an image study" });
      }
      const id = record.patient_id;
      if (typeof id === "string") {
        const first = seen.get(id);
        if (first !== undefined) {
          rowOk = false;
          report({ row: rows, column: "patient_id", value: "", reason: `duplicate patient ID: the same as row ${first}` });
        } else seen.set(id, rows);
      }
      if (rowOk && options.onRow) {
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
    const e = error as Error & { code?: string; lines?: number };
    const what = (e.code && CSV_ERRORS[e.code]) ?? `cannot be read as CSV (${e.code ?? "parse error"})`;
    report({ row: Math.max(0, (e.lines ?? 1) - 1), column: "", value: "", reason: `not valid CSV: this line ${what}` });
  } finally {
    input.destroy();
    await feed.catch(() => {});
  }
  if (!header) report({ row: 0, column: "", value: "", reason: "the manifest is empty" });
  else if (rows === 0 && problemCount === 0) report({ row: 1, column: "", value: "", reason: "the manifest has a header but no patients" });
  return { rows, problems, problemCount, delimiter };
}
