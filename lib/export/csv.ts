/**
 * CSV per RFC 4180 (csv-stringify quotes fields with commas, quotes and line breaks), UTF-8
 * with a byte-order mark and a header row: the one writer behind every CSV the app serves
 * (a patient's three tables and the admin's audit log).
 *
 * - The byte-order mark makes Excel read the file as UTF-8 (without it `ØST-104` shows as
 *   `Ã˜ST-104`); CSV parsers drop it (csv-parse `bom: true`).
 * - Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
 *   tab or carriage return, or the full-width `＝＋－＠` that some spreadsheets fold to them)
 *   are prefixed with an apostrophe, as the OWASP "CSV injection" page advises. Numbers
 *   stay numbers.
 * - Identifier columns (`kind: "identifier"`, e.g. record numbers) whose value a
 *   spreadsheet would read as a number or a date (`0012`, `1-2`, `3/4`, `1e5`) get the same
 *   apostrophe: Excel and LibreOffice treat a leading apostrophe as "this cell is text", so
 *   leading zeros survive. We do not use `="0012"`, which is itself a formula. A reader that
 *   parses the CSV strips one leading apostrophe from identifier and text cells; the `.xlsx`
 *   export has typed text cells and needs no marker.
 */
import { stringify } from "csv-stringify/sync";
import { stripControlCharacters } from "@/lib/validation/text";

export type CsvValue = string | number | boolean | null | undefined;
/** One column: its header, how to read the value from a row, and whether it holds an identifier (kept as text). */
export type CsvColumn<T> = { header: string; value: (row: T) => CsvValue; kind?: "identifier" };

/** The UTF-8 byte-order mark every CSV starts with. */
export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Values a spreadsheet turns into a number or a date on opening: digits with separators, or scientific notation. */
const LOOKS_NUMERIC = /^(?:[0-9][0-9\s.,/:-]*|[0-9.]+[eE][0-9]+)$/;

/** `value` with an apostrophe in front when a spreadsheet would run it as a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** An identifier kept as text: an apostrophe in front when a spreadsheet would read it as a number or a date. */
export function keepAsText(value: string): string {
  return LOOKS_NUMERIC.test(value) ? `'${value}` : neutraliseFormula(value);
}

function cell(value: CsvValue, kind: CsvColumn<unknown>["kind"]): string {
  if (value === null || value === undefined) return "";
  if (kind === "identifier") return keepAsText(String(value));
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  // Values stored before control characters were refused leave without them (safety net).
  return neutraliseFormula(stripControlCharacters(value));
}

/**
 * The rows as CSV text: the byte-order mark, a header row (even with no rows: a file with
 * its header, never an error), CRLF row ends.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const records = [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => cell(c.value(row), c.kind)))];
  return BOM + stringify(records, { record_delimiter: "\r\n", quoted_match: /[",\r\n]/ });
}
