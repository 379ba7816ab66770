/**
 * Pain monitoring over every run of the episode (Silbernagel et al. 2007, as adapted for
 * calf return to running): ≤ safe during is safe, up to the stop limit acceptable, above it a
 * stop; the next morning is compared with the same day's or the day before's daily-activity
 * pain; a rise of 2 (the NPRS minimal clinically important difference) suggests a step back,
 * a rise of 1 repeating the step; daily-activity pain still above that baseline the day after
 * is pain lasting over 24 h.
 */
import { ladderStepOf, type ProtocolSettings } from "../protocol";
import { dayAt, nextDay, prevDay, type Day } from "./days";
import type { EngineRun, EngineStageChange, Flag } from "./types";
import { shortDay } from "./words";

export type Baseline = { value: number; context: "daily activities" | "rest"; date: string };

export type RunVerdict = {
  run: EngineRun;
  band: "safe" | "acceptable" | "stop";
  /** Lowest daily-activity score (rest, if none) on the run day or the day before; null: unknown. */
  baseline: Baseline | null;
  /** Next-morning pain minus the baseline; null when either is missing. */
  rise: number | null;
  /** Daily-activity pain the day after the run still above the run's daily-activity baseline; null: not known. */
  lasting: boolean | null;
  /** The next-morning score is recorded. */
  completed: boolean;
  /** Counts toward progression: safe during, morning recorded, no rise, no lasting pain. */
  good: boolean;
  /** Stop-level pain, a rise of the step-back size, or lasting pain. */
  stepBack: boolean;
  /** An acceptable-band run or a rise of 1: repeat the step. */
  repeat: boolean;
  /** Ladder step of the session (continuous running is the top step). */
  step: number;
  reasons: string[];
};

/** The band of a score during a run (Silbernagel et al. 2007; clinic settings). */
export function painBand(pain: number, s: ProtocolSettings): RunVerdict["band"] {
  return pain > s.painStopAbove ? "stop" : pain > s.painSafeMax ? "acceptable" : "safe";
}

const lowest = (a: number | null | undefined, b: number | null | undefined): number | null => {
  const x = a ?? null;
  const y = b ?? null;
  return x === null ? y : y === null ? x : Math.min(x, y);
};

/**
 * The baseline a next-morning score is compared with: the lowest daily-activity score on the
 * run day or the day before; with none, the lowest rest score of those days; else unknown.
 */
export function runBaseline(days: readonly Day[], runDate: string): Baseline | null {
  const on = dayAt(days, runDate);
  const before = dayAt(days, prevDay(runDate));
  const daily = lowest(on?.daily, before?.daily);
  if (daily !== null) return { value: daily, context: "daily activities", date: on?.daily === daily ? runDate : prevDay(runDate) };
  const rest = lowest(on?.rest, before?.rest);
  if (rest !== null) return { value: rest, context: "rest", date: on?.rest === rest ? runDate : prevDay(runDate) };
  return null;
}

/** Judges one run by the pain-monitoring rule, with reasons in words and dates. */
export function judgeRun(run: EngineRun, days: readonly Day[], s: ProtocolSettings): RunVerdict {
  const band = painBand(run.painDuring, s);
  const baseline = runBaseline(days, run.date);
  const rise = run.painNextMorning === null || baseline === null ? null : run.painNextMorning - baseline.value;
  // Lasting pain compares daily activities with daily activities (the same context on both sides).
  const on = dayAt(days, run.date);
  const before = dayAt(days, prevDay(run.date));
  const dailyBaseline = lowest(on?.daily, before?.daily);
  const dayAfter = dayAt(days, nextDay(run.date))?.daily ?? null;
  const lasting = dailyBaseline === null || dayAfter === null ? null : dayAfter > dailyBaseline;
  const reasons: string[] = [];
  const when = band === "stop" || (rise !== null && rise >= s.nextMorningRise) || lasting ? shortDay(run.date) : "";
  if (band === "stop") reasons.push(`Pain ${run.painDuring}/10 during the run on ${when}: above ${s.painStopAbove}/10 means stop.`);
  if (rise !== null && rise >= s.nextMorningRise)
    reasons.push(
      `Next-morning pain rose by ${rise} points after the run on ${when} (${run.painNextMorning}/10 against ${baseline!.value}/10 in ${baseline!.context} on ${shortDay(baseline!.date)}); a rise of ${s.nextMorningRise} or more suggests a step back.`,
    );
  if (lasting)
    reasons.push(`Pain in daily activities was ${dayAfter}/10 on ${shortDay(nextDay(run.date))}, the day after the run on ${when}, above ${dailyBaseline}/10 before it: pain lasting over 24 hours suggests a step back.`);
  const stepBack = reasons.length > 0;
  const completed = run.painNextMorning !== null;
  const good = band === "safe" && rise !== null && rise <= 0 && lasting !== true;
  const repeat = !stepBack && (band === "acceptable" || (rise !== null && rise > 0));
  return { run, band, baseline, rise, lasting, completed, good, stepBack, repeat, step: ladderStepOf(run), reasons };
}

/** Judges every run (sorted by date) in one pass. */
export function judgeRuns(runs: readonly EngineRun[], days: readonly Day[], s: ProtocolSettings): RunVerdict[] {
  return runs.map((r) => judgeRun(r, days, s));
}

/**
 * The pain flags of the episode: each stop-level run, next-morning rise of the step-back size
 * and lasting pain raises a flag that stays open until a later completed session at the same
 * or a lower step shows no rise, or a step back is recorded on or after the run. One pass over
 * the verdicts and the step backs (both in date order). Returns every flag, open or cleared.
 */
export function painFlags(verdicts: readonly RunVerdict[], stageChanges: readonly EngineStageChange[], s: ProtocolSettings): Flag[] {
  const all: Flag[] = [];
  let open: { flag: Flag; run: RunVerdict }[] = [];
  const stepBacks = stageChanges.filter((c) => c.kind === "step_back").map((c) => c.effectiveDate).sort();
  let sb = 0;
  const applyStepBacksBefore = (date: string | null) => {
    while (sb < stepBacks.length && (date === null || stepBacks[sb]! < date)) {
      const on = stepBacks[sb]!;
      open = open.filter(({ flag, run }) => {
        if (run.run.date > on) return true;
        flag.open = false;
        flag.clearedOn = on;
        flag.clearedBy = `Step back recorded on ${shortDay(on)}.`;
        return false;
      });
      sb++;
    }
  };
  for (const v of verdicts) {
    applyStepBacksBefore(v.run.date);
    const settledRun = v.completed && v.rise !== null && v.rise <= 0 && v.band !== "stop" && v.lasting !== true;
    if (settledRun && open.length > 0) {
      const on = nextDay(v.run.date);
      open = open.filter(({ flag, run }) => {
        if (run.run.date >= v.run.date || v.step > run.step) return true;
        flag.open = false;
        flag.clearedOn = on;
        flag.clearedBy = `The run on ${shortDay(v.run.date)} at the same or a lower step settled by the next morning (no rise).`;
        return false;
      });
    }
    const raise = (code: Flag["code"], level: Flag["level"], raisedOn: string, reason: string) => {
      const flag: Flag = { code, level, reason, raisedOn, clearedOn: null, clearedBy: null, open: true };
      all.push(flag);
      open.push({ flag, run: v });
    };
    if (!v.stepBack) continue;
    const when = shortDay(v.run.date);
    const next = nextDay(v.run.date);
    if (v.band === "stop") raise("stop_pain", "stop", v.run.date, `Pain ${v.run.painDuring}/10 during the run on ${when}: above ${s.painStopAbove}/10 means stop running.`);
    if (v.rise !== null && v.rise >= s.nextMorningRise)
      raise(
        "morning_rise",
        "caution",
        next,
        `Next-morning pain rose by ${v.rise} points after the run on ${when} (${v.run.painNextMorning}/10 on ${shortDay(next)} against ${v.baseline!.value}/10 in ${v.baseline!.context} on ${shortDay(v.baseline!.date)}).`,
      );
    if (v.lasting) raise("pain_lasting", "caution", next, v.reasons.find((r) => r.startsWith("Pain in daily activities")) ?? `Pain lasted over 24 hours after the run on ${when}.`);
  }
  applyStepBacksBefore(null);
  return all;
}
