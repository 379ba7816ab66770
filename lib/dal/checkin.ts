/**
 * The runner's side of the check-in (docs/checkin.md): a link's token is exchanged once for a
 * session secret kept in an HttpOnly cookie; the session reaches exactly one runner's one
 * injury episode, and only through the functions here. No next-auth user is involved: the
 * link is the actor of every audit row (user id null, entity "checkin_link").
 *
 * Refusals (unknown, revoked or expired tokens and sessions) are recorded per client address
 * in `checkin_refusals`; past `CHECKIN_THROTTLE.freeRefusals` within the window, an address
 * is refused before any lookup. The count, the lookup and the refusal's row are one
 * synchronous SQLite transaction, like the sign-in throttle (lib/auth/credentials.ts), so
 * parallel guesses see each other. Tokens and session secrets are never logged or audited:
 * only their SHA-256 is compared.
 */
import "server-only";
import { and, eq, gte, lte } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { checkinLinks, checkinReceipts, checkinSessions, dailyLogs, injuries, patients, runs } from "@/db/schema";
import { prepared } from "@/db/statements";
import { fieldErrorsFrom } from "@/lib/actions/result";
import { hashCheckinSecret, isCheckinSecretShape, newCheckinSecret } from "@/lib/checkin/token";
import { addDays, todayIn } from "@/lib/domain/dates";
import type { DistanceUnit } from "@/lib/domain/vocabulary";
import { painScore } from "@/lib/validation/fields";
import { dailyLogSchema, runSchema } from "@/lib/validation/logs";
import { writeAudit } from "./audit";
import { runValues } from "./logs";
import { keepRevision } from "./revisions";
import { computePatientState, panelState, recomputePatientStatus, type PanelState, type Tx } from "./status";

/** Refusals allowed per client address within the window before the address must wait. */
export const CHECKIN_THROTTLE = { windowMinutes: 15, freeRefusals: 20 } as const;

/** Days back a day or run may be filled in (the runner's today is day 0), and the slack for time zones. */
export const CHECKIN_DAYS_BACK = 7;
export const CHECKIN_DAY_SLACK = 1;

/** What a valid check-in session reaches: one link, one runner, one injury episode. */
export type CheckinSession = {
  linkId: string;
  clinicId: string;
  patientId: string;
  injuryId: string;
  /** The runner's given name only. */
  givenName: string;
  /** The clinic's IANA time zone (the runner's days come from the phone). */
  timeZone: string;
  distanceUnit: DistanceUnit;
  /** ISO UTC: the link's (and so the session's) expiry. */
  expiresAt: string;
};

/** Why a token or session was refused; never shown to the runner beyond "not valid any more". */
export type CheckinRefusal = "throttled" | "unknown" | "revoked" | "expired" | "closed";

type LinkRow = typeof checkinLinks.$inferSelect;

/** Why a link (with its episode's status) cannot be used now, or null when it can. A closed episode ends its link. */
function linkState(link: { revokedAt: string | null; expiresAt: string } | undefined, injuryStatus: string | null | undefined, now: Date): CheckinRefusal | null {
  if (!link) return "unknown";
  if (link.revokedAt) return "revoked";
  if (Date.parse(link.expiresAt) <= now.getTime()) return "expired";
  if (injuryStatus === "closed") return "closed";
  return null;
}

function injuryStatus(tx: Tx, injuryId: string | undefined): string | null {
  return injuryId ? (tx.select({ status: injuries.status }).from(injuries).where(eq(injuries.id, injuryId)).get()?.status ?? null) : null;
}

const RECENT_REFUSALS = "select count(*) as n from checkin_refusals where ip is ? and at > ?";

/** True while the address has used up its free refusals in the window. */
function throttled(tx: Tx, ip: string | null, now: Date): boolean {
  const since = new Date(now.getTime() - CHECKIN_THROTTLE.windowMinutes * 60_000).toISOString();
  const row = prepared<{ n: number }>(tx, RECENT_REFUSALS).get(ip, since);
  return (row?.n ?? 0) >= CHECKIN_THROTTLE.freeRefusals;
}

function refuse(tx: Tx, ip: string | null, reason: CheckinRefusal, what: "token" | "session", link: LinkRow | undefined, now: Date) {
  if (reason !== "throttled") prepared(tx, "insert into checkin_refusals (ip, at) values (?, ?)").run(ip, now.toISOString());
  writeAudit(tx, {
    clinicId: link?.clinicId ?? null,
    userId: null,
    action: "checkin.refused",
    entityType: "checkin_link",
    entityId: link?.id ?? null,
    patientId: link?.patientId ?? null,
    detail: { reason, what },
    ip,
  });
}

/**
 * Exchanges a link's token (from `/c/<token>`) for a new check-in session: returns the
 * session secret to set as the cookie (only its hash is stored) and the link's expiry, or
 * the reason it was refused. Sets the link's `first_used_at` on its first use. Audited
 * (`checkin.exchange` or `checkin.refused`) with the link as actor.
 */
export function exchangeCheckinToken(token: unknown, ip: string | null, now = new Date()): { ok: true; secret: string; expiresAt: string } | { ok: false; reason: CheckinRefusal } {
  const db = getDb();
  return db.$client.transaction(() => {
    if (throttled(db, ip, now)) {
      refuse(db, ip, "throttled", "token", undefined, now);
      return { ok: false as const, reason: "throttled" as const };
    }
    const link = isCheckinSecretShape(token) ? db.select().from(checkinLinks).where(eq(checkinLinks.tokenHash, hashCheckinSecret(token))).get() : undefined;
    const reason = linkState(link, injuryStatus(db, link?.injuryId), now);
    if (reason || !link) {
      refuse(db, ip, reason ?? "unknown", "token", link, now);
      return { ok: false as const, reason: reason ?? ("unknown" as const) };
    }
    const { secret, hash } = newCheckinSecret();
    const at = now.toISOString();
    db.insert(checkinSessions).values({ id: crypto.randomUUID(), linkId: link.id, sessionHash: hash, createdAt: at, lastSeenAt: at }).run();
    if (!link.firstUsedAt) db.update(checkinLinks).set({ firstUsedAt: at }).where(eq(checkinLinks.id, link.id)).run();
    writeAudit(db, { clinicId: link.clinicId, userId: null, action: "checkin.exchange", entityType: "checkin_link", entityId: link.id, patientId: link.patientId, ip });
    return { ok: true as const, secret, expiresAt: link.expiresAt };
  })();
}

const SESSION_SQL = `select l.id as linkId, l.clinic_id as clinicId, l.patient_id as patientId, l.injury_id as injuryId, l.expires_at as expiresAt,
    l.revoked_at as revokedAt, p.given_name as givenName, c.time_zone as timeZone, c.distance_unit as distanceUnit, i.status as injuryStatus
  from checkin_sessions s join checkin_links l on l.id = s.link_id join patients p on p.id = l.patient_id and p.clinic_id = l.clinic_id
  join clinics c on c.id = l.clinic_id join injuries i on i.id = l.injury_id where s.session_hash = ?`;

/**
 * The session behind a cookie value, or the reason it is refused (no such session, or its
 * link revoked or expired). A refusal is recorded for the rate limit and audited; an
 * address over the limit is refused before any lookup. A missing cookie is not a refusal
 * (call this only with a value the browser sent).
 */
export function resolveCheckinSession(secret: unknown, ip: string | null, now = new Date()): { ok: true; session: CheckinSession } | { ok: false; reason: CheckinRefusal } {
  const db = getDb();
  return db.$client.transaction(() => {
    if (throttled(db, ip, now)) {
      refuse(db, ip, "throttled", "session", undefined, now);
      return { ok: false as const, reason: "throttled" as const };
    }
    type Row = CheckinSession & { revokedAt: string | null; injuryStatus: string };
    const row = isCheckinSecretShape(secret) ? prepared<Row>(db, SESSION_SQL).get(hashCheckinSecret(secret)) : undefined;
    const reason = linkState(row, row?.injuryStatus, now);
    if (reason || !row) {
      const link = row ? db.select().from(checkinLinks).where(eq(checkinLinks.id, row.linkId)).get() : undefined;
      refuse(db, ip, reason ?? "unknown", "session", link, now);
      return { ok: false as const, reason: reason ?? ("unknown" as const) };
    }
    const { revokedAt: _r, injuryStatus: _s, ...session } = row;
    return { ok: true as const, session };
  })();
}

/** One day of the runner's pain chart: the worst daily-log score that day, and the worst pain during a run (null: none). */
export type CheckinPainPoint = { date: string; pain: number | null; runPain: number | null };

/** What the runner's page shows: their name, the engine's panel, what is missing, the last two weeks. */
export type CheckinPageData = {
  givenName: string;
  distanceUnit: DistanceUnit;
  /** The clinic's today; the page lets the phone say its own day. */
  today: string;
  onsetDate: string;
  panel: PanelState;
  /** Runs before today without a next-morning score, newest first (at most 3, within the fill-in window). */
  morningsDue: { runId: string; runDate: string; summary: string }[];
  /** Pain by day, oldest first, the 14 days up to today. */
  pain: CheckinPainPoint[];
  /** The episode's latest run day (null: none yet), for the rest day between runs. */
  lastRunDate: string | null;
  /** Days of the fill-in window (the last 8 up to today) that already have a daily log. */
  filledDays: string[];
};

const DUE_RUNS = `select id, run_date as runDate, kind, walk_minutes as walkMinutes, run_minutes as runMinutes, repetitions, continuous_minutes as continuousMinutes
  from runs where injury_id = ? and pain_next_morning is null and run_date < ? and run_date >= ? order by run_date desc, created_at desc limit 3`;
const PAIN_DAYS = `select log_date as date, max(coalesce(pain_rest, -1), coalesce(pain_daily, -1), coalesce(pain_walk, -1), coalesce(pain_cycle, -1), coalesce(pain_swim, -1)) as pain
  from daily_logs where injury_id = ? and log_date between ? and ?`;
const RUN_PAIN_DAYS = "select run_date as date, max(pain_during) as pain from runs where injury_id = ? and run_date between ? and ? group by run_date";

function runSummary(r: { kind: string; walkMinutes: number | null; runMinutes: number | null; repetitions: number | null; continuousMinutes: number | null }): string {
  if (r.kind === "continuous") return `${r.continuousMinutes ?? "?"} min of running`;
  return `walk ${r.walkMinutes ?? 0} min, run ${r.runMinutes ?? "?"} min, ${r.repetitions ?? "?"} times`;
}

/**
 * Everything the runner's page shows, read for the session's episode only, with the engine
 * computed for the clinic's today. Audited as `checkin.view` (the link as actor).
 */
export function checkinPageData(session: CheckinSession, ip: string | null, now = new Date()): CheckinPageData {
  const db = getDb();
  const today = todayIn(session.timeZone, now);
  return db.transaction((tx) => {
    writeAudit(tx, { clinicId: session.clinicId, userId: null, action: "checkin.view", entityType: "checkin_link", entityId: session.linkId, patientId: session.patientId, ip });
    const state = computePatientState(tx, session.patientId, today);
    // The engine follows the patient's current episode; the page shows it only when it is the link's.
    const panel = panelState(state?.injury?.id === session.injuryId ? state : null);
    const injury = tx.select({ onsetDate: injuries.onsetDate }).from(injuries).where(eq(injuries.id, session.injuryId)).get();
    const due = prepared<{ id: string; runDate: string; kind: string; walkMinutes: number | null; runMinutes: number | null; repetitions: number | null; continuousMinutes: number | null }>(
      tx,
      DUE_RUNS,
    ).all(session.injuryId, today, addDays(today, -CHECKIN_DAYS_BACK - CHECKIN_DAY_SLACK));
    const from = addDays(today, -13);
    const byDate = new Map(prepared<{ date: string; pain: number }>(tx, PAIN_DAYS).all(session.injuryId, from, today).map((r) => [r.date, r.pain < 0 ? null : r.pain]));
    const pain: CheckinPainPoint[] = [];
    const runByDate = new Map(prepared<{ date: string; pain: number }>(tx, RUN_PAIN_DAYS).all(session.injuryId, from, today).map((r) => [r.date, r.pain]));
    for (let d = from; d <= today; d = addDays(d, 1)) pain.push({ date: d, pain: byDate.get(d) ?? null, runPain: runByDate.get(d) ?? null });
    return {
      givenName: session.givenName,
      distanceUnit: session.distanceUnit,
      today,
      onsetDate: injury?.onsetDate ?? today,
      panel,
      morningsDue: due.map((r) => ({ runId: r.id, runDate: r.runDate, summary: runSummary(r) })),
      pain,
      filledDays: prepared<{ d: string }>(tx, "select log_date as d from daily_logs where injury_id = ? and log_date between ? and ? order by log_date desc")
        .all(session.injuryId, addDays(today, -CHECKIN_DAYS_BACK), today)
        .map((r) => r.d),
      lastRunDate: prepared<{ d: string | null }>(tx, "select max(run_date) as d from runs where injury_id = ? and run_date <= ?").get(session.injuryId, addDays(today, CHECKIN_DAY_SLACK))?.d ?? null,
    };
  });
}

/** The result of a save: stored (or recognised as a replay of an entry already stored), or refused with messages by field. */
export type CheckinSaveResult =
  | { ok: true; entityType: "daily_log" | "run"; entityId: string; replay: boolean }
  | { ok: false; error: string; fieldErrors: Record<string, string> };

const entryId = z.string().uuid({ message: "This entry could not be read: reload the page and try again." });

/** The cross-training kinds of the runner's form, and the daily-log columns each fills. */
export const CROSS_TRAINING = {
  walk: { minutes: "walkMinutes", pain: "painWalk", words: "Walking" },
  cycle: { minutes: "cycleMinutes", pain: "painCycle", words: "Cycling" },
  swim: { minutes: "swimMinutes", pain: "painSwim", words: "Swimming" },
} as const;
export type CrossTrainingKind = keyof typeof CROSS_TRAINING;

type Raw = Record<string, unknown>;
const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function invalid(error: z.ZodError, rename: Record<string, string> = {}): CheckinSaveResult {
  const fieldErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrorsFrom(error))) fieldErrors[rename[key] ?? key] ??= message;
  return { ok: false, error: "Please check the highlighted answers.", fieldErrors };
}

function refusedDate(field: string, message: string): CheckinSaveResult {
  return { ok: false, error: message, fieldErrors: { [field]: message } };
}

/**
 * The runner's day must lie in the last `CHECKIN_DAYS_BACK` days of their own calendar
 * (the clinic's today ± `CHECKIN_DAY_SLACK` for time zones), never before the injury's onset.
 */
function dateProblem(day: string, clinicToday: string, onsetDate: string): string | null {
  if (day > addDays(clinicToday, CHECKIN_DAY_SLACK)) return "That day has not come yet.";
  if (day < addDays(clinicToday, -CHECKIN_DAYS_BACK - CHECKIN_DAY_SLACK)) return `Only the last ${CHECKIN_DAYS_BACK} days can be filled in here; tell your therapist about earlier days.`;
  if (day < onsetDate) return "That day is before your injury.";
  return null;
}

function receipt(tx: Tx, linkId: string, clientEntryId: string) {
  return tx.select().from(checkinReceipts).where(and(eq(checkinReceipts.linkId, linkId), eq(checkinReceipts.clientEntryId, clientEntryId))).get();
}

/**
 * Runs one runner save inside a transaction: a replay (same client entry id) stores nothing
 * and answers as the first time; otherwise `write` stores the entry, then the receipt, the
 * link's last entry, the patient's last activity, the audit row and the engine's status.
 */
function runnerWrite(
  session: CheckinSession,
  clientEntryId: string,
  ip: string | null,
  action: string,
  write: (tx: Tx, at: string, today: string) => { entityType: "daily_log" | "run"; entityId: string; date: string } | CheckinSaveResult,
): CheckinSaveResult {
  const today = todayIn(session.timeZone);
  return getDb().transaction((tx) => {
    const seen = receipt(tx, session.linkId, clientEntryId);
    if (seen) return { ok: true, entityType: seen.entityType as "daily_log" | "run", entityId: seen.entityId, replay: true };
    const at = new Date().toISOString();
    const out = write(tx, at, today);
    if ("ok" in out) return out;
    tx.insert(checkinReceipts).values({ linkId: session.linkId, clientEntryId, entityType: out.entityType, entityId: out.entityId, receivedAt: at }).run();
    tx.update(checkinLinks).set({ lastEntryAt: at }).where(eq(checkinLinks.id, session.linkId)).run();
    tx.update(patients).set({ lastActivityAt: at }).where(eq(patients.id, session.patientId)).run();
    writeAudit(tx, {
      clinicId: session.clinicId,
      userId: null,
      action,
      entityType: "checkin_link",
      entityId: session.linkId,
      patientId: session.patientId,
      detail: { date: out.date, entity: out.entityType, entityId: out.entityId },
      ip,
    });
    recomputePatientStatus(tx, session.patientId, today);
    return { ok: true, entityType: out.entityType, entityId: out.entityId, replay: false };
  });
}

function onsetOf(tx: Tx, injuryId: string): string {
  return tx.select({ onsetDate: injuries.onsetDate }).from(injuries).where(eq(injuries.id, injuryId)).get()?.onsetDate ?? "0000-01-01";
}

/**
 * Saves the runner's day. Fields (form or JSON): `entryId` (UUID made on the phone), `date`
 * (YYYY-MM-DD, the phone's day), `painRest`, `painDaily` (required), `crossKind`
 * (walk | cycle | swim) with `crossMinutes` and `crossPain`, `massage` and `ice` (sessions),
 * `compression` (checkbox), `note`; all checked by the therapist's daily-log schema. A day
 * already stored (maybe by the clinic) is kept in its history (keepRevision) and replaced
 * by the runner's answers; another cross-training kind already on that day is kept.
 */
export function saveCheckinDay(session: CheckinSession, raw: Raw, ip: string | null): CheckinSaveResult {
  const id = entryId.safeParse(raw.entryId);
  if (!id.success) return invalid(id.error, { "": "_form" });
  const kind = blank(raw.crossKind) ? null : raw.crossKind;
  if (kind !== null && (typeof kind !== "string" || !Object.hasOwn(CROSS_TRAINING, kind))) return { ok: false, error: "Choose walking, cycling or swimming.", fieldErrors: { crossKind: "Choose walking, cycling or swimming." } };
  const cross = kind ? CROSS_TRAINING[kind as CrossTrainingKind] : null;
  if (!cross && (!blank(raw.crossMinutes) || !blank(raw.crossPain))) {
    return { ok: false, error: "Choose which exercise it was.", fieldErrors: { crossKind: "Choose walking, cycling or swimming, or leave its minutes and pain blank." } };
  }
  const input: Raw = {
    logDate: raw.date,
    painRest: raw.painRest,
    painDaily: raw.painDaily,
    massageSessions: raw.massage,
    iceSessions: raw.ice,
    compression: raw.compression,
    note: raw.note,
  };
  if (cross) Object.assign(input, { [cross.minutes]: raw.crossMinutes, [cross.pain]: raw.crossPain });
  const parsed = dailyLogSchema.safeParse(input);
  const rename: Record<string, string> = { logDate: "date", massageSessions: "massage", iceSessions: "ice" };
  if (cross) Object.assign(rename, { [cross.minutes]: "crossMinutes", [cross.pain]: "crossPain" });
  if (!parsed.success) return invalid(parsed.error, rename);
  const v = parsed.data;
  return runnerWrite(session, id.data, ip, "checkin.day.save", (tx, at, today) => {
    const problem = dateProblem(v.logDate, today, onsetOf(tx, session.injuryId));
    if (problem) return refusedDate("date", problem);
    const values = {
      painRest: v.painRest ?? null,
      painDaily: v.painDaily as number,
      massageSessions: v.massageSessions ?? null,
      iceSessions: v.iceSessions ?? null,
      compression: v.compression ?? null,
      note: v.note ?? null,
      ...(cross ? { [cross.minutes]: (v as Record<string, unknown>)[cross.minutes] ?? null, [cross.pain]: (v as Record<string, unknown>)[cross.pain] ?? null } : {}),
      source: "runner" as const,
      checkinLinkId: session.linkId,
      receivedAt: at,
    };
    const existing = tx.select().from(dailyLogs).where(and(eq(dailyLogs.injuryId, session.injuryId), eq(dailyLogs.logDate, v.logDate))).get();
    if (existing) {
      keepRevision(tx, { entityType: "daily_log", row: existing, replacedBy: null });
      tx.update(dailyLogs)
        .set({ ...values, version: existing.version + 1, updatedAt: at })
        .where(eq(dailyLogs.id, existing.id))
        .run();
      return { entityType: "daily_log", entityId: existing.id, date: v.logDate };
    }
    const rowId = crypto.randomUUID();
    tx.insert(dailyLogs)
      .values({ id: rowId, clinicId: session.clinicId, patientId: session.patientId, injuryId: session.injuryId, logDate: v.logDate, ...values, createdBy: null })
      .run();
    return { entityType: "daily_log", entityId: rowId, date: v.logDate };
  });
}

/**
 * Saves a run the runner reports. Fields: `entryId`, `date`, `kind` (walk_run | continuous),
 * `walkMinutes`, `runMinutes`, `repetitions` or `continuousMinutes`, `distance` (in the
 * clinic's unit unless it names its own, "3 mi"), `painDuring` (required),
 * `confirmImplausible`; checked by the therapist's run schema (lib/validation/logs.ts).
 */
export function saveCheckinRun(session: CheckinSession, raw: Raw, ip: string | null): CheckinSaveResult {
  const id = entryId.safeParse(raw.entryId);
  if (!id.success) return invalid(id.error, { "": "_form" });
  const parsed = runSchema.safeParse({
    runDate: raw.date,
    kind: raw.kind,
    walkMinutes: raw.kind === "walk_run" ? raw.walkMinutes : undefined,
    runMinutes: raw.kind === "walk_run" ? raw.runMinutes : undefined,
    repetitions: raw.kind === "walk_run" ? raw.repetitions : undefined,
    continuousMinutes: raw.kind === "continuous" ? raw.continuousMinutes : undefined,
    distanceKm: blank(raw.distance) ? undefined : raw.distance,
    distanceUnit: session.distanceUnit,
    painDuring: raw.painDuring,
    confirmImplausible: raw.confirmImplausible,
  });
  if (!parsed.success) return invalid(parsed.error, { runDate: "date", distanceKm: "distance" });
  const v = parsed.data;
  return runnerWrite(session, id.data, ip, "checkin.run.save", (tx, at, today) => {
    const problem = dateProblem(v.runDate, today, onsetOf(tx, session.injuryId));
    if (problem) return refusedDate("date", problem);
    const rowId = crypto.randomUUID();
    tx.insert(runs)
      .values({
        id: rowId,
        clinicId: session.clinicId,
        patientId: session.patientId,
        injuryId: session.injuryId,
        ...runValues(v),
        source: "runner",
        checkinLinkId: session.linkId,
        receivedAt: at,
        createdBy: null,
      })
      .run();
    return { entityType: "run", entityId: rowId, date: v.runDate };
  });
}

const morningPain = painScore("Pain the next morning");

/**
 * Adds the next-morning pain (`painNextMorning`, 0–10) to one of the episode's runs
 * (`runId`), with `entryId`. A run of another episode or runner is "not found". The run
 * as it was is kept in its history first.
 */
export function saveCheckinMorning(session: CheckinSession, raw: Raw, ip: string | null): CheckinSaveResult {
  const id = entryId.safeParse(raw.entryId);
  if (!id.success) return invalid(id.error, { "": "_form" });
  const pain = morningPain.safeParse(raw.painNextMorning);
  if (!pain.success) return invalid(pain.error, { "": "painNextMorning" });
  if (pain.data === undefined) return { ok: false, error: "Choose how it felt this morning (0–10).", fieldErrors: { painNextMorning: "Choose how it felt this morning (0–10)." } };
  const runId = typeof raw.runId === "string" ? raw.runId : "";
  return runnerWrite(session, id.data, ip, "checkin.morning.save", (tx, at, today) => {
    const run = tx
      .select()
      .from(runs)
      .where(and(eq(runs.id, runId), eq(runs.injuryId, session.injuryId), eq(runs.patientId, session.patientId), lte(runs.runDate, addDays(today, CHECKIN_DAY_SLACK)), gte(runs.runDate, addDays(today, -CHECKIN_DAYS_BACK - CHECKIN_DAY_SLACK))))
      .get();
    if (!run) return { ok: false, error: "That run could not be found. Reload the page.", fieldErrors: { _form: "That run could not be found. Reload the page." } };
    keepRevision(tx, { entityType: "run", row: run, replacedBy: null });
    tx.update(runs)
      .set({ painNextMorning: pain.data as number, version: run.version + 1, updatedAt: at, ...(run.source === "runner" ? { receivedAt: at } : {}) })
      .where(eq(runs.id, run.id))
      .run();
    return { entityType: "run", entityId: run.id, date: run.runDate };
  });
}

