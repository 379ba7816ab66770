import { getPatientExport } from "@/lib/dal/exports";
import { patientFhirBundle } from "@/lib/export/fhir";
import { attachmentHeaders, exportFileName } from "@/lib/export/file-names";
import { notFound, nothingToExport } from "@/lib/export/responses";

export const dynamic = "force-dynamic";

/** The patient's record as a FHIR R4 Bundle (type collection). */
export async function GET(_request: Request, { params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const result = await getPatientExport(patientId, "fhir");
  if (!result) return notFound();
  if (!result.ok) return nothingToExport(result);
  const d = result.data;
  return new Response(JSON.stringify(patientFhirBundle(d), null, 2), {
    headers: attachmentHeaders(exportFileName(d.patient.recordNumber, d.today, "json", "fhir"), "application/fhir+json; charset=utf-8"),
  });
}
