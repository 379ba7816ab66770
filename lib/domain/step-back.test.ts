import { describe, expect, it } from "vitest";
import { isAllowedDestination, prefilledReason, stepBackDestinations } from "./step-back";

describe("stepBackDestinations", () => {
  it("from walk-run step 3: one ladder step down, then Protect", () => {
    const d = stepBackDestinations(1, 2, 7);
    expect(d.map((x) => [x.toStage, x.toLadderStep, x.label])).toEqual([
      [1, 1, "Walk-run, step 2 of 5 (walk 3 min / run 2 min)"],
      [0, null, "Protect (no running)"],
    ]);
    expect(d[1]!.changes).toContain("The symptom-free count restarts the next day: 7 days are needed before the first run.");
  });
  it("from walk-run step 1: only Protect", () => expect(stepBackDestinations(1, 0, 7).map((x) => x.key)).toEqual(["stage-0"]));
  it("from build volume: continuous easy, walk-run at its top step, Protect", () => {
    expect(stepBackDestinations(3, null, 7).map((x) => [x.toStage, x.toLadderStep])).toEqual([
      [2, null],
      [1, 4],
      [0, null],
    ]);
  });
  it("none from Protect", () => expect(stepBackDestinations(0, null, 7)).toEqual([]));
  it("every destination says readiness cannot come back today", () => {
    for (const d of stepBackDestinations(4, null, 7)) expect(d.changes).toContain("Readiness cannot come back today, whatever the criteria say.");
  });
});

describe("isAllowedDestination", () => {
  it.each<[string, number, number | null, number, number | null, boolean]>([
    ["one ladder step down", 1, 3, 1, 2, true],
    ["two ladder steps down is not offered", 1, 3, 1, 1, false],
    ["Protect from walk-run", 1, 3, 0, null, true],
    ["same stage from build volume", 3, null, 3, null, false],
    ["a later stage", 2, null, 3, null, false],
    ["walk-run top step from continuous easy", 2, null, 1, 4, true],
  ])("%s → %s", (_l, stage, ladder, to, toLadder, ok) => expect(isAllowedDestination(stage, ladder, to, toLadder) !== null).toBe(ok));
});

describe("prefilledReason", () => {
  it("lists the suggestion then the open flags", () => {
    expect(prefilledReason([{ reason: "Pain 6/10 the morning after the run of 2026-05-03 (rise of 4)." }, { reason: "Runs on consecutive days." }], "Next-morning pain rose by 4.")).toBe(
      "Next-morning pain rose by 4.\nPain 6/10 the morning after the run of 2026-05-03 (rise of 4).\nRuns on consecutive days.",
    );
  });
  it("empty with no flags and no suggestion", () => expect(prefilledReason([], null)).toBe(""));
});
