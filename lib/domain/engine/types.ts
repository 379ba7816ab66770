import type { FaultSeverity, Side } from "@/lib/domain/vocabulary";
import type { ProtocolSettings } from "../protocol";

export type EngineLog = {
  date: string;
  painRest: number | null;
  painDaily: number | null;
  walkMinutes: number | null;
  painWalk: number | null;
  painCycle: number | null;
  painSwim: number | null;
};

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

export type EngineAssessment = {
  assessedOn: string;
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
  kind: "start" | "progression" | "override" | "step_back";
  effectiveDate: string;
};

export type EngineInput = {
  /** The clinic's calendar day the result is for (time-based flags age with it). */
  today: string;
  side: Side;
  onsetDate: string;
  /** The injury's return-to-running date, when it has one. */
  returnDate: string | null;
  preInjuryWeeklyKm: number | null;
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
  "no_recent_log",
  "reinjury_window",
  "gait_fault",
  "volume_jump",
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];
export type Flag = { code: FlagCode; level: "stop" | "caution"; reason: string };

export type StepBack = { toStage: number; toLadderStep: number | null; reason: string; words: string };

export type LadderPosition = { step: number; doneAtStep: number; complete: boolean };

export type EngineResult = {
  stage: number;
  stageSince: string;
  nextStage: number | null;
  criteria: Criterion[];
  readyToProgress: boolean;
  symptomFreeStreak: number;
  latestPain: number | null;
  latestPainDate: string | null;
  lastLogDate: string | null;
  flags: Flag[];
  nextStep: string;
  stepBack: StepBack | null;
  ladder: LadderPosition | null;
  weeklyKm: { thisWeek: number; lastWeek: number } | null;
};
