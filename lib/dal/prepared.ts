import "server-only";
import { cache } from "react";
import type Database from "better-sqlite3";
import { getDb } from "@/db/client";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "./audit";

/**
 * Hand-written statements for the hot reads and the audit insert, prepared once per
 * connection (tests open several databases) and kept by their SQL text. drizzle builds
 * each query anew on every call and maps every row through its column objects; for a
 * 0.3 ms lookup or a 1,000-row export that was most of the time. Columns are aliased to
 * the DTO's names, so better-sqlite3 builds the row objects itself. They hold no data:
 * each call binds its own parameters.
 */
const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A drizzle database or a transaction on it; both run on one better-sqlite3 connection. */
export type Handle = object;

/** The better-sqlite3 connection under a drizzle database or transaction. */
export function connectionOf(handle: Handle): Database.Database {
  if ("$client" in handle) return (handle as { $client: Database.Database }).$client;
  // A drizzle transaction keeps its connection on its session (the same object as $client).
  const client = (handle as { session?: { client?: Database.Database } }).session?.client;
  if (!client) throw new Error("Not a better-sqlite3 database or transaction");
  return client;
}

/** The statement for `sqlText` on the connection under `handle`, prepared on first use. */
export function prepared<Row = unknown>(handle: Handle, sqlText: string): Database.Statement<unknown[], Row> {
  const client = connectionOf(handle);
  let cache = byConnection.get(client);
  if (!cache) byConnection.set(client, (cache = new Map()));
  let stmt = cache.get(sqlText);
  if (!stmt) cache.set(sqlText, (stmt = client.prepare(sqlText)));
  return stmt as Database.Statement<unknown[], Row>;
}

/** The statement on the process's connection (`getDb()`). */
export function statement(sqlText: string): Database.Statement {
  return prepared(getDb(), sqlText);
}

/** SQLite's 0/1 (or null) as the boolean the DTO carries. */
export function bool(value: number | null): boolean | null {
  return value === null ? null : value !== 0;
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
