import "server-only";
import { auditEvents } from "@/db/schema";
import type { Db } from "@/db/client";

type Tx = Pick<Db, "insert">;

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

/**
 * Appends one audit row. Call it inside the same transaction as the write it records, so
 * a write without its audit row (or the reverse) can never be committed.
 */
export function writeAudit(tx: Tx, event: AuditInput): void {
  tx.insert(auditEvents)
    .values({
      clinicId: event.clinicId,
      userId: event.userId,
      action: event.action,
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
      patientId: event.patientId ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
      ip: event.ip ?? null,
    })
    .run();
}
