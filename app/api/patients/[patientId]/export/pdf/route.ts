import type { NextRequest } from "next/server";
import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { reportResponse } from "@/lib/export/report-response";
import { reportRequestSchema } from "@/lib/validation/report";
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

/** The letter with what the therapist chose in the export dialog (impression, plan, variant, charts); see lib/export/report-response.ts. */
export const POST = routeHandler({
  name: "export.report",
  params: z.object({ patientId: idArg }),
  body: reportRequestSchema,
  run: ({ params, body }) => reportResponse(params.patientId, body),
});
