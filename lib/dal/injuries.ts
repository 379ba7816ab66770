import "server-only";
import { auditRefused } from "./prepared";
import { loadProtocol, markRecurrences, recomputePatientStatus, type Tx } from "./status";
export { markRecurrences };
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { injuries, patients, stageChanges } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { todayIn } from "@/lib/domain/dates";
import { classifyRecurrence, recurrenceWords, watchWindow, watchWindowWords, type WatchWindowSettings } from "@/lib/domain/recurrence";
import type { RedFlagAnswers } from "@/lib/domain/red-flags";
import {
  canMoveTo,
  laterDateProblem,
  onsetProblem,
  type InjuryCloseInput,
  type InjuryInput,
  type InjuryReturnInput,
  type InjuryUpdateInput,
} from "@/lib/validation/injury";
import { refusedPatient, visibleInjury } from "./access";
import { writeAudit } from "./audit";
import { ConflictError, DomainRuleError } from "./errors";
import { findVisiblePatient, toInjuryDto, type InjuryDto } from "./patients";
import { insertRedFlagScreen } from "./red-flags";

type InjuryRow = typeof injuries.$inferSelect;

/** An episode as the Details tab edits it: the header DTO plus the editable extras. */
export type InjuryEpisodeDto = InjuryDto & {
  version: number;
  activity: InjuryRow["activity"];
  mechanism: string | null;
  closedDate: string | null;
  /** Fuller 2006 class against the previous episode of the same side and muscle group. */
  recurrenceClass: InjuryRow["recurrenceClass"];
  /** The class, or "exacerbation of …", in words (Fuller et al. 2006). */
  recurrenceWords: string;
  /** The re-injury watch window this episode gets after its return, from the clinic's protocol settings, in words. */
  watchWindowWords: string;
  values: InjuryInput;
};

function toEpisodeDto(i: InjuryRow, today: string, all: readonly InjuryRow[], settings: WatchWindowSettings): InjuryEpisodeDto {
  return {
    ...toInjuryDto(i, today),
    version: i.version,
    activity: i.activity,
    mechanism: i.mechanism,
    closedDate: i.closedDate,
    recurrenceClass: i.recurrenceClass,
    recurrenceWords: recurrenceWords(classifyRecurrence(i, all)),
    // From the stored recurrence flag, as the engine's re-injury window reads it.
    watchWindowWords: watchWindowWords(watchWindow(i, settings)),
    values: toFormValues(i),
  };
}

function episodeDto(tx: Tx, id: string, today: string): InjuryEpisodeDto {
  const row = tx.select().from(injuries).where(eq(injuries.id, id)).get()!;
  return toEpisodeDto(row, today, tx.select().from(injuries).where(eq(injuries.patientId, row.patientId)).all(), loadProtocol(tx, row.clinicId));
}

function toFormValues(i: InjuryRow): InjuryInput {
  return {
    side: i.side,
    muscle: i.muscle,
    severity: i.severity,
    grade: i.grade,
    achilles: i.achilles,
    onsetDate: i.onsetDate,
    activity: i.activity ?? undefined,
    mechanism: i.mechanism ?? undefined,
    priorStrains: i.priorStrains,
  };
}

/** A patient's episodes, newest onset first; null when the patient is not visible. Reads are audited by the page's patient view. */
export async function listPatientInjuries(patientId: string): Promise<InjuryEpisodeDto[] | null> {
  const user = await requireUser();
  const db = getDb();
  if (!findVisiblePatient(db, user, patientId)) return auditRefused(user, "injuries.view", patientId);
  const today = todayIn(user.clinicTimeZone);
  const all = db
    .select()
    .from(injuries)
    .where(and(eq(injuries.patientId, patientId), eq(injuries.clinicId, user.clinicId)))
    .orderBy(desc(injuries.onsetDate), desc(injuries.createdAt))
    .all();
  const settings = loadProtocol(db, user.clinicId);
  return all.map((i) => toEpisodeDto(i, today, all, settings));
}

function checkOnset(onset: string, today: string, dateOfBirth: string) {
  const problem = onsetProblem(onset, today, dateOfBirth);
  if (problem) throw new DomainRuleError(problem, "onsetDate");
}

function columnsFrom(input: InjuryInput) {
  return {
    side: input.side,
    muscle: input.muscle,
    severity: input.severity,
    grade: input.grade,
    achilles: input.achilles,
    onsetDate: input.onsetDate,
    activity: input.activity ?? null,
    mechanism: input.mechanism ?? null,
    priorStrains: input.priorStrains,
  };
}

/**
 * A new episode, with its red-flag screen from intake when given (`redFlags`: one boolean
 * per item). Audited with the positive items' codes.
 */
export async function createInjury(patientId: string, input: InjuryInput, redFlags?: RedFlagAnswers): Promise<InjuryEpisodeDto> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  const id = crypto.randomUUID();
  return getDb().transaction((tx) => {
    const patient = findVisiblePatient(tx, user, patientId);
    if (!patient) throw refusedPatient(user, patientId, "injury.create");
    if (patient.archivedAt) throw new DomainRuleError("Restore this patient before adding an injury episode.");
    checkOnset(input.onsetDate, today, patient.dateOfBirth);
    tx.insert(injuries)
      .values({ id, clinicId: user.clinicId, patientId, ...columnsFrom(input), status: "active", createdBy: user.id })
      .run();
    markRecurrences(tx, patientId);
    if (redFlags) insertRedFlagScreen(tx, user, { injuryId: id, patientId }, redFlags);
    tx.insert(stageChanges)
      .values({ id: crypto.randomUUID(), clinicId: user.clinicId, patientId, injuryId: id, fromStage: null, toStage: 0, kind: "start", effectiveDate: input.onsetDate, changedBy: user.id })
      .run();
    // The start stage change is written: the derived status follows it, so the caseload shows the episode at once.
    recomputePatientStatus(tx, patientId);
    tx.update(patients).set({ lastActivityAt: new Date().toISOString() }).where(eq(patients.id, patientId)).run();
    const positive = redFlags ? Object.entries(redFlags).filter(([, v]) => v).map(([k]) => k) : undefined;
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "injury.create", entityType: "injury", entityId: id, patientId, detail: redFlags ? { redFlags: positive } : undefined });
    return episodeDto(tx, id, today);
  });
}

function assertVersion(current: InjuryRow, version: number) {
  if (current.version !== version) throw new ConflictError({ ...toFormValues(current), status: current.status, returnDate: current.returnDate, closedDate: current.closedDate }, current.version);
}

/** Writes a versioned change to one episode and its audit row; the caller has checked the version. */
function saveEpisode(tx: Tx, user: SessionUser, current: InjuryRow, set: Partial<InjuryRow>, action: string, detail?: Record<string, unknown>): InjuryRow {
  const updated = tx
    .update(injuries)
    .set({ ...set, version: current.version + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(injuries.id, current.id), eq(injuries.version, current.version)))
    .returning()
    .get();
  if (!updated) throw new ConflictError(toFormValues(current), current.version);
  writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action, entityType: "injury", entityId: current.id, patientId: current.patientId, detail });
  // Onset, side, return and closing all change the return-to-run state.
  recomputePatientStatus(tx, current.patientId);
  return updated;
}

/**
 * Saves an edit of an episode from `input.version`: ConflictError with the stored values if
 * someone saved since, NotFoundError when not visible, DomainRuleError for an impossible
 * onset. Recurrence classes and the derived status are rewritten in the same transaction.
 */
export async function updateInjury(injuryId: string, input: InjuryUpdateInput): Promise<InjuryEpisodeDto> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  return getDb().transaction((tx) => {
    const { injury: current, dateOfBirth } = visibleInjury(tx, user, injuryId);
    assertVersion(current, input.version);
    checkOnset(input.onsetDate, today, dateOfBirth);
    for (const [field, day] of [["returnDate", current.returnDate], ["closedDate", current.closedDate]] as const) {
      if (day && day < input.onsetDate) throw new DomainRuleError(`The onset date cannot be after the ${field === "returnDate" ? "return" : "closing"} date (${day}).`, "onsetDate");
    }
    const columns = columnsFrom(input);
    const fields = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => columns[k] !== current[k]);
    saveEpisode(tx, user, current, columns, "injury.update", { fields });
    markRecurrences(tx, current.patientId);
    if (columns.onsetDate !== current.onsetDate) {
      tx.update(stageChanges)
        .set({ effectiveDate: columns.onsetDate })
        .where(and(eq(stageChanges.injuryId, injuryId), eq(stageChanges.kind, "start")))
        .run();
      // The start's date is one of the engine's inputs: the stored status and panel follow it.
      recomputePatientStatus(tx, current.patientId);
    }
    return episodeDto(tx, injuryId, today);
  });
}

/** Active → returned: the runner is back to full running on `returnDate`. */
export async function markInjuryReturned(injuryId: string, input: InjuryReturnInput): Promise<InjuryEpisodeDto> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  return getDb().transaction((tx) => {
    const { injury: current } = visibleInjury(tx, user, injuryId);
    assertVersion(current, input.version);
    if (!canMoveTo(current.status, "returned")) throw new DomainRuleError("Only an active episode can be marked as returned.");
    const problem = laterDateProblem(input.returnDate, current.onsetDate, today, "return");
    if (problem) throw new DomainRuleError(problem, "returnDate");
    saveEpisode(tx, user, current, { status: "returned", returnDate: input.returnDate }, "injury.return");
    // A return date changes how later strains of the same side and muscle are classed.
    markRecurrences(tx, current.patientId);
    return episodeDto(tx, injuryId, today);
  });
}

/** Active or returned → closed: the episode is over (the record stays). */
export async function closeInjury(injuryId: string, input: InjuryCloseInput): Promise<InjuryEpisodeDto> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  return getDb().transaction((tx) => {
    const { injury: current } = visibleInjury(tx, user, injuryId);
    assertVersion(current, input.version);
    if (!canMoveTo(current.status, "closed")) throw new DomainRuleError("This episode is already closed.");
    const problem = laterDateProblem(input.closedDate, current.onsetDate, today, "closing");
    if (problem) throw new DomainRuleError(problem, "closedDate");
    if (current.returnDate && input.closedDate < current.returnDate) {
      throw new DomainRuleError(`The closing date cannot be before the return date (${current.returnDate}).`, "closedDate");
    }
    saveEpisode(tx, user, current, { status: "closed", closedDate: input.closedDate }, "injury.close");
    markRecurrences(tx, current.patientId);
    return episodeDto(tx, injuryId, today);
  });
}
