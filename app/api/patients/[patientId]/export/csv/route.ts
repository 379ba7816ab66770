import type { NextRequest } from "next/server";
import { CSV_FILES, getPatientExport, type CsvFile } from "@/lib/dal/exports";
import { attachmentHeaders, exportFileName } from "@/lib/export/file-names";
import { patientCsv, patientCsvFileName, patientCsvZip } from "@/lib/export/patient-csv";
import { badRequest, notFound, nothingToExport } from "@/lib/export/responses";

export const dynamic = "force-dynamic";

/** One CSV (?file=daily-logs|runs|assessments) or, without ?file, a zip of the three. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const file = request.nextUrl.searchParams.get("file");
  if (file !== null && !CSV_FILES.includes(file as CsvFile)) return badRequest(`Unknown file "${file.slice(0, 40)}": use daily-logs, runs or assessments.`);
  const result = await getPatientExport(patientId, "csv", file as CsvFile | null);
  if (!result) return notFound();
  if (!result.ok) return nothingToExport(result);
  const d = result.data;
  if (file) return new Response(patientCsv(d, file as CsvFile), { headers: attachmentHeaders(patientCsvFileName(d, file as CsvFile), "text/csv; charset=utf-8") });
  const zip = patientCsvZip(d, CSV_FILES);
  return new Response(new Blob([zip as Uint8Array<ArrayBuffer>]), { headers: attachmentHeaders(exportFileName(d.patient.recordNumber, d.today, "zip", "csv"), "application/zip") });
}
