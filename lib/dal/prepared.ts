import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { prepared } from "@/db/statements";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "./audit";
import { NotFoundError } from "./errors";
import { log } from "@/lib/log";

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

/**
 * Records a refused read: `patientId` names a real patient the user may not see (another
 * caseload or another clinic). Writes an `access.refused` audit row for the user's clinic
 * (naming the patient only when it is of that clinic, so no other clinic's record leaks
 * into this clinic's trail) and one for the patient's clinic when that is another, plus a
 * warning log line with ids only. Unknown ids (typos, probes of random UUIDs) are not
 * recorded as refusals. Once per user and patient per page render, like `auditRead`.
 * Returns null, the "not found" the caller answers with.
 */
export function auditRefused(user: SessionUser, action: string, patientId: string): null {
  if (typeof patientId !== "string" || patientId.length > 64) return null;
  const seen = readThisRequest();
  const key = `refused\u0000${user.id}\u0000${patientId}`;
  if (seen.has(key)) return null;
  seen.add(key);
  const target = statement("select clinic_id as clinicId from patients where id = ?").get(patientId) as { clinicId: string } | undefined;
  if (!target) return null;
  const sameClinic = target.clinicId === user.clinicId;
  const detail = { attempted: action, reason: sameClinic ? "outside_caseload" : "other_clinic" };
  const db = getDb();
  db.$client.transaction(() => {
    writeAudit(db, { clinicId: user.clinicId, userId: user.id, action: "access.refused", entityType: "patient", entityId: patientId, patientId: sameClinic ? patientId : null, detail });
    if (!sameClinic) writeAudit(db, { clinicId: target.clinicId, userId: user.id, action: "access.refused", entityType: "patient", entityId: patientId, patientId, detail });
  })();
  log.warn({ event: "access.refused", userId: user.id, clinicId: user.clinicId, patientId, attempted: action, reason: detail.reason }, "access refused");
  return null;
}

/**
 * Writes the `access.refused` row a refused write carries (NotFoundError from
 * `refusedPatient`); called by the action and route doors after the write's transaction has
 * rolled back. Anything else is ignored.
 */
export function recordRefusal(err: unknown): void {
  if (err instanceof NotFoundError && err.refusal) auditRefused(err.refusal.user, err.refusal.attempted, err.refusal.patientId);
}

/**
 * One audit row per page view for a view that is not of a patient (the admin pages, the
 * audit viewer): the first call in a page render writes it, later ones in the same render
 * do nothing. Outside a render every call writes.
 */
export function auditViewOnce(user: SessionUser, action: string, detail?: Record<string, unknown>): void {
  const seen = readThisRequest();
  const key = `view\u0000${user.id}\u0000${action}`;
  if (seen.has(key)) return;
  seen.add(key);
  writeAudit(getDb(), { clinicId: user.clinicId, userId: user.id, action, detail: detail ?? null });
}
