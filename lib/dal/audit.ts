import "server-only";
import { prepared, type Handle } from "@/db/statements";

export type AuditInput = {
  clinicId: string | null;
  userId: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  patientId?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
};

export const AUDIT_INSERT = `insert into audit_events (clinic_id, user_id, action, entity_type, entity_id, patient_id, detail, ip)
  values (?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Appends one audit row. Call it inside the same transaction as the write it records, so
 * a write without its audit row (or the reverse) can never be committed. Every audited
 * read makes one, so it is a statement prepared once per connection.
 */
export function writeAudit(tx: Handle, event: AuditInput): void {
  prepared(tx, AUDIT_INSERT).run(...auditValues(event));
}

/** The insert's eight parameters for an event, in the order of `AUDIT_INSERT` (also the audit writer thread's). */
export function auditValues(event: AuditInput): [string | null, string | null, string, string | null, string | null, string | null, string | null, string | null] {
  return [
    event.clinicId,
    event.userId,
    event.action,
    event.entityType ?? null,
    event.entityId ?? null,
    event.patientId ?? null,
    event.detail ? JSON.stringify(event.detail) : null,
    event.ip ?? null,
  ];
}
