/**
 * A patient's daily logs, runs and assessments as one `.xlsx` workbook (exceljs), a sheet
 * per table with the same columns as the CSV files (`patientTables`), for people who open
 * files in Excel. Cells are typed, so no marker is needed:
 * - numbers are numbers, yes/no are booleans;
 * - calendar days (`date`, `injury_onset`) are Excel dates shown as yyyy-mm-dd, and UTC
 *   moments (`*_at_utc`) date-times shown as yyyy-mm-dd hh:mm:ss (UTC);
 * - identifiers (record numbers) and every other text are text cells with the text number
 *   format `@`, so `0012` keeps its zeros and `=1+1` stays the text it was typed as (an
 *   XLSX string cell is never evaluated);
 * - line breaks in notes are kept and shown wrapped.
 * The header row is bold and frozen, with an auto filter.
 */
import ExcelJS from "exceljs";
import type { PatientExportDto } from "@/lib/dal/exports";
import type { CsvColumn } from "./csv";
import { patientTables } from "./patient-csv";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

type Cell = { value: ExcelJS.CellValue; numFmt?: string; wrap?: boolean };

/** One value as a typed cell (see the module comment). */
export function typedCell(column: Pick<CsvColumn<never>, "header" | "kind">, value: unknown): Cell {
  if (value === null || value === undefined || value === "") return { value: null };
  if (column.kind === "identifier") return { value: String(value), numFmt: "@" };
  if (typeof value === "number") return Number.isFinite(value) ? { value } : { value: null };
  if (typeof value === "boolean") return { value };
  const text = String(value);
  if (DAY.test(text) && (column.header === "date" || column.header.endsWith("_onset"))) return { value: new Date(`${text}T00:00:00Z`), numFmt: "yyyy-mm-dd" };
  if (MOMENT.test(text) && column.header.endsWith("_utc")) return { value: new Date(text), numFmt: "yyyy-mm-dd hh:mm:ss" };
  return { value: text, numFmt: "@", wrap: text.includes("\n") };
}

/** The workbook as bytes. Empty tables give a sheet with its header row. */
export async function patientXlsx(data: PatientExportDto): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Springback";
  book.created = new Date(data.generatedAt);
  for (const table of patientTables(data)) {
    const sheet = book.addWorksheet(table.title, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.header, width: Math.min(40, Math.max(10, c.header.length + 2)) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(table.columns.map(() => null));
      table.columns.forEach((c, i) => {
        const typed = typedCell(c, c.value(row as never));
        const cell = added.getCell(i + 1);
        cell.value = typed.value;
        if (typed.numFmt) cell.numFmt = typed.numFmt;
        if (typed.wrap) cell.alignment = { wrapText: true, vertical: "top" };
      });
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
