import "server-only";
import type Database from "better-sqlite3";
import { getDb } from "@/db/client";
import type { SessionUser } from "@/lib/auth/types";

/**
 * Prepared better-sqlite3 statements for the hot reads of the patient pages, prepared
 * once per database handle (tests open several databases) and kept by their SQL text.
 * They hold no data: each call binds its own parameters.
 */
const byHandle = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(sqlText: string): Database.Statement {
  const client = getDb().$client;
  let cache = byHandle.get(client);
  if (!cache) byHandle.set(client, (cache = new Map()));
  let stmt = cache.get(sqlText);
  if (!stmt) cache.set(sqlText, (stmt = client.prepare(sqlText)));
  return stmt;
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

/** The audit row of a read (a patient's page or panel), as `writeAudit` writes it, through a prepared statement. */
export function auditRead(user: SessionUser, action: string, patientId: string): void {
  statement("insert into audit_events (clinic_id, user_id, action, entity_type, entity_id, patient_id) values (?, ?, ?, 'patient', ?, ?)").run(
    user.clinicId,
    user.id,
    action,
    patientId,
    patientId,
  );
}
