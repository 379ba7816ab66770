import type { AssessmentSetting, FaultSeverity, InjurySeverity, Muscle, Sex, Side, StageChangeKind } from "@/lib/domain/vocabulary";
import type { ProtocolSettings } from "../protocol";

/** One daily log: pain 0–10 by context (null: not scored), minutes walked. */
export type EngineLog = {
  date: string;
  painRest: number | null;
  painDaily: number | null;
  walkMinutes: number | null;
  painWalk: number | null;
  painCycle: number | null;
  painSwim: number | null;
};

/** One run session; `painNextMorning` describes the morning of the day after `date`. */
export type EngineRun = {
  date: string;
  kind: "walk_run" | "continuous";
  walkMinutes: number | null;
  runMinutes: number | null;
  repetitions: number | null;
  continuousMinutes: number | null;
  distanceKm: number | null;
  painDuring: number;
  painNextMorning: number | null;
};

/** The calf and gait measures of one assessment the engine reads. */
export type EngineAssessment = {
  assessedOn: string;
  /** Treadmill or overground; null when not recorded. */
  setting?: AssessmentSetting | null;
  /** The speed of the observed gait (km/h); null when not recorded. */
  speedKmh?: number | null;
  heelRaisesLeft: number | null;
  heelRaisesRight: number | null;
  kneeToWallLeftCm: number | null;
  kneeToWallRightCm: number | null;
  toeOutSeverity: FaultSeverity | null;
  pelvicSeverity: FaultSeverity | null;
  overstrideSeverity: FaultSeverity | null;
};

export type EngineStageChange = {
  toStage: number;
  fromStage: number | null;
  kind: StageChangeKind;
  effectiveDate: string;
  /** 0-based walk-run ladder step a step back lands on (inside walk-run); null otherwise. */
  toLadderStep?: number | null;
  reason?: string | null;
};

/** The injury as its row has it (the runner's own injury; advisory, never a gate). */
export type EngineInjury = {
  muscle: Muscle;
  grade: number | null;
  severity: InjurySeverity;
  achilles: boolean;
  priorStrains: number | null;
  side: Side;
  isRecurrence: boolean;
};

/**
 * The red-flag screen: "clear" (nothing positive), "refer" (a positive item not yet
 * cleared: refer before loading), "cleared" (positive, then cleared by a doctor).
 */
export type RedFlagScreen = "clear" | "refer" | "cleared";

export type EngineInput = {
  /** The clinic's calendar day the result is for (time-based flags age with it). */
  today: string;
  injury: EngineInjury;
  patient: { age: number | null; sex: Sex | null };
  redFlagScreen: RedFlagScreen;
  onsetDate: string;
  /** The injury's return-to-running date, when it has one. */
  returnDate: string | null;
  preInjuryWeeklyKm: number | null;
  /** Sorted by date (the engine sorts again only if they are not). */
  logs: EngineLog[];
  runs: EngineRun[];
  assessments: EngineAssessment[];
  /** In the order they were recorded; the last one is the confirmed current stage. */
  stageChanges: EngineStageChange[];
  settings: ProtocolSettings;
};

export type Criterion = { code: string; label: string; met: boolean; detail: string };

export const FLAG_CODES = [
  "stop_pain",
  "morning_rise",
  "pain_lasting",
  "pain_rise",
  "run_before_gate",
  "back_to_back",
  "skipped_ahead",
  "no_recent_log",
  "reinjury_window",
  "gait_fault",
  "volume_jump",
  "cadence_below_target",
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/**
 * A flag with its reason in words. `raisedOn` is the day the evidence was known (the run day
 * for a stop, the next morning for a rise); `clearedOn` the day it stopped holding, with
 * `clearedBy` in words. Open flags are in `EngineResult.flags`, cleared ones in `flagHistory`.
 */
export type Flag = {
  code: FlagCode;
  level: "stop" | "caution" | "advisory";
  reason: string;
  raisedOn: string;
  clearedOn: string | null;
  clearedBy: string | null;
  open: boolean;
};

export type StepBack = { toStage: number; toLadderStep: number | null; reason: string; words: string };

export type LadderPosition = { step: number; doneAtStep: number; complete: boolean };

/** A run whose next-morning score (or the run day's pain it is compared with) is missing, asked for by date. */
export type PendingRequest = { runDate: string; missing: "next_morning" | "baseline"; words: string };

/** Running load: km when every compared run has a distance, else minutes. */
export type Load = { unit: "km" | "min"; acute: number; chronicWeekly: number; limit: number };

export type EngineResult = {
  stage: number;
  stageSince: string;
  nextStage: number | null;
  criteria: Criterion[];
  readyToProgress: boolean;
  /** Symptom-free days counted up to today or yesterday (0 when the count is not current). */
  symptomFreeStreak: number;
  /** The days of that count: the first and the last counted day; null when it is 0 (the pain chart draws it). */
  symptomFreeSpan: { from: string; to: string; days: number } | null;
  latestPain: number | null;
  latestPainDate: string | null;
  lastLogDate: string | null;
  /** Open flags, one per code (the latest; its reason names earlier open ones). */
  flags: Flag[];
  /** Cleared flags of the episode, newest first. */
  flagHistory: Flag[];
  /** Scores the engine needs to judge runs, asked for by date, newest first. */
  pending: PendingRequest[];
  nextStep: string;
  stepBack: StepBack | null;
  ladder: LadderPosition | null;
  /** Kilometres of the last 7 days and the 7 before (kept for the PDF and caseload readers). */
  weeklyKm: { thisWeek: number; lastWeek: number } | null;
  load: Load | null;
};
