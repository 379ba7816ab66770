import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { injuries, redFlagScreens } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { addsPositive, positiveItems, redFlagStatus, redFlagWords, wellsPartial, type RedFlagAnswers, type RedFlagScreen } from "@/lib/domain/red-flags";
import { RED_FLAG_ITEMS, type RedFlagItem, type RedFlagStatus } from "@/lib/domain/vocabulary";
import type { RedFlagClearanceInput, RedFlagScreenInput } from "@/lib/validation/red-flags";
import { visibleInjury } from "./access";
import { writeAudit } from "./audit";
import { ConflictError, DomainRuleError } from "./errors";
import { findVisiblePatient } from "./patients";
import { readRedFlagScreen, type ScreenRow } from "./red-flag-screen";
import { recomputePatientStatus, type Tx } from "./status";

/** One episode's screen as the Details tab shows and edits it. */
export type RedFlagScreenDto = {
  injuryId: string;
  /** False for an episode whose screen was never recorded (all items shown unticked). */
  recorded: boolean;
  answers: RedFlagAnswers;
  status: RedFlagStatus;
  /** "Refer before loading: …" or "Red flags cleared by … on …", null when clear. */
  words: string | null;
  /** Labels of the positive items, in form order. */
  positives: string[];
  wells: { score: number; words: string };
  clearedAt: string | null;
  clearedBy: string | null;
  clearanceNote: string | null;
  /** Null before the first save. */
  version: number | null;
};

function answersOf(row: Partial<Record<RedFlagItem, boolean>> | null): RedFlagAnswers {
  return Object.fromEntries(RED_FLAG_ITEMS.map((k) => [k, row?.[k] === true])) as RedFlagAnswers;
}

function toDto(injuryId: string, row: ScreenRow | null): RedFlagScreenDto {
  const answers = answersOf(row);
  const screen: RedFlagScreen | null = row ? { ...answers, clearedAt: row.clearedAt, clearedBy: row.clearedByName, clearanceNote: row.clearanceNote } : null;
  const wells = wellsPartial(answers);
  return {
    injuryId,
    recorded: row !== null,
    answers,
    status: redFlagStatus(screen),
    words: redFlagWords(screen),
    positives: positiveItems(answers).map((i) => i.label),
    wells: { score: wells.score, words: wells.words },
    clearedAt: row?.clearedAt ?? null,
    clearedBy: row?.clearedByName ?? null,
    clearanceNote: row?.clearanceNote ?? null,
    version: row?.version ?? null,
  };
}

/** The screen of one episode inside the caller's transaction (the caller has checked scope). */
export function redFlagScreenOf(tx: Tx, injuryId: string): RedFlagScreenDto {
  return toDto(injuryId, readRedFlagScreen(tx, injuryId));
}

/**
 * The screens of a patient's episodes, keyed by injury id (episodes without one are
 * absent); null when the patient is not visible. Part of the Details page view, whose
 * patient read is audited.
 */
export async function listRedFlagScreens(patientId: string): Promise<Record<string, RedFlagScreenDto> | null> {
  const user = await requireUser();
  const db = getDb();
  if (!findVisiblePatient(db, user, patientId)) return null;
  const ids = db.select({ id: injuries.id }).from(injuries).where(and(eq(injuries.patientId, patientId), eq(injuries.clinicId, user.clinicId))).all();
  return Object.fromEntries(ids.map(({ id }) => [id, redFlagScreenOf(db, id)]));
}

/**
 * Writes the first screen of a new episode (intake), inside the episode's transaction;
 * no audit row of its own (the episode's creation is audited with the positive items).
 */
export function insertRedFlagScreen(tx: Tx, user: SessionUser, row: { injuryId: string; patientId: string }, answers: RedFlagAnswers): void {
  tx.insert(redFlagScreens).values({ ...row, clinicId: user.clinicId, ...answers, screenedBy: user.id }).run();
}


function conflict(current: RedFlagScreenDto): never {
  throw new ConflictError({ ...current.answers }, current.version ?? 0);
}

/**
 * Records or edits an episode's red-flag screen. A positive item that the stored screen did
 * not have voids an earlier clearance (it did not cover it). Versioned: a stale version is
 * a conflict. Audited with the positive item codes (no free text); the status and the
 * caseload's "refer" key are recomputed in the same transaction.
 */
export async function saveRedFlagScreen(injuryId: string, input: RedFlagScreenInput): Promise<RedFlagScreenDto> {
  const user = await requireUser();
  return getDb().transaction((tx) => {
    const { injury } = visibleInjury(tx, user, injuryId);
    const current = redFlagScreenOf(tx, injuryId);
    const answers = answersOf(input);
    if (current.version === null) {
      if (input.version !== undefined) conflict(current);
      insertRedFlagScreen(tx, user, { injuryId, patientId: injury.patientId }, answers);
    } else {
      if (input.version !== current.version) conflict(current);
      const voids = current.clearedAt !== null && addsPositive(current.answers, answers);
      const updated = tx
        .update(redFlagScreens)
        .set({ ...answers, screenedBy: user.id, version: current.version + 1, updatedAt: new Date().toISOString(), ...(voids ? { clearedAt: null, clearedBy: null, clearanceNote: null } : {}) })
        .where(and(eq(redFlagScreens.injuryId, injuryId), eq(redFlagScreens.version, current.version)))
        .run();
      if (updated.changes === 0) conflict(current);
    }
    const positive = RED_FLAG_ITEMS.filter((k) => answers[k]);
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "red_flags.update", entityType: "injury", entityId: injuryId, patientId: injury.patientId, detail: { positive } });
    recomputePatientStatus(tx, injury.patientId);
    return redFlagScreenOf(tx, injuryId);
  });
}

/**
 * Records that a positive screen was cleared: by the signed-in user, now, with the note.
 * Only a screen that is "refer" can be cleared. Audited (the note's text is not copied
 * into the audit row); the status and caseload key are recomputed.
 */
export async function clearRedFlags(injuryId: string, input: RedFlagClearanceInput): Promise<RedFlagScreenDto> {
  const user = await requireUser();
  return getDb().transaction((tx) => {
    const { injury } = visibleInjury(tx, user, injuryId);
    const current = redFlagScreenOf(tx, injuryId);
    if (current.status !== "refer") throw new DomainRuleError(current.status === "cleared" ? "These red flags are already cleared." : "Nothing on this screen is positive: there is nothing to clear.");
    if (input.version !== current.version) conflict(current);
    const clearedAt = new Date().toISOString();
    tx.update(redFlagScreens)
      .set({ clearedBy: user.id, clearedAt, clearanceNote: input.note, version: current.version! + 1, updatedAt: clearedAt })
      .where(and(eq(redFlagScreens.injuryId, injuryId), eq(redFlagScreens.version, current.version!)))
      .run();
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "red_flags.clear", entityType: "injury", entityId: injuryId, patientId: injury.patientId, detail: { cleared: positiveItems(current.answers).map((i) => i.item) } });
    recomputePatientStatus(tx, injury.patientId);
    return redFlagScreenOf(tx, injuryId);
  });
}
