import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { getDb } from "@/db/client";
import { dailyLogs, injuries, patients, runs, users } from "@/db/schema";
import { getPatientExport } from "@/lib/dal/exports";
import { patientCsv } from "@/lib/export/patient-csv";
import { patientXlsx } from "@/lib/export/patient-xlsx";
import { GET as xlsxRoute } from "@/app/api/patients/[patientId]/export/xlsx/route";
import { GET as auditCsvRoute } from "@/app/api/admin/audit/route";
import { NextRequest } from "next/server";
import { actAs } from "../support/db";
import { seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));
seedClinicForEachFile();

const NOTE = "Ørsted loop, Zoë's pace\nthen ＝hills and =1+1";
let runner: string;
let empty: string;

function addPatient(recordNumber: string) {
  const db = getDb();
  const lee = db.select().from(users).where(eq(users.email, "lee@springback.test")).get()!;
  const id = crypto.randomUUID();
  db.insert(patients).values({ id, clinicId: lee.clinicId, recordNumber, givenName: "Åsa", familyName: "Øster", searchText: "åsa øster", dateOfBirth: "1990-01-01", sex: "female", primaryTherapistId: lee.id }).run();
  return { id, clinicId: lee.clinicId };
}

beforeAll(() => {
  const p = addPatient("0012");
  runner = p.id;
  const injuryId = crypto.randomUUID();
  const db = getDb();
  db.insert(injuries).values({ id: injuryId, clinicId: p.clinicId, patientId: runner, side: "left", muscle: "soleus", severity: "strain", grade: 1, onsetDate: "2026-11-01" }).run();
  const base = { clinicId: p.clinicId, patientId: runner, injuryId };
  db.insert(dailyLogs).values({ ...base, id: crypto.randomUUID(), logDate: "2026-11-02", painRest: 2, painDaily: 3, compression: true, note: NOTE }).run();
  db.insert(runs).values({ ...base, id: crypto.randomUUID(), runDate: "2026-11-20", kind: "continuous", continuousMinutes: 20, distanceKm: 3.5, painDuring: 1, surface: "-track", note: "@home" }).run();
  empty = addPatient("SB-0099").id;
});

async function sheets(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer as ArrayBuffer);
  return book;
}

describe("XLSX export", () => {
  it("reads back with typed cells: accents, leading zeros, formula starts and line breaks kept as text", async () => {
    actAs("lee@springback.test");
    const result = await getPatientExport(runner, "xlsx");
    if (!result?.ok) throw new Error("expected an export");
    const book = await sheets(await patientXlsx(result.data));
    expect(book.worksheets.map((s) => s.name)).toEqual(["Daily logs", "Runs", "Assessments"]);
    const logs = book.getWorksheet("Daily logs")!;
    const header = (logs.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = logs.getRow(2);
    expect(row.getCell(col("record_number")).value).toBe("0012");
    expect(row.getCell(col("record_number")).numFmt).toBe("@");
    expect(row.getCell(col("date")).value).toEqual(new Date("2026-11-02T00:00:00Z"));
    expect(row.getCell(col("pain_rest_0_10")).value).toBe(2);
    expect(row.getCell(col("compression")).value).toBe(true);
    expect(row.getCell(col("note")).value).toBe(NOTE);
    expect(row.getCell(col("note")).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(col("created_at_utc")).value).toBeInstanceOf(Date);

    const runSheet = book.getWorksheet("Runs")!;
    const runHeader = (runSheet.getRow(1).values as unknown[]).slice(1);
    const r = runSheet.getRow(2);
    expect(r.getCell(runHeader.indexOf("distance_km") + 1).value).toBe(3.5);
    expect(r.getCell(runHeader.indexOf("surface") + 1).value).toBe("-track");
    expect(r.getCell(runHeader.indexOf("note") + 1).value).toBe("@home");
    expect(book.getWorksheet("Assessments")!.rowCount).toBe(1);
  });

  it("the CSV of the same table reads back with the same values, formula starts and leading zeros marked", async () => {
    actAs("lee@springback.test");
    const result = await getPatientExport(runner, "csv");
    if (!result?.ok) throw new Error("expected an export");
    const [row] = parse(patientCsv(result.data, "daily-logs"), { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ record_number: "'0012", date: "2026-11-02", pain_rest_0_10: "2", note: NOTE });
  });

  it("answers a workbook with header rows for a runner with nothing recorded, through the route door", async () => {
    actAs("lee@springback.test");
    const res = await xlsxRoute(new Request(`http://localhost/api/patients/${empty}/export/xlsx`), { params: Promise.resolve({ patientId: empty }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="SB-0099-2026-11-26.xlsx"');
    const book = await sheets(new Uint8Array(await res.arrayBuffer()));
    for (const sheet of book.worksheets) expect(sheet.rowCount).toBe(1);
    actAs("ola@northside.test");
    expect((await xlsxRoute(new Request(`http://localhost/api/patients/${empty}/export/xlsx`), { params: Promise.resolve({ patientId: empty }) })).status).toBe(404);
  });
});

describe("the admin's audit-log CSV", () => {
  it("starts with a byte-order mark and keeps a numeric record number as text", async () => {
    actAs("lee@springback.test");
    await getPatientExport(runner, "csv");
    actAs("admin@springback.test");
    const res = await auditCsvRoute(new NextRequest("http://localhost/api/admin/audit?action=patient.export"), { params: Promise.resolve({}) });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFFat_utc,user,action,")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.entity_id === runner)?.patient_record).toBe("'0012");
  });
});
