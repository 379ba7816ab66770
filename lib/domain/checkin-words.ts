/**
 * The runner's plan in plain words, from the engine's panel (lib/dal/status.ts `panelState`):
 * what to do today, and the open flags that concern the runner. Pure: no reads, no clinic
 * notes; the therapist-only advisories (gait, cadence) are left out. The rules themselves
 * (stages, ladder, rest day between runs in stages 1–2, flags) live in the engine and
 * lib/domain/protocol.ts; this module only words them.
 */
import { addDays } from "./dates";
import type { FlagCode } from "./engine/types";
import { WALK_RUN_LADDER } from "./protocol";

/** The parts of the engine's panel the runner's words read. */
export type RunnerPanel = {
  injury: { description: string } | null;
  stage: number | null;
  readyToProgress: boolean;
  symptomFreeStreak: number;
  symptomFreeDaysNeeded: number;
  painBands: { safeMax: number; stopAbove: number };
  flags: readonly { code: FlagCode; open: boolean }[];
  stepBack: { toStage: number; toLadderStep: number | null } | null;
  ladder: { step: number } | null;
  nextStep: string | null;
};

export type RunnerPlan = {
  /** What to do today, one sentence each ("Today: walk 3 min, run 2 min, 3 to 6 times. Rest from running tomorrow."). */
  plan: string[];
  /** Open flags that concern the runner, in plain words. */
  flags: string[];
};

const plural = (n: number, word: string) => `${n} more ${word}${n === 1 ? "" : "s"}`;

/** A walk-run ladder step as the runner does it: "walk 3 min, run 2 min, 3 to 6 times". */
export function ladderSession(step: number): string {
  const s = WALK_RUN_LADDER[Math.max(0, Math.min(WALK_RUN_LADDER.length - 1, step))]!;
  return s.walk === 0 ? `run ${s.run} min, walk a moment, 3 to 6 times` : `walk ${s.walk} min, run ${s.run} min, 3 to 6 times`;
}

/** The body part the runner knows it by ("calf", or "Achilles" when the description names it). */
export function bodyPart(description: string | null | undefined): string {
  return /achilles/i.test(description ?? "") ? "Achilles" : "calf";
}

/** A run day's words, with the rest day between runs the stage needs (stages 1–2). */
function runDay(session: string, today: string, lastRunDate: string | null): string {
  if (lastRunDate === today) return `You have run today. Rest from running tomorrow; next run: ${session}.`;
  if (lastRunDate === addDays(today, -1)) return `Today: rest from running (a rest day between runs). Next run: ${session}.`;
  return `Today: ${session}. Rest from running tomorrow.`;
}

const FLAG_WORDS: Partial<Record<FlagCode, (part: string, stopAbove: number) => string>> = {
  stop_pain: (part, stop) => `Your ${part} hurt more than ${stop} out of 10 during a run: no running until your therapist has looked at it.`,
  morning_rise: (part) => `Your ${part} was sorer the morning after: your therapist will look at it.`,
  pain_lasting: (part) => `Your ${part} stayed sore for more than a day after a run: your therapist will look at it.`,
  pain_rise: (part) => `Your ${part} has been hurting more in daily life: your therapist will look at it.`,
  back_to_back: () => "You ran two days in a row: keep a rest day between runs.",
  run_before_gate: () => "You ran before the go-ahead: wait for your therapist before the next run.",
  skipped_ahead: () => "You moved ahead of your walk-run step: go back to the step in your plan.",
  volume_jump: () => "You ran a lot more this week than in the weeks before: your therapist will look at it.",
  no_recent_log: () => "No check-in for a while: fill in today, even if nothing hurt.",
  reinjury_window: (part) => `The first weeks back are when a ${part} strain most often comes back: build up gently.`,
};

/**
 * The runner's plan for `today` (their calendar day) from the engine's panel, and the open
 * flags that concern them. `lastRunDate` is the runner's latest run (null: none), for the
 * rest day between runs in walk-run and easy running.
 */
export function runnerPlan(panel: RunnerPanel, today: string, lastRunDate: string | null): RunnerPlan {
  const part = bodyPart(panel.injury?.description);
  const flags = panel.flags.filter((f) => f.open).flatMap((f) => (FLAG_WORDS[f.code] ? [FLAG_WORDS[f.code]!(part, panel.painBands.stopAbove)] : []));
  if (!panel.injury || panel.stage === null) return { plan: ["Your therapist has no plan here right now."], flags };
  if (panel.nextStep?.startsWith("Refer before loading")) return { plan: ["No running and no calf exercises until you have seen your therapist or doctor."], flags };
  const plan: string[] = [];
  if (panel.stepBack) {
    if (panel.stepBack.toStage === 0) plan.push("No running for now: your therapist will look at it with you.");
    else if (panel.stepBack.toStage === 1) plan.push(`Step back to ${ladderSession(panel.stepBack.toLadderStep ?? 0)}; your therapist will look at it with you.`);
    else plan.push("Step back to shorter, easy runs; your therapist will look at it with you.");
    return { plan, flags };
  }
  switch (panel.stage) {
    case 0: {
      if (panel.readyToProgress) plan.push("No running yet: your therapist will tell you when to start walk-run.");
      else {
        const more = Math.max(0, panel.symptomFreeDaysNeeded - panel.symptomFreeStreak);
        plan.push(more > 0 ? `No running yet: ${plural(more, "pain-free day")}.` : "No running yet: your therapist will tell you when to start.");
      }
      plan.push("Walking, cycling or swimming are fine while they do not hurt.");
      break;
    }
    case 1:
      plan.push(panel.readyToProgress ? "Walk-run is going well: your therapist will tell you when to run without walk breaks." : runDay(ladderSession(panel.ladder?.step ?? 0), today, lastRunDate));
      plan.push(`Stop if it hurts more than ${panel.painBands.safeMax} out of 10.`);
      break;
    case 2:
      plan.push(runDay("easy running without walk breaks", today, lastRunDate));
      plan.push(`Stop if it hurts more than ${panel.painBands.safeMax} out of 10.`);
      break;
    case 3:
      plan.push("Build up your weekly running a little at a time; your therapist sets how much.");
      break;
    case 4:
      plan.push("Add strides, hills and faster running, a little at a time.");
      break;
    default:
      plan.push(`Full training. Keep telling your therapist how your ${part} feels.`);
  }
  return { plan, flags };
}

/** "Today", "Yesterday" or "Mon 23 Nov" for a day seen from `today`. */
export function dayLabel(day: string, today: string): string {
  if (day === today) return "Today";
  if (day === addDays(today, -1)) return "Yesterday";
  const d = new Date(`${day}T00:00:00Z`);
  return d.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}
