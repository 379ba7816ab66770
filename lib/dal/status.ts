/**
 * Derived return-to-run status, one row per patient in `patient_status`, written by the
 * engine in the same transaction as any write that changes its inputs.
 *
 * This module takes no session: its callers (DAL writes that have already checked the
 * user and scope, the seed, the recompute command) pass a transaction and a patient id.
 * It is kept free of `server-only` so the seed and `npm run status:recompute` can use it.
 */
import { and, asc, desc, eq, isNull, lt, ne, or } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { assessments, clinics, dailyLogs, injuries, patients, patientStatus, protocolSettings, runs, stageChanges } from "@/db/schema";
import { todayIn } from "@/lib/domain/dates";
import { computeReturnToRun, type Criterion, type EngineInput, type EngineResult, type Flag, type StepBack } from "@/lib/domain/engine";
import { describeInjury, stageName } from "@/lib/domain/injury";
import { describeStages, ladderWords, protocolFromJson, type ProtocolSettings, type StageInfo } from "@/lib/domain/protocol";
import { caseloadKeys, writeCaseloadKeys } from "./caseload-keys";

/** A database or a transaction: everything here runs synchronously inside `db.transaction()`. */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;

export function loadProtocol(tx: Tx, clinicId: string): ProtocolSettings {
  const row = tx.select({ settings: protocolSettings.settings }).from(protocolSettings).where(eq(protocolSettings.clinicId, clinicId)).get();
  return protocolFromJson(row?.settings);
}

/** The injury the return-to-run panel follows: the latest by onset that is not closed. */
export function currentInjury(tx: Tx, patientId: string) {
  return tx
    .select()
    .from(injuries)
    .where(and(eq(injuries.patientId, patientId), ne(injuries.status, "closed")))
    .orderBy(desc(injuries.onsetDate), desc(injuries.createdAt))
    .limit(1)
    .get();
}

export type PatientEngineState = {
  clinicId: string;
  today: string;
  injury: typeof injuries.$inferSelect | null;
  input: EngineInput | null;
  result: EngineResult | null;
};

/** Loads a patient's current injury and its data, and runs the engine for `today` (the clinic's today by default). */
export function computePatientState(tx: Tx, patientId: string, today?: string, settings?: ProtocolSettings): PatientEngineState | null {
  const patient = tx
    .select({ clinicId: patients.clinicId, preInjuryWeeklyKm: patients.preInjuryWeeklyKm, timeZone: clinics.timeZone })
    .from(patients)
    .innerJoin(clinics, eq(clinics.id, patients.clinicId))
    .where(eq(patients.id, patientId))
    .get();
  if (!patient) return null;
  const day = today ?? todayIn(patient.timeZone);
  const injury = currentInjury(tx, patientId) ?? null;
  if (!injury) return { clinicId: patient.clinicId, today: day, injury: null, input: null, result: null };
  const logs = tx
    .select({
      date: dailyLogs.logDate,
      painRest: dailyLogs.painRest,
      painDaily: dailyLogs.painDaily,
      walkMinutes: dailyLogs.walkMinutes,
      painWalk: dailyLogs.painWalk,
      painCycle: dailyLogs.painCycle,
      painSwim: dailyLogs.painSwim,
    })
    .from(dailyLogs)
    .where(eq(dailyLogs.injuryId, injury.id))
    .orderBy(asc(dailyLogs.logDate))
    .all();
  const runRows = tx
    .select({
      date: runs.runDate,
      kind: runs.kind,
      walkMinutes: runs.walkMinutes,
      runMinutes: runs.runMinutes,
      repetitions: runs.repetitions,
      continuousMinutes: runs.continuousMinutes,
      distanceKm: runs.distanceKm,
      painDuring: runs.painDuring,
      painNextMorning: runs.painNextMorning,
    })
    .from(runs)
    .where(eq(runs.injuryId, injury.id))
    .orderBy(asc(runs.runDate), asc(runs.createdAt))
    .all();
  const assessmentRows = tx
    .select({
      assessedOn: assessments.assessedOn,
      heelRaisesLeft: assessments.heelRaisesLeft,
      heelRaisesRight: assessments.heelRaisesRight,
      kneeToWallLeftCm: assessments.kneeToWallLeftCm,
      kneeToWallRightCm: assessments.kneeToWallRightCm,
      toeOutSeverity: assessments.toeOutSeverity,
      pelvicSeverity: assessments.pelvicSeverity,
      overstrideSeverity: assessments.overstrideSeverity,
    })
    .from(assessments)
    .where(eq(assessments.injuryId, injury.id))
    .orderBy(asc(assessments.assessedOn), asc(assessments.createdAt))
    .all();
  const changes = tx
    .select({ toStage: stageChanges.toStage, fromStage: stageChanges.fromStage, kind: stageChanges.kind, effectiveDate: stageChanges.effectiveDate })
    .from(stageChanges)
    .where(eq(stageChanges.injuryId, injury.id))
    .orderBy(asc(stageChanges.changedAt))
    .all();
  const input: EngineInput = {
    today: day,
    side: injury.side,
    onsetDate: injury.onsetDate,
    returnDate: injury.returnDate,
    preInjuryWeeklyKm: patient.preInjuryWeeklyKm,
    logs,
    runs: runRows,
    assessments: assessmentRows,
    stageChanges: changes,
    settings: settings ?? loadProtocol(tx, patient.clinicId),
  };
  return { clinicId: patient.clinicId, today: day, injury, input, result: computeReturnToRun(input) };
}

/**
 * The return-to-run panel of the current episode as the engine computed it for one day:
 * everything the panel shows except the stage history (read live, with the names of who
 * recorded each change). Stored as JSON in `patient_status.panel` beside the status.
 */
export type PanelState = {
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
};

/** The panel's words and numbers from the engine's state (pure: no reads). */
export function panelState(state: PatientEngineState | null): PanelState {
  const r = state?.result ?? null;
  const injury = state?.injury ?? null;
  const settings = state?.input?.settings;
  return {
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
  };
}

type StatusValues = Omit<typeof patientStatus.$inferInsert, "updatedAt">;

function statusValues(patientId: string, state: PatientEngineState, panel: PanelState): StatusValues {
  const r = state.result;
  const flags = r?.flags.map((f) => f.code) ?? [];
  return {
    patientId,
    clinicId: state.clinicId,
    injuryId: state.injury?.id ?? null,
    stage: r?.stage ?? null,
    readyToProgress: r?.readyToProgress ?? false,
    symptomFreeStreak: r?.symptomFreeStreak ?? 0,
    latestPain: r?.latestPain ?? null,
    latestPainDate: r?.latestPainDate ?? null,
    lastLogDate: r?.lastLogDate ?? null,
    flags: JSON.stringify(flags),
    flagCount: flags.length,
    nextStep: r?.nextStep ?? null,
    computedFor: state.today,
    panel: JSON.stringify(panel),
  };
}

const COMPARED = ["injuryId", "stage", "readyToProgress", "symptomFreeStreak", "latestPain", "latestPainDate", "lastLogDate", "flags", "flagCount", "nextStep"] as const;

export type RecomputeOutcome = { changed: boolean; state: PatientEngineState | null; panel: PanelState | null };

/**
 * Recomputes and stores one patient's derived status. Call it inside the transaction of
 * any write that changes a patient's logs, runs, assessments, stage or injuries, so the
 * write and its status commit (or fail) together. `today` defaults to the clinic's today.
 * `changed` says whether anything but the computed-for day differs from the stored row.
 */
export function recomputePatientStatus(tx: Tx, patientId: string, today?: string, settings?: ProtocolSettings): RecomputeOutcome {
  const state = computePatientState(tx, patientId, today, settings);
  if (!state) return { changed: false, state: null, panel: null };
  const panel = panelState(state);
  const values = statusValues(patientId, state, panel);
  const stored = tx.select().from(patientStatus).where(eq(patientStatus.patientId, patientId)).get();
  const changed = !stored || COMPARED.some((k) => stored[k] !== values[k]);
  if (!stored) tx.insert(patientStatus).values(values).run();
  else if (changed || stored.computedFor !== values.computedFor || stored.panel !== values.panel) {
    tx.update(patientStatus)
      .set({ ...values, updatedAt: new Date().toISOString() })
      .where(eq(patientStatus.patientId, patientId))
      .run();
  }
  writeCaseloadKeys(tx, patientId, caseloadKeys(state.injury, values));
  return { changed, state, panel };
}

/**
 * Recomputes every patient's status (of one clinic, or of all), e.g. after a protocol
 * change or a migration, in one transaction. Returns how many there were and how many changed.
 */
export function recomputeAllStatuses(options: { db?: Db | Tx; clinicId?: string; now?: Date } = {}): { total: number; changed: number } {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const run = (tx: Tx) => {
    const clinicRows = tx.select({ id: clinics.id, timeZone: clinics.timeZone }).from(clinics).all();
    let total = 0;
    let changed = 0;
    for (const clinic of clinicRows) {
      if (options.clinicId && clinic.id !== options.clinicId) continue;
      const today = todayIn(clinic.timeZone, now);
      const settings = loadProtocol(tx, clinic.id);
      const ids = tx.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, clinic.id)).all();
      for (const { id } of ids) {
        total++;
        if (recomputePatientStatus(tx, id, today, settings).changed) changed++;
      }
    }
    return { total, changed };
  };
  return "transaction" in db ? (db as Db).transaction((tx) => run(tx)) : run(db);
}

/**
 * Recomputes the clinic's patients whose stored status was computed for an earlier day,
 * so time-based flags (no log for a week, the re-injury window) are current. Cheap when
 * nothing is stale: one indexed read. For the caseload to call before it reads.
 */
export function recomputeStaleStatuses(tx: Tx, clinicId: string, today: string): number {
  const stale = tx
    .select({ id: patientStatus.patientId })
    .from(patientStatus)
    .where(and(eq(patientStatus.clinicId, clinicId), or(isNull(patientStatus.computedFor), lt(patientStatus.computedFor, today))))
    .all();
  if (stale.length === 0) return 0;
  const settings = loadProtocol(tx, clinicId);
  for (const { id } of stale) recomputePatientStatus(tx, id, today, settings);
  return stale.length;
}
