import "server-only";
import { and, asc, desc, eq, gte, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { auditEvents, patients, users } from "@/db/schema";
import { requireAdmin } from "@/lib/auth/session";
import { describeAuditEvent } from "@/lib/domain/audit-words";
import { addDays } from "@/lib/domain/dates";
import type { AuditFilter } from "@/lib/validation/audit";
import { writeAudit } from "./audit";
import { auditViewOnce } from "./prepared";

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
  /** The runner's name, when the runner is of the viewer's clinic. */
  patientName: string | null;
  /** The account a user.* or auth.* row is about, when of the viewer's clinic. */
  targetUserId: string | null;
  targetUserName: string | null;
  detail: string | null;
  ip: string | null;
  /** The row in words: "Kim Park viewed Marta Müller's logs". */
  description: string;
};

const target = alias(users, "target_user");

/**
 * The rows an admin may read: their clinic's, plus sign-in attempts for emails that match
 * no account (they belong to no clinic; each shows only the typed, normalised email).
 */
function whereFor(clinicId: string, f: AuditFilter): SQL {
  const unknownSignIns = and(isNull(auditEvents.clinicId), isNull(auditEvents.userId), sql`${auditEvents.action} like 'auth.%'`)!;
  const parts: SQL[] = [or(eq(auditEvents.clinicId, clinicId), unknownSignIns)!];
  // A person: what they did, and what was done to their account.
  if (f.userId) parts.push(or(eq(auditEvents.userId, f.userId), and(eq(auditEvents.entityType, "user"), eq(auditEvents.entityId, f.userId)))!);
  if (f.patientId) parts.push(eq(auditEvents.patientId, f.patientId));
  if (f.runner) {
    const text = f.runner.trim();
    parts.push(
      sql`${auditEvents.patientId} in (select ${patients.id} from ${patients} where ${patients.clinicId} = ${clinicId}
        and (${patients.recordNumber} = ${text} or (${patients.givenName} || ' ' || ${patients.familyName}) like ${`%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'))`,
    );
  }
  if (f.action) parts.push(eq(auditEvents.action, f.action));
  // Dates are whole UTC days, inclusive.
  if (f.from) parts.push(gte(auditEvents.at, `${f.from}T00:00:00.000Z`));
  if (f.to) parts.push(lt(auditEvents.at, `${addDays(f.to, 1)}T00:00:00.000Z`));
  return and(...parts)!;
}

function select(clinicId: string, where: SQL) {
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
      patientGiven: patients.givenName,
      patientFamily: patients.familyName,
      targetUserId: target.id,
      targetUserName: target.name,
      detail: auditEvents.detail,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.id, auditEvents.userId), eq(users.clinicId, clinicId)))
    .leftJoin(patients, and(eq(patients.id, auditEvents.patientId), eq(patients.clinicId, clinicId)))
    .leftJoin(target, and(eq(auditEvents.entityType, "user"), eq(target.id, auditEvents.entityId), eq(target.clinicId, clinicId)))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id));
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof select>["all"]>>[number];

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (!detail) return null;
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function toRow(r: SelectedRow): AuditRow {
  const { patientGiven, patientFamily, ...rest } = r;
  const patientName = patientGiven !== null && patientFamily !== null ? `${patientGiven} ${patientFamily}` : null;
  const description = describeAuditEvent({ action: r.action, actorName: r.userName, targetUserName: r.targetUserName, patientName, detail: parseDetail(r.detail) });
  return { ...rest, patientName, description };
}

/**
 * One page of the clinic's audit trail, newest first, each row in words (admins only).
 * The page view itself is audited (`audit.view`, one row per page view, with the filter).
 */
export async function listAuditEvents(filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const admin = await requireAdmin();
  const where = whereFor(admin.clinicId, filter);
  auditViewOnce(admin, "audit.view", { filter: { ...filter } });
  const total = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(auditEvents)
    .where(where)
    .get()!.n;
  const rows = select(admin.clinicId, where)
    .limit(AUDIT_PAGE_SIZE)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE)
    .all()
    .map(toRow);
  return { rows, total, page: filter.page, pageSize: AUDIT_PAGE_SIZE };
}

/** Every row matching the filter, for the CSV export; the export itself is audited. */
export async function exportAuditEvents(filter: AuditFilter): Promise<AuditRow[]> {
  const admin = await requireAdmin();
  const rows = select(admin.clinicId, whereFor(admin.clinicId, filter)).limit(100_000).all().map(toRow);
  writeAudit(getDb(), { clinicId: admin.clinicId, userId: admin.id, action: "audit.export", detail: { rows: rows.length, filter: { ...filter, page: undefined } } });
  return rows;
}

/** What the viewer's filters offer: the clinic's people and the actions recorded (not audited: part of the page view). */
export async function auditFilterOptions(): Promise<{ people: { id: string; name: string }[]; actions: string[] }> {
  const admin = await requireAdmin();
  const db = getDb();
  const people = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.clinicId, admin.clinicId)).orderBy(asc(users.name)).all();
  const actions = db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.clinicId, admin.clinicId))
    .orderBy(auditEvents.action)
    .all()
    .map((r) => r.action);
  return { people, actions };
}

/** Distinct actions recorded for the clinic (for the filter). */
export async function listAuditActions(): Promise<string[]> {
  return (await auditFilterOptions()).actions;
}
