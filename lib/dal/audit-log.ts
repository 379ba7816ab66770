import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, patients, users } from "@/db/schema";
import { requireAdmin } from "@/lib/auth/session";
import { addDays } from "@/lib/domain/dates";
import type { AuditFilter } from "@/lib/validation/audit";
import { writeAudit } from "./audit";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: number;
  at: string;
  userName: string | null;
  userEmail: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  patientRecord: string | null;
  detail: string | null;
  ip: string | null;
};

function whereFor(clinicId: string, f: AuditFilter): SQL {
  const parts: SQL[] = [eq(auditEvents.clinicId, clinicId)];
  if (f.userId) parts.push(eq(auditEvents.userId, f.userId));
  if (f.patientId) parts.push(eq(auditEvents.patientId, f.patientId));
  if (f.action) parts.push(eq(auditEvents.action, f.action));
  // Dates are whole UTC days, inclusive.
  if (f.from) parts.push(gte(auditEvents.at, `${f.from}T00:00:00.000Z`));
  if (f.to) parts.push(lt(auditEvents.at, `${addDays(f.to, 1)}T00:00:00.000Z`));
  return and(...parts)!;
}

function select(where: SQL) {
  return getDb()
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      userName: users.name,
      userEmail: users.email,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      patientId: auditEvents.patientId,
      patientRecord: patients.recordNumber,
      detail: auditEvents.detail,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(patients, eq(patients.id, auditEvents.patientId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
}

/** One page of the clinic's audit trail, newest first (admins only). */
export async function listAuditEvents(filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const admin = await requireAdmin();
  const where = whereFor(admin.clinicId, filter);
  const total = getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(where).get()!.n;
  const rows = select(where)
    .limit(AUDIT_PAGE_SIZE)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows, total, page: filter.page, pageSize: AUDIT_PAGE_SIZE };
}

/** Every row matching the filter, for the CSV export; the export itself is audited. */
export async function exportAuditEvents(filter: AuditFilter): Promise<AuditRow[]> {
  const admin = await requireAdmin();
  const rows = select(whereFor(admin.clinicId, filter)).limit(100_000).all();
  writeAudit(getDb(), { clinicId: admin.clinicId, userId: admin.id, action: "audit.export", detail: { rows: rows.length, filter: { ...filter, page: undefined } } });
  return rows;
}

/** Distinct actions recorded for the clinic (for the filter). */
export async function listAuditActions(): Promise<string[]> {
  const admin = await requireAdmin();
  return getDb()
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.clinicId, admin.clinicId))
    .orderBy(auditEvents.action)
    .all()
    .map((r) => r.action);
}
