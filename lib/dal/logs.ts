import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { dailyLogs, patients, runs } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { todayIn } from "@/lib/domain/dates";
import { dayWithYear } from "@/lib/domain/engine";
import type { DailyLogInput, RunInput } from "@/lib/validation/logs";
import { refusedPatient, visiblePatientsWhere } from "./access";
import { writeAudit } from "./audit";
import { ConflictError, DomainRuleError, NotFoundError } from "./errors";
import { auditRead, auditRefused, CURRENT_INJURY_ID, scopeParams, statement, visibleSql } from "./prepared";
import { currentInjury, recomputePatientStatus, type Tx } from "./status";
import { keepRevision, type RevisedEntity } from "./revisions";
import { prepared } from "@/db/statements";

/**
 * An earlier version of an entry, kept when it was corrected (lib/dal/revisions.ts): the
 * values it had (`previous`, the entry's own fields), who replaced them (null: the runner)
 * and when (ISO UTC).
 */
export type EntryRevisionDto = { version: number; replacedAt: string; replacedByName: string | null; previous: Record<string, unknown> };

/**
 * `source` "runner": reported by the runner through a check-in link, `receivedAt` (ISO UTC)
 * when it arrived; "clinic" entries have no `receivedAt`. `revisions` (oldest first) are
 * present in the log list only, and only for corrected entries.
 */
export type DailyLogDto = Omit<typeof dailyLogs.$inferSelect, "clinicId" | "patientId" | "createdBy" | "createdAt" | "checkinLinkId"> & {
  enteredByName: string | null;
  revisions?: EntryRevisionDto[];
};
export type RunDto = Omit<typeof runs.$inferSelect, "clinicId" | "patientId" | "createdBy" | "createdAt" | "checkinLinkId"> & {
  enteredByName: string | null;
  revisions?: EntryRevisionDto[];
  /** For a run imported from a watch file: its average cadence (steps/min) and device; absent on a typed run. */
  watch?: { cadenceSpm: number | null; device: string | null } | null;
};
export type LogEntryDto = { type: "day"; date: string; log: DailyLogDto } | { type: "run"; date: string; run: RunDto };
export type LogPageDto = { entries: LogEntryDto[]; page: number; pageCount: number; total: number };

/** The patient, when the user may see it, inside the transaction; otherwise "not found". */
export function patientInScope(tx: Tx, user: SessionUser, patientId: string, attempted = "patient.write") {
  const row = tx
    .select({ id: patients.id, clinicId: patients.clinicId })
    .from(patients)
    .where(and(eq(patients.id, patientId), visiblePatientsWhere(user)))
    .get();
  if (!row) throw refusedPatient(user, patientId, attempted);
  return row;
}

function openInjury(tx: Tx, patientId: string) {
  const injury = currentInjury(tx, patientId);
  if (!injury) throw new DomainRuleError("This patient has no open injury episode to log against.");
  return injury;
}

/** Dates may not be in the future (in the clinic's time zone) or before the injury's onset. */
function checkDate(day: string, today: string, onsetDate: string, field: string) {
  if (day > today) throw new DomainRuleError(`The date cannot be in the future (today is ${dayWithYear(today)}).`, field);
  if (day < onsetDate) throw new DomainRuleError(`The date cannot be before the injury's onset (${dayWithYear(onsetDate)}).`, field);
}

function toLogDto(row: typeof dailyLogs.$inferSelect, enteredByName: string | null = null): DailyLogDto {
  const { clinicId: _c, patientId: _p, createdBy: _b, createdAt: _a, checkinLinkId: _l, ...rest } = row;
  return { ...rest, enteredByName };
}

function toRunDto(row: typeof runs.$inferSelect, enteredByName: string | null = null): RunDto {
  const { clinicId: _c, patientId: _p, createdBy: _b, createdAt: _a, checkinLinkId: _l, ...rest } = row;
  return { ...rest, enteredByName };
}

function dailyLogValues(input: DailyLogInput) {
  return {
    logDate: input.logDate,
    painRest: input.painRest ?? null,
    painDaily: input.painDaily as number,
    walkMinutes: input.walkMinutes ?? null,
    painWalk: input.painWalk ?? null,
    cycleMinutes: input.cycleMinutes ?? null,
    painCycle: input.painCycle ?? null,
    swimMinutes: input.swimMinutes ?? null,
    painSwim: input.painSwim ?? null,
    massageSessions: input.massageSessions ?? null,
    iceSessions: input.iceSessions ?? null,
    compression: input.compression ?? null,
    note: input.note ?? null,
  };
}

/** A parsed run's stored columns (a walk-run keeps walk/run/repetitions, a continuous run its minutes); shared with the runner's check-in. */
export function runValues(input: RunInput) {
  const walkRun = input.kind === "walk_run";
  return {
    runDate: input.runDate,
    kind: input.kind,
    walkMinutes: walkRun ? (input.walkMinutes ?? null) : null,
    runMinutes: walkRun ? (input.runMinutes ?? null) : null,
    repetitions: walkRun ? (input.repetitions ?? null) : null,
    continuousMinutes: walkRun ? null : (input.continuousMinutes ?? null),
    distanceKm: input.distanceKm ?? null,
    painDuring: input.painDuring as number,
    painNextMorning: input.painNextMorning ?? null,
    surface: input.surface ?? null,
    note: input.note ?? null,
  };
}

/** What every log or run write ends with, inside its transaction: the audit row, the patient's last activity, the derived status. */
function afterWrite(tx: Tx, user: SessionUser, patientId: string, today: string, audit: { action: string; entityType: string; entityId: string; date: string; fields?: string[] }) {
  const detail = audit.fields ? { date: audit.date, fields: audit.fields } : { date: audit.date };
  writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: audit.action, entityType: audit.entityType, entityId: audit.entityId, patientId, detail });
  tx.update(patients).set({ lastActivityAt: new Date().toISOString() }).where(eq(patients.id, patientId)).run();
  recomputePatientStatus(tx, patientId, today);
}

const LAST_REPLACER_SQL = "select replaced_by as replacedBy from entry_revisions where entity_type = ? and entity_id = ? order by version desc limit 1";

/**
 * Whether changing this entry corrects someone else's: an entry the runner reported, or one
 * whose last editor (the latest kept revision's replacer, else who entered it) is another
 * user. Such a change keeps the entry as it was (`keepRevision`) and is audited
 * `<entity>.correct` with the fields changed. An entry with no known author is not.
 */
function isCorrection(tx: Tx, entity: RevisedEntity, existing: { id: string; source: string; createdBy: string | null }, user: SessionUser): boolean {
  if (existing.source === "runner") return true;
  const last = prepared<{ replacedBy: string | null }>(tx, LAST_REPLACER_SQL).get(entity, existing.id);
  const editor = last ? last.replacedBy : existing.createdBy;
  return editor !== null && editor !== user.id;
}

/** The names of the fields whose stored value differs from the new one. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => (before[k] ?? null) !== (after[k] ?? null));
}

/** Runs a write for a patient in scope inside one transaction, with the clinic's today. */
async function patientWrite<T>(patientId: string, write: (tx: Tx, user: SessionUser, today: string, patient: { id: string; clinicId: string }) => T): Promise<T> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  return getDb().transaction((tx) => write(tx, user, today, patientInScope(tx, user, patientId)));
}

/**
 * Saves the daily log of one date for the patient's open injury: a new day is inserted;
 * an existing day is replaced only with its current `version` (otherwise ConflictError
 * with the stored day). The derived status is recomputed in the same transaction.
 */
export async function saveDailyLog(patientId: string, input: DailyLogInput): Promise<DailyLogDto> {
  return patientWrite(patientId, (tx, user, today, patient) => {
    const injury = openInjury(tx, patientId);
    checkDate(input.logDate, today, injury.onsetDate, "logDate");
    const now = new Date().toISOString();
    const values = dailyLogValues(input);
    const existing = tx.select().from(dailyLogs).where(and(eq(dailyLogs.injuryId, injury.id), eq(dailyLogs.logDate, input.logDate))).get();
    let saved: typeof dailyLogs.$inferSelect | undefined;
    let correction = false;
    let fields: string[] | undefined;
    if (existing) {
      if (input.version !== existing.version) throw new ConflictError(toLogDto(existing), existing.version);
      correction = isCorrection(tx, "daily_log", existing, user);
      if (correction) keepRevision(tx, { entityType: "daily_log", row: existing, replacedBy: user.id });
      fields = changedFields(existing, values);
      saved = tx
        .update(dailyLogs)
        // A runner's entry stays theirs (no author); a clinic entry without one becomes the editor's.
        .set({ ...values, version: existing.version + 1, createdBy: existing.source === "runner" ? existing.createdBy : (existing.createdBy ?? user.id), updatedAt: now })
        .where(and(eq(dailyLogs.id, existing.id), eq(dailyLogs.version, existing.version)))
        .returning()
        .get();
      if (!saved) throw new ConflictError(toLogDto(existing), existing.version);
    } else {
      saved = tx
        .insert(dailyLogs)
        .values({ id: crypto.randomUUID(), clinicId: patient.clinicId, patientId, injuryId: injury.id, ...values, createdBy: user.id })
        .returning()
        .get();
    }
    const action = !existing ? "daily_log.create" : correction ? "daily_log.correct" : "daily_log.update";
    afterWrite(tx, user, patientId, today, { action, entityType: "daily_log", entityId: saved.id, date: input.logDate, fields: correction ? fields : undefined });
    return toLogDto(saved, user.name);
  });
}

/** Logs a run (several runs may share a day) and recomputes the derived status with it. */
export async function createRun(patientId: string, input: RunInput): Promise<RunDto> {
  return patientWrite(patientId, (tx, user, today, patient) => {
    const injury = openInjury(tx, patientId);
    checkDate(input.runDate, today, injury.onsetDate, "runDate");
    const saved = tx
      .insert(runs)
      .values({ id: crypto.randomUUID(), clinicId: patient.clinicId, patientId, injuryId: injury.id, ...runValues(input), createdBy: user.id })
      .returning()
      .get();
    afterWrite(tx, user, patientId, today, { action: "run.create", entityType: "run", entityId: saved.id, date: input.runDate });
    return toRunDto(saved, user.name);
  });
}

/** Edits a run (e.g. to add the next-morning pain) with its version; ConflictError if someone saved first. */
export async function updateRun(patientId: string, runId: string, input: RunInput): Promise<RunDto> {
  return patientWrite(patientId, (tx, user, today) => {
    const existing = tx.select().from(runs).where(and(eq(runs.id, runId), eq(runs.patientId, patientId))).get();
    if (!existing) throw new NotFoundError("Run");
    const injury = currentInjury(tx, patientId);
    checkDate(input.runDate, today, injury?.id === existing.injuryId ? injury.onsetDate : "0000-01-01", "runDate");
    const now = new Date().toISOString();
    const values = runValues(input);
    // Kept only when the version matches: a stale save changes nothing and keeps nothing.
    const correction = existing.version === input.version && isCorrection(tx, "run", existing, user);
    if (correction) keepRevision(tx, { entityType: "run", row: existing, replacedBy: user.id });
    const saved = tx
      .update(runs)
      .set({ ...values, version: existing.version + 1, updatedAt: now })
      .where(and(eq(runs.id, runId), eq(runs.version, input.version ?? -1)))
      .returning()
      .get();
    if (!saved) throw new ConflictError(toRunDto(existing), existing.version);
    afterWrite(tx, user, patientId, today, {
      action: correction ? "run.correct" : "run.update",
      entityType: "run",
      entityId: runId,
      date: input.runDate,
      fields: correction ? changedFields(existing, values) : undefined,
    });
    return toRunDto(saved, user.name);
  });
}

export const LOG_PAGE_SIZE = 20;

type EntryKey = { type: "day" | "run"; id: string; date: string };

const LOG_COLUMNS = `l.id, l.injury_id as injuryId, l.log_date as logDate, l.pain_rest as painRest, l.pain_daily as painDaily, l.walk_minutes as walkMinutes,
  l.pain_walk as painWalk, l.cycle_minutes as cycleMinutes, l.pain_cycle as painCycle, l.swim_minutes as swimMinutes, l.pain_swim as painSwim,
  l.massage_sessions as massageSessions, l.ice_sessions as iceSessions, l.compression, l.note, l.source, l.received_at as receivedAt, l.version, l.updated_at as updatedAt`;
const RUN_COLUMNS = `r.id, r.injury_id as injuryId, r.run_date as runDate, r.kind, r.walk_minutes as walkMinutes, r.run_minutes as runMinutes,
  r.repetitions, r.continuous_minutes as continuousMinutes, r.distance_km as distanceKm, r.pain_during as painDuring,
  r.pain_next_morning as painNextMorning, r.surface, r.note, r.source, r.received_at as receivedAt, r.version, r.updated_at as updatedAt`;
const ENTRIES_COUNT_SQL = "select (select count(*) from daily_logs where injury_id = @injuryId) + (select count(*) from runs where injury_id = @injuryId) as n";
// The first @upTo entries of the page order come from the first @upTo of each kind (each in
// the same order within its kind), read along the (injury, date) indexes: a first page sorts
// a few rows, not the whole episode.
const ENTRY_KEYS_SQL = `select type, id, date from (
    select * from (select 'day' as type, id, log_date as date, created_at from daily_logs where injury_id = @injuryId order by log_date desc limit @upTo)
    union all
    select * from (select 'run' as type, id, run_date as date, created_at from runs where injury_id = @injuryId order by run_date desc, created_at desc limit @upTo))
  order by date desc, type asc, created_at desc limit @limit offset @offset`;
// The ids of one page as a JSON array; the name of who entered each, within the user's clinic.
const PAGE_LOGS_SQL = `select ${LOG_COLUMNS}, u.name as enteredByName from daily_logs l left join users u on u.id = l.created_by and u.clinic_id = @clinicId
  where l.id in (select value from json_each(@ids))`;
const PAGE_RUNS_SQL = `select ${RUN_COLUMNS}, u.name as enteredByName, s.run_id as watchRunId, s.avg_cadence_spm as watchCadence, s.device as watchDevice
  from runs r left join users u on u.id = r.created_by and u.clinic_id = @clinicId left join run_sources s on s.run_id = r.id
  where r.id in (select value from json_each(@ids))`;

// Earlier versions of the page's entries, oldest first; who replaced each, within the user's clinic.
const PAGE_REVISIONS_SQL = `select r.entity_id as entityId, r.version, r.snapshot, r.replaced_at as replacedAt, u.name as replacedByName
  from entry_revisions r left join users u on u.id = r.replaced_by and u.clinic_id = @clinicId
  where r.entity_type = @entityType and r.entity_id in (select value from json_each(@ids)) order by r.entity_id, r.version`;

/** The fields of a kept version a reader may compare (the entry's own values, not its bookkeeping). */
const REVISION_FIELDS = new Set([
  "logDate", "painRest", "painDaily", "walkMinutes", "painWalk", "cycleMinutes", "painCycle", "swimMinutes", "painSwim", "massageSessions", "iceSessions", "compression",
  "runDate", "kind", "runMinutes", "repetitions", "continuousMinutes", "distanceKm", "painDuring", "painNextMorning", "surface", "note",
]);

/** Adds `revisions` to the corrected entries of a page (one indexed query per kind of entry). */
function attachRevisions(user: SessionUser, entityType: RevisedEntity, byId: Map<string, DailyLogDto | RunDto>): void {
  if (byId.size === 0) return;
  type Row = { entityId: string; version: number; snapshot: string; replacedAt: string; replacedByName: string | null };
  for (const r of statement(PAGE_REVISIONS_SQL).all({ clinicId: user.clinicId, entityType, ids: JSON.stringify([...byId.keys()]) }) as Row[]) {
    const entry = byId.get(r.entityId);
    if (!entry) continue;
    const stored = JSON.parse(r.snapshot) as Record<string, unknown>;
    const previous = Object.fromEntries(Object.entries(stored).filter(([k]) => REVISION_FIELDS.has(k)));
    (entry.revisions ??= []).push({ version: r.version, replacedAt: r.replacedAt, replacedByName: r.replacedByName, previous });
  }
}

/** Daily logs and runs of the patient's open injury, newest first, one page at a time. */
export async function listLogEntries(patientId: string, page = 1, pageSize = LOG_PAGE_SIZE): Promise<LogPageDto | null> {
  const user = await requireUser();
  const visible = statement(`select p.id, ${CURRENT_INJURY_ID} as injuryId from patients p where p.id = @patientId and ${visibleSql(user)}`).get(scopeParams(user, patientId)) as
    | { id: string; injuryId: string | null }
    | undefined;
  if (!visible) return auditRefused(user, "patient.logs.view", patientId);
  // Pain scores and notes leave the server here: the read is audited before they do.
  auditRead(user, "patient.logs.view", patientId, { page });
  const injuryId = visible.injuryId;
  if (!injuryId) return { entries: [], page: 1, pageCount: 1, total: 0 };
  const total = (statement(ENTRIES_COUNT_SQL).get({ injuryId }) as { n: number }).n;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const keys = statement(ENTRY_KEYS_SQL).all({ injuryId, limit: pageSize, offset: (current - 1) * pageSize, upTo: current * pageSize }) as EntryKey[];
  const dayIds = keys.filter((k) => k.type === "day").map((k) => k.id);
  const runIds = keys.filter((k) => k.type === "run").map((k) => k.id);
  const logById = new Map<string, DailyLogDto>();
  const runById = new Map<string, RunDto>();
  if (dayIds.length) {
    for (const r of statement(PAGE_LOGS_SQL).all({ ids: JSON.stringify(dayIds), clinicId: user.clinicId }) as (Omit<DailyLogDto, "compression"> & { compression: number | null })[]) {
      logById.set(r.id, { ...r, compression: r.compression === null ? null : r.compression === 1 });
    }
  }
  if (runIds.length) {
    type Row = RunDto & { watchRunId: string | null; watchCadence: number | null; watchDevice: string | null };
    for (const { watchRunId, watchCadence, watchDevice, ...r } of statement(PAGE_RUNS_SQL).all({ ids: JSON.stringify(runIds), clinicId: user.clinicId }) as Row[]) {
      runById.set(r.id, { ...r, watch: watchRunId ? { cadenceSpm: watchCadence, device: watchDevice } : null });
    }
  }
  attachRevisions(user, "daily_log", logById);
  attachRevisions(user, "run", runById);
  const entries = keys.map((k): LogEntryDto => (k.type === "day" ? { type: "day", date: k.date, log: logById.get(k.id)! } : { type: "run", date: k.date, run: runById.get(k.id)! }));
  return { entries, page: current, pageCount, total };
}
