import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { NotFoundError } from "@/lib/dal/errors";
import { reportResponse } from "@/lib/export/report-response";
import { reportRequestSchema } from "@/lib/validation/report";
import { getPatientExport } from "@/lib/dal/exports";
import { attachmentHeaders, exportFileName } from "@/lib/export/file-names";
import { progressReportPdf, type PaperSize } from "@/lib/export/pdf";
import { nothingToExport } from "@/lib/export/responses";
import { queryEnum } from "@/lib/validation/query";

export const dynamic = "force-dynamic";

const SIZES = ["a4", "letter"] as const satisfies readonly PaperSize[];

/**
 * The progress report as a PDF, A4 by default or US Letter with ?size=letter. The size is
 * parsed before anything is read, so a bad one writes no export audit row.
 */
export const GET = routeHandler({
  name: "export.pdf",
  params: z.object({ patientId: idArg }),
  query: z.object({ size: queryEnum("Paper size", SIZES).default("a4") }),
  run: async ({ params, query: { size } }) => {
    const result = await getPatientExport(params.patientId, "pdf");
    if (!result) throw new NotFoundError("Patient");
    if (!result.ok) return nothingToExport(result);
    const d = result.data;
    const pdf = await progressReportPdf(d, size);
    return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]), {
      headers: attachmentHeaders(exportFileName(d.patient.recordNumber, d.today, "pdf", `progress-${size}`), "application/pdf"),
    });
  },
});

/** The letter with what the therapist chose in the export dialog (impression, plan, variant, charts); see lib/export/report-response.ts. */
export const POST = routeHandler({
  name: "export.report",
  params: z.object({ patientId: idArg }),
  body: reportRequestSchema,
  run: ({ params, body }) => reportResponse(params.patientId, body),
});
