/** The flags of PRODUCT.md that are not a single run's pain: each a stable code with its reason in words. */
import { addDays, daysBetween } from "../dates";
import type { ProtocolSettings } from "../protocol";
import { watchWindow, type WatchWindowEpisode } from "../recurrence";
import { lastIndexOnOrBefore, nextDay, type Day } from "./days";
import type { RunVerdict } from "./monitoring";
import type { EngineAssessment, Flag, FlagCode, Load } from "./types";
import { plural, shortDay } from "./words";

/**
 * The words for each flag code, in one place: `label` for the patient page, the PDF and the
 * recompute summary; `short` for the caseload's table cells and filters, where space is tight.
 */
export const FLAG_WORDS: Record<FlagCode, { label: string; short: string }> = {
  stop_pain: { label: "Stop: pain above the limit", short: "Stop: run pain" },
  morning_rise: { label: "Next-morning pain rise", short: "Next-morning rise" },
  pain_lasting: { label: "Pain lasting over 24 h", short: "Pain past 24 h" },
  pain_rise: { label: "Pain rising", short: "Pain rising" },
  run_before_gate: { label: "Run before the gate", short: "Ran before gate" },
  back_to_back: { label: "Back-to-back runs", short: "Back-to-back runs" },
  skipped_ahead: { label: "Skipped ahead on the ladder", short: "Skipped ahead" },
  no_recent_log: { label: "No recent log", short: "No log 7+ days" },
  reinjury_window: { label: "Re-injury window", short: "Re-injury window" },
  gait_fault: { label: "Gait fault", short: "Gait fault" },
  volume_jump: { label: "Load jump", short: "Load jump" },
  cadence_below_target: { label: "Cadence below target (advisory)", short: "Cadence below target" },
};

/** The full words of each flag (see FLAG_WORDS). */
export const FLAG_LABELS = Object.fromEntries(Object.entries(FLAG_WORDS).map(([code, w]) => [code, w.label])) as Record<FlagCode, string>;

/**
 * Flags about pain or load that hold a progression until they clear. The others (a run before
 * the gate, skipping ahead, no recent log, the re-injury window, a gait fault) are for the
 * therapist's attention: the pain rules already judge the runs they concern. Back-to-back runs
 * hold stages 0–2 only (see `blockingFlags`).
 */
export const BLOCKING_FLAGS: readonly FlagCode[] = ["stop_pain", "morning_rise", "pain_lasting", "pain_rise", "back_to_back", "volume_jump"];

/**
 * The open flags that hold a progression from `stage`. Back-to-back runs hold the stages
 * that need a rest day between runs (0–2); in build volume and speed work the load rule
 * governs (an interpretation: rebuilding weekly volume needs runs on consecutive days).
 */
export function blockingFlags(flags: readonly Flag[], stage: number): Flag[] {
  return flags.filter((f) => f.open && BLOCKING_FLAGS.includes(f.code) && (f.code !== "back_to_back" || stage <= 2));
}

const open = (code: FlagCode, level: Flag["level"], raisedOn: string, reason: string): Flag => ({ code, level, reason, raisedOn, clearedOn: null, clearedBy: null, open: true });

/**
 * Daily pain rose by the clinically meaningful change (NPRS, 2 points): the latest day's
 * daily-activity score (rest when the day has none) against the lowest score of the same
 * context in the 7 days before. Same context on both sides, and never older than a week.
 */
export function painRiseFlag(days: readonly Day[], today: string, s: ProtocolSettings): Flag | null {
  for (const context of ["daily", "rest"] as const) {
    let i = lastIndexOnOrBefore(days, today);
    while (i >= 0 && days[i]![context] === null) i--;
    if (i < 0) continue;
    const latest = days[i]!;
    const from = addDays(latest.date, -7);
    let low: Day | null = null;
    for (let j = i - 1; j >= 0 && days[j]!.date >= from; j--) {
      const v = days[j]![context];
      if (v !== null && (low === null || v < low[context]!)) low = days[j]!;
    }
    if (!low) continue;
    const rise = latest[context]! - low[context]!;
    if (rise < s.painRise) return null;
    const words = context === "daily" ? "in daily activities" : "at rest";
    return open(
      "pain_rise",
      "caution",
      latest.date,
      `Pain ${words} rose by ${rise} points, from ${low[context]}/10 on ${shortDay(low.date)} to ${latest[context]}/10 on ${shortDay(latest.date)}; a rise of ${s.painRise} points is clinically meaningful (NPRS).`,
    );
  }
  return null;
}

/** Days of no running after a back-to-back pair that let its flag lapse (product heuristic). */
export const BACK_TO_BACK_REST_DAYS = 14;

/**
 * Two runs on consecutive days, or two on one day, before the return (every stage before it,
 * Protect included, and across a stage change). The flag stays open until two good runs follow
 * the pair, or the runner has not run for 14 days after it (product heuristic). One pass over
 * the verdicts in date order; `until` is the return day (runs from it on are not judged).
 */
export function backToBackFlags(verdicts: readonly RunVerdict[], until: string | null, today: string): Flag[] {
  const all: Flag[] = [];
  let pending: { flag: Flag; last: string; good: number }[] = [];
  const lapse = (on: string) => {
    pending = pending.filter((p) => {
      if (daysBetween(p.last, on) <= BACK_TO_BACK_REST_DAYS) return true;
      p.flag.open = false;
      p.flag.clearedOn = addDays(p.last, BACK_TO_BACK_REST_DAYS);
      p.flag.clearedBy = `No run for ${BACK_TO_BACK_REST_DAYS} days after ${shortDay(p.last)}.`;
      return false;
    });
  };
  let prev: string | null = null;
  for (const v of verdicts) {
    const date = v.run.date;
    if (until !== null && date >= until) break;
    lapse(date);
    for (const p of pending) {
      if (date > p.last && v.good && ++p.good >= 2) {
        p.flag.open = false;
        p.flag.clearedOn = addDays(date, 1);
        p.flag.clearedBy = `Two good runs followed (the second on ${shortDay(date)}).`;
      }
    }
    pending = pending.filter((p) => p.flag.open);
    if (prev !== null && date <= nextDay(prev)) {
      const reason =
        prev === date
          ? `Two runs on ${shortDay(date)}: every stage before the return needs a rest day between runs.`
          : `Runs on back-to-back days (${shortDay(prev)} and ${shortDay(date)}): every stage before the return needs a rest day between runs.`;
      const chained = pending.find((p) => p.last === prev);
      if (chained) {
        chained.last = date;
        chained.good = 0;
        chained.flag.reason = reason;
      } else {
        const flag = open("back_to_back", "caution", date, reason);
        all.push(flag);
        pending.push({ flag, last: date, good: 0 });
      }
    }
    prev = date;
  }
  lapse(today);
  return all;
}

/**
 * "No recent log" (caution, for the therapist's attention; never a block): no daily log for
 * `noLogDays` days (protocol setting, default 7) since the last log, or since the onset when
 * nothing was logged; raised on the day the gap reached that length. Dates `YYYY-MM-DD`.
 * Source: PRODUCT.md (pain monitoring needs a score every day).
 */
export function noRecentLogFlag(lastLogDate: string | null, onsetDate: string, today: string, s: ProtocolSettings): Flag | null {
  const since = lastLogDate ?? onsetDate;
  const days = daysBetween(since, today);
  if (days < s.noLogDays) return null;
  return open(
    "no_recent_log",
    "caution",
    addDays(since, s.noLogDays),
    lastLogDate ? `No daily log or run for ${plural(days, "day")} (last on ${shortDay(lastLogDate)}).` : `Nothing logged in the ${plural(days, "day")} since the injury.`,
  );
}

/**
 * The re-injury watch window after the return to full running, its length from the
 * clinic's protocol settings and the episode (`watchWindow`: longer after a recurrence or
 * with repeated prior strains; a product heuristic, PRODUCT.md "Recurrence"). Open from the
 * return day until the day the window ends (exclusive); null outside it, or when the
 * clinic set the window to 0 weeks.
 */
export function reinjuryWindowFlag(returnDate: string | null, today: string, s: ProtocolSettings, episode: WatchWindowEpisode): Flag | null {
  const w = watchWindow(episode, s);
  if (!returnDate || w.weeks === 0) return null;
  const end = addDays(returnDate, w.weeks * 7);
  if (today < returnDate || today >= end) return null;
  return open(
    "reinjury_window",
    "caution",
    returnDate,
    `Returned to running on ${shortDay(returnDate)}: the first ${plural(w.weeks, "week")} (until ${shortDay(end)}) carry a high re-injury risk${w.longer ? ` (the clinic's longer window, ${w.why})` : ""}.`,
  );
}

/** Slowest speed read as running (km/h): the walk-to-run transition is near 2 m/s (Hreljac 1993). */
export const RUNNING_SPEED_KMH = 7.2;

/**
 * An assessment of running: a recorded speed at or above the walk-run transition, or a
 * treadmill assessment without a speed (an interpretation: overground without a speed is
 * read as walking, since most first-week assessments are).
 */
export function isRunningAssessment(a: EngineAssessment): boolean {
  const speed = a.speedKmh ?? null;
  if (speed !== null) return speed >= RUNNING_SPEED_KMH;
  return a.setting === "treadmill";
}

const FAULTS = [
  ["toeOutSeverity", "excessive toe-out"],
  ["pelvicSeverity", "anterior pelvic tilt"],
  ["overstrideSeverity", "overstriding"],
] as const;

/** A moderate or severe fault at the latest assessment of running (a walking assessment grades walking, not running). */
export function gaitFaultFlag(assessments: readonly EngineAssessment[]): Flag | null {
  let last: EngineAssessment | undefined;
  for (const a of assessments) if (isRunningAssessment(a) && (!last || a.assessedOn >= last.assessedOn)) last = a;
  if (!last) return null;
  const found = FAULTS.filter(([key]) => last[key] === "moderate" || last[key] === "severe").map(([key, words]) => `${last[key]} ${words}`);
  if (found.length === 0) return null;
  return open("gait_fault", "caution", last.assessedOn, `Unresolved gait fault at the last running assessment (${shortDay(last.assessedOn)}): ${found.join(", ")}.`);
}

const loadWords = (n: number, unit: Load["unit"]) => `${n} ${unit}`;

/** A load jump on `on` (acute above chronic × (1 + rise%) + allowance), called guidance (Nielsen et al. 2014). */
export function volumeJumpFlag(load: Load, on: string, s: ProtocolSettings): Flag | null {
  if (load.acute <= load.limit) return null;
  return open(
    "volume_jump",
    "caution",
    on,
    `Load jump: ${loadWords(load.acute, load.unit)} in the last 7 days against a weekly mean of ${loadWords(load.chronicWeekly, load.unit)} over the 28 days before (limit ${loadWords(load.limit, load.unit)}: +${s.weeklyVolumeRisePercent}% and ${loadWords(load.unit === "km" ? s.volumeAllowanceKm : s.volumeAllowanceMinutes, load.unit)}; guidance, Nielsen et al. 2014).`,
  );
}
