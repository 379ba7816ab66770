/**
 * The return-to-run engine, second edition (PRODUCT.md, "Clinical rules, second edition";
 * docs/engine.md lists each rule, its source and the interpretations made).
 *
 * From the protocol settings and an injury's logs, runs, assessments and confirmed stage
 * changes: where the runner stands and why. Pure and deterministic: the same input always
 * gives the same result. Every run of the episode is judged in one pass over sorted arrays.
 *
 * The engine suggests; the therapist confirms. The current stage is always the latest
 * confirmed stage change (a new injury without one starts in Protect at onset).
 */
import { addDays } from "../dates";
import { stageName } from "../injury";
import { LAST_LADDER_STEP, ladderWords, WALK_RUN_LADDER } from "../protocol";
import { heelRaiseGate } from "./capacity";
import { continuousCriterion, heelRaiseCriteria, ladderCriterion, painFreeWeekCriterion, redFlagCriterion, symptomFreeCriterion, volumeCriteria, walkingCriterion } from "./criteria";
import { buildDays, byDate, lastIndexOnOrBefore, prevDay, type Day } from "./days";
import { FLAG_LABELS, backToBackFlags, blockingFlags, gaitFaultFlag, noRecentLogFlag, painRiseFlag, reinjuryWindowFlag, volumeJumpFlag } from "./flags";
import { ladderProgress, type LadderProgress } from "./ladder";
import { acuteKm, isLoadJump, loadIndex, loadOn, weeklyKm } from "./load";
import { judgeRuns, type RunVerdict } from "./monitoring";
import { painFlags } from "./monitoring";
import { symptomFreeCount } from "./symptom-free";
import type { Criterion, EngineInput, EngineResult, EngineStageChange, Flag, PendingRequest, StepBack } from "./types";
import { plural, shortDay } from "./words";

export * from "./types";
export { judgeRun, painBand, runBaseline } from "./monitoring";
export { symptomFreeCount } from "./symptom-free";
export { heelRaiseCapacity, kneeToWallCapacity, limbSymmetryIndex, testFreshness, KNEE_TO_WALL_ERROR_CM } from "./capacity";
export { BLOCKING_FLAGS, FLAG_LABELS, FLAG_WORDS, isRunningAssessment } from "./flags";
export { dayWithYear, shortDay } from "./words";

/** Flags of a single run's pain: a step back is suggested while one is open. */
const PAIN_CODES = new Set(["stop_pain", "morning_rise", "pain_lasting"]);

/** The stage in effect on a day: the last change (by effective date, then recorded order) on or before it. */
function stageTimeline(changes: readonly EngineStageChange[]) {
  const sorted = changes.map((c, i) => ({ c, i })).sort((a, b) => (a.c.effectiveDate < b.c.effectiveDate ? -1 : a.c.effectiveDate > b.c.effectiveDate ? 1 : a.i - b.i));
  return (day: string): number => {
    let stage = 0;
    for (const { c } of sorted) {
      if (c.effectiveDate > day) break;
      stage = c.toStage;
    }
    return stage;
  };
}

/** One open flag per code: the latest, its reason naming earlier open ones; the earliest raise date. */
function openByCode(flags: readonly Flag[]): Flag[] {
  const byCode = new Map<string, Flag[]>();
  for (const f of flags) if (f.open) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  const out: Flag[] = [];
  for (const list of byCode.values()) {
    const latest = list.at(-1)!;
    const earlier = list.slice(0, -1).map((f) => shortDay(f.raisedOn));
    out.push(earlier.length ? { ...latest, raisedOn: list[0]!.raisedOn, reason: `${latest.reason} Also open from ${earlier.join(", ")}.` } : latest);
  }
  return out;
}

/**
 * A run in Protect before the gate was met on its day (symptom-free count as of the day
 * before, fresh calf capacity, red-flag screen). One flag per Protect period's runs; it is
 * cleared when the therapist confirms a later stage. For the therapist's attention: the run's
 * pain is judged by the pain rules like any run.
 */
function runBeforeGateFlags(verdicts: readonly RunVerdict[], days: readonly Day[], input: EngineInput, stageOn: (d: string) => number): Flag[] {
  const s = input.settings;
  const out: Flag[] = [];
  const protectSteps = input.stageChanges.filter((c) => c.kind === "step_back" && c.toStage === 0).map((c) => c.effectiveDate).sort();
  let lastStop: string | null = null;
  for (const v of verdicts) {
    const date = v.run.date;
    if (stageOn(date) === 0) {
      const dayBefore = prevDay(date);
      let restart = lastStop;
      for (const p of protectSteps) if (p <= dayBefore && (restart === null || p > restart)) restart = p;
      const sf = symptomFreeCount(days, dayBefore, restart, s.symptomFreeDays);
      const capacity = heelRaiseGate(input.injury.side, input.assessments, date, s.heelRaisesToRun, s.lsiMinPercent, s.testFreshDays);
      const met = sf.current && sf.count >= s.symptomFreeDays && capacity.met && input.redFlagScreen !== "refer";
      if (!met) {
        const why = [
          sf.current && sf.count >= s.symptomFreeDays ? "" : `${sf.current ? sf.count : 0} of ${s.symptomFreeDays} symptom-free days`,
          capacity.met ? "" : "calf capacity not met with a fresh test",
          input.redFlagScreen === "refer" ? "red-flag screen positive" : "",
        ].filter(Boolean);
        const later = input.stageChanges.find((c) => c.toStage > 0 && c.effectiveDate > date);
        out.push({
          code: "run_before_gate",
          level: "caution",
          raisedOn: date,
          reason: `Run logged on ${shortDay(date)} in Protect before the gate was met (${why.join("; ")}).`,
          open: !later,
          clearedOn: later?.effectiveDate ?? null,
          clearedBy: later ? `${stageName(later.toStage)} confirmed on ${shortDay(later.effectiveDate)}.` : null,
        });
      }
    }
    if (v.band === "stop") lastStop = date;
  }
  return out;
}

/** The step back the open pain flags suggest: one ladder step inside walk-run, else one stage. */
function suggestStepBack(stage: number, ladder: LadderProgress | null, open: readonly Flag[]): StepBack | null {
  const pain = open.filter((f) => PAIN_CODES.has(f.code));
  if (pain.length === 0 || stage === 0 || stage === 5) return null;
  const reason = pain.map((f) => f.reason).join(" ");
  if (stage === 1) {
    if (!ladder || ladder.step === 0) return { toStage: 0, toLadderStep: null, reason, words: "Step back to Protect: no running until the pain settles and the gate is met again." };
    const to = ladder.step - 1;
    return { toStage: 1, toLadderStep: to, reason, words: `Step back one step of the ladder, to ${ladderWords(to)} × 3–6, after a rest day.` };
  }
  const to = stage - 1;
  return { toStage: to, toLadderStep: to === 1 ? LAST_LADDER_STEP : null, reason, words: `Step back to ${stageName(to)} (stage ${to}) until runs settle again.` };
}

/** Scores the engine needs, asked for by date: next mornings of past runs, and the run day's pain when there is no baseline. */
function pendingRequests(stageRuns: readonly RunVerdict[], today: string): PendingRequest[] {
  const out: PendingRequest[] = [];
  for (let i = stageRuns.length - 1; i >= 0 && out.length < 5; i--) {
    const v = stageRuns[i]!;
    if (v.run.date >= today) continue;
    if (!v.completed) out.push({ runDate: v.run.date, missing: "next_morning", words: `Add the next-morning pain for the run on ${shortDay(v.run.date)} (the morning of ${shortDay(addDays(v.run.date, 1))}).` });
    else if (v.baseline === null)
      out.push({ runDate: v.run.date, missing: "baseline", words: `Add the pain in daily activities on ${shortDay(v.run.date)} (the run day) to judge the next morning.` });
  }
  return out;
}

function nextStepWords(input: EngineInput, stage: number, ready: boolean, ladder: LadderProgress | null, streak: number, pending: PendingRequest[], load: EngineResult["load"]): string {
  const s = input.settings;
  const ask = pending.length ? ` ${pending[0]!.words}` : "";
  if (input.redFlagScreen === "refer" && stage < 5) return "Refer before loading: a red-flag item is positive and not yet cleared.";
  switch (stage) {
    case 0: {
      if (ready) return `Ready for walk-run: confirm the progression, then start with ${ladderWords(0)} × 3–6, with a rest day between runs.`;
      const more = Math.max(0, s.symptomFreeDays - streak);
      return `No running yet: pain-free walking, cycling or swimming; self-massage, ice and compression.${more > 0 ? ` ${plural(more, "more symptom-free day")} needed.` : ""}${ask}`;
    }
    case 1: {
      if (ready) return "Ready for continuous easy running: confirm the progression.";
      const l = ladder!;
      const repeat = l.repeat ? " Repeat this step." : "";
      return `Next run: ${ladderWords(l.step)} × 3–6 (step ${l.step + 1} of ${WALK_RUN_LADDER.length}; ${l.doneAtStep} of ${s.runsPerStep} good sessions done), after a rest day.${repeat}${ask}`;
    }
    case 2:
      return ready ? "Ready to build volume: confirm the progression." : `Next run: continuous easy running, with a rest day after each run.${ask}`;
    case 3: {
      if (ready) return "Ready for speed and hills: confirm the progression.";
      const target = input.preInjuryWeeklyKm ? Math.round(input.preInjuryWeeklyKm * s.volumeTargetPercent) / 100 : null;
      const cap = load ? `keep the next 7 days to about ${load.limit} ${load.unit} or less` : "a steady week of easy runs";
      return `Build volume: ${cap}${target !== null ? `, aiming for ${target} km a week` : ""}.${ask}`;
    }
    case 4:
      return ready ? "Ready to return to full training: confirm the progression." : `Add strides, hills and faster work gradually; recheck heel raises and knee-to-wall.${ask}`;
    default:
      return "Full training.";
  }
}

/**
 * Where the runner stands: stage, the next stage's criteria, open flags and their history,
 * pending scores, next step and a step-back suggestion. See docs/engine.md for each rule.
 */
export function computeReturnToRun(input: EngineInput): EngineResult {
  const s = input.settings;
  const today = input.today;
  const logs = byDate(input.logs);
  const runs = byDate(input.runs.filter((r) => r.date <= today));
  const assessments = [...input.assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
  const sortedInput = { ...input, assessments };
  const days = buildDays(logs, runs);
  const current = input.stageChanges.at(-1);
  const stage = current?.toStage ?? 0;
  const since = current?.effectiveDate ?? input.onsetDate;
  const stageOn = stageTimeline(input.stageChanges);

  const verdicts = judgeRuns(runs, days, s);
  // A step back or an override acknowledges the runs up to its day; a progression starts on its day.
  const acknowledges = current?.kind === "step_back" || current?.kind === "override";
  const stageRuns = verdicts.filter((v) => (acknowledges ? v.run.date > since : v.run.date >= since));

  // The symptom-free count restarts the day after a stop-level run or a step back to Protect.
  let restartAfter: string | null = null;
  for (const v of verdicts) if (v.band === "stop") restartAfter = v.run.date;
  for (const c of input.stageChanges) if (c.kind === "step_back" && c.toStage === 0 && c.effectiveDate <= today && (restartAfter === null || c.effectiveDate > restartAfter)) restartAfter = c.effectiveDate;
  const sf = symptomFreeCount(days, today, restartAfter);
  const streak = sf.current ? sf.count : 0;

  const ladderStart = current?.kind === "step_back" ? (current.toLadderStep ?? ((current.fromStage ?? 0) > 1 ? LAST_LADDER_STEP : 0)) : 0;
  const ladder = stage === 1 ? ladderProgress(stageRuns, ladderStart, s) : null;

  const returnStart = stage === 5 ? (input.returnDate ?? since) : null;
  const all: Flag[] = [...painFlags(verdicts, input.stageChanges, s), ...backToBackFlags(verdicts, returnStart, today), ...runBeforeGateFlags(verdicts, days, sortedInput, stageOn), ...(ladder?.skipped ?? [])];
  const add = (f: Flag | null) => {
    if (f) all.push(f);
  };
  if (stage < 5) add(painRiseFlag(days, today, s));
  const lastLogDate = [logs.at(-1)?.date, runs.at(-1)?.date].filter((d): d is string => !!d).sort().at(-1) ?? null;
  if (stage < 5) add(noRecentLogFlag(lastLogDate, input.onsetDate, today, s));
  if (stage === 5) add(reinjuryWindowFlag(returnStart, today, s, input.injury));
  add(gaitFaultFlag(assessments));

  const ix = loadIndex(runs);
  const load = stage >= 2 ? loadOn(ix, today, s) : null;
  const jumpDays: string[] = [];
  if (stage === 3 || stage === 4) {
    for (let d = addDays(today, -6); d <= today; d = addDays(d, 1)) if (d >= since && isLoadJump(loadOn(ix, d, s))) jumpDays.push(d);
    add(volumeJumpFlag(load!, today, s));
  }

  const flags = openByCode(all);
  const flagHistory = all.filter((f) => !f.open).sort((a, b) => (a.clearedOn! < b.clearedOn! ? 1 : a.clearedOn! > b.clearedOn! ? -1 : 0)).slice(0, 20);
  // Speed and hills to returned needs no open flags at all (PRODUCT.md), advisories aside.
  const blocking = stage === 4 ? flags.filter((f) => f.level !== "advisory") : blockingFlags(flags, stage);
  const stepBack = suggestStepBack(stage, ladder, flags);

  let criteria: Criterion[] = [];
  const side = input.injury.side;
  if (stage === 0) criteria = [symptomFreeCriterion(sf, s), walkingCriterion(sf), ...heelRaiseCriteria(side, assessments, today, s.heelRaisesToRun, s, false), redFlagCriterion(input.redFlagScreen)];
  else if (stage === 1) criteria = [ladderCriterion(ladder!, s)];
  else if (stage === 2) criteria = [continuousCriterion(stageRuns, s)];
  else if (stage === 3) {
    const weekAgo = addDays(today, -7);
    const recent = all.filter((f) => f.code !== "volume_jump" && blockingFlags([{ ...f, open: true }], 3).length > 0 && (f.open || (f.clearedOn !== null && f.clearedOn > weekAgo))).length;
    criteria = volumeCriteria(acuteKm(ix, today), load!, jumpDays, recent, input.preInjuryWeeklyKm, s);
  } else if (stage === 4) criteria = [painFreeWeekCriterion(days, today), ...heelRaiseCriteria(side, assessments, today, s.heelRaisesToReturn, s, true)];
  if (stage >= 1 && stage < 5 && input.redFlagScreen === "refer") criteria.push(redFlagCriterion("refer"));
  if (stage < 5 && stage !== 3) {
    criteria.push({
      code: "no_blocking_flags",
      label: stage === 4 ? "No open flags" : "No open pain or load flags",
      met: blocking.length === 0,
      detail: blocking.length === 0 ? "None open." : `Open: ${blocking.map((f) => `${FLAG_LABELS[f.code]} (since ${shortDay(f.raisedOn)})`).join(", ")}.`,
    });
  }
  // Readiness cannot come back on the day of a step back: the next day's scores decide.
  if (stage < 5 && current?.kind === "step_back" && current.effectiveDate === today)
    criteria.push({ code: "not_step_back_day", label: "A day since the step back", met: false, detail: `Stepped back today (${shortDay(today)}): readiness is judged again from tomorrow.` });

  const readyToProgress = stage < 5 && criteria.length > 0 && criteria.every((c) => c.met) && blocking.length === 0 && !stepBack;
  const pending = pendingRequests(stageRuns, today);
  const nextStep = stepBack ? stepBack.words : nextStepWords(input, stage, readyToProgress, ladder, streak, pending, load);
  let latest: Day | null = null;
  for (let i = lastIndexOnOrBefore(days, today); i >= 0; i--) {
    if (days[i]!.worst !== null) {
      latest = days[i]!;
      break;
    }
  }

  return {
    stage,
    stageSince: since,
    nextStage: stage < 5 ? stage + 1 : null,
    criteria,
    readyToProgress,
    symptomFreeStreak: streak,
    // The last counted day is the last logged day: the count starts there or is 0.
    symptomFreeSpan: streak > 0 && sf.firstDay !== null && sf.lastLogged !== null ? { from: sf.firstDay, to: sf.lastLogged, days: streak } : null,
    latestPain: latest?.worst ?? null,
    latestPainDate: latest?.date ?? null,
    lastLogDate,
    flags,
    flagHistory,
    pending,
    nextStep,
    stepBack,
    ladder: ladder ? { step: ladder.step, doneAtStep: ladder.doneAtStep, complete: ladder.complete } : null,
    weeklyKm: stage >= 2 ? weeklyKm(ix, today) : null,
    load,
  };
}
