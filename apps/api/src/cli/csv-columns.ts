// Reads a CSV file into named columns for the statistics commands, naming the row and column of any
// bad value. Row numbers count data rows from 1 (the header is line 1, so row r is on line r + 1).
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { UsageError } from "./usage-error.js";

export interface CsvTable {
  header: string[];
  rows: Record<string, string>[];
  path: string;
}

export function readCsv(path: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`--input: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    throw new UsageError(`--input: ${path} is not valid CSV: ${(error as Error).message}`);
  }
  const header = rows.length ? Object.keys(rows[0]!) : [];
  if (!rows.length) throw new UsageError(`--input: ${path} has no data rows`);
  return { header, rows, path };
}

function requireColumn(table: CsvTable, column: string, option: string): void {
  if (!table.header.includes(column)) throw new UsageError(`${option}: column "${column}" is not in ${table.path} (columns: ${table.header.join(", ")})`);
}

export function numericColumn(table: CsvTable, column: string, option: string, check?: (v: number) => string | null): Float64Array {
  requireColumn(table, column, option);
  const out = new Float64Array(table.rows.length);
  table.rows.forEach((row, i) => {
    const raw = row[column] ?? "";
    const value = raw === "" ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) throw new UsageError(`row ${i + 1}, column "${column}": "${raw}" is not a number`);
    const problem = check?.(value);
    if (problem) throw new UsageError(`row ${i + 1}, column "${column}": ${raw} ${problem}`);
    out[i] = value;
  });
  return out;
}

export function eventColumn(table: CsvTable, column: string, option: string): Uint8Array {
  requireColumn(table, column, option);
  return Uint8Array.from(table.rows, (row, i) => {
    const raw = row[column] ?? "";
    if (raw === "0" || raw === "1") return Number(raw);
    throw new UsageError(`row ${i + 1}, column "${column}": "${raw}" is not 0 or 1`);
  });
}

/** Competing-risks status: 0 censored, 1 event of interest, 2 competing event. */
export function statusColumn(table: CsvTable, column: string, option: string): Uint8Array {
  requireColumn(table, column, option);
  return Uint8Array.from(table.rows, (row, i) => {
    const raw = row[column] ?? "";
    if (raw === "0" || raw === "1" || raw === "2") return Number(raw);
    throw new UsageError(`row ${i + 1}, column "${column}": "${raw}" is not 0 (censored), 1 (event) or 2 (competing event)`);
  });
}

export function textColumn(table: CsvTable, column: string, option: string): string[] {
  requireColumn(table, column, option);
  return table.rows.map((row, i) => {
    const raw = row[column] ?? "";
    if (raw === "") throw new UsageError(`row ${i + 1}, column "${column}": empty`);
    return raw;
  });
}

export const nonNegative = (v: number) => (v < 0 ? "is negative (times must be ≥ 0)" : null);

/** "365,1826" → [365, 1826]; names the option on a bad item. */
export function numberList(text: string, option: string): number[] {
  return text.split(",").map((item) => {
    const value = Number(item.trim());
    if (item.trim() === "" || !Number.isFinite(value) || value <= 0) throw new UsageError(`${option}: "${item}" is not a positive number`);
    return value;
  });
}
