/** The criteria to leave each stage, each met or not, with its numbers and dates in words. */
import { addDays, daysBetween } from "../dates";
import { LAST_LADDER_STEP, WALK_RUN_LADDER, ladderWords, type ProtocolSettings } from "../protocol";
import type { Side } from "@/lib/domain/vocabulary";
import { heelRaiseGate, kneeToWallCapacity, latestAssessment, testFreshness } from "./capacity";
import { lastIndexOnOrBefore, type Day } from "./days";
import type { LadderProgress } from "./ladder";
import type { RunVerdict } from "./monitoring";
import type { SymptomFreeCount } from "./symptom-free";
import type { Criterion, EngineAssessment, Load, RedFlagScreen } from "./types";
import { plural, shortDay } from "./words";

/**
 * The symptom-free count against the gate: at least `symptomFreeDays`, ending today or
 * yesterday (PRODUCT.md second edition; the 7 days are from the calf-strain article).
 */
export function symptomFreeCriterion(sf: SymptomFreeCount, s: ProtocolSettings): Criterion {
  const counted = sf.firstDay ? ` Counted from ${shortDay(sf.firstDay)}.` : "";
  const ended = sf.endedBy ? ` Before that: ${sf.endedBy}.` : "";
  const stale = sf.lastLogged && !sf.current ? ` Not current: the runner last logged on ${shortDay(sf.lastLogged)}; the count must reach today or yesterday.` : "";
  return {
    code: "symptom_free_days",
    label: `${s.symptomFreeDays} symptom-free days in a row`,
    met: sf.current && sf.count >= s.symptomFreeDays,
    detail: sf.lastLogged
      ? `${sf.count} of ${s.symptomFreeDays} symptom-free days (every score 0: rest, daily activities, cross-training and runs).${counted}${ended}${stale} One day not logged is bridged; two end the count.`
      : `0 of ${s.symptomFreeDays} symptom-free days: nothing logged yet.`,
  };
}

/** The last walking in the count was pain-free (PRODUCT.md: the gate to walk-run). */
export function walkingCriterion(sf: SymptomFreeCount): Criterion {
  const w = sf.lastWalk;
  return {
    code: "pain_free_walking",
    label: "Pain-free walking",
    met: w !== null && w.pain === 0,
    detail: w
      ? w.pain === null
        ? `Walking on ${shortDay(w.date)} (${w.minutes} min) has no pain score.`
        : `Last walk in the count: ${shortDay(w.date)}, ${w.minutes} min at ${w.pain}/10.`
      : "No walking logged within the symptom-free count.",
  };
}

/**
 * Heel raises against the target with the limb symmetry index, and the test's freshness
 * (Green et al. 2022 for 30; 25 to start running is a clinic heuristic from jogging-entry guidance).
 */
export function heelRaiseCriteria(side: Side, assessments: readonly EngineAssessment[], today: string, target: number, s: ProtocolSettings, withKneeToWall: boolean): Criterion[] {
  const gate = heelRaiseGate(side, assessments, today, target, s.lsiMinPercent, s.testFreshDays);
  const source = target === s.heelRaisesToRun ? " (to start running: a clinic heuristic from jogging-entry guidance)" : " (Green et al. 2022 return-to-play criteria)";
  const label = `Heel raises ≥${target} on the injured side`;
  const lsiLabel = side === "both" ? "Heel raises: each injured side judged against the target" : `Heel-raise limb symmetry index ≥${s.lsiMinPercent}%`;
  const out: Criterion[] = [];
  if (!gate.verdict || !gate.assessment) {
    out.push({ code: "heel_raises", label, met: false, detail: `No heel-raise test recorded yet${source}.` });
    out.push({ code: "heel_raise_lsi", label: lsiLabel, met: false, detail: "No heel-raise test recorded yet." });
  } else {
    const targetWords = gate.verdict.targetWords.replace(/\.$/, "");
    out.push({ code: "heel_raises", label, met: gate.verdict.targetMet, detail: `${targetWords}, tested ${shortDay(gate.assessment.assessedOn)}${source}.` });
    out.push({ code: "heel_raise_lsi", label: lsiLabel, met: gate.verdict.symmetryMet, detail: gate.verdict.symmetryWords });
  }
  let allFresh = gate.freshness?.fresh ?? false;
  let freshWords = gate.freshness ? `Heel raises: ${gate.freshness.words}` : "No heel-raise test recorded yet.";
  if (withKneeToWall) {
    const a = latestAssessment(assessments, today, (x) => x.kneeToWallLeftCm !== null || x.kneeToWallRightCm !== null);
    const k = a ? kneeToWallCapacity(side, a.kneeToWallLeftCm, a.kneeToWallRightCm, s.lsiMinPercent) : null;
    out.push({
      code: "knee_to_wall_lsi",
      label: side === "both" ? "Knee-to-wall measured on both sides" : `Knee-to-wall limb symmetry index ≥${s.lsiMinPercent}%`,
      met: k?.met ?? false,
      detail: a && k ? `${k.words} Tested ${shortDay(a.assessedOn)}.` : "No knee-to-wall test recorded yet.",
    });
    const kf = a ? testFreshness(a.assessedOn, today, s.testFreshDays) : null;
    allFresh = allFresh && (kf?.fresh ?? false);
    freshWords += kf ? ` Knee-to-wall: ${kf.words}` : " No knee-to-wall test recorded yet.";
  }
  out.push({ code: "calf_test_fresh", label: `Calf tests within ${s.testFreshDays} days`, met: allFresh, detail: freshWords });
  return out;
}

export function redFlagCriterion(screen: RedFlagScreen): Criterion {
  return {
    code: "red_flag_screen",
    label: screen === "refer" ? "Red-flag screen: refer before loading" : "Red-flag screen clear",
    met: screen !== "refer",
    detail:
      screen === "refer"
        ? "A red-flag item is positive and not yet cleared: refer before loading."
        : screen === "cleared"
          ? "A positive item was cleared by a doctor."
          : "No red-flag item is positive.",
  };
}

/** The ladder completed, in order, with the counts that did not count said in words. */
export function ladderCriterion(l: LadderProgress, s: ProtocolSettings): Criterion {
  const total = WALK_RUN_LADDER.length;
  const notes = [
    l.pendingAtStep > 0 ? `${plural(l.pendingAtStep, "session")} at this step wait${l.pendingAtStep === 1 ? "s" : ""} for the next-morning score.` : "",
    l.tooShort > 0 ? `${plural(l.tooShort, "session")} with fewer than 3 repetitions did not count.` : "",
    l.repeat ? `Repeat this step: the session on ${shortDay(l.repeat.run.date)} was ${l.repeat.band === "acceptable" ? `in the acceptable band (${l.repeat.run.painDuring}/10)` : `followed by a next-morning rise of ${l.repeat.rise}`}.` : "",
  ].filter(Boolean);
  return {
    code: "ladder_complete",
    label: `Walk-run ladder completed in order (${ladderWords(LAST_LADDER_STEP)}, ${plural(s.runsPerStep, "good session")} a step)`,
    met: l.complete,
    detail: `${l.complete ? "Completed" : `Step ${l.step + 1} of ${total}`} (${ladderWords(l.step)}): ${l.doneAtStep >= s.runsPerStep || l.complete ? s.runsPerStep : l.doneAtStep} of ${s.runsPerStep} good sessions.${notes.length ? ` ${notes.join(" ")}` : ""}`,
  };
}

/**
 * Continuous easy: two consecutive completed runs, safe during and settled by the next
 * morning. A session still waiting for its morning neither counts nor breaks the pair; a
 * back-to-back pair restarts it (it blocks until two good runs follow).
 */
export function continuousCriterion(stageRuns: readonly RunVerdict[], s: ProtocolSettings): Criterion {
  let inARow = 0;
  let prev: string | null = null;
  let pending = 0;
  let broke: string | null = null;
  for (const v of stageRuns) {
    const backToBack = prev !== null && daysBetween(prev, v.run.date) <= 1;
    prev = v.run.date;
    if (backToBack) {
      inARow = 0;
      broke = `back-to-back runs on ${shortDay(v.run.date)}`;
      continue;
    }
    if (!v.completed) {
      pending++;
      continue;
    }
    if (v.good) inARow++;
    else {
      inARow = 0;
      broke = `the run on ${shortDay(v.run.date)} (${v.run.painDuring}/10 during${v.rise !== null ? `, next-morning change ${v.rise > 0 ? "+" : ""}${v.rise}` : ", next-morning change unknown"})`;
    }
  }
  return {
    code: "good_runs_in_a_row",
    label: `Two runs in a row with pain ≤${s.painSafeMax}/10 during, settled by the next morning`,
    met: inARow >= 2,
    detail: `${Math.min(inARow, 2)} of 2 runs in a row.${broke && inARow < 2 ? ` Restarted after ${broke}.` : ""}${pending ? ` ${plural(pending, "run")} wait${pending === 1 ? "s" : ""} for the next-morning score.` : ""}`,
  };
}

/** Build volume: 80% of the pre-injury weekly km in the last 7 days, no load jump, no open flag for 7 days. */
export function volumeCriteria(acuteKm: number | null, load: Load, jumpDays: string[], flagsIn7Days: number, preInjuryWeeklyKm: number | null, s: ProtocolSettings): Criterion[] {
  const target = preInjuryWeeklyKm ? Math.round(preInjuryWeeklyKm * s.volumeTargetPercent) / 100 : null;
  return [
    {
      code: "weekly_volume",
      label: `${s.volumeTargetPercent}% of the pre-injury weekly volume`,
      met: target !== null && acuteKm !== null && acuteKm >= target,
      detail:
        target === null
          ? "Pre-injury weekly volume is not recorded: add it to the running profile."
          : acuteKm === null
            ? `A run of the last 7 days has no distance: add distances to compare with the pre-injury ${preInjuryWeeklyKm} km (target ${target} km).`
            : `${acuteKm} km in the last 7 days of ${target} km (${s.volumeTargetPercent}% of ${preInjuryWeeklyKm} km).`,
    },
    {
      code: "weekly_rise",
      label: "No load jump (guidance)",
      met: load.acute <= load.limit,
      detail: `${load.acute} ${load.unit} in the last 7 days; weekly mean of the 28 days before ${load.chronicWeekly} ${load.unit}; limit ${load.limit} ${load.unit} (+${s.weeklyVolumeRisePercent}% and ${load.unit === "km" ? `${s.volumeAllowanceKm} km` : `${s.volumeAllowanceMinutes} min`}; Nielsen et al. 2014 found rises over 30% a week linked with injuries).`,
    },
    {
      code: "no_flags",
      label: "No open flag for 7 days",
      met: flagsIn7Days === 0 && jumpDays.length === 0,
      detail:
        flagsIn7Days === 0 && jumpDays.length === 0
          ? "No pain or load flag open in the last 7 days."
          : [flagsIn7Days ? `${plural(flagsIn7Days, "pain or load flag")} open in the last 7 days` : "", jumpDays.length ? `a load jump on ${jumpDays.map(shortDay).join(", ")}` : ""].filter(Boolean).join("; ") + ".",
    },
  ];
}

/** Pain-free for the last 7 days: every score 0, runs included, logged up to today or yesterday. */
export function painFreeWeekCriterion(days: readonly Day[], today: string): Criterion {
  const from = addDays(today, -6);
  let worst = 0;
  let worstDay: string | null = null;
  let logged = 0;
  let last: string | null = null;
  for (let i = lastIndexOnOrBefore(days, today); i >= 0 && days[i]!.date >= from; i--) {
    const d = days[i]!;
    if (d.worst === null) continue;
    logged++;
    last ??= d.date;
    if (d.worst > worst) {
      worst = d.worst;
      worstDay = d.date;
    }
  }
  const current = last !== null && daysBetween(last, today) <= 1;
  return {
    code: "pain_free",
    label: "Pain-free for the last 7 days",
    met: logged > 0 && current && worst === 0,
    detail:
      logged === 0
        ? "Nothing logged in the last 7 days."
        : worst > 0
          ? `Pain ${worst}/10 on ${shortDay(worstDay!)} within the last 7 days.`
          : current
            ? `${plural(logged, "logged day")} in the last 7 days, every score 0.`
            : `Every score 0, but the runner last logged on ${shortDay(last!)}.`,
  };
}
