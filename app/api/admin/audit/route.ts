import { z } from "zod";
import { routeHandler } from "@/lib/actions/route";
import { exportAuditEvents } from "@/lib/dal/audit-log";
import { auditExportQuerySchema } from "@/lib/validation/audit";
import { toCsv } from "@/lib/export/csv";

export const dynamic = "force-dynamic";

/** CSV of the audit rows matching the viewer's filters (admins only; the DAL checks the role). */
export const GET = routeHandler({
  name: "audit.export",
  params: z.object({}),
  query: auditExportQuerySchema,
  run: async ({ query }) => {
    const rows = await exportAuditEvents({ ...query, page: 1 });
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
  },
});
