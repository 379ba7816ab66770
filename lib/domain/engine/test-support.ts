/** Builders for the engine's table-driven and property tests (no real patient data). */
import { addDays } from "../dates";
import { DEFAULT_PROTOCOL } from "../protocol";
import type { EngineAssessment, EngineInput, EngineLog, EngineResult, EngineRun, EngineStageChange } from "./types";

export const TODAY = "2026-11-26";

/** The day `n` days before TODAY. */
export const ago = (n: number): string => addDays(TODAY, -n);

/** A daily log with every context at `pain` (rest, daily activities, walking 30 min). */
export function log(date: string, pain = 0, extra: Partial<EngineLog> = {}): EngineLog {
  return { date, painRest: pain, painDaily: pain, walkMinutes: 30, painWalk: pain, painCycle: null, painSwim: null, ...extra };
}

/** A walk-run session at ladder step `step` (0–4: walk 4−step, run step+1), 4 repetitions. */
export function walkRun(date: string, step: number, painDuring = 1, painNextMorning: number | null = 0, repetitions = 4): EngineRun {
  return { date, kind: "walk_run", walkMinutes: 4 - step, runMinutes: step + 1, repetitions, continuousMinutes: null, distanceKm: 2, painDuring, painNextMorning };
}

export function easy(date: string, distanceKm: number | null = 5, painDuring = 1, painNextMorning: number | null = 0, minutes = 30): EngineRun {
  return { date, kind: "continuous", walkMinutes: null, runMinutes: null, repetitions: null, continuousMinutes: minutes, distanceKm, painDuring, painNextMorning };
}

export function assessment(on: string, raises: [number | null, number | null], extra: Partial<EngineAssessment> = {}): EngineAssessment {
  return {
    assessedOn: on,
    setting: "treadmill",
    speedKmh: 9,
    heelRaisesLeft: raises[0],
    heelRaisesRight: raises[1],
    kneeToWallLeftCm: 11,
    kneeToWallRightCm: 11.5,
    toeOutSeverity: "none",
    pelvicSeverity: "none",
    overstrideSeverity: "none",
    ...extra,
  };
}

export function at(stage: number, effectiveDate: string, kind: EngineStageChange["kind"] = "progression", fromStage: number | null = stage - 1): EngineStageChange[] {
  return [{ toStage: stage, fromStage, kind, effectiveDate, toLadderStep: null, reason: null }];
}

export function input(over: Partial<EngineInput> & { side?: EngineInput["injury"]["side"] }): EngineInput {
  const { side, ...rest } = over;
  return {
    today: TODAY,
    injury: { muscle: "medial_gastrocnemius", grade: 2, severity: "strain", achilles: false, priorStrains: 0, side: side ?? "left", isRecurrence: false },
    patient: { age: 40, sex: "female" },
    redFlagScreen: "clear",
    onsetDate: "2026-10-01",
    returnDate: null,
    preInjuryWeeklyKm: 40,
    logs: [],
    runs: [],
    assessments: [],
    stageChanges: [],
    settings: DEFAULT_PROTOCOL,
    ...rest,
  };
}

export const codes = (r: EngineResult) => r.flags.map((f) => f.code);
export const criterion = (r: EngineResult, code: string) => {
  const c = r.criteria.find((x) => x.code === code);
  if (!c) throw new Error(`no criterion ${code} in ${r.criteria.map((x) => x.code).join(", ")}`);
  return c;
};

/** Logs for each of the given days-ago, pain-free. */
export const quietDays = (...n: number[]) => n.map((d) => log(ago(d)));
