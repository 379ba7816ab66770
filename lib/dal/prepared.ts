import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { prepared } from "@/db/statements";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "./audit";

/** The statement on the process's connection (`getDb()`). */
export function statement(sqlText: string) {
  return prepared(getDb(), sqlText);
}

/**
 * `visiblePatientsWhere(user)` (lib/dal/access.ts) for raw SQL over `patients p`, with
 * named parameters @clinicId and @userId (see `scopeParams`): an admin sees every patient
 * of their clinic; a therapist those they are primary therapist for or on the care team of.
 */
export function visibleSql(user: SessionUser): string {
  if (user.role === "admin") return "p.clinic_id = @clinicId";
  return "p.clinic_id = @clinicId and (p.primary_therapist_id = @userId or p.id in (select patient_id from care_team where user_id = @userId))";
}

export function scopeParams(user: SessionUser, patientId: string) {
  return { patientId, clinicId: user.clinicId, userId: user.id };
}

/** The current episode (latest onset that is not closed), as a scalar subquery over `patients p`. */
export const CURRENT_INJURY_ID = `(select i.id from injuries i where i.patient_id = p.id and i.status <> 'closed' order by i.onset_date desc, i.created_at desc limit 1)`;

/** The patients whose reading this request has recorded (React's per-request cache; a new set outside a render). */
const readThisRequest = cache((): Set<string> => new Set());

/**
 * The audit row of a read of a patient's record. A patient page reads several parts of
 * one record in one request (the header in the layout, then the panel or the charts); the
 * first read writes the row, naming what it read, and covers the rest of that request:
 * one row, one commit per page view. Outside a page render (route handlers, actions,
 * scripts, tests) every read writes its own row.
 */
export function auditRead(user: SessionUser, action: string, patientId: string, detail?: Record<string, unknown>): void {
  const seen = readThisRequest();
  const key = `${user.id}\u0000${patientId}`;
  if (seen.has(key)) return;
  seen.add(key);
  writeAudit(getDb(), { clinicId: user.clinicId, userId: user.id, action, entityType: "patient", entityId: patientId, patientId, detail: detail ?? null });
}
