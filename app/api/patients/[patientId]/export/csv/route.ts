import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { NotFoundError } from "@/lib/dal/errors";
import { CSV_FILES, getPatientExport } from "@/lib/dal/exports";
import { attachmentHeaders, exportFileName } from "@/lib/export/file-names";
import { patientCsv, patientCsvFileName, patientCsvZip } from "@/lib/export/patient-csv";
import { nothingToExport } from "@/lib/export/responses";
import { queryEnum } from "@/lib/validation/query";

export const dynamic = "force-dynamic";

/** One CSV (?file=daily-logs|runs|assessments) or, without ?file, a zip of the three. */
export const GET = routeHandler({
  name: "export.csv",
  params: z.object({ patientId: idArg }),
  query: z.object({ file: queryEnum("File", CSV_FILES).optional() }),
  run: async ({ params, query: { file } }) => {
    const result = await getPatientExport(params.patientId, "csv", file ?? null);
    if (!result) throw new NotFoundError("Patient");
    if (!result.ok) return nothingToExport(result);
    const d = result.data;
    if (file) return new Response(patientCsv(d, file), { headers: attachmentHeaders(patientCsvFileName(d, file), "text/csv; charset=utf-8") });
    const zip = patientCsvZip(d, CSV_FILES);
    return new Response(new Blob([zip as Uint8Array<ArrayBuffer>]), { headers: attachmentHeaders(exportFileName(d.patient.recordNumber, d.today, "zip", "csv"), "application/zip") });
  },
});
