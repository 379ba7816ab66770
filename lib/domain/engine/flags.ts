/** The flags of PRODUCT.md, each a stable code with its reason in words. */
import { addDays, daysBetween } from "../dates";
import type { ProtocolSettings } from "../protocol";
import { worstScore } from "./pain";
import type { EngineAssessment, EngineLog, EngineRun, Flag, FlagCode } from "./types";
import { km, plural, shortDay } from "./words";

/** Short words for each flag, for badges and the caseload. */
export const FLAG_LABELS: Record<FlagCode, string> = {
  stop_pain: "Stop: pain above the limit",
  morning_rise: "Next-morning pain rise",
  pain_lasting: "Pain lasting over 24 h",
  pain_rise: "Pain rising",
  run_before_gate: "Run before the gate",
  back_to_back: "Back-to-back runs",
  no_recent_log: "No recent log",
  reinjury_window: "Re-injury window",
  gait_fault: "Gait fault",
  volume_jump: "Weekly volume jump",
};

/**
 * Flags about pain or load that hold a progression until they clear. The others (no
 * recent log, the re-injury window, a gait fault) are for the therapist's attention.
 */
export const BLOCKING_FLAGS: readonly FlagCode[] = ["stop_pain", "morning_rise", "pain_lasting", "pain_rise", "run_before_gate", "back_to_back", "volume_jump"];

/** Daily pain rose by the protocol's points: the latest day's worst score against the lowest of the week before. */
export function painRiseFlag(logs: EngineLog[], s: ProtocolSettings): Flag | null {
  const scored = logs.filter((l) => worstScore(l) !== null).sort((a, b) => (a.date < b.date ? -1 : 1));
  const latest = scored.at(-1);
  if (!latest) return null;
  const from = addDays(latest.date, -7);
  const before = scored.filter((l) => l.date >= from && l.date < latest.date);
  if (before.length === 0) return null;
  const low = before.reduce((best, l) => (worstScore(l)! < worstScore(best)! ? l : best));
  const rise = worstScore(latest)! - worstScore(low)!;
  if (rise < s.painRise) return null;
  return {
    code: "pain_rise",
    level: "caution",
    reason: `Pain rose by ${rise} points, from ${worstScore(low)}/10 on ${shortDay(low.date)} to ${worstScore(latest)}/10 on ${shortDay(latest.date)}; a rise of ${s.painRise} points is clinically meaningful.`,
  };
}

/** Two runs on consecutive days, or on one day, among the given runs (stages 1–2 need a rest day between runs). */
export function backToBackFlag(stageRuns: EngineRun[], today: string): Flag | null {
  const recent = stageRuns.filter((r) => r.date >= addDays(today, -13)).map((r) => r.date).sort();
  for (let i = recent.length - 1; i > 0; i--) {
    const gap = daysBetween(recent[i - 1]!, recent[i]!);
    if (gap === 0) return { code: "back_to_back", level: "caution", reason: `Two runs on ${shortDay(recent[i]!)}: this stage needs a rest day between runs.` };
    if (gap === 1) return { code: "back_to_back", level: "caution", reason: `Runs on back-to-back days (${shortDay(recent[i - 1]!)} and ${shortDay(recent[i]!)}): this stage needs a rest day between runs.` };
  }
  return null;
}

export function noRecentLogFlag(lastLogDate: string | null, onsetDate: string, today: string, s: ProtocolSettings): Flag | null {
  const since = lastLogDate ?? onsetDate;
  const days = daysBetween(since, today);
  if (days < s.noLogDays) return null;
  return {
    code: "no_recent_log",
    level: "caution",
    reason: lastLogDate ? `No daily log or run for ${plural(days, "day")} (last on ${shortDay(lastLogDate)}).` : `Nothing logged in the ${plural(days, "day")} since the injury.`,
  };
}

export function reinjuryWindowFlag(returnDate: string | null, today: string, s: ProtocolSettings): Flag | null {
  if (!returnDate || s.reinjuryWindowWeeks === 0) return null;
  const end = addDays(returnDate, s.reinjuryWindowWeeks * 7);
  if (today < returnDate || today >= end) return null;
  return {
    code: "reinjury_window",
    level: "caution",
    reason: `Returned to running on ${shortDay(returnDate)}: the first ${s.reinjuryWindowWeeks} weeks (until ${shortDay(end)}) carry a high re-injury risk.`,
  };
}

const FAULTS = [
  ["toeOutSeverity", "excessive toe-out"],
  ["pelvicSeverity", "anterior pelvic tilt"],
  ["overstrideSeverity", "overstriding"],
] as const;

export function gaitFaultFlag(assessments: EngineAssessment[]): Flag | null {
  const last = assessments.reduce<EngineAssessment | undefined>((best, a) => (!best || a.assessedOn >= best.assessedOn ? a : best), undefined);
  if (!last) return null;
  const found = FAULTS.filter(([key]) => last[key] === "moderate" || last[key] === "severe").map(([key, words]) => `${last[key]} ${words}`);
  if (found.length === 0) return null;
  return { code: "gait_fault", level: "caution", reason: `Unresolved gait fault at the last assessment (${shortDay(last.assessedOn)}): ${found.join(", ")}.` };
}

export function volumeJumpFlag(week: { thisWeek: number; lastWeek: number }, s: ProtocolSettings): Flag | null {
  if (week.lastWeek <= 0) return null;
  const limit = week.lastWeek * (1 + s.weeklyVolumeRisePercent / 100);
  if (week.thisWeek <= limit + 0.05) return null;
  const rise = Math.round(((week.thisWeek - week.lastWeek) / week.lastWeek) * 100);
  return {
    code: "volume_jump",
    level: "caution",
    reason: `Weekly volume rose ${rise}% (${km(week.lastWeek)} to ${km(week.thisWeek)}); the protocol allows ${s.weeklyVolumeRisePercent}% a week.`,
  };
}
