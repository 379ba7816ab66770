import "server-only";
import { sql } from "drizzle-orm";
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
  const values = {
    clinicId: event.clinicId,
    userId: event.userId,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    patientId: event.patientId ?? null,
    detail: event.detail ? JSON.stringify(event.detail) : null,
    ip: event.ip ?? null,
  };
  // A read's audit row is written on the database handle itself, on most requests: its
  // insert is prepared once per handle. Inside a transaction, the plain insert.
  if ("$client" in tx) preparedInsert(tx as Db).run(values);
  else tx.insert(auditEvents).values(values).run();
}

const PLACEHOLDERS = {
  clinicId: sql.placeholder("clinicId"),
  userId: sql.placeholder("userId"),
  action: sql.placeholder("action"),
  entityType: sql.placeholder("entityType"),
  entityId: sql.placeholder("entityId"),
  patientId: sql.placeholder("patientId"),
  detail: sql.placeholder("detail"),
  ip: sql.placeholder("ip"),
};
const preparedInserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>();
const prepareInsert = (db: Db) => db.insert(auditEvents).values(PLACEHOLDERS).prepare();

function preparedInsert(db: Db) {
  let insert = preparedInserts.get(db);
  if (!insert) {
    insert = prepareInsert(db);
    preparedInserts.set(db, insert);
  }
  return insert;
}
