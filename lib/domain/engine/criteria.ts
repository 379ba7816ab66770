/** The criteria to leave each stage, each met or not, with its numbers in words. */
import { addDays } from "../dates";
import { asymmetryPercent, injuredSideLabel, injuredSideValue } from "../asymmetry";
import { LAST_LADDER_STEP, WALK_RUN_LADDER, ladderWords, type ProtocolSettings } from "../protocol";
import type { Side } from "@/lib/domain/vocabulary";
import { judgeRun, logScores } from "./pain";
import type { Criterion, EngineAssessment, EngineLog, EngineRun, LadderPosition } from "./types";
import { km, plural, shortDay } from "./words";

function latestWith(assessments: EngineAssessment[], has: (a: EngineAssessment) => boolean): EngineAssessment | undefined {
  let best: EngineAssessment | undefined;
  for (const a of assessments) if (has(a) && (!best || a.assessedOn >= best.assessedOn)) best = a;
  return best;
}

const pct = (n: number) => `${Math.round(n)}%`;

export function heelRaiseCriteria(side: Side, assessments: EngineAssessment[], target: number, s: ProtocolSettings): Criterion[] {
  const a = latestWith(assessments, (x) => x.heelRaisesLeft !== null || x.heelRaisesRight !== null);
  const label = `Heel raises ≥${target} on the injured side`;
  const asymLabel = `Heel-raise asymmetry ≤${s.asymmetryMaxPercent}%`;
  if (!a) {
    return [
      { code: "heel_raises", label, met: false, detail: "No heel-raise test recorded yet." },
      { code: "heel_raise_asymmetry", label: asymLabel, met: false, detail: "No heel-raise test recorded yet." },
    ];
  }
  const value = injuredSideValue(side, a.heelRaisesLeft, a.heelRaisesRight);
  const where = injuredSideLabel(side, a.heelRaisesLeft, a.heelRaisesRight);
  const weaker = side === "both" ? " (the weaker side)" : "";
  const asym = asymmetryPercent(a.heelRaisesLeft, a.heelRaisesRight);
  const on = `on ${shortDay(a.assessedOn)}`;
  return [
    {
      code: "heel_raises",
      label,
      met: value !== null && value >= target,
      detail: value === null ? `The injured side was not tested ${on}.` : `Heel raises ${value}/${target} on the ${where}${weaker} ${on}.`,
    },
    {
      code: "heel_raise_asymmetry",
      label: asymLabel,
      met: asym !== null && asym <= s.asymmetryMaxPercent,
      detail: asym === null ? `Both sides are needed to compare (${on}).` : `Asymmetry ${pct(asym)} (left ${a.heelRaisesLeft}, right ${a.heelRaisesRight}) ${on}; limit ${s.asymmetryMaxPercent}%.`,
    },
  ];
}

function kneeToWallCriterion(assessments: EngineAssessment[], s: ProtocolSettings): Criterion {
  const a = latestWith(assessments, (x) => x.kneeToWallLeftCm !== null && x.kneeToWallRightCm !== null);
  const label = `Knee-to-wall asymmetry ≤${s.asymmetryMaxPercent}%`;
  if (!a) return { code: "knee_to_wall_asymmetry", label, met: false, detail: "No knee-to-wall test of both sides recorded yet." };
  const asym = asymmetryPercent(a.kneeToWallLeftCm, a.kneeToWallRightCm)!;
  return {
    code: "knee_to_wall_asymmetry",
    label,
    met: asym <= s.asymmetryMaxPercent,
    detail: `Asymmetry ${pct(asym)} (left ${a.kneeToWallLeftCm} cm, right ${a.kneeToWallRightCm} cm) on ${shortDay(a.assessedOn)}; limit ${s.asymmetryMaxPercent}%.`,
  };
}

export function protectCriteria(streak: number, logs: EngineLog[], side: Side, assessments: EngineAssessment[], s: ProtocolSettings): Criterion[] {
  const walks = logs.filter((l) => l.walkMinutes !== null && l.walkMinutes > 0 && l.painWalk !== null);
  const lastWalk = walks.reduce<EngineLog | undefined>((best, l) => (!best || l.date > best.date ? l : best), undefined);
  return [
    {
      code: "symptom_free_days",
      label: `${s.symptomFreeDays} symptom-free days in a row`,
      met: streak >= s.symptomFreeDays,
      detail: `${streak} of ${s.symptomFreeDays} symptom-free days (0/10 at rest, in daily activities and in cross-training). A day not logged neither breaks nor adds to the count.`,
    },
    {
      code: "pain_free_walking",
      label: "Pain-free walking",
      met: lastWalk !== undefined && lastWalk.painWalk === 0,
      detail: lastWalk ? `Last walk logged on ${shortDay(lastWalk.date)}: ${lastWalk.walkMinutes} min at ${lastWalk.painWalk}/10.` : "No walk with a pain score logged yet.",
    },
    ...heelRaiseCriteria(side, assessments, s.heelRaisesToRun, s),
  ];
}

function lastRunCriteria(lastRun: EngineRun | undefined, logs: EngineLog[], s: ProtocolSettings): Criterion[] {
  if (!lastRun) {
    return [
      { code: "last_run_pain", label: `Last run pain ≤${s.painSafeMax}/10 during`, met: false, detail: "No run logged in this stage yet." },
      { code: "last_run_settled", label: "Settled by the next morning", met: false, detail: "No run logged in this stage yet." },
    ];
  }
  const v = judgeRun(lastRun, logs, s);
  const when = shortDay(lastRun.date);
  return [
    { code: "last_run_pain", label: `Last run pain ≤${s.painSafeMax}/10 during`, met: v.band === "safe", detail: `Pain ${lastRun.painDuring}/10 during the run on ${when}.` },
    {
      code: "last_run_settled",
      label: "Settled by the next morning",
      met: v.settled === true && !v.lasting,
      detail:
        lastRun.painNextMorning === null
          ? `Next-morning pain after the run on ${when} is not recorded yet.`
          : `Next morning ${lastRun.painNextMorning}/10 against ${v.baseline}/10 before the run on ${when}.`,
    },
  ];
}

export function walkRunCriteria(ladder: LadderPosition, stageRuns: EngineRun[], logs: EngineLog[], s: ProtocolSettings): Criterion[] {
  const total = WALK_RUN_LADDER.length;
  return [
    {
      code: "ladder_complete",
      label: `Walk-run ladder completed (${ladderWords(LAST_LADDER_STEP)}, ${plural(s.runsPerStep, "good run")})`,
      met: ladder.complete,
      detail: `Step ${ladder.step + 1} of ${total} (${ladderWords(ladder.step)}): ${ladder.doneAtStep} of ${s.runsPerStep} good runs done at this step.`,
    },
    ...lastRunCriteria(stageRuns.at(-1), logs, s),
  ];
}

export function continuousCriteria(stageRuns: EngineRun[], logs: EngineLog[], s: ProtocolSettings): Criterion[] {
  // A last run still waiting for its next-morning score neither counts nor breaks the run of good ones.
  const last = stageRuns.at(-1);
  const pending = last !== undefined && last.painNextMorning === null && judgeRun(last, logs, s).band === "safe";
  let inARow = 0;
  for (let i = stageRuns.length - 1 - (pending ? 1 : 0); i >= 0; i--) {
    if (!judgeRun(stageRuns[i]!, logs, s).good) break;
    inARow++;
  }
  return [
    {
      code: "good_runs_in_a_row",
      label: `Two runs in a row with pain ≤${s.painSafeMax}/10 during, settled by the next morning`,
      met: inARow >= 2,
      detail: `${Math.min(inARow, 2)} of 2 runs in a row.${pending ? " The last run's next-morning pain is not recorded yet, so it does not count yet." : ""}`,
    },
  ];
}

export function volumeCriteria(week: { thisWeek: number; lastWeek: number }, comparable: boolean, preInjuryWeeklyKm: number | null, cautionFlags: number, s: ProtocolSettings): Criterion[] {
  const target = preInjuryWeeklyKm ? (preInjuryWeeklyKm * s.volumeTargetPercent) / 100 : null;
  const limit = week.lastWeek * (1 + s.weeklyVolumeRisePercent / 100);
  return [
    {
      code: "weekly_volume",
      label: `Weekly volume about ${s.volumeTargetPercent}% of pre-injury`,
      met: target !== null && week.thisWeek >= target,
      detail:
        target === null
          ? "Pre-injury weekly volume is not recorded (add it to the running profile)."
          : `${km(week.thisWeek)} in the last 7 days of ${km(target)} (${s.volumeTargetPercent}% of ${km(preInjuryWeeklyKm!)}).`,
    },
    {
      code: "weekly_rise",
      label: `Weekly rise ≤${s.weeklyVolumeRisePercent}%`,
      met: !comparable || week.lastWeek === 0 || week.thisWeek <= limit + 0.05,
      detail: !comparable
        ? `${km(week.thisWeek)} this week; the stage began less than two weeks ago, so there is no week of it to compare.`
        : week.lastWeek === 0
          ? `${km(week.thisWeek)} this week; no runs the week before to compare.`
          : `${km(week.thisWeek)} this week against ${km(week.lastWeek)} the week before (limit ${km(limit)}).`,
    },
    { code: "no_flags", label: "No flags", met: cautionFlags === 0, detail: cautionFlags === 0 ? "No flags are raised." : `${plural(cautionFlags, "flag")} raised (see below).` },
  ];
}

export function speedCriteria(today: string, logs: EngineLog[], runs: EngineRun[], side: Side, assessments: EngineAssessment[], s: ProtocolSettings): Criterion[] {
  const since = addDays(today, -6);
  const recentLogs = logs.filter((l) => l.date >= since && l.date <= today);
  const recentRuns = runs.filter((r) => r.date >= since && r.date <= today);
  const worst = Math.max(0, ...recentLogs.flatMap(logScores), ...recentRuns.map((r) => r.painDuring));
  const anything = recentLogs.length + recentRuns.length > 0;
  return [
    {
      code: "pain_free",
      label: "Pain-free over the last 7 days",
      met: anything && worst === 0,
      detail: anything ? `Highest pain logged in the last 7 days: ${worst}/10.` : "Nothing logged in the last 7 days.",
    },
    ...heelRaiseCriteria(side, assessments, s.heelRaisesToReturn, s),
    kneeToWallCriterion(assessments, s),
  ];
}
