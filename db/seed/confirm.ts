/**
 * The demo's stage changes, confirmed the way a careful therapist would: each planned
 * progression is asked of the engine on its day (with the runner's data up to the day
 * before); when the engine says ready it is a progression, otherwise the seed records an
 * override whose reason names the criteria the engine held unmet. So the demo never claims
 * a progression its own engine would not have suggested.
 */
import { computeReturnToRun, type EngineInput, type EngineInjury, type EngineStageChange } from "../../lib/domain/engine";
import { DEFAULT_PROTOCOL, type ProtocolSettings } from "../../lib/domain/protocol";
import type { Sex } from "../../lib/domain/vocabulary";
import type { History, Profile, StageChangeRow } from "./history";

/** The engine's input for a seeded history as of `day` (data dated before it), with the stage changes so far. */
export function engineInputAsOf(history: History, profile: Profile, injury: Pick<EngineInjury, "isRecurrence">, patient: { age: number; sex: Sex }, changes: StageChangeRow[], day: string, settings: ProtocolSettings = DEFAULT_PROTOCOL): EngineInput {
  return {
    today: day,
    injury: { muscle: profile.muscle, grade: profile.grade, severity: profile.severity, achilles: profile.achilles, priorStrains: profile.priorStrains, side: profile.side, isRecurrence: injury.isRecurrence },
    patient,
    redFlagScreen: "clear",
    onsetDate: history.onsetDate,
    returnDate: null,
    preInjuryWeeklyKm: profile.preInjuryWeeklyKm,
    logs: history.dailyLogs
      .filter((l) => l.logDate < day)
      .map((l) => ({ date: l.logDate, painRest: l.painRest, painDaily: l.painDaily, walkMinutes: l.walkMinutes, painWalk: l.painWalk, painCycle: l.painCycle, painSwim: l.painSwim })),
    runs: history.runs
      .filter((r) => r.runDate < day)
      .map((r) => ({
        date: r.runDate,
        kind: r.kind,
        walkMinutes: r.walkMinutes,
        runMinutes: r.runMinutes,
        repetitions: r.repetitions,
        continuousMinutes: r.continuousMinutes,
        distanceKm: r.distanceKm,
        painDuring: r.painDuring,
        // A run's next-morning score is known on the morning of the day after it.
        painNextMorning: r.painNextMorning,
      })),
    assessments: history.assessments
      .filter((a) => a.assessedOn < day)
      .map((a) => ({
        assessedOn: a.assessedOn,
        setting: a.setting,
        speedKmh: a.speedKmh,
        heelRaisesLeft: a.heelRaisesLeft,
        heelRaisesRight: a.heelRaisesRight,
        kneeToWallLeftCm: a.kneeToWallLeftCm,
        kneeToWallRightCm: a.kneeToWallRightCm,
        toeOutSeverity: a.toeOutSeverity,
        pelvicSeverity: a.pelvicSeverity,
        overstrideSeverity: a.overstrideSeverity,
      })),
    stageChanges: changes.map((c): EngineStageChange => ({ toStage: c.toStage, fromStage: c.fromStage, kind: c.kind, effectiveDate: c.effectiveDate, toLadderStep: null, reason: c.reason })),
    settings,
  };
}

/**
 * Each planned progression becomes a progression when the engine says ready on its day,
 * else an override with the unmet criteria as its reason. Returns new rows (the input is kept).
 */
export function confirmStageChanges(history: History, profile: Profile, injury: Pick<EngineInjury, "isRecurrence">, patient: { age: number; sex: Sex }): StageChangeRow[] {
  const out: StageChangeRow[] = [];
  for (const change of history.stageChanges) {
    if (change.kind !== "progression") {
      out.push(change);
      continue;
    }
    const result = computeReturnToRun(engineInputAsOf(history, profile, injury, patient, out, change.effectiveDate));
    if (result.readyToProgress && result.stage === change.toStage - 1) out.push({ ...change, kind: "progression", reason: null });
    else {
      const unmet = result.criteria.filter((c) => !c.met).map((c) => c.label);
      out.push({
        ...change,
        kind: "override",
        reason: `Progressed on clinical judgement before every criterion was met (${unmet.join("; ") || "a flag was open"}).`,
      });
    }
  }
  return out;
}
