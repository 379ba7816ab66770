/** Runs of the current stage: the walk-run ladder position and the weekly volume. */
import { addDays } from "../dates";
import { LAST_LADDER_STEP, ladderStepOf, type ProtocolSettings } from "../protocol";
import { judgeRun } from "./pain";
import type { EngineLog, EngineRun, LadderPosition } from "./types";

export function byDate<T extends { date: string }>(items: T[]): T[] {
  // A stable sort keeps two runs of one day in the order they were recorded.
  return [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Where the runner is on the ladder: each step needs `runsPerStep` good runs (safe pain
 * during, settled next morning); a run that calls for a step back moves one step down.
 * A run easier than the current step counts for nothing; a harder one moves the runner
 * to its step (the therapist sees it in the history).
 */
export function ladderPosition(stageRuns: EngineRun[], logs: EngineLog[], s: ProtocolSettings, startStep = 0): LadderPosition {
  let step = startStep;
  let done = 0;
  for (const run of byDate(stageRuns)) {
    const verdict = judgeRun(run, logs, s);
    const runStep = ladderStepOf(run);
    if (verdict.stepBack) {
      step = Math.max(0, Math.min(step, runStep) - 1);
      done = 0;
      continue;
    }
    if (runStep < step) continue;
    if (runStep > step) {
      step = runStep;
      done = 0;
    }
    if (verdict.good) done++;
    if (done >= s.runsPerStep && step < LAST_LADDER_STEP) {
      step++;
      done = 0;
    }
  }
  return { step, doneAtStep: done, complete: step === LAST_LADDER_STEP && done >= s.runsPerStep };
}

export function runKm(run: EngineRun): number {
  return run.distanceKm ?? 0;
}

/** Kilometres in the seven days ending today, and in the seven days before those. */
export function weeklyKm(runs: EngineRun[], today: string): { thisWeek: number; lastWeek: number } {
  const weekStart = addDays(today, -6);
  const lastStart = addDays(today, -13);
  let thisWeek = 0;
  let lastWeek = 0;
  for (const r of runs) {
    if (r.date >= weekStart && r.date <= today) thisWeek += runKm(r);
    else if (r.date >= lastStart && r.date < weekStart) lastWeek += runKm(r);
  }
  return { thisWeek: Math.round(thisWeek * 10) / 10, lastWeek: Math.round(lastWeek * 10) / 10 };
}
