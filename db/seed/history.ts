/**
 * Generates one runner's clinical history (injury, daily logs, runs, assessments, stage
 * changes) from a profile, relative to "today". Used by the demo clinic and the benchmark.
 * All data is synthetic.
 */
import type { Rng } from "./random";
import { addDays, daysBetween } from "../../lib/domain/dates";
import type { InjurySeverity, Muscle, Side } from "../../lib/domain/vocabulary";

export type Profile = {
  muscle: Muscle;
  side: Side;
  severity: InjurySeverity;
  grade: 1 | 2 | 3;
  achilles: boolean;
  priorStrains: number;
  onsetAgo: number;
  /** The confirmed stage today (0 Protect … 5 Returned). */
  stage: 0 | 1 | 2 | 3 | 4 | 5;
  /** For stage 5: days since the return to full running. */
  returnedAgo?: number;
  /** For stage 0: symptom-free days logged so far (the gate needs 7). */
  symptomFreeDays?: number;
  preInjuryWeeklyKm: number;
  /** Special stories that produce flags. */
  flareUp?: boolean;
  badLastRun?: boolean;
  runBeforeGate?: boolean;
  backToBack?: boolean;
  logGapAtEnd?: number;
  severeGaitFault?: boolean;
  noLogs?: boolean;
  /** How often a day is logged once out of the protect stage (0.65 unless set). */
  laterLogProbability?: number;
};

export type DailyLogRow = {
  logDate: string;
  painRest: number | null;
  painDaily: number | null;
  walkMinutes: number | null;
  painWalk: number | null;
  cycleMinutes: number | null;
  painCycle: number | null;
  swimMinutes: number | null;
  painSwim: number | null;
  massageSessions: number | null;
  iceSessions: number | null;
  compression: boolean | null;
  note: string | null;
};

export type RunRow = {
  runDate: string;
  kind: "walk_run" | "continuous";
  walkMinutes: number | null;
  runMinutes: number | null;
  repetitions: number | null;
  continuousMinutes: number | null;
  distanceKm: number | null;
  painDuring: number;
  painNextMorning: number | null;
  surface: string | null;
  note: string | null;
};

export type AssessmentRow = {
  assessedOn: string;
  method: "visual" | "video" | "sensor";
  setting: "treadmill" | "overground";
  speedKmh: number;
  toeOutSeverity: Severity;
  fpaLeftDeg: number;
  fpaRightDeg: number;
  pelvicSeverity: Severity;
  pelvicTiltDeg: number;
  thomasLeft: "negative" | "short_one_joint" | "short_two_joint";
  thomasRight: "negative" | "short_one_joint" | "short_two_joint";
  gluteLeft: number;
  gluteRight: number;
  /** Graded only in assessments of running (null at walking speed). */
  overstrideSeverity: Severity | null;
  cadenceSpm: number;
  strikeAheadCm: number | null;
  shinAngleDeg: number | null;
  calfSeverity: Severity;
  kneeToWallLeftCm: number;
  kneeToWallRightCm: number;
  heelRaisesLeft: number;
  heelRaisesRight: number;
  planCues: string;
  cadenceTargetSpm: number;
};
type Severity = "none" | "mild" | "moderate" | "severe";

export type StageChangeRow = { toStage: number; fromStage: number | null; kind: "start" | "progression" | "override"; effectiveDate: string; reason: string | null };

export type History = {
  onsetDate: string;
  returnDate: string | null;
  dailyLogs: DailyLogRow[];
  runs: RunRow[];
  assessments: AssessmentRow[];
  stageChanges: StageChangeRow[];
};

// Nominal days in each stage before progressing; protect depends on the injury.
function protectDays(p: Profile): number {
  const base = p.severity === "spasm" ? 8 : p.severity === "strain" ? 14 : 24;
  // Soleus strains cost about three times as many days as gastrocnemius strains
  // (track-and-field data, 25.1 vs 7.7 days; PRODUCT.md).
  return p.muscle === "soleus" ? Math.round(base * 3) : base;
}
// Walk-run: ten good sessions with a rest day between; continuous easy: two good runs;
// build volume: weeks of at most 10% (plus a small allowance) a week.
const LATER_STAGE_DAYS = [0, 26, 8, 42, 12];

/** Day offsets (from onset) at which each stage up to the profile's began. */
export function stageStarts(p: Profile): number[] {
  const starts = [0];
  if (p.stage === 0) return starts;
  const nominal = [protectDays(p), ...LATER_STAGE_DAYS.slice(1)];
  const inCurrent = p.stage === 5 ? (p.returnedAgo ?? 30) : Math.max(3, Math.round((nominal[p.stage] ?? 14) * 0.4));
  const before = Math.max(p.stage * 4, p.onsetAgo - inCurrent);
  const nominalSum = nominal.slice(0, p.stage).reduce((a, b) => a + b, 0);
  const scale = before / nominalSum;
  let at = 0;
  for (let s = 0; s < p.stage; s++) {
    at += Math.max(4, Math.round((nominal[s] ?? 14) * scale));
    starts.push(Math.min(at, p.onsetAgo));
  }
  return starts;
}

/** How many of the runs (sorted by date) are dated on or before `day`. */
function runsUpTo(runs: readonly RunRow[], day: string): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.runDate <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Kilometres of the runs dated from `from` to `to` (inclusive), from the cumulative sums. */
function kmBetween(runs: readonly RunRow[], cumulativeKm: readonly number[], from: string, to: string): number {
  const end = runsUpTo(runs, to);
  const start = runsUpTo(runs, addDays(from, -1));
  return (end > 0 ? cumulativeKm[end - 1]! : 0) - (start > 0 ? cumulativeKm[start - 1]! : 0);
}

function clampPain(n: number): number {
  return Math.max(0, Math.min(10, Math.round(n)));
}

export function generateHistory(p: Profile, today: string, rng: Rng): History {
  const onsetDate = addDays(today, -p.onsetAgo);
  const starts = stageStarts(p);
  const gateDay = starts[1];
  // The last painful day: seven symptom-free days precede the gate.
  // The protect runner close to the gate logged exactly `symptomFreeDays` pain-free days,
  // ending the day before yesterday, after a painful day; yesterday and today are not logged
  // yet, so logging them opens the gate.
  const nearGateEnd = p.onsetAgo - 2;
  const healDay =
    gateDay !== undefined
      ? Math.max(1, gateDay - 9 - rng.int(0, 2))
      : p.symptomFreeDays !== undefined
        ? nearGateEnd - p.symptomFreeDays + 1
        : Math.max(p.onsetAgo + 3, protectDays(p) - 7);
  const initialPain = p.severity === "spasm" ? 4 : p.severity === "strain" ? 5 + p.grade - 1 : 7;
  const stageOn = (day: number) => {
    let s = 0;
    for (let i = 0; i < starts.length; i++) if (day >= starts[i]!) s = i;
    return s;
  };

  const dailyLogs: DailyLogRow[] = [];
  const runs: RunRow[] = [];
  const symptomFreeRun = p.stage === 0 && p.symptomFreeDays !== undefined;
  const lastLoggedDay = symptomFreeRun ? nearGateEnd : p.onsetAgo - (p.logGapAtEnd ?? 0);

  if (!p.noLogs) {
    for (let day = 0; day <= p.onsetAgo; day++) {
      const date = addDays(onsetDate, day);
      if (day > lastLoggedDay) break;
      const stage = stageOn(day);
      // Logging is dense early and looser once running; the protect patient close to the
      // gate logs every day of the streak so the count is exact.
      // Before each planned progression the runner logs every day (the gates count logged days
      // up to yesterday).
      const beforeGate = starts.some((start) => start > 0 && day >= start - (start === gateDay ? 9 : 2) && day < start);
      const inStreakWindow = (symptomFreeRun && day >= healDay - 1) || beforeGate;
      const logProbability = stage === 0 ? 0.9 : (p.laterLogProbability ?? 0.65);
      if (!inStreakWindow && day !== p.onsetAgo && !rng.chance(logProbability)) continue;
      if (day === p.onsetAgo && !rng.chance(0.5) && !inStreakWindow) continue;
      const healing = day < healDay ? Math.pow(1 - day / healDay, 1.1) : 0;
      let painDaily = day < healDay ? clampPain(initialPain * healing + rng.next() * 1.4) : 0;
      if (day < healDay && painDaily === 0) painDaily = 1;
      if (p.flareUp && day > p.onsetAgo - 3) painDaily = 3 + (p.onsetAgo - day === 0 ? 1 : 0);
      const painRest = Math.max(0, painDaily - 2);
      const walk = rng.chance(0.75) || inStreakWindow ? rng.int(15, 45) : null;
      const cross = day > 2 && rng.chance(0.45) ? (rng.chance(0.5) ? "cycle" : "swim") : null;
      const crossPain = painDaily > 0 ? Math.max(0, painDaily - 1) : 0;
      const firstWeek = day < 7;
      dailyLogs.push({
        logDate: date,
        painRest,
        painDaily,
        walkMinutes: walk,
        painWalk: walk === null ? null : painDaily,
        cycleMinutes: cross === "cycle" ? rng.int(20, 45) : null,
        painCycle: cross === "cycle" ? crossPain : null,
        swimMinutes: cross === "swim" ? rng.int(20, 40) : null,
        painSwim: cross === "swim" ? crossPain : null,
        massageSessions: day < 14 ? rng.int(firstWeek ? 2 : 0, 3) : rng.chance(0.3) ? 1 : 0,
        iceSessions: firstWeek ? rng.int(1, 3) : 0,
        compression: day < 14 ? rng.chance(0.6) : false,
        note: day === 0 ? "Felt a sudden grab in the calf mid-run; stopped and walked home." : null,
      });
    }

    // Runs from the walk-run stage on, with a rest day between runs.
    const ladder = [
      [4, 1],
      [3, 2],
      [2, 3],
      [1, 4],
      [0, 5],
    ] as const;
    // The runner follows the ladder: the next step after two good sessions at this one.
    let ladderStep = 0;
    let goodAtStep = 0;
    let lastRunDay = -10;
    // Kilometres after each run, so a window's load is two binary searches (histories run to years).
    const cumulativeKm: number[] = [];
    for (let day = 1; day <= lastLoggedDay; day++) {
      const stage = stageOn(day);
      const gap = day - lastRunDay;
      let runsToday = false;
      if (stage === 1 || stage === 2) runsToday = gap >= 2 && rng.chance(0.95);
      // Three runs in every seven days from the build-volume stage on, so weekly volume
      // follows the planned rise rather than the dice.
      else if (stage >= 3) runsToday = [0, 2, 4].includes((day - starts[3]!) % 7);
      if (p.runBeforeGate && stage === 0 && day === lastLoggedDay - 1) runsToday = true;
      if (p.backToBack && stage === 2 && day === lastLoggedDay - 1 && lastRunDay === day - 1) runsToday = true;
      if (p.backToBack && stage === 2 && day === lastLoggedDay - 2) runsToday = true;
      if (!runsToday) continue;
      const date = addDays(onsetDate, day);
      let row: RunRow;
      if (stage <= 1) {
        const step = ladder[ladderStep]!;
        const reps = rng.int(3, 6);
        row = {
          runDate: date,
          kind: "walk_run",
          walkMinutes: step[0],
          runMinutes: step[1],
          repetitions: reps,
          continuousMinutes: null,
          distanceKm: Math.round(reps * (step[0] * 0.1 + step[1] * 0.17) * 10) / 10,
          painDuring: rng.chance(0.8) ? rng.int(0, 2) : 3,
          painNextMorning: rng.chance(0.85) ? 0 : 1,
          surface: rng.pick(["road", "track", "trail", "treadmill"]),
          note: null,
        };
        if (stage === 1 && row.painNextMorning === 0 && ++goodAtStep >= 2 && ladderStep < ladder.length - 1) {
          ladderStep++;
          goodAtStep = 0;
        }
      } else {
        const weeklyTarget = p.preInjuryWeeklyKm;
        const pace = rng.int(5, 6) + rng.next();
        // Build volume: from half the pre-injury week, about 7% more each week (≤10%), up to 92%.
        const weeks = Math.floor((day - (starts[3] ?? day)) / 7);
        const share = Math.min(0.92, 0.5 * Math.pow(1.07, weeks));
        // The runner keeps each week under the load-jump limit: 10% over the weekly mean of the
        // 28 days before, plus 5 km (spread over three runs).
        const chronic = kmBetween(runs, cumulativeKm, addDays(date, -34), addDays(date, -7)) / 4;
        const acuteSoFar = kmBetween(runs, cumulativeKm, addDays(date, -6), date);
        const room = Math.max(2, chronic * 1.1 + 4.5 - acuteSoFar);
        const km = stage === 2 ? Math.round(((rng.int(15, 30) + 10) / pace) * 10) / 10 : Math.round(Math.min((weeklyTarget * Math.max(share, 0.85)) / 3, room) * 10) / 10;
        const minutes = Math.round(km * pace);
        row = {
          runDate: date,
          kind: "continuous",
          walkMinutes: null,
          runMinutes: null,
          repetitions: null,
          continuousMinutes: minutes,
          distanceKm: Math.min(km, weeklyTarget),
          // From speed and hills on the runner is pain-free (the gate to return needs 7 such days).
          painDuring: rng.chance(0.85) ? (stage >= 4 ? 0 : rng.int(0, 2)) : stage >= 4 ? 0 : 3,
          painNextMorning: rng.chance(0.9) || stage >= 4 ? 0 : 1,
          surface: rng.pick(["road", "track", "trail", "treadmill"]),
          note: stage === 4 && rng.chance(0.4) ? "6 x 20 s strides, relaxed" : null,
        };
      }
      runs.push(row);
      cumulativeKm.push((cumulativeKm.at(-1) ?? 0) + (row.distanceKm ?? 0));
      lastRunDay = day;
    }
    // The bad run's next morning has already been reported, so it cannot be today's run.
    if (p.badLastRun && runs.at(-1)?.runDate === today) runs.pop();
    const lastRun = runs[runs.length - 1];
    if (lastRun && p.badLastRun) {
      lastRun.painDuring = 6;
      lastRun.painNextMorning = 4;
      lastRun.note = "Calf tightened at 12 minutes; stopped and walked back.";
    }
    // The morning after today's or yesterday's run has not been reported yet.
    if (lastRun && daysBetween(lastRun.runDate, today) <= 1 && !p.badLastRun) lastRun.painNextMorning = null;

    // A runner who logs a run also logs the day's pain (the baseline its next morning is
    // compared with), from the same healing curve, without the day-to-day noise.
    const logged = new Set(dailyLogs.map((l) => l.logDate));
    for (const run of runs) {
      if (logged.has(run.runDate)) continue;
      const day = daysBetween(onsetDate, run.runDate);
      if (p.flareUp && day > p.onsetAgo - 3) continue;
      const painDaily = day < healDay ? Math.max(1, clampPain(initialPain * Math.pow(1 - day / healDay, 1.1))) : 0;
      logged.add(run.runDate);
      dailyLogs.push({
        logDate: run.runDate,
        painRest: Math.max(0, painDaily - 2),
        painDaily,
        walkMinutes: null,
        painWalk: null,
        cycleMinutes: null,
        painCycle: null,
        swimMinutes: null,
        painSwim: null,
        massageSessions: null,
        iceSessions: null,
        compression: null,
        note: null,
      });
    }
    dailyLogs.sort((a, b) => (a.logDate < b.logDate ? -1 : a.logDate > b.logDate ? 1 : 0));
  }

  const assessments = generateAssessments(p, onsetDate, starts, rng);
  const stageChanges: StageChangeRow[] = starts.map((start, s) => ({
    toStage: s,
    fromStage: s === 0 ? null : s - 1,
    kind: s === 0 ? "start" : "progression",
    effectiveDate: addDays(onsetDate, start),
    reason: s === 0 ? "Initial assessment" : null,
  }));
  const returnDate = p.stage === 5 && starts[5] !== undefined ? addDays(onsetDate, starts[5]) : null;
  return { onsetDate, returnDate, dailyLogs, runs, assessments, stageChanges };
}

function generateAssessments(p: Profile, onsetDate: string, starts: number[], rng: Rng): AssessmentRow[] {
  const days = [Math.min(p.onsetAgo, rng.int(1, 3))];
  if (p.onsetAgo >= 18) days.push(Math.round(p.onsetAgo * 0.45));
  if (p.onsetAgo >= 35) days.push(p.onsetAgo - rng.int(1, 5));
  // The protect-stage runner near the gate has a recent check that meets the heel-raise target.
  if (p.stage === 0 && p.symptomFreeDays !== undefined && p.onsetAgo >= 10) days.push(p.onsetAgo - 1);
  // Calf checks the gates need: the eve of walk-run and of the return (a test counts for 14 days).
  const gate = starts[1] ?? protectDays(p);
  const back = starts[5] ?? (starts[4] !== undefined ? starts[4] + 14 : gate + 60);
  if (starts[1] !== undefined && starts[1] > 1) days.push(starts[1] - 1);
  if (starts[5] !== undefined && starts[5] > 1) days.push(starts[5] - 1);
  const uniqueDays = [...new Set(days)].sort((a, b) => a - b);
  const fullRecovery = (starts[4] ?? starts[starts.length - 1] ?? 0) + 14 || p.onsetAgo + 30;
  const healthyRaises = rng.int(24, 31);
  // Heel raises on the injured side climb from 6 to the target to start running by the eve
  // of walk-run (≥25, LSI ≥92%), then to the return target (≥30, LSI ≥95%) by the eve of the
  // return: the demo never starts walk-run on 6–17 heel raises.
  const toRun = Math.max(25, Math.ceil(healthyRaises * 0.92));
  const toReturn = Math.max(30, Math.ceil(healthyRaises * 0.95));
  const progress = (day: number) => (day + 1 >= gate ? 1 + Math.min(1, (day + 1 - gate) / Math.max(1, back - gate)) : (day + 1) / gate);
  const healthyKtw = 10 + rng.int(0, 30) / 10;
  const baseFpa = rng.int(7, 14);
  const baseTilt = rng.int(10, 22);
  const cadence = rng.int(156, 172);
  const left = p.side === "left" || p.side === "both";
  const right = p.side === "right" || p.side === "both";
  return uniqueDays.map((day, index) => {
    const nearGate = p.stage === 0 && p.symptomFreeDays !== undefined && index === uniqueDays.length - 1 && index > 0;
    const r = nearGate ? 0.95 : Math.min(1, day / Math.max(10, fullRecovery));
    const q = nearGate ? 1 : progress(day);
    const injuredRaises = q <= 1 ? Math.round(6 + (toRun - 6) * q) : Math.round(toRun + (toReturn - toRun) * (q - 1));
    const injuredKtw = Math.round((healthyKtw - 3.5 * (1 - Math.min(1, q / 2) ** 0.7)) * 10) / 10;
    const fpaInjured = baseFpa + Math.round(9 * (1 - r));
    const severe = p.severeGaitFault && index === uniqueDays.length - 1;
    const toeOut: Severity = severe ? "severe" : fpaInjured - baseFpa >= 7 ? "moderate" : fpaInjured - baseFpa >= 3 ? "mild" : "none";
    const cadenceNow = cadence + Math.round(8 * r);
    const strike = Math.round((28 - 10 * r) * 10) / 10;
    const setting = rng.pick(["treadmill", "overground"] as const);
    // Before walk-run the runner is assessed walking; the runner whose story is a gait fault
    // is filmed running on the treadmill at the last visit, where overstriding can be graded.
    const running = severe || day >= (starts[1] ?? Infinity);
    return {
      assessedOn: addDays(onsetDate, day),
      method: rng.pick(["visual", "video", "video"] as const),
      setting: severe ? "treadmill" : setting,
      speedKmh: running ? 10 : 5,
      toeOutSeverity: toeOut,
      fpaLeftDeg: left ? fpaInjured : baseFpa,
      fpaRightDeg: right ? fpaInjured : baseFpa + rng.int(-1, 1),
      pelvicSeverity: baseTilt > 19 ? "mild" : "none",
      pelvicTiltDeg: baseTilt,
      thomasLeft: baseTilt > 19 ? "short_one_joint" : "negative",
      thomasRight: baseTilt > 19 ? "short_one_joint" : "negative",
      gluteLeft: baseTilt > 19 ? 4 : 5,
      gluteRight: baseTilt > 19 ? 4 : 5,
      overstrideSeverity: !running ? null : strike > 24 ? "moderate" : strike > 19 ? "mild" : "none",
      cadenceSpm: cadenceNow,
      strikeAheadCm: running ? strike : null,
      shinAngleDeg: running ? Math.round((12 - 6 * r) * 10) / 10 : null,
      calfSeverity: r < 0.4 ? "moderate" : r < 0.8 ? "mild" : "none",
      kneeToWallLeftCm: left ? injuredKtw : Math.round(healthyKtw * 10) / 10,
      kneeToWallRightCm: right ? injuredKtw : Math.round(healthyKtw * 10) / 10,
      heelRaisesLeft: left ? injuredRaises : healthyRaises,
      heelRaisesRight: right ? injuredRaises : healthyRaises,
      planCues: index === 0 ? "Pain-free walking and cycling only; stick massage 2-3 times a day." : "Cue: quicker, quieter steps; land under the hips.",
      cadenceTargetSpm: Math.round(cadenceNow * 1.05),
    };
  });
}
