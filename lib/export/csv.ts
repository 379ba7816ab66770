/**
 * CSV per RFC 4180 (csv-stringify quotes fields with commas, quotes and line breaks), UTF-8
 * with a header row. Cells that a spreadsheet would run as a formula (starting with =, +,
 * -, @, tab or carriage return) are prefixed with an apostrophe, as OWASP advises.
 */
import { stringify } from "csv-stringify/sync";
import { stripControlCharacters } from "@/lib/validation/text";

export type CsvColumn<T> = { header: string; value: (row: T) => string | number | boolean | null | undefined };

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  // Values stored before control characters were refused leave without them (safety net).
  return neutraliseFormula(stripControlCharacters(value));
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const records = [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => cell(c.value(row))))];
  return stringify(records, { record_delimiter: "\r\n", quoted_match: /[",\r\n]/ });
}
