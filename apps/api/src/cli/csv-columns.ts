// Reads a CSV file into named columns for the statistics commands, naming the row and column of any
// bad value. Row numbers count data rows from 1 (the header is line 1, so row r is on line r + 1).
// Numeric columns go straight into typed arrays: a million-row file is read in well under a second.
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { UsageError } from "./usage-error.js";

export interface CsvTable {
  header: string[];
  rowCount: number;
  path: string;
  /** The trimmed text of `column` in data row `row` (0-based), as a reader for that column. */
  cells(column: string): (row: number) => string;
  /** The number of row `row` in the file, counting data rows from 1 (what error messages name). */
  rowNumber(row: number): number;
  /** Rows left out by {@link completeCases}, when any were. */
  omitted?: OmittedRows;
}

/** What {@link completeCases} left out: rows with NA in any column the analysis uses, counted per column. */
export interface OmittedRows {
  rows: number;
  byColumn: Record<string, number>;
}

/** R's marker of a missing value, as write.csv writes it. */
export const MISSING = "NA";

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Reads a CSV file. Files without quotes (what statistics exports are) are read straight from the bytes:
 * one pass finds the lines, and each column a command asks for is read as it is needed, so a million
 * rows never become a million objects. Files with quoted fields go through csv-parse.
 */
export function readCsv(path: string): CsvTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`--input: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return bytes.includes(QUOTE) ? parsedTable(path, bytes.toString("utf8")) : rawTable(path, bytes);
}

function parsedTable(path: string, text: string): CsvTable {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    throw new UsageError(`--input: ${path} is not valid CSV: ${(error as Error).message}`);
  }
  if (!rows.length) throw new UsageError(`--input: ${path} has no data rows`);
  return {
    header: Object.keys(rows[0]!),
    rowCount: rows.length,
    path,
    cells: (column) => (row) => rows[row]![column] ?? "",
    rowNumber: (row) => row + 1,
  };
}

function rawTable(path: string, bytes: Buffer): CsvTable {
  const begin = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Lines as [start, end) without the line break; empty (or blank) lines skipped, as csv-parse does.
  const starts: number[] = [];
  const ends: number[] = [];
  const fieldCounts: number[] = [];
  let lineStart = begin;
  let commas = 0;
  let blank = true;
  for (let k = begin; k <= bytes.length; k++) {
    const b = k < bytes.length ? bytes[k]! : NEWLINE;
    if (b === NEWLINE) {
      const end = k > lineStart && bytes[k - 1] === RETURN ? k - 1 : k;
      if (!blank) {
        starts.push(lineStart);
        ends.push(end);
        fieldCounts.push(commas + 1);
      }
      lineStart = k + 1;
      commas = 0;
      blank = true;
    } else {
      if (b === COMMA) commas++;
      if (b !== SPACE && b !== TAB && b !== RETURN) blank = false;
    }
  }
  if (starts.length < 2) throw new UsageError(`--input: ${path} has no data rows`);
  const header = bytes
    .toString("utf8", starts[0]!, ends[0]!)
    .split(",")
    .map((h) => h.trim());
  for (let line = 1; line < starts.length; line++) {
    if (fieldCounts[line] !== header.length)
      throw new UsageError(
        `--input: ${path} is not valid CSV: row ${line} has ${fieldCounts[line]} fields, the header ${header.length}`,
      );
  }
  const lineStarts = Uint32Array.from(starts.slice(1));
  const lineEnds = Uint32Array.from(ends.slice(1));
  return {
    header,
    rowCount: lineStarts.length,
    path,
    cells(column) {
      const index = header.indexOf(column);
      return (row) => {
        let s = lineStarts[row]!;
        const lineEnd = lineEnds[row]!;
        for (let field = 0; field < index; s++) if (bytes[s] === COMMA) field++;
        let e = s;
        while (e < lineEnd && bytes[e] !== COMMA) e++;
        while (s < e && (bytes[s] === SPACE || bytes[s] === TAB)) s++;
        while (e > s && (bytes[e - 1] === SPACE || bytes[e - 1] === TAB)) e--;
        return bytes.toString("utf8", s, e);
      };
    },
    rowNumber: (row) => row + 1,
  };
}

/**
 * R's na.omit over the columns an analysis uses: rows with NA in any of them are left out, as R's survival,
 * pROC and metafor functions leave them out, and `note` says how many (by column, with the first rows).
 * Every other reader then sees only complete rows; their messages still name rows as numbered in the file.
 * An empty cell is not NA: it stays an error, since an export that shifted a column also leaves cells empty.
 */
export function completeCases(
  table: CsvTable,
  columns: readonly (readonly [column: string, option: string])[],
  note: (text: string) => void = (text) => process.stderr.write(`${text}\n`),
): CsvTable {
  const missing = new Uint8Array(table.rowCount);
  const byColumn: Record<string, number> = {};
  for (const [column, option] of columns) {
    requireColumn(table, column, option);
    if (column in byColumn) continue;
    const cell = table.cells(column);
    let count = 0;
    for (let i = 0; i < table.rowCount; i++) {
      if (cell(i) !== MISSING) continue;
      missing[i] = 1;
      count++;
    }
    if (count) byColumn[column] = count;
  }
  const keep: number[] = [];
  const firstOmitted: number[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    if (!missing[i]) keep.push(i);
    else if (firstOmitted.length < 5) firstOmitted.push(table.rowNumber(i));
  }
  const omitted = table.rowCount - keep.length;
  if (!omitted) return table;
  const counts = Object.entries(byColumn).map(([column, count]) => `"${column}" ${count}`);
  if (!keep.length)
    throw new UsageError(`--input: every row has NA in a column the analysis uses (${counts.join(", ")})`);
  note(
    `${omitted} of ${table.rowCount} rows left out for NA (as R's na.omit): ${counts.join(", ")}; ` +
      `first rows ${firstOmitted.join(", ")}${omitted > firstOmitted.length ? ", …" : ""}`,
  );
  const rows = Uint32Array.from(keep);
  return {
    header: table.header,
    rowCount: rows.length,
    path: table.path,
    cells(column) {
      const cell = table.cells(column);
      return (row) => cell(rows[row]!);
    },
    rowNumber: (row) => table.rowNumber(rows[row]!),
    omitted: { rows: omitted, byColumn },
  };
}

function requireColumn(table: CsvTable, column: string, option: string): void {
  if (!table.header.includes(column))
    throw new UsageError(`${option}: column "${column}" is not in ${table.path} (columns: ${table.header.join(", ")})`);
}

export function numericColumn(
  table: CsvTable,
  column: string,
  option: string,
  check?: (v: number) => string | null,
): Float64Array {
  requireColumn(table, column, option);
  const cell = table.cells(column);
  const out = new Float64Array(table.rowCount);
  for (let i = 0; i < out.length; i++) {
    const raw = cell(i);
    const value = raw === "" ? Number.NaN : Number(raw);
    if (!Number.isFinite(value))
      throw new UsageError(
        `row ${table.rowNumber(i)}, column "${column}": "${raw}" is not a number${emptyCellHint(raw)}`,
      );
    const problem = check?.(value);
    if (problem) throw new UsageError(`row ${table.rowNumber(i)}, column "${column}": ${raw} ${problem}`);
    out[i] = value;
  }
  return out;
}

/** A column of small codes ("0"/"1", or "0"/"1"/"2"), refused by row and column otherwise. */
function codeColumn(
  table: CsvTable,
  column: string,
  option: string,
  codes: readonly string[],
  meaning: string,
): Uint8Array {
  requireColumn(table, column, option);
  const cell = table.cells(column);
  const out = new Uint8Array(table.rowCount);
  for (let i = 0; i < out.length; i++) {
    const raw = cell(i);
    const code = codes.indexOf(raw);
    if (code < 0) throw new UsageError(`row ${table.rowNumber(i)}, column "${column}": "${raw}" is not ${meaning}`);
    out[i] = code;
  }
  return out;
}

/**
 * The event indicator (1 = event), coded as survival::Surv reads it: 0/1, TRUE/FALSE, or — when the
 * largest value is 2 — 1/2 with 2 = event (how R ships lung$status). `note` is told when 1/2 is read so.
 * Anything else, a 0/1/2 mix included (a competing event belongs to --cause 1), names its row and column.
 */
export function eventColumn(
  table: CsvTable,
  column: string,
  option: string,
  note: (text: string) => void = (text) => process.stderr.write(`${text}\n`),
): Uint8Array {
  requireColumn(table, column, option);
  const cell = table.cells(column);
  const out = new Uint8Array(table.rowCount);
  let firstTwo = -1;
  let onlyOnesAndTwos = true;
  for (let i = 0; i < out.length; i++) {
    const v = cell(i);
    if (v === "1") out[i] = 1;
    else if (v === "2") {
      out[i] = 2;
      if (firstTwo < 0) firstTwo = i;
    } else {
      out[i] = v === "0" || v === "FALSE" ? 0 : v === "TRUE" ? 1 : 255;
      if (out[i] === 255) throw new UsageError(`row ${table.rowNumber(i)}, column "${column}": "${v}" is not 0 or 1`);
      onlyOnesAndTwos = false;
    }
  }
  if (firstTwo < 0) return out;
  if (!onlyOnesAndTwos)
    throw new UsageError(
      `row ${table.rowNumber(firstTwo)}, column "${column}": "2" is not 0 or 1 (a competing event? then --cause 1)`,
    );
  note(`${option}: "${column}" read as 1 = censored, 2 = event (survival::Surv's coding)`);
  for (let i = 0; i < out.length; i++) out[i] = out[i] === 2 ? 1 : 0;
  return out;
}

/** Competing-risks status: 0 censored, 1 event of interest, 2 competing event. */
export function statusColumn(table: CsvTable, column: string, option: string): Uint8Array {
  return codeColumn(table, column, option, ["0", "1", "2"], "0 (censored), 1 (event) or 2 (competing event)");
}

export function textColumn(table: CsvTable, column: string, option: string): string[] {
  requireColumn(table, column, option);
  const cell = table.cells(column);
  return Array.from({ length: table.rowCount }, (_, i) => {
    const raw = cell(i);
    if (raw === "") throw new UsageError(`row ${table.rowNumber(i)}, column "${column}": empty${emptyCellHint(raw)}`);
    return raw;
  });
}

/** Why an empty cell is refused, and what to write instead. */
const emptyCellHint = (raw: string) =>
  raw === "" ? ` (empty: write NA where the value is missing, and the row is left out as R's na.omit would)` : "";

export const nonNegative = (v: number) => (v < 0 ? "is negative (times must be ≥ 0)" : null);

/** "365,1826" → [365, 1826]; names the option on a bad item. */
export function numberList(text: string, option: string): number[] {
  return text.split(",").map((item) => {
    const value = Number(item.trim());
    if (item.trim() === "" || !Number.isFinite(value) || value <= 0)
      throw new UsageError(`${option}: "${item}" is not a positive number`);
    return value;
  });
}
