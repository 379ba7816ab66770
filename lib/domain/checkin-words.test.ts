import { describe, expect, it } from "vitest";
import { bodyPart, dayLabel, ladderSession, runnerPlan, type RunnerPanel } from "./checkin-words";

const TODAY = "2026-11-26";
const panel = (over: Partial<RunnerPanel> = {}): RunnerPanel => ({
  injury: { description: "Left calf strain (medial gastrocnemius), grade 2" },
  stage: 0,
  readyToProgress: false,
  symptomFreeStreak: 3,
  symptomFreeDaysNeeded: 7,
  painBands: { safeMax: 3, stopAbove: 5 },
  flags: [],
  stepBack: null,
  ladder: null,
  nextStep: "No running yet",
  ...over,
});

describe("the runner's plan in plain words", () => {
  it("counts the pain-free days still needed before running", () => {
    expect(runnerPlan(panel(), TODAY, null).plan[0]).toBe("No running yet: 4 more pain-free days.");
    expect(runnerPlan(panel({ symptomFreeStreak: 6 }), TODAY, null).plan[0]).toBe("No running yet: 1 more pain-free day.");
  });

  it("words the walk-run step with the rest day between runs", () => {
    const walkRun = panel({ stage: 1, ladder: { step: 1 } });
    expect(runnerPlan(walkRun, TODAY, "2026-11-24").plan[0]).toBe("Today: walk 3 min, run 2 min, 3 to 6 times. Rest from running tomorrow.");
    expect(runnerPlan(walkRun, TODAY, "2026-11-25").plan[0]).toBe("Today: rest from running (a rest day between runs). Next run: walk 3 min, run 2 min, 3 to 6 times.");
    expect(runnerPlan(walkRun, TODAY, TODAY).plan[0]).toMatch(/^You have run today\. Rest from running tomorrow/);
    expect(ladderSession(4)).toBe("run 5 min, walk a moment, 3 to 6 times");
  });

  it("puts a step back and a red-flag referral before any running", () => {
    expect(runnerPlan(panel({ stage: 1, ladder: { step: 2 }, stepBack: { toStage: 1, toLadderStep: 1 } }), TODAY, null).plan[0]).toBe(
      "Step back to walk 3 min, run 2 min, 3 to 6 times; your therapist will look at it with you.",
    );
    expect(runnerPlan(panel({ nextStep: "Refer before loading: a red-flag item is positive and not yet cleared." }), TODAY, null).plan).toEqual([
      "No running and no calf exercises until you have seen your therapist or doctor.",
    ]);
  });

  it("words the open flags that concern the runner, and leaves the therapist's advisories out", () => {
    const flags = runnerPlan(
      panel({
        flags: [
          { code: "morning_rise", open: true },
          { code: "gait_fault", open: true },
          { code: "cadence_below_target", open: true },
          { code: "back_to_back", open: false },
        ],
      }),
      TODAY,
      null,
    ).flags;
    expect(flags).toEqual(["Your calf was sorer the morning after: your therapist will look at it."]);
    expect(runnerPlan(panel({ injury: { description: "Right Achilles-involving strain" }, flags: [{ code: "stop_pain", open: true }] }), TODAY, null).flags[0]).toBe(
      "Your Achilles hurt more than 5 out of 10 during a run: no running until your therapist has looked at it.",
    );
  });

  it("has no plan without an open episode", () => {
    expect(runnerPlan(panel({ injury: null, stage: null }), TODAY, null).plan).toEqual(["Your therapist has no plan here right now."]);
  });

  it("names days from the runner's today", () => {
    expect(dayLabel(TODAY, TODAY)).toBe("Today");
    expect(dayLabel("2026-11-25", TODAY)).toBe("Yesterday");
    expect(dayLabel("2026-11-23", TODAY)).toBe("Mon 23 Nov");
    expect(bodyPart(null)).toBe("calf");
  });
});
