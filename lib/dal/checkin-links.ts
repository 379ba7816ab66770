import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checkinLinks, clinics } from "@/db/schema";
import { requireAdmin, requireUser } from "@/lib/auth/session";
import { newCheckinSecret } from "@/lib/checkin/token";
import { writeAudit } from "./audit";
import { DomainRuleError, NotFoundError } from "./errors";
import { patientInScope } from "./logs";
import { auditRead, auditRefused, CURRENT_INJURY_ID, scopeParams, statement, visibleSql } from "./prepared";
import { currentInjury } from "./status";

/** Bounds of the clinic's link validity setting, in days. */
export const CHECKIN_LINK_DAYS_MIN = 1;
export const CHECKIN_LINK_DAYS_MAX = 90;

/**
 * What the patient page's check-in panel shows about the current episode's newest link.
 * `status`: "live" (usable now), "expired", "revoked", or "none" (never created for this
 * episode, or no open episode: then `canCreate` is false). Moments are ISO-8601 UTC.
 */
export type CheckinLinkStateDto = {
  status: "live" | "expired" | "revoked" | "none";
  canCreate: boolean;
  linkDays: number;
  createdAt: string | null;
  createdByName: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  firstUsedAt: string | null;
  lastEntryAt: string | null;
};

const DAY_MS = 86_400_000;

// The current episode (latest onset not closed), as the engine and the logs follow it.
const stateSql = (visible: string) => `select p.id as patientId, p.clinic_id as clinicId, c.checkin_link_days as linkDays,
    ${CURRENT_INJURY_ID} as injuryId
  from patients p join clinics c on c.id = p.clinic_id where p.id = @patientId and ${visible}`;
const LINK_SQL = `select l.created_at as createdAt, cu.name as createdByName, l.expires_at as expiresAt, l.revoked_at as revokedAt,
    ru.name as revokedByName, l.first_used_at as firstUsedAt, l.last_entry_at as lastEntryAt
  from checkin_links l left join users cu on cu.id = l.created_by left join users ru on ru.id = l.revoked_by
  where l.injury_id = ? order by l.created_at desc, l.rowid desc limit 1`;

/** The open episode a link belongs to: the current injury, when it is active (not returned or closed). */
function activeInjuryOf(tx: Parameters<typeof currentInjury>[0], patientId: string) {
  const injury = currentInjury(tx, patientId);
  if (!injury || injury.status !== "active") throw new DomainRuleError("This runner has no open injury episode: a check-in link belongs to one.");
  return injury;
}

/**
 * The check-in link panel's state for the patient's current episode (the latest not closed;
 * `canCreate` only when it is active), or null when
 * the patient is unknown, of another clinic or outside the caseload (refusal audited). The
 * read is audited as `patient.checkin.view` (inside a page render, the page's one
 * `patient.view` row covers it).
 */
export async function checkinLinkState(patientId: string): Promise<CheckinLinkStateDto | null> {
  const user = await requireUser();
  const row = statement(stateSql(visibleSql(user))).get(scopeParams(user, patientId)) as
    | { patientId: string; clinicId: string; linkDays: number; injuryId: string | null }
    | undefined;
  if (!row) return auditRefused(user, "patient.checkin.view", patientId);
  auditRead(user, "patient.checkin.view", patientId);
  // A link is made only for an active episode; a returned one may still have a live link to revoke.
  const active = row.injuryId !== null && (statement("select status from injuries where id = ?").get(row.injuryId) as { status: string }).status === "active";
  const empty: CheckinLinkStateDto = {
    status: "none",
    canCreate: active,
    linkDays: row.linkDays,
    createdAt: null,
    createdByName: null,
    expiresAt: null,
    revokedAt: null,
    revokedByName: null,
    firstUsedAt: null,
    lastEntryAt: null,
  };
  if (!row.injuryId) return empty;
  const link = statement(LINK_SQL).get(row.injuryId) as Omit<CheckinLinkStateDto, "status" | "canCreate" | "linkDays"> | undefined;
  if (!link) return empty;
  const status = link.revokedAt ? "revoked" : (link.expiresAt ?? "") <= new Date().toISOString() ? "expired" : "live";
  return { ...empty, ...link, status };
}

/**
 * Creates the check-in link of the patient's current episode: in one transaction, revokes
 * the episode's unrevoked link (if any), inserts a new one storing only the token's SHA-256,
 * expiring `clinics.checkin_link_days` days from now, and writes `checkin.create` (and
 * `checkin.revoke` for the replaced link; never the token). Returns the token, which is
 * stored nowhere: the caller shows it (URL and QR code) once. NotFoundError outside the
 * caseload; DomainRuleError when there is no active episode.
 */
export async function createCheckinLink(patientId: string): Promise<{ token: string; expiresAt: string }> {
  const user = await requireUser();
  return getDb().transaction((tx) => {
    const patient = patientInScope(tx, user, patientId);
    const injury = activeInjuryOf(tx, patientId);
    const days = tx.select({ days: clinics.checkinLinkDays }).from(clinics).where(eq(clinics.id, patient.clinicId)).get()?.days ?? 28;
    const now = new Date();
    const replaced = revokeLiveLinks(tx, user, patientId, injury.id, now.toISOString(), "reissued");
    const { secret, hash } = newCheckinSecret();
    const id = crypto.randomUUID();
    const expiresAt = new Date(now.getTime() + days * DAY_MS).toISOString();
    tx.insert(checkinLinks)
      .values({ id, clinicId: patient.clinicId, patientId, injuryId: injury.id, tokenHash: hash, createdBy: user.id, createdAt: now.toISOString(), expiresAt })
      .run();
    writeAudit(tx, {
      clinicId: user.clinicId,
      userId: user.id,
      action: "checkin.create",
      entityType: "checkin_link",
      entityId: id,
      patientId,
      detail: { injuryId: injury.id, expiresAt, days, replaced },
    });
    return { token: secret, expiresAt };
  });
}

/** Revokes every unrevoked link of the episode with a `checkin.revoke` row each; returns how many. */
function revokeLiveLinks(tx: Parameters<typeof currentInjury>[0], user: { id: string; clinicId: string }, patientId: string, injuryId: string, at: string, reason: "revoked" | "reissued"): number {
  const live = tx.select({ id: checkinLinks.id }).from(checkinLinks).where(and(eq(checkinLinks.injuryId, injuryId), isNull(checkinLinks.revokedAt))).all();
  for (const link of live) {
    tx.update(checkinLinks).set({ revokedAt: at, revokedBy: user.id }).where(eq(checkinLinks.id, link.id)).run();
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "checkin.revoke", entityType: "checkin_link", entityId: link.id, patientId, detail: { reason } });
  }
  return live.length;
}

/**
 * Revokes the current episode's link (its sessions end with it, as they are valid only
 * while their link is). Revoking when no link is live writes nothing. NotFoundError
 * outside the caseload; DomainRuleError when there is no active episode.
 */
export async function revokeCheckinLink(patientId: string): Promise<{ revoked: number }> {
  const user = await requireUser();
  return getDb().transaction((tx) => {
    patientInScope(tx, user, patientId);
    const injury = currentInjury(tx, patientId);
    if (!injury) throw new NotFoundError("Check-in link");
    return { revoked: revokeLiveLinks(tx, user, patientId, injury.id, new Date().toISOString(), "revoked") };
  });
}

/** The clinic's check-in link validity in days (admins). */
export async function getCheckinLinkDays(): Promise<number> {
  const admin = await requireAdmin();
  return getDb().select({ days: clinics.checkinLinkDays }).from(clinics).where(eq(clinics.id, admin.clinicId)).get()?.days ?? 28;
}

/**
 * Sets how many days a new check-in link is valid (1–90; admins only; links already made
 * keep their expiry). The same value again writes nothing; a change is audited
 * `clinic.set_checkin_link_days`.
 */
export async function setCheckinLinkDays(days: number): Promise<void> {
  const admin = await requireAdmin();
  if (!Number.isInteger(days) || days < CHECKIN_LINK_DAYS_MIN || days > CHECKIN_LINK_DAYS_MAX) {
    throw new DomainRuleError(`A link is valid for ${CHECKIN_LINK_DAYS_MIN}–${CHECKIN_LINK_DAYS_MAX} days.`, "days");
  }
  getDb().transaction((tx) => {
    const current = tx.select({ days: clinics.checkinLinkDays }).from(clinics).where(eq(clinics.id, admin.clinicId)).get();
    if (!current || current.days === days) return;
    tx.update(clinics).set({ checkinLinkDays: days }).where(eq(clinics.id, admin.clinicId)).run();
    writeAudit(tx, { clinicId: admin.clinicId, userId: admin.id, action: "clinic.set_checkin_link_days", entityType: "clinic", entityId: admin.clinicId, detail: { from: current.days, to: days } });
  });
}
