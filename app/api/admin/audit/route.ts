import type { NextRequest } from "next/server";
import { exportAuditEvents } from "@/lib/dal/audit-log";
import { auditFilterSchema } from "@/lib/validation/audit";
import { toCsv } from "@/lib/export/csv";

export const dynamic = "force-dynamic";

/** CSV of the audit rows matching the viewer's filters (admins only). */
export async function GET(request: NextRequest) {
  const filter = auditFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const rows = await exportAuditEvents(filter);
  const csv = toCsv(rows, [
    { header: "at_utc", value: (r) => r.at },
    { header: "user", value: (r) => r.userEmail },
    { header: "action", value: (r) => r.action },
    { header: "entity_type", value: (r) => r.entityType },
    { header: "entity_id", value: (r) => r.entityId, kind: "identifier" },
    { header: "patient_record", value: (r) => r.patientRecord, kind: "identifier" },
    { header: "detail", value: (r) => r.detail },
    { header: "ip", value: (r) => r.ip },
  ]);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
