import type { NextRequest } from "next/server";
import { getPatientExport } from "@/lib/dal/exports";
import { attachmentHeaders, exportFileName } from "@/lib/export/file-names";
import { PAPER_SIZES, progressReportPdf, type PaperSize } from "@/lib/export/pdf";
import { badRequest, notFound, nothingToExport } from "@/lib/export/responses";

export const dynamic = "force-dynamic";

/** The progress report as a PDF, A4 by default or US Letter with ?size=letter. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const size = request.nextUrl.searchParams.get("size") ?? "a4";
  if (!(size in PAPER_SIZES)) return badRequest("Unknown paper size: use a4 or letter.");
  const result = await getPatientExport(patientId, "pdf");
  if (!result) return notFound();
  if (!result.ok) return nothingToExport(result);
  const d = result.data;
  const pdf = await progressReportPdf(d, size as PaperSize);
  return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]), {
    headers: attachmentHeaders(exportFileName(d.patient.recordNumber, d.today, "pdf", `progress-${size}`), "application/pdf"),
  });
}
