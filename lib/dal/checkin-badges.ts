import "server-only";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/db/client";
import { prepared } from "@/db/statements";
import { statement, visibleSql } from "./prepared";

/** A live link expiring within this many days shows "Link expires in N days" on the caseload. */
export const CHECKIN_EXPIRY_WARNING_DAYS = 3;
/** A live link with no entry for this many days (since its last entry, or its creation) shows "Check-in not used for N days". */
export const CHECKIN_IDLE_DAYS = 3;

/**
 * A caseload row's check-in marks: `newCheckin` when a runner entry arrived after the user
 * last opened the runner's page; `expiresInDays` (1–3, rounded up) when the
 * live link expires soon; `idleDays` (≥ 3, whole days) when the live link has not been used
 * for that long. Null fields mean no mark.
 */
export type CheckinBadges = { newCheckin: boolean; expiresInDays: number | null; idleDays: number | null };

const DAY_MS = 86_400_000;

// The page's patients only (at most a caseload page of ids): the user's last view of each,
// the newest runner entry over the patient's links and the patient's live links, all read
// through the primary key of checkin_views and checkin_links_patient_idx.
// `checkin_links.last_entry_at` is kept by the runner's check-in with every entry it stores.
const badgesSql = (visible: string) => `select p.id as patientId, v.seen_at as seenAt,
    (select max(l.last_entry_at) from checkin_links l where l.patient_id = p.id) as lastEntryAt,
    (select json_group_array(json_object('expiresAt', l.expires_at, 'lastUse', coalesce(l.last_entry_at, l.created_at)))
       from checkin_links l where l.patient_id = p.id and l.revoked_at is null and l.expires_at > @now) as live
  from json_each(@ids) j cross join patients p on p.id = j.value
    left join checkin_views v on v.patient_id = p.id and v.user_id = @userId
  where ${visible}`;

/** The marks of the given rows (those the user may see); patients with none are left out. */
export async function getCheckinBadges(patientIds: string[], now: Date = new Date()): Promise<Record<string, CheckinBadges>> {
  const user = await requireUser();
  const out: Record<string, CheckinBadges> = {};
  if (patientIds.length === 0) return out;
  type Row = { patientId: string; seenAt: string | null; lastEntryAt: string | null; live: string };
  const rows = statement(badgesSql(visibleSql(user))).all({ ids: JSON.stringify(patientIds.slice(0, 200)), clinicId: user.clinicId, userId: user.id, now: now.toISOString() }) as Row[];
  for (const r of rows) {
    const badges = badgesOf(r, now);
    if (badges.newCheckin || badges.expiresInDays !== null || badges.idleDays !== null) out[r.patientId] = badges;
  }
  return out;
}

function badgesOf(r: { seenAt: string | null; lastEntryAt: string | null; live: string }, now: Date): CheckinBadges {
  const newCheckin = r.lastEntryAt !== null && (r.seenAt === null || r.lastEntryAt > r.seenAt);
  const live = (JSON.parse(r.live) as { expiresAt: string; lastUse: string }[]).sort((a, b) => (a.expiresAt < b.expiresAt ? 1 : -1))[0];
  if (!live) return { newCheckin, expiresInDays: null, idleDays: null };
  const left = (Date.parse(live.expiresAt) - now.getTime()) / DAY_MS;
  const idle = Math.floor((now.getTime() - Date.parse(live.lastUse)) / DAY_MS);
  return {
    newCheckin,
    expiresInDays: left <= CHECKIN_EXPIRY_WARNING_DAYS ? Math.max(1, Math.ceil(left)) : null,
    idleDays: idle >= CHECKIN_IDLE_DAYS ? idle : null,
  };
}

// Written only when a runner entry arrived after the user's last recorded look: a view with
// nothing new (most views, and every runner without a link) is an index probe, no write.
const MARK_SEEN_SQL = `insert into checkin_views (user_id, patient_id, seen_at)
  select @userId, @patientId, @now where exists (
    select 1 from checkin_links l where l.patient_id = @patientId and l.last_entry_at is not null
      and l.last_entry_at > coalesce((select v.seen_at from checkin_views v where v.user_id = @userId and v.patient_id = @patientId), ''))
  on conflict (user_id, patient_id) do update set seen_at = excluded.seen_at`;

/**
 * Records that the user has now seen the runner's check-ins (the caseload's "New check-in"
 * is cleared). Writes only when an entry arrived since the user's last recorded look, so a
 * page view with nothing new costs an index probe and no write. Call it beside the page
 * view's audit row, after the patient was found in scope.
 */
export function markCheckinsSeen(user: SessionUser, patientId: string, now: Date = new Date()): void {
  prepared(getDb(), MARK_SEEN_SQL).run({ userId: user.id, patientId, now: now.toISOString() });
}
