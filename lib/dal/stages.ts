import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { injuries, stageChanges } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { todayIn } from "@/lib/domain/dates";
import { stageName } from "@/lib/domain/injury";
import { isAllowedDestination } from "@/lib/domain/step-back";
import type { RedFlagStatus } from "@/lib/domain/vocabulary";
import type { StepBackInput } from "@/lib/validation/stages";
import { writeAudit } from "./audit";
import { DomainRuleError } from "./errors";
import { markRecurrences } from "./injuries";
import { patientInScope } from "./logs";
import { redFlagScreenOf } from "./red-flags";
import { auditRead, auditRefused, CURRENT_INJURY_ID, scopeParams, statement, visibleSql } from "./prepared";
import { computePatientState, panelState, recomputePatientStatus, type PanelState, type Tx } from "./status";

export type StageChangeDto = {
  id: string;
  kind: (typeof stageChanges.$inferSelect)["kind"];
  fromStage: number | null;
  toStage: number;
  reason: string | null;
  /** A step back within or into walk-run: the 0-based ladder step the runner restarts at. */
  toLadderStep: number | null;
  effectiveDate: string;
  changedAt: string;
  changedBy: string | null;
};

export type ReturnToRunDto = PanelState & {
  patientId: string;
  today: string;
  history: StageChangeDto[];
  /** The current episode's red-flag screen: "refer" blocks confirming a progression (words say why). */
  redFlag: { status: RedFlagStatus; words: string | null };
};

const HISTORY_SQL = `select s.id, s.kind, s.from_stage as fromStage, s.to_stage as toStage, s.reason, s.to_ladder_step as toLadderStep, s.effective_date as effectiveDate,
    s.created_at as changedAt, u.name as changedBy
  from stage_changes s left join users u on u.id = s.changed_by
  where s.injury_id = ? order by s.created_at desc`;

function history(injuryId: string): StageChangeDto[] {
  return statement(HISTORY_SQL).all(injuryId) as StageChangeDto[];
}

function redFlagOf(tx: Tx, injuryId: string | undefined): ReturnToRunDto["redFlag"] {
  if (!injuryId) return { status: "clear", words: null };
  const screen = redFlagScreenOf(tx, injuryId);
  return { status: screen.status, words: screen.words };
}

/** The panel from a fresh engine run (stored with the status in the same transaction). */
function panel(tx: Tx, patientId: string, today: string): ReturnToRunDto {
  const p = recomputePatientStatus(tx, patientId, today).panel ?? panelState(null);
  return { patientId, today, ...p, history: p.injury ? history(p.injury.id) : [], redFlag: redFlagOf(tx, p.injury?.id) };
}

type StoredPanelRow = { computedFor: string | null; injuryId: string | null; currentInjuryId: string | null; panel: string | null };

/**
 * The patient in scope with its stored panel, the day it was computed for and its
 * episode, beside the patient's current episode: one statement. Undefined: not visible.
 */
function storedPanel(user: SessionUser, patientId: string): StoredPanelRow | undefined {
  return statement(
    `select s.computed_for as computedFor, s.injury_id as injuryId, s.panel, ${CURRENT_INJURY_ID} as currentInjuryId
      from patients p left join patient_status s on s.patient_id = p.id
      where p.id = @patientId and ${visibleSql(user)}`,
  ).get(scopeParams(user, patientId)) as StoredPanelRow | undefined;
}

/**
 * The return-to-run panel of a patient: stage ladder, next-stage criteria in words, flags,
 * next step and stage history. Reads the panel stored with the status when it was
 * computed for today and the same episode (every write that changes the engine's inputs
 * rewrites it in its transaction); otherwise runs the engine and stores the result.
 * Null when the patient is unknown or outside the caseload.
 */
export async function getReturnToRun(patientId: string): Promise<ReturnToRunDto | null> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  return getDb().transaction((tx) => {
    const row = storedPanel(user, patientId);
    if (!row) return auditRefused(user, "return_to_run.view", patientId);
    auditRead(user, "return_to_run.view", patientId);
    const p = panelOf(tx, row, patientId, today);
    return { patientId, today, ...p, history: p.injury ? history(p.injury.id) : [], redFlag: redFlagOf(tx, p.injury?.id) };
  });
}

/**
 * The stored panel when it is current (computed for today, same episode, with every field
 * of today's PanelState); else the engine's, stored now.
 */
function panelOf(tx: Tx, row: StoredPanelRow, patientId: string, today: string): PanelState {
  if (row.panel !== null && row.computedFor === today && row.injuryId === row.currentInjuryId) {
    const stored = JSON.parse(row.panel) as Partial<PanelState>;
    // A panel stored before the streak's span was part of it is read afresh.
    if (stored.symptomFreeSpan !== undefined) return stored as PanelState;
  }
  return recomputePatientStatus(tx, patientId, today).panel ?? panelState(null);
}

/**
 * The current return-to-run panel of a patient the caller has already found in scope
 * (e.g. the PDF report's), inside the caller's transaction; no audit row of its own.
 */
export function currentPanel(tx: Tx, user: SessionUser, patientId: string, today: string): PanelState | null {
  const row = storedPanel(user, patientId);
  return row ? panelOf(tx, row, patientId, today) : null;
}

type Change = { kind: "progression" | "override" | "step_back"; toStage: number; toLadderStep?: number | null; reason: string | null };

export const RED_FLAG_BLOCK = "The red-flag screen is positive: refer before loading. Record on the Details tab that the red flags were cleared (a note is required) before confirming a progression.";

/** Refuses a move up while the episode's red-flag screen says "refer" (PRODUCT.md: no progression until cleared). */
function assertNoOpenRedFlags(tx: Tx, injuryId: string): void {
  if (redFlagScreenOf(tx, injuryId).status === "refer") throw new DomainRuleError(RED_FLAG_BLOCK);
}

function recordChange(tx: Tx, user: SessionUser, patientId: string, expectedStage: number | null, decide: (state: NonNullable<ReturnType<typeof computePatientState>>) => Change, today: string) {
  const patient = patientInScope(tx, user, patientId);
  const state = computePatientState(tx, patientId, today);
  if (!state?.injury || !state.result) throw new DomainRuleError("This patient has no open injury episode.");
  const from = state.result.stage;
  if (expectedStage !== null && expectedStage !== from) throw new DomainRuleError(`The stage has changed since this page was opened (now ${stageName(from)}). Reload to see it.`);
  const change = decide(state);
  if (change.toStage > from) assertNoOpenRedFlags(tx, state.injury.id);
  const id = crypto.randomUUID();
  tx.insert(stageChanges)
    .values({
      id,
      clinicId: patient.clinicId,
      patientId,
      injuryId: state.injury.id,
      fromStage: from,
      toStage: change.toStage,
      toLadderStep: change.toLadderStep ?? null,
      kind: change.kind,
      reason: change.reason,
      effectiveDate: today,
      changedBy: user.id,
      changedAt: new Date().toISOString(),
    })
    .run();
  // Returning to full training sets the injury's return date (the re-injury window runs from it); leaving it reopens the episode.
  const injury = state.injury;
  if (change.toStage === 5 && injury.status !== "returned") {
    tx.update(injuries).set({ status: "returned", returnDate: today, version: injury.version + 1, updatedAt: new Date().toISOString() }).where(eq(injuries.id, injury.id)).run();
  } else if (change.toStage < 5 && injury.status === "returned") {
    tx.update(injuries).set({ status: "active", version: injury.version + 1, updatedAt: new Date().toISOString() }).where(eq(injuries.id, injury.id)).run();
  }
  // The return date is what later strains are classed against (Fuller 2006).
  if ((change.toStage === 5) !== (injury.status === "returned")) markRecurrences(tx, patientId);
  writeAudit(tx, {
    clinicId: user.clinicId,
    userId: user.id,
    action: `stage.${change.kind}`,
    entityType: "stage_change",
    entityId: id,
    patientId,
    detail: { from, to: change.toStage, toLadderStep: change.toLadderStep ?? null },
  });
  return panel(tx, patientId, today);
}

async function change(patientId: string, expectedStage: number | null, decide: (state: NonNullable<ReturnType<typeof computePatientState>>) => Change) {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  return getDb().transaction((tx) => recordChange(tx, user, patientId, expectedStage, decide, today));
}

/**
 * Confirms the engine's suggestion: one stage up, only when every criterion is met and the
 * red-flag screen is not "refer" (DomainRuleError otherwise).
 */
export async function confirmProgression(patientId: string, fromStage: number): Promise<ReturnToRunDto> {
  return change(patientId, fromStage, (state) => {
    const { result } = state;
    // The red-flag screen is named first: the engine also counts it as an unmet criterion.
    if (state.input?.redFlagScreen === "refer") throw new DomainRuleError(RED_FLAG_BLOCK);
    if (!result!.readyToProgress || result!.nextStage === null) {
      throw new DomainRuleError(`Not every criterion for ${stageName(result!.nextStage)} is met. To move on anyway, override the stage with a reason.`);
    }
    return { kind: "progression", toStage: result!.nextStage, reason: null };
  });
}

/** Sets any stage, whatever the criteria say; the reason is required and recorded. A move up is refused while the red-flag screen says "refer". */
export async function overrideStage(patientId: string, toStage: number, reason: string): Promise<ReturnToRunDto> {
  return change(patientId, null, ({ result }) => {
    if (toStage === result!.stage) throw new DomainRuleError(`The patient is already in ${stageName(toStage)}.`, "toStage");
    return { kind: "override", toStage, reason };
  });
}

/**
 * Records a step back to the destination the therapist chose: one walk-run ladder step
 * down, or any earlier stage (lib/domain/step-back.ts lists them), with the reason
 * (required; the form prefills it from the open flags). Stores the ladder step the runner
 * restarts at (`to_ladder_step`). DomainRuleError when the destination is not one offered
 * from the current stage and ladder step.
 */
export async function stepBackStage(patientId: string, input: StepBackInput): Promise<ReturnToRunDto> {
  return change(patientId, input.fromStage, ({ result }) => {
    const r = result!;
    if (r.stage === 0) throw new DomainRuleError("Protect is the first stage: there is no stage to step back to.");
    const to = isAllowedDestination(r.stage, r.stage === 1 ? (r.ladder?.step ?? null) : null, input.toStage, input.toLadderStep ?? null);
    if (!to) throw new DomainRuleError(`Choose one of the destinations offered from ${stageName(r.stage)}: one ladder step down, or an earlier stage.`, "destination");
    return { kind: "step_back", toStage: to.toStage, toLadderStep: to.toLadderStep, reason: input.reason };
  });
}
