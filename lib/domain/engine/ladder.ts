/**
 * The walk-run ladder of stage 1 (walk-run ladders used in sports clinics; PRODUCT.md second
 * edition): steps 4/1 → 0/5 walk/run minutes, 3–6 repetitions, each step completed after
 * `runsPerStep` good sessions at it, in order.
 */
import { LAST_LADDER_STEP, MIN_LADDER_REPETITIONS, ladderWords, type ProtocolSettings } from "../protocol";
import type { RunVerdict } from "./monitoring";
import type { EngineRun, Flag, LadderPosition } from "./types";
import { shortDay } from "./words";

/**
 * Repetitions of a session. A continuous run counts as the top step (run 5 min) with one
 * repetition per 5 minutes run: an interpretation, so 15 minutes of continuous running equals
 * 0/5 × 3.
 */
export function sessionRepetitions(run: EngineRun): number {
  if (run.kind === "continuous") return run.continuousMinutes === null ? 0 : Math.floor(run.continuousMinutes / 5);
  return run.repetitions ?? 0;
}

export type LadderProgress = LadderPosition & {
  /** Sessions with fewer than 3 repetitions (counted toward nothing). */
  tooShort: number;
  /** Sessions at the current step still waiting for their next-morning score. */
  pendingAtStep: number;
  /** "Skipped ahead" advisories, open while the ladder has not reached the session's step. */
  skipped: Flag[];
  /** The last session at the current step asked to repeat it (acceptable pain, or a rise of 1). */
  repeat: RunVerdict | null;
};

/**
 * Where the runner is on the ladder, from the stage's sessions in date order and the step the
 * stage started at (0, or the destination of a step back). A session belongs to the step
 * nearest its run fraction and counts only with ≥ 3 repetitions; a good session (safe pain,
 * next morning recorded, no rise) at the current step counts toward it; a session above the
 * current step raises an advisory "skipped ahead" flag and completes nothing; one below is fine.
 */
export function ladderProgress(verdicts: readonly RunVerdict[], startStep: number, s: ProtocolSettings): LadderProgress {
  let step = Math.max(0, Math.min(LAST_LADDER_STEP, startStep));
  let done = 0;
  let complete = false;
  let tooShort = 0;
  let pendingAtStep = 0;
  let repeat: RunVerdict | null = null;
  const skipped: { flag: Flag; step: number }[] = [];
  for (const v of verdicts) {
    if (sessionRepetitions(v.run) < MIN_LADDER_REPETITIONS) {
      tooShort++;
      continue;
    }
    if (v.step > step && !complete) {
      skipped.push({
        step: v.step,
        flag: {
          code: "skipped_ahead",
          level: "advisory",
          raisedOn: v.run.date,
          clearedOn: null,
          clearedBy: null,
          open: true,
          reason: `The session on ${shortDay(v.run.date)} (${ladderWords(v.step)}) is above the current step (${ladderWords(step)}): it does not complete the step.`,
        },
      });
      continue;
    }
    if (v.step < step || complete) continue;
    if (!v.completed) {
      pendingAtStep++;
      continue;
    }
    if (v.good) {
      done++;
      repeat = null;
      if (done >= s.runsPerStep) {
        if (step < LAST_LADDER_STEP) {
          step++;
          done = 0;
          for (const k of skipped) {
            if (k.flag.open && k.step <= step) {
              k.flag.open = false;
              k.flag.clearedOn = v.run.date;
              k.flag.clearedBy = `The ladder reached ${ladderWords(k.step)} on ${shortDay(v.run.date)}.`;
            }
          }
        } else complete = true;
      }
    } else if (v.repeat) repeat = v;
  }
  return { step, doneAtStep: done, complete, tooShort, pendingAtStep, skipped: skipped.map((k) => k.flag), repeat };
}
