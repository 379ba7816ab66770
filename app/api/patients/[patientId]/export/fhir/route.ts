import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { NotFoundError } from "@/lib/dal/errors";
import { getPatientExport } from "@/lib/dal/exports";
import { patientFhirBundle } from "@/lib/export/fhir";
import { attachmentHeaders, exportFileName } from "@/lib/export/file-names";
import { nothingToExport } from "@/lib/export/responses";
import { stripControlCharacters } from "@/lib/validation/text";

export const dynamic = "force-dynamic";

/** The patient's record as a FHIR R4 Bundle (type collection). */
export const GET = routeHandler({
  name: "export.fhir",
  params: z.object({ patientId: idArg }),
  run: async ({ params }) => {
    const result = await getPatientExport(params.patientId, "fhir");
    if (!result) throw new NotFoundError("Patient");
    if (!result.ok) return nothingToExport(result);
    const d = result.data;
    // FHIR strings may not hold control characters: values stored before they were refused leave without them.
    const body = JSON.stringify(patientFhirBundle(d), (_key, value: unknown) => (typeof value === "string" ? stripControlCharacters(value) : value), 2);
    return new Response(body, {
      headers: attachmentHeaders(exportFileName(d.patient.recordNumber, d.today, "json", "fhir"), "application/fhir+json; charset=utf-8"),
    });
  },
});
