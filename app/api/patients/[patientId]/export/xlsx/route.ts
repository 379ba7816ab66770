import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { getPatientExport } from "@/lib/dal/exports";
import { NotFoundError } from "@/lib/dal/errors";
import { attachmentHeaders, exportFileName } from "@/lib/export/file-names";
import { patientXlsx } from "@/lib/export/patient-xlsx";

export const dynamic = "force-dynamic";

/** The patient's daily logs, runs and assessments as one Excel workbook with typed cells (see lib/export/patient-xlsx.ts). */
export const GET = routeHandler({
  name: "export.xlsx",
  params: z.object({ patientId: idArg }),
  run: async ({ params }) => {
    const result = await getPatientExport(params.patientId, "xlsx");
    if (!result?.ok) throw new NotFoundError("Patient");
    const d = result.data;
    const bytes = await patientXlsx(d);
    return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      headers: attachmentHeaders(exportFileName(d.patient.recordNumber, d.today, "xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    });
  },
});
