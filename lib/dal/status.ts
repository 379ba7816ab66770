/**
 * Derived return-to-run status, one row per patient in `patient_status`, written by the
 * engine in the same transaction as any write that changes its inputs.
 *
 * This module takes no session: its callers (DAL writes that have already checked the
 * user and scope, the seed, the recompute command) pass a transaction and a patient id.
 * It is kept free of `server-only` so the seed and `npm run status:recompute` can use it.
 */
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { clinics, injuries, patients, patientStatus } from "@/db/schema";
import { ageOn, todayIn } from "@/lib/domain/dates";
import type { Sex } from "@/lib/domain/vocabulary";
import { computeReturnToRun, type Criterion, type EngineInput, type EngineResult, type Flag, type PendingRequest, type StepBack } from "@/lib/domain/engine";
import { describeInjury, stageName } from "@/lib/domain/injury";
import { describeStages, ladderWords, protocolFromJson, type ProtocolSettings, type StageInfo } from "@/lib/domain/protocol";
import { addToSummary, emptySummary, type RecomputeSummary, type StatusSnapshot } from "@/lib/domain/recompute-summary";
import { classifyRecurrence } from "@/lib/domain/recurrence";
import { caseloadKeys, writeCaseloadKeys } from "./caseload-keys";
import { redFlagStatusFor } from "./red-flag-screen";
import { cadenceFlag } from "./cadence-reads";
import { prepared } from "@/db/statements";

/** A database or a transaction: everything here runs synchronously inside `db.transaction()`. */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;

/** The clinic's protocol settings (lib/domain/protocol.ts), or the defaults when the clinic never saved any. */
export function loadProtocol(tx: Tx, clinicId: string): ProtocolSettings {
  const row = prepared<{ settings: string }>(tx, "select settings from protocol_settings where clinic_id = ?").get(clinicId);
  return protocolFromJson(row?.settings);
}

type Injury = typeof injuries.$inferSelect;

// The engine's reads run on every write of a patient's logs, runs or assessments (and on a
// stale view): statements prepared once per connection, columns aliased to the engine's
// names, so better-sqlite3 builds the rows itself.
const CURRENT_INJURY = `select id, clinic_id as clinicId, patient_id as patientId, side, muscle, severity, grade, achilles,
    onset_date as onsetDate, activity, mechanism, prior_strains as priorStrains, is_recurrence as isRecurrence, recurrence_class as recurrenceClass, status,
    return_date as returnDate, closed_date as closedDate, version, created_by as createdBy, created_at as createdAt, updated_at as updatedAt
  from injuries where patient_id = ? and status <> 'closed' order by onset_date desc, created_at desc limit 1`;
const ENGINE_PATIENT = `select p.clinic_id as clinicId, p.pre_injury_weekly_km as preInjuryWeeklyKm, p.date_of_birth as dateOfBirth, p.sex, c.time_zone as timeZone
  from patients p join clinics c on c.id = p.clinic_id where p.id = ?`;
const ENGINE_LOGS = `select log_date as date, pain_rest as painRest, pain_daily as painDaily, walk_minutes as walkMinutes,
    pain_walk as painWalk, pain_cycle as painCycle, pain_swim as painSwim
  from daily_logs where injury_id = ? order by log_date asc`;
const ENGINE_RUNS = `select run_date as date, kind, walk_minutes as walkMinutes, run_minutes as runMinutes, repetitions,
    continuous_minutes as continuousMinutes, distance_km as distanceKm, pain_during as painDuring, pain_next_morning as painNextMorning
  from runs where injury_id = ? order by run_date asc, created_at asc`;
const ENGINE_ASSESSMENTS = `select assessed_on as assessedOn, setting, speed_kmh as speedKmh, heel_raises_left as heelRaisesLeft, heel_raises_right as heelRaisesRight,
    knee_to_wall_left_cm as kneeToWallLeftCm, knee_to_wall_right_cm as kneeToWallRightCm, toe_out_severity as toeOutSeverity,
    pelvic_severity as pelvicSeverity, overstride_severity as overstrideSeverity
  from assessments where injury_id = ? order by assessed_on asc, created_at asc`;
const ENGINE_STAGE_CHANGES = `select to_stage as toStage, from_stage as fromStage, kind, effective_date as effectiveDate, reason, to_ladder_step as toLadderStep
  from stage_changes where injury_id = ? order by created_at asc`;

/** The injury the return-to-run panel follows: the latest by onset that is not closed. */
export function currentInjury(tx: Tx, patientId: string): Injury | undefined {
  const row = prepared<Omit<Injury, "achilles" | "isRecurrence"> & { achilles: number; isRecurrence: number }>(tx, CURRENT_INJURY).get(patientId);
  return row ? { ...row, achilles: row.achilles !== 0, isRecurrence: row.isRecurrence !== 0 } : undefined;
}

export type PatientEngineState = {
  clinicId: string;
  today: string;
  injury: Injury | null;
  input: EngineInput | null;
  result: EngineResult | null;
};

/** Loads a patient's current injury and its data, and runs the engine for `today` (the clinic's today by default). */
export function computePatientState(tx: Tx, patientId: string, today?: string, settings?: ProtocolSettings): PatientEngineState | null {
  const patient = prepared<{ clinicId: string; preInjuryWeeklyKm: number | null; dateOfBirth: string; sex: Sex; timeZone: string }>(tx, ENGINE_PATIENT).get(patientId);
  if (!patient) return null;
  const day = today ?? todayIn(patient.timeZone);
  const injury = currentInjury(tx, patientId) ?? null;
  if (!injury) return { clinicId: patient.clinicId, today: day, injury: null, input: null, result: null };
  const logs = prepared<EngineInput["logs"][number]>(tx, ENGINE_LOGS).all(injury.id);
  const runRows = prepared<EngineInput["runs"][number]>(tx, ENGINE_RUNS).all(injury.id);
  const assessmentRows = prepared<EngineInput["assessments"][number]>(tx, ENGINE_ASSESSMENTS).all(injury.id);
  const changes = prepared<EngineInput["stageChanges"][number]>(tx, ENGINE_STAGE_CHANGES).all(injury.id);
  const input: EngineInput = {
    today: day,
    injury: {
      muscle: injury.muscle,
      grade: injury.grade,
      severity: injury.severity,
      achilles: injury.achilles,
      priorStrains: injury.priorStrains,
      side: injury.side,
      isRecurrence: injury.isRecurrence,
    },
    patient: { age: ageOn(patient.dateOfBirth, day), sex: patient.sex },
    redFlagScreen: redFlagStatusFor(tx, injury.id),
    onsetDate: injury.onsetDate,
    returnDate: injury.returnDate,
    preInjuryWeeklyKm: patient.preInjuryWeeklyKm,
    logs,
    runs: runRows,
    assessments: assessmentRows,
    stageChanges: changes,
    settings: settings ?? loadProtocol(tx, patient.clinicId),
  };
  const result = computeReturnToRun(input);
  // The cadence-retraining advisory (imported runs against the assessment's target) is judged
  // beside the engine and shown with its flags, on the panel and the caseload; never a gate.
  const cadence = cadenceFlag(tx, injury.id);
  if (cadence) result.flags.push(cadence);
  return { clinicId: patient.clinicId, today: day, injury, input, result };
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
  /** The streak's first and last counted day (the engine's count), null when it is 0. */
  symptomFreeSpan: { from: string; to: string; days: number } | null;
  symptomFreeDaysNeeded: number;
  /** Pain-monitoring bands of the clinic's protocol, for colouring pain numbers. */
  painBands: { safeMax: number; stopAbove: number };
  latestPain: number | null;
  latestPainDate: string | null;
  lastLogDate: string | null;
  /** Open flags, one per code. */
  flags: Flag[];
  /** Cleared flags of the episode with the days they were raised and cleared, newest first. */
  flagHistory: Flag[];
  /** Scores the engine asks for, by date (next mornings, the run day's pain). */
  pending: PendingRequest[];
  nextStep: string | null;
  /** The step back the open pain flags suggest (a stage, or a ladder step inside walk-run). */
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
    symptomFreeSpan: r?.symptomFreeSpan ?? null,
    symptomFreeDaysNeeded: settings?.symptomFreeDays ?? 7,
    painBands: { safeMax: settings?.painSafeMax ?? 3, stopAbove: settings?.painStopAbove ?? 5 },
    latestPain: r?.latestPain ?? null,
    latestPainDate: r?.latestPainDate ?? null,
    lastLogDate: r?.lastLogDate ?? null,
    flags: r?.flags ?? [],
    flagHistory: r?.flagHistory ?? [],
    pending: r?.pending ?? [],
    nextStep: r?.nextStep ?? null,
    stepBack: r?.stepBack ?? null,
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

export type RecomputeOutcome = {
  changed: boolean;
  state: PatientEngineState | null;
  panel: PanelState | null;
  /** The stored status before the recompute (null: none was stored) and after it. */
  before: StatusSnapshot | null;
  after: StatusSnapshot | null;
};

function snapshot(row: { stage: number | null; readyToProgress: boolean | null; flags: string; symptomFreeStreak: number | null }): StatusSnapshot {
  let flags: string[] = [];
  try {
    flags = JSON.parse(row.flags) as string[];
  } catch {
    flags = [];
  }
  return { stage: row.stage, ready: row.readyToProgress === true, flags, streak: row.symptomFreeStreak ?? 0 };
}

/**
 * Recomputes and stores one patient's derived status. Call it inside the transaction of
 * any write that changes a patient's logs, runs, assessments, stage or injuries, so the
 * write and its status commit (or fail) together. `today` defaults to the clinic's today.
 * `changed` says whether anything but the computed-for day differs from the stored row.
 */
export function recomputePatientStatus(tx: Tx, patientId: string, today?: string, settings?: ProtocolSettings): RecomputeOutcome {
  const state = computePatientState(tx, patientId, today, settings);
  if (!state) return { changed: false, state: null, panel: null, before: null, after: null };
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
  return { changed, state, panel, before: stored ? snapshot(stored) : null, after: snapshot({ stage: values.stage ?? null, readyToProgress: values.readyToProgress ?? false, flags: values.flags ?? "[]", symptomFreeStreak: values.symptomFreeStreak ?? 0 }) };
}

/**
 * Recomputes every patient's status (of one clinic, or of all), e.g. after a protocol
 * change or an engine update, in one transaction. Returns how many there were, how many
 * changed, and a summary of what changed and why (`summaryLines` words it).
 */
export function recomputeAllStatuses(options: { db?: Db | Tx; clinicId?: string; now?: Date } = {}): { total: number; changed: number; summary: RecomputeSummary } {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const run = (tx: Tx) => {
    const clinicRows = tx.select({ id: clinics.id, timeZone: clinics.timeZone }).from(clinics).all();
    const summary = emptySummary();
    for (const clinic of clinicRows) {
      if (options.clinicId && clinic.id !== options.clinicId) continue;
      const today = todayIn(clinic.timeZone, now);
      const settings = loadProtocol(tx, clinic.id);
      const ids = tx.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, clinic.id)).all();
      for (const { id } of ids) {
        summary.recurrencesReclassified += markRecurrences(tx, id);
        const outcome = recomputePatientStatus(tx, id, today, settings);
        if (!outcome.after) continue;
        const unmet = outcome.panel?.criteria.filter((c) => !c.met).map((c) => c.label) ?? [];
        addToSummary(summary, outcome.before, outcome.after, outcome.changed, unmet);
      }
    }
    return { total: summary.total, changed: summary.changed, summary };
  };
  return "transaction" in db ? (db as Db).transaction((tx) => run(tx)) : run(db);
}

/**
 * Rewrites `recurrence_class` (and `is_recurrence`, true for any class) for every episode of
 * the patient: a new or moved onset, side or muscle, or a return date, can change any of them.
 * Returns how many episodes changed class. (Here, without "server-only", so that
 * `npm run status:recompute` can bring older databases' classes up to date.)
 */
export function markRecurrences(tx: Tx, patientId: string): number {
  const all = tx
    .select({ id: injuries.id, side: injuries.side, muscle: injuries.muscle, onsetDate: injuries.onsetDate, returnDate: injuries.returnDate, closedDate: injuries.closedDate, recurrenceClass: injuries.recurrenceClass })
    .from(injuries)
    .where(eq(injuries.patientId, patientId))
    .all();
  let changed = 0;
  for (const episode of all) {
    const cls = classifyRecurrence(episode, all).class;
    if (cls === episode.recurrenceClass) continue;
    tx.update(injuries).set({ recurrenceClass: cls, isRecurrence: cls !== "none" }).where(eq(injuries.id, episode.id)).run();
    changed++;
  }
  return changed;
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
