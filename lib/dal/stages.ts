import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { injuries, stageChanges, users } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { todayIn } from "@/lib/domain/dates";
import { describeInjury, stageName } from "@/lib/domain/injury";
import { describeStages, ladderWords, type StageInfo } from "@/lib/domain/protocol";
import type { Criterion, Flag, StepBack } from "@/lib/domain/engine";
import { writeAudit } from "./audit";
import { DomainRuleError } from "./errors";
import { patientInScope } from "./logs";
import { computePatientState, recomputePatientStatus, type Tx } from "./status";

export type StageChangeDto = {
  id: string;
  kind: (typeof stageChanges.$inferSelect)["kind"];
  fromStage: number | null;
  toStage: number;
  reason: string | null;
  effectiveDate: string;
  changedAt: string;
  changedBy: string | null;
};

export type ReturnToRunDto = {
  patientId: string;
  today: string;
  injury: { id: string; description: string; onsetDate: string; status: string } | null;
  stage: number | null;
  stageName: string;
  stageSince: string | null;
  stages: StageInfo[];
  nextStage: number | null;
  criteria: Criterion[];
  readyToProgress: boolean;
  symptomFreeStreak: number;
  symptomFreeDaysNeeded: number;
  /** Pain-monitoring bands of the clinic's protocol, for colouring pain numbers. */
  painBands: { safeMax: number; stopAbove: number };
  latestPain: number | null;
  latestPainDate: string | null;
  lastLogDate: string | null;
  flags: Flag[];
  nextStep: string | null;
  /** A step back the therapist can record (a ladder step within walk-run needs no record). */
  stepBack: StepBack | null;
  ladder: { step: number; doneAtStep: number; complete: boolean; words: string } | null;
  history: StageChangeDto[];
};

function history(tx: Tx, injuryId: string): StageChangeDto[] {
  return tx
    .select({
      id: stageChanges.id,
      kind: stageChanges.kind,
      fromStage: stageChanges.fromStage,
      toStage: stageChanges.toStage,
      reason: stageChanges.reason,
      effectiveDate: stageChanges.effectiveDate,
      changedAt: stageChanges.changedAt,
      changedBy: users.name,
    })
    .from(stageChanges)
    .leftJoin(users, eq(users.id, stageChanges.changedBy))
    .where(eq(stageChanges.injuryId, injuryId))
    .orderBy(asc(stageChanges.changedAt))
    .all()
    .reverse();
}

function panel(tx: Tx, patientId: string, today: string): ReturnToRunDto {
  const { state } = recomputePatientStatus(tx, patientId, today);
  const r = state?.result ?? null;
  const injury = state?.injury ?? null;
  const settings = state?.input?.settings;
  return {
    patientId,
    today,
    injury: injury ? { id: injury.id, description: describeInjury(injury), onsetDate: injury.onsetDate, status: injury.status } : null,
    stage: r?.stage ?? null,
    stageName: stageName(r?.stage),
    stageSince: r?.stageSince ?? null,
    stages: settings ? describeStages(settings) : [],
    nextStage: r?.nextStage ?? null,
    criteria: r?.criteria ?? [],
    readyToProgress: r?.readyToProgress ?? false,
    symptomFreeStreak: r?.symptomFreeStreak ?? 0,
    symptomFreeDaysNeeded: settings?.symptomFreeDays ?? 7,
    painBands: { safeMax: settings?.painSafeMax ?? 3, stopAbove: settings?.painStopAbove ?? 5 },
    latestPain: r?.latestPain ?? null,
    latestPainDate: r?.latestPainDate ?? null,
    lastLogDate: r?.lastLogDate ?? null,
    flags: r?.flags ?? [],
    nextStep: r?.nextStep ?? null,
    stepBack: r?.stepBack && !(r.stage === 1 && r.stepBack.toStage === 1) ? r.stepBack : null,
    ladder: r?.ladder ? { ...r.ladder, words: ladderWords(r.ladder.step) } : null,
    history: injury ? history(tx, injury.id) : [],
  };
}

/**
 * The return-to-run panel of a patient: stage ladder, next-stage criteria in words, flags,
 * next step and stage history. Refreshes the stored status when it was computed for an
 * earlier day. Null when the patient is unknown or outside the caseload.
 */
export async function getReturnToRun(patientId: string): Promise<ReturnToRunDto | null> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  try {
    return getDb().transaction((tx) => {
      patientInScope(tx, user, patientId);
      writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "return_to_run.view", entityType: "patient", entityId: patientId, patientId });
      return panel(tx, patientId, today);
    });
  } catch (err) {
    if (err instanceof Error && err.name === "NotFoundError") return null;
    throw err;
  }
}

type Change = { kind: "progression" | "override" | "step_back"; toStage: number; reason: string | null };

function recordChange(tx: Tx, user: SessionUser, patientId: string, expectedStage: number | null, decide: (state: NonNullable<ReturnType<typeof computePatientState>>) => Change, today: string) {
  const patient = patientInScope(tx, user, patientId);
  const state = computePatientState(tx, patientId, today);
  if (!state?.injury || !state.result) throw new DomainRuleError("This patient has no open injury episode.");
  const from = state.result.stage;
  if (expectedStage !== null && expectedStage !== from) throw new DomainRuleError(`The stage has changed since this page was opened (now ${stageName(from)}). Reload to see it.`);
  const change = decide(state);
  const id = crypto.randomUUID();
  tx.insert(stageChanges)
    .values({ id, clinicId: patient.clinicId, patientId, injuryId: state.injury.id, fromStage: from, toStage: change.toStage, kind: change.kind, reason: change.reason, effectiveDate: today, changedBy: user.id, changedAt: new Date().toISOString() })
    .run();
  // Returning to full training sets the injury's return date (the re-injury window runs from it); leaving it reopens the episode.
  const injury = state.injury;
  if (change.toStage === 5 && injury.status !== "returned") {
    tx.update(injuries).set({ status: "returned", returnDate: today, version: injury.version + 1, updatedAt: new Date().toISOString() }).where(eq(injuries.id, injury.id)).run();
  } else if (change.toStage < 5 && injury.status === "returned") {
    tx.update(injuries).set({ status: "active", version: injury.version + 1, updatedAt: new Date().toISOString() }).where(eq(injuries.id, injury.id)).run();
  }
  writeAudit(tx, {
    clinicId: user.clinicId,
    userId: user.id,
    action: `stage.${change.kind}`,
    entityType: "stage_change",
    entityId: id,
    patientId,
    detail: { from, to: change.toStage, reason: change.reason },
  });
  return panel(tx, patientId, today);
}

async function change(patientId: string, expectedStage: number | null, decide: (state: NonNullable<ReturnType<typeof computePatientState>>) => Change) {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  return getDb().transaction((tx) => recordChange(tx, user, patientId, expectedStage, decide, today));
}

/** Confirms the engine's suggestion: one stage up, only when every criterion is met. */
export async function confirmProgression(patientId: string, fromStage: number): Promise<ReturnToRunDto> {
  return change(patientId, fromStage, ({ result }) => {
    if (!result!.readyToProgress || result!.nextStage === null) {
      throw new DomainRuleError(`Not every criterion for ${stageName(result!.nextStage)} is met. To move on anyway, override the stage with a reason.`);
    }
    return { kind: "progression", toStage: result!.nextStage, reason: null };
  });
}

/** Sets any stage, whatever the criteria say; the reason is required and recorded. */
export async function overrideStage(patientId: string, toStage: number, reason: string): Promise<ReturnToRunDto> {
  return change(patientId, null, ({ result }) => {
    if (toStage === result!.stage) throw new DomainRuleError(`The patient is already in ${stageName(toStage)}.`, "toStage");
    return { kind: "override", toStage, reason };
  });
}

/** Records a step back to the stage the pain-monitoring rule suggests (or one stage down). */
export async function stepBackStage(patientId: string, fromStage: number, reason?: string): Promise<ReturnToRunDto> {
  return change(patientId, fromStage, ({ result }) => {
    if (result!.stage === 0) throw new DomainRuleError("Protect is the first stage: there is no stage to step back to.");
    const suggested = result!.stepBack && result!.stepBack.toStage < result!.stage ? result!.stepBack : null;
    return { kind: "step_back", toStage: suggested?.toStage ?? result!.stage - 1, reason: reason?.trim() || result!.stepBack?.reason || "Stepped back by the therapist." };
  });
}
