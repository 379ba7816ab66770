/**
 * Step back (PRODUCT.md, "Clinical rules, second edition"): the therapist chooses where to,
 * one step down the walk-run ladder or any earlier stage, and sees where the runner lands
 * and what changes before confirming. Pure: the destinations, their words, and the reason
 * prefilled from the open flags.
 */
import { stageName } from "./injury";
import { LAST_LADDER_STEP, ladderWords, WALK_RUN_LADDER } from "./protocol";

export type StepBackDestination = {
  /** Stable key for a form: "stage-0", "ladder-2". */
  key: string;
  toStage: number;
  /** 0-based walk-run ladder step the runner restarts at (walk-run only), else null. */
  toLadderStep: number | null;
  /** Where the runner lands, e.g. "Walk-run, step 2 of 5 (walk 3 min / run 2 min)". */
  label: string;
  /** What changes, in words, shown before confirming. */
  changes: string[];
};

function ladderLabel(step: number): string {
  return `Walk-run, step ${step + 1} of ${WALK_RUN_LADDER.length} (${ladderWords(step)})`;
}

/**
 * The destinations a step back from `stage` may choose, nearest first. In walk-run at
 * ladder step k > 0: one ladder step down, then Protect. From a later stage: each earlier
 * stage, walk-run at its top step (a runner who ran continuously restarts near it), and
 * Protect. None from Protect. `symptomFreeDays` is the clinic's count for the first run.
 */
export function stepBackDestinations(stage: number, ladderStep: number | null, symptomFreeDays: number): StepBackDestination[] {
  const out: StepBackDestination[] = [];
  const common = ["Readiness cannot come back today, whatever the criteria say.", "The flags that led here stay in the stage history with the reason."];
  if (stage === 1 && ladderStep !== null && ladderStep > 0) {
    const step = ladderStep - 1;
    out.push({
      key: `ladder-${step}`,
      toStage: 1,
      toLadderStep: step,
      label: ladderLabel(step),
      changes: [`Next run: ${ladderWords(step)} × 3–6, after a rest day.`, "Ladder progress restarts at this step.", ...common],
    });
  }
  for (let s = stage - 1; s >= 0; s--) {
    if (s === 1) {
      out.push({
        key: `ladder-${LAST_LADDER_STEP}`,
        toStage: 1,
        toLadderStep: LAST_LADDER_STEP,
        label: ladderLabel(LAST_LADDER_STEP),
        changes: [`Back to walk-run intervals: next run ${ladderWords(LAST_LADDER_STEP)} × 3–6, after a rest day.`, "Ladder progress restarts at this step.", ...common],
      });
    } else if (s === 0) {
      out.push({
        key: "stage-0",
        toStage: 0,
        toLadderStep: null,
        label: `${stageName(0)} (no running)`,
        changes: ["No running until the first-run gate is met again.", `The symptom-free count restarts the next day: ${symptomFreeDays} days are needed before the first run.`, ...common],
      });
    } else {
      out.push({ key: `stage-${s}`, toStage: s, toLadderStep: null, label: stageName(s), changes: [`Back to ${stageName(s).toLowerCase()}; progress in this stage restarts.`, ...common] });
    }
  }
  return out;
}

/** Whether a destination (stage and ladder step) is one of those offered from `stage`/`ladderStep`. */
export function isAllowedDestination(stage: number, ladderStep: number | null, toStage: number, toLadderStep: number | null): StepBackDestination | null {
  return stepBackDestinations(stage, ladderStep, 7).find((d) => d.toStage === toStage && d.toLadderStep === toLadderStep) ?? null;
}

/** The reason a step back form starts with: the open flags' words, one a line, or the engine's suggestion. */
export function prefilledReason(flags: readonly { reason: string }[], suggested: string | null): string {
  const lines = flags.map((f) => f.reason.trim()).filter((l) => l.length > 0);
  if (suggested && !lines.includes(suggested)) lines.unshift(suggested);
  return lines.join("\n").slice(0, 500);
}
