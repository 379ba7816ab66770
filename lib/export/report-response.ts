import "server-only";
import { getPatientExport } from "@/lib/dal/exports";
import { DomainRuleError, NotFoundError } from "@/lib/dal/errors";
import type { ReportRequest } from "@/lib/validation/report";
import { attachmentHeaders, exportFileName } from "./file-names";
import { progressReportPdf } from "./pdf";
import { reportInjury } from "./report-data";

/**
 * The letter as a PDF download, made with what the therapist chose in the export dialog.
 * The audit row of the export keeps the options, the impression and the plan, so the
 * record shows what was said to whom it was sent. Not visible: NotFoundError (404). A
 * discharge letter for a runner who has not returned: DomainRuleError on `variant` (422),
 * before anything is recorded.
 */
export async function reportResponse(patientId: string, r: ReportRequest): Promise<Response> {
  const dischargeable = (d: Parameters<typeof reportInjury>[0]) => {
    if (r.variant === "discharge" && !reportInjury(d)?.returnDate) throw new DomainRuleError("A discharge letter needs a return to running on record: send a progress report instead.", "variant");
  };
  const detail = { size: r.size, variant: r.variant, charts: r.charts, impression: r.impression, plan: r.plan };
  const result = await getPatientExport(patientId, "pdf", null, detail, dischargeable);
  if (!result?.ok) throw new NotFoundError();
  const d = result.data;
  const pdf = await progressReportPdf(d, r.size, { variant: r.variant, charts: r.charts, impression: r.impression, plan: r.plan });
  return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]), {
    headers: attachmentHeaders(exportFileName(d.patient.recordNumber, d.today, "pdf", `${r.variant === "discharge" ? "discharge" : "progress"}-${r.size}`), "application/pdf"),
  });
}
