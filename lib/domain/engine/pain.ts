/**
 * Pain rules: the symptom-free streak of daily logs and the pain-monitoring rule for runs
 * (≤safe during is safe, up to the stop limit acceptable, above it a stop; pain must settle
 * by the next morning, and a next-morning rise or pain lasting past 24 h means a step back).
 */
import { addDays } from "../dates";
import type { ProtocolSettings } from "../protocol";
import type { EngineLog, EngineRun } from "./types";
import { shortDay } from "./words";

/** The pain scores a daily log recorded (contexts left blank are not scores). */
export function logScores(log: EngineLog): number[] {
  return [log.painRest, log.painDaily, log.painWalk, log.painCycle, log.painSwim].filter((v): v is number => v !== null);
}

/** The worst score of a day, or null when the day recorded no pain score at all. */
export function worstScore(log: EngineLog): number | null {
  const scores = logScores(log);
  return scores.length === 0 ? null : Math.max(...scores);
}

/**
 * Symptom-free logged days in a row, counting back from the latest log. A day counts only
 * when it was logged and every pain score recorded that day is 0; a day not logged (or
 * logged without any pain score) breaks nothing and counts nothing.
 */
export function symptomFreeStreak(logs: EngineLog[]): number {
  const sorted = [...logs].sort((a, b) => (a.date < b.date ? 1 : -1));
  let streak = 0;
  for (const log of sorted) {
    const worst = worstScore(log);
    if (worst === null) continue;
    if (worst > 0) break;
    streak++;
  }
  return streak;
}

export type RunVerdict = {
  band: "safe" | "acceptable" | "stop";
  /** Next-morning pain minus the pain before the run; null until the morning is recorded. */
  rise: number | null;
  baseline: number;
  settled: boolean | null;
  lasting: boolean;
  /** Counts toward progression: safe during and settled by the next morning. */
  good: boolean;
  stepBack: boolean;
  reasons: string[];
};

function logOn(logs: EngineLog[], day: string): EngineLog | undefined {
  return logs.find((l) => l.date === day);
}

/** Pain before the run: rest pain (or daily pain) of the latest daily log on or before its day; 0 if none. */
export function painBefore(logs: EngineLog[], day: string): number {
  let best: EngineLog | undefined;
  for (const l of logs) if (l.date <= day && (!best || l.date > best.date)) best = l;
  return best?.painRest ?? best?.painDaily ?? 0;
}

export function judgeRun(run: EngineRun, logs: EngineLog[], s: ProtocolSettings): RunVerdict {
  const band = run.painDuring > s.painStopAbove ? "stop" : run.painDuring > s.painSafeMax ? "acceptable" : "safe";
  const baseline = painBefore(logs, run.date);
  const rise = run.painNextMorning === null ? null : run.painNextMorning - baseline;
  const settled = rise === null ? null : rise <= 0;
  const dayAfter = logOn(logs, addDays(run.date, 1));
  const lasting = dayAfter?.painDaily !== null && dayAfter?.painDaily !== undefined && dayAfter.painDaily > baseline && (rise === null || rise > 0);
  const reasons: string[] = [];
  const when = shortDay(run.date);
  if (band === "stop") reasons.push(`Pain ${run.painDuring}/10 during the run on ${when}: above ${s.painStopAbove}/10 means stop.`);
  if (rise !== null && rise >= s.nextMorningRise)
    reasons.push(`Next-morning pain rose by ${rise} points after the run on ${when} (from ${baseline} to ${run.painNextMorning}/10); a rise of ${s.nextMorningRise} or more means a step back.`);
  if (lasting) reasons.push(`Pain in daily activities was still ${dayAfter!.painDaily}/10 the day after the run on ${when} (before it: ${baseline}/10): pain lasting more than 24 hours means a step back.`);
  const stepBack = reasons.length > 0;
  return { band, rise, baseline, settled, lasting, good: band === "safe" && settled === true && !lasting, stepBack, reasons };
}
