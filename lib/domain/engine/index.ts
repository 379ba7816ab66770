/**
 * The return-to-run engine: from the protocol settings and an injury's logs, runs,
 * assessments and confirmed stage changes, where the runner stands and why. Pure and
 * deterministic: the same input always gives the same result.
 *
 * The engine suggests; the therapist confirms. The current stage is always the latest
 * confirmed stage change (a new injury without one starts in Protect at onset).
 */
import { daysBetween } from "../dates";
import { stageName } from "../injury";
import { LAST_LADDER_STEP, ladderStepOf, ladderWords, WALK_RUN_LADDER } from "../protocol";
import { BLOCKING_FLAGS, FLAG_LABELS, backToBackFlag, gaitFaultFlag, noRecentLogFlag, painRiseFlag, reinjuryWindowFlag, volumeJumpFlag } from "./flags";
import { continuousCriteria, protectCriteria, speedCriteria, volumeCriteria, walkRunCriteria } from "./criteria";
import { judgeRun, symptomFreeStreak, worstScore, type RunVerdict } from "./pain";
import { byDate, ladderPosition, weeklyKm } from "./runs";
import type { Criterion, EngineInput, EngineResult, EngineRun, Flag, LadderPosition, StepBack } from "./types";
import { km, plural, shortDay } from "./words";

export * from "./types";
export { judgeRun, symptomFreeStreak } from "./pain";
export { BLOCKING_FLAGS, FLAG_LABELS } from "./flags";
export { dayWithYear, shortDay } from "./words";

function latestPain(input: EngineInput): { value: number | null; date: string | null } {
  const byDay = new Map<string, number>();
  const note = (day: string, v: number | null) => {
    if (v === null) return;
    byDay.set(day, Math.max(v, byDay.get(day) ?? 0));
  };
  for (const l of input.logs) note(l.date, worstScore(l));
  for (const r of input.runs) note(r.date, r.painDuring);
  const days = [...byDay.keys()].sort();
  const day = days.at(-1);
  return day ? { value: byDay.get(day)!, date: day } : { value: null, date: null };
}

function stepBackFor(stage: number, lastRun: EngineRun, verdict: RunVerdict, ladder: LadderPosition | null): StepBack | null {
  if (!verdict.stepBack || stage === 0) return null;
  const reason = verdict.reasons.join(" ");
  if (stage === 1) {
    if (ladderStepOf(lastRun) === 0 || !ladder) {
      return { toStage: 0, toLadderStep: null, reason, words: "Step back to Protect: no running until the pain settles and the gate is met again." };
    }
    return { toStage: 1, toLadderStep: ladder.step, reason, words: `Step back one step of the ladder: next run ${ladderWords(ladder.step)} × 3–6, after a rest day.` };
  }
  const to = stage - 1;
  return { toStage: to, toLadderStep: to === 1 ? LAST_LADDER_STEP : null, reason, words: `Step back to ${stageName(to)} (stage ${to}) until runs are settled again.` };
}

function nextStepWords(input: EngineInput, stage: number, ready: boolean, ladder: LadderPosition | null, streak: number, week: { thisWeek: number; lastWeek: number }, returnDate: string | null, stageRuns: EngineRun[]): string {
  const s = input.settings;
  switch (stage) {
    case 0: {
      if (ready) return `Ready for walk-run: confirm the progression, then start with ${ladderWords(0)} × 3–6, with a rest day between runs.`;
      const more = Math.max(0, s.symptomFreeDays - streak);
      const days = more > 0 ? ` ${plural(more, "more symptom-free day")} needed.` : "";
      return `No running yet: pain-free walking, cycling or swimming; self-massage, ice and compression.${days}`;
    }
    case 1: {
      if (ready) return "Ready for continuous easy running: confirm the progression.";
      const l = ladder!;
      const last = stageRuns.at(-1);
      const repeat = last && judgeRun(last, input.logs, s).band === "acceptable" ? " Repeat this step: the last run was in the acceptable band, not safe." : "";
      return `Next run: ${ladderWords(l.step)} × 3–6 (step ${l.step + 1} of ${WALK_RUN_LADDER.length}; ${l.doneAtStep} of ${s.runsPerStep} good runs done), after a rest day.${repeat}`;
    }
    case 2:
      return ready ? "Ready to build volume: confirm the progression." : "Next run: continuous easy running, with a rest day after each run.";
    case 3: {
      if (ready) return "Ready for speed and hills: confirm the progression.";
      const target = input.preInjuryWeeklyKm ? (input.preInjuryWeeklyKm * s.volumeTargetPercent) / 100 : null;
      const cap = week.thisWeek * (1 + s.weeklyVolumeRisePercent / 100);
      const capWords = week.thisWeek > 0 ? `keep the next 7 days to ${km(cap)} or less (the last 7 days' ${km(week.thisWeek)} + ${s.weeklyVolumeRisePercent}%)` : "a steady week of easy runs";
      return `Build volume: ${capWords}${target !== null ? `, aiming for ${km(target)} a week` : ""}.`;
    }
    case 4:
      return ready ? "Ready to return to full training: confirm the progression." : "Add strides, hills and faster work gradually; recheck heel raises and knee-to-wall.";
    default:
      return returnDate ? `Full training. Watch for calf tightness in the first ${s.reinjuryWindowWeeks} weeks after ${shortDay(returnDate)}.` : "Full training.";
  }
}

export function computeReturnToRun(input: EngineInput): EngineResult {
  const s = input.settings;
  const current = input.stageChanges.at(-1);
  const stage = current?.toStage ?? 0;
  const since = current?.effectiveDate ?? input.onsetDate;
  // A step back or an override acknowledges the runs up to its day; a progression starts on its day.
  const acknowledges = current?.kind === "step_back" || current?.kind === "override";
  const runs = byDate(input.runs);
  const stageRuns = runs.filter((r) => (acknowledges ? r.date > since : r.date >= since));
  const streak = symptomFreeStreak(input.logs);
  const pain = latestPain(input);
  const lastDates = [...input.logs.map((l) => l.date), ...input.runs.map((r) => r.date)].sort();
  const lastLogDate = lastDates.at(-1) ?? null;
  const week = weeklyKm(runs, input.today);
  const returnDate = stage === 5 ? (input.returnDate ?? since) : null;

  const ladderStart = current?.kind === "step_back" && (current.fromStage ?? 0) > 1 ? LAST_LADDER_STEP : 0;
  const ladder = stage === 1 ? ladderPosition(stageRuns, input.logs, s, ladderStart) : null;
  const lastRun = stageRuns.at(-1);
  const verdict = lastRun ? judgeRun(lastRun, input.logs, s) : null;
  const stepBack = lastRun && verdict ? stepBackFor(stage, lastRun, verdict, ladder) : null;

  const flags: Flag[] = [];
  const add = (f: Flag | null) => {
    if (f) flags.push(f);
  };
  if (lastRun && verdict) {
    const when = shortDay(lastRun.date);
    if (verdict.band === "stop") add({ code: "stop_pain", level: "stop", reason: `Pain ${lastRun.painDuring}/10 during the run on ${when}: above ${s.painStopAbove}/10 means stop running.` });
    if (verdict.rise !== null && verdict.rise >= s.nextMorningRise)
      add({ code: "morning_rise", level: "caution", reason: `Next-morning pain rose by ${verdict.rise} points after the run on ${when} (${verdict.baseline} to ${lastRun.painNextMorning}/10).` });
    if (verdict.lasting) add({ code: "pain_lasting", level: "caution", reason: `Pain lasted more than 24 hours after the run on ${when}.` });
  }
  add(painRiseFlag(input.logs, s));
  if (stage === 0 && stageRuns.length > 0) {
    const first = stageRuns[0]!;
    add({ code: "run_before_gate", level: "caution", reason: `Run logged on ${shortDay(first.date)} while still in Protect: the return-to-run gate had not been confirmed.` });
  }
  if (stage === 1 || stage === 2) add(backToBackFlag(stageRuns, input.today));
  if (stage < 5) add(noRecentLogFlag(lastLogDate, input.onsetDate, input.today, s));
  if (stage === 5) add(reinjuryWindowFlag(returnDate, input.today, s));
  add(gaitFaultFlag(input.assessments));
  // The weekly rise is judged within the stage: the first week of building volume follows easier running.
  const weekComparable = daysBetween(since, input.today) >= 13;
  if ((stage === 3 || stage === 4) && weekComparable) add(volumeJumpFlag(week, s));

  let criteria: Criterion[] = [];
  if (stage === 0) criteria = protectCriteria(streak, input.logs, input.side, input.assessments, s);
  else if (stage === 1) criteria = walkRunCriteria(ladder!, stageRuns, input.logs, s);
  else if (stage === 2) criteria = continuousCriteria(stageRuns, input.logs, s);
  else if (stage === 3) criteria = volumeCriteria(week, weekComparable, input.preInjuryWeeklyKm, flags.length, s);
  else if (stage === 4) criteria = speedCriteria(input.today, input.logs, runs, input.side, input.assessments, s);

  // Pain and load flags hold a progression; the list says so, so readiness is never a black box.
  const blocking = flags.filter((f) => BLOCKING_FLAGS.includes(f.code));
  if (stage < 5 && stage !== 3) {
    criteria.push({
      code: "no_blocking_flags",
      label: "No pain or load flags",
      met: blocking.length === 0,
      detail: blocking.length === 0 ? "None raised." : `Raised: ${blocking.map((f) => FLAG_LABELS[f.code]).join(", ")}.`,
    });
  }
  const readyToProgress = stage < 5 && criteria.length > 0 && criteria.every((c) => c.met) && !stepBack && blocking.length === 0;
  const nextStep = stepBack ? stepBack.words : nextStepWords(input, stage, readyToProgress, ladder, streak, week, returnDate, stageRuns);

  return {
    stage,
    stageSince: since,
    nextStage: stage < 5 ? stage + 1 : null,
    criteria,
    readyToProgress,
    symptomFreeStreak: streak,
    latestPain: pain.value,
    latestPainDate: pain.date,
    lastLogDate,
    flags,
    nextStep,
    stepBack,
    ladder,
    weeklyKm: stage >= 2 ? week : null,
  };
}
