import { describe, expect, it } from "vitest";
import { DEFAULT_PROTOCOL, protocolFromJson } from "../protocol";
import { computeReturnToRun, judgeRun, symptomFreeStreak } from "./index";
import { ladderPosition } from "./runs";
import type { EngineAssessment, EngineInput, EngineLog, EngineRun, EngineStageChange } from "./types";

const TODAY = "2026-11-26";

function log(date: string, pain = 0, extra: Partial<EngineLog> = {}): EngineLog {
  return { date, painRest: pain, painDaily: pain, walkMinutes: 30, painWalk: pain, painCycle: null, painSwim: null, ...extra };
}
function walkRun(date: string, runMin: number, painDuring = 1, painNextMorning: number | null = 0): EngineRun {
  return { date, kind: "walk_run", walkMinutes: 5 - runMin, runMinutes: runMin, repetitions: 4, continuousMinutes: null, distanceKm: 2, painDuring, painNextMorning };
}
function easy(date: string, distanceKm = 5, painDuring = 1, painNextMorning: number | null = 0): EngineRun {
  return { date, kind: "continuous", walkMinutes: null, runMinutes: null, repetitions: null, continuousMinutes: 30, distanceKm, painDuring, painNextMorning };
}
function assessment(on: string, raises: [number | null, number | null], extra: Partial<EngineAssessment> = {}): EngineAssessment {
  return { assessedOn: on, heelRaisesLeft: raises[0], heelRaisesRight: raises[1], kneeToWallLeftCm: 11, kneeToWallRightCm: 11.5, toeOutSeverity: "none", pelvicSeverity: "none", overstrideSeverity: "none", ...extra };
}
function at(stage: number, effectiveDate: string, kind: EngineStageChange["kind"] = "progression", fromStage: number | null = stage - 1): EngineStageChange[] {
  return [{ toStage: stage, fromStage, kind, effectiveDate }];
}
/** Days before TODAY, newest last. */
function daysAgo(...n: number[]): string[] {
  return n.map((d) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10));
}
function input(over: Partial<EngineInput>): EngineInput {
  return {
    today: TODAY,
    side: "left",
    onsetDate: "2026-11-01",
    returnDate: null,
    preInjuryWeeklyKm: 40,
    logs: [],
    runs: [],
    assessments: [],
    stageChanges: [],
    settings: DEFAULT_PROTOCOL,
    ...over,
  };
}
const codes = (r: ReturnType<typeof computeReturnToRun>) => r.flags.map((f) => f.code);
const criterion = (r: ReturnType<typeof computeReturnToRun>, code: string) => r.criteria.find((c) => c.code === code)!;

describe("symptom-free streak", () => {
  it.each<[string, EngineLog[], number]>([
    ["no logs", [], 0],
    ["seven zero days", daysAgo(6, 5, 4, 3, 2, 1, 0).map((d) => log(d)), 7],
    ["gaps break nothing and count nothing", daysAgo(12, 9, 5, 1).map((d) => log(d)), 4],
    ["a painful day ends the streak", [...daysAgo(5, 4).map((d) => log(d)), log(daysAgo(3)[0]!, 2), ...daysAgo(2, 1).map((d) => log(d))], 2],
    ["one score above 0 spoils the day", [log(daysAgo(2)[0]!), log(daysAgo(1)[0]!, 0, { painSwim: 1 })], 0],
    ["a day with no pain score is like a day not logged", [log(daysAgo(2)[0]!), log(daysAgo(1)[0]!, 0, { painRest: null, painDaily: null, painWalk: null })], 1],
    ["across a month boundary", ["2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"].map((d) => log(d)), 5],
    ["unordered input", ["2026-11-02", "2026-10-31", "2026-11-01"].map((d) => log(d)), 3],
  ])("%s → %i", (_name, logs, expected) => {
    expect(symptomFreeStreak(logs)).toBe(expected);
  });
});

describe("pain-monitoring rule for a run", () => {
  const before = [log("2026-11-20", 0)];
  it.each<[string, EngineRun, EngineLog[], { band: string; good: boolean; stepBack: boolean; settled: boolean | null }]>([
    ["3/10 is safe and settled", walkRun("2026-11-20", 1, 3, 0), before, { band: "safe", good: true, stepBack: false, settled: true }],
    ["4/10 is acceptable, not a progression run", walkRun("2026-11-20", 1, 4, 0), before, { band: "acceptable", good: false, stepBack: false, settled: true }],
    ["5/10 is still acceptable", walkRun("2026-11-20", 1, 5, 0), before, { band: "acceptable", good: false, stepBack: false, settled: true }],
    ["6/10 is a stop and a step back", walkRun("2026-11-20", 1, 6, 0), before, { band: "stop", good: false, stepBack: true, settled: true }],
    ["missing next-morning score: pending, not good", walkRun("2026-11-20", 1, 1, null), before, { band: "safe", good: false, stepBack: false, settled: null }],
    ["next morning +1: not settled, no step back", walkRun("2026-11-20", 1, 1, 1), before, { band: "safe", good: false, stepBack: false, settled: false }],
    ["next morning +2: step back", walkRun("2026-11-20", 1, 1, 2), before, { band: "safe", good: false, stepBack: true, settled: false }],
    ["rise measured from the pain before the run", walkRun("2026-11-20", 1, 1, 3), [log("2026-11-20", 2)], { band: "safe", good: false, stepBack: false, settled: false }],
    ["pain still there the day after: lasting > 24 h", walkRun("2026-11-20", 1, 2, 1), [log("2026-11-20", 0), log("2026-11-21", 2)], { band: "safe", good: false, stepBack: true, settled: false }],
  ])("%s", (_name, run, logs, expected) => {
    const v = judgeRun(run, logs, DEFAULT_PROTOCOL);
    expect({ band: v.band, good: v.good, stepBack: v.stepBack, settled: v.settled }).toEqual(expected);
  });
});

describe("walk-run ladder", () => {
  it.each<[string, EngineRun[], { step: number; doneAtStep: number; complete: boolean }]>([
    ["no runs: first step", [], { step: 0, doneAtStep: 0, complete: false }],
    ["one good run at 4/1", [walkRun("2026-11-10", 1)], { step: 0, doneAtStep: 1, complete: false }],
    ["two good runs move up a step", [walkRun("2026-11-10", 1), walkRun("2026-11-12", 1)], { step: 1, doneAtStep: 0, complete: false }],
    ["a pending morning does not count yet", [walkRun("2026-11-10", 1), walkRun("2026-11-12", 1, 1, null)], { step: 0, doneAtStep: 1, complete: false }],
    ["a stop run steps back one step", [walkRun("2026-11-10", 2), walkRun("2026-11-12", 2), walkRun("2026-11-14", 3, 6)], { step: 1, doneAtStep: 0, complete: false }],
    ["an easier run counts for nothing", [walkRun("2026-11-10", 2), walkRun("2026-11-12", 1)], { step: 1, doneAtStep: 1, complete: false }],
    ["two good runs at 0/5 complete the ladder", [walkRun("2026-11-10", 5), walkRun("2026-11-12", 5)], { step: 4, doneAtStep: 2, complete: true }],
  ])("%s", (_name, runs, expected) => {
    expect(ladderPosition(runs, [], DEFAULT_PROTOCOL)).toEqual(expected);
  });
});

describe("stage 0 (Protect) gate", () => {
  const week = daysAgo(6, 5, 4, 3, 2, 1, 0).map((d) => log(d));
  const atTarget = [assessment(daysAgo(1)[0]!, [25, 27])];
  it.each<[string, Partial<EngineInput>, boolean, Record<string, boolean>]>([
    ["all met: ready for walk-run", { logs: week, assessments: atTarget }, true, { symptom_free_days: true, pain_free_walking: true, heel_raises: true, heel_raise_asymmetry: true }],
    ["six days: not yet", { logs: week.slice(1), assessments: atTarget }, false, { symptom_free_days: false }],
    ["heel raises below target", { logs: week, assessments: [assessment(TODAY, [22, 25])] }, false, { heel_raises: false, heel_raise_asymmetry: false }],
    ["no assessment", { logs: week }, false, { heel_raises: false }],
    ["painful walk", { logs: [...week.slice(0, 6), log(TODAY, 0, { painWalk: 1 })], assessments: atTarget }, false, { pain_free_walking: false, symptom_free_days: false }],
    ["edited thresholds: five days and 20 heel raises", { logs: week.slice(2), assessments: [assessment(TODAY, [20, 21])], settings: { ...DEFAULT_PROTOCOL, symptomFreeDays: 5, heelRaisesToRun: 20 } }, true, { symptom_free_days: true, heel_raises: true }],
    ["both sides injured: the weaker side must meet the target", { side: "both", logs: week, assessments: [assessment(TODAY, [26, 24])] }, false, { heel_raises: false, heel_raise_asymmetry: true }],
  ])("%s", (_name, over, ready, expected) => {
    const r = computeReturnToRun(input(over));
    expect(r.stage).toBe(0);
    expect(r.readyToProgress).toBe(ready);
    for (const [code, met] of Object.entries(expected)) expect(criterion(r, code).met, code).toBe(met);
  });

  it("explains the numbers in words", () => {
    const r = computeReturnToRun(input({ side: "left", logs: week.slice(1), assessments: [assessment("2026-11-25", [22, 25])] }));
    expect(criterion(r, "symptom_free_days").detail).toContain("6 of 7 symptom-free days");
    expect(criterion(r, "symptom_free_days").detail).toContain("A day not logged neither breaks nor adds to the count");
    expect(criterion(r, "heel_raises").detail).toBe("Heel raises 22/25 on the left on 25 Nov.");
    expect(criterion(r, "heel_raise_asymmetry").detail).toContain("Asymmetry 12%");
    expect(r.nextStep).toContain("1 more symptom-free day needed");
  });

  it("says 'ready for walk-run' when the gate opens", () => {
    const r = computeReturnToRun(input({ logs: week, assessments: atTarget }));
    expect(r.nextStep).toMatch(/^Ready for walk-run/);
  });

  it("names the weaker side of a both-sides injury", () => {
    const r = computeReturnToRun(input({ side: "both", logs: week, assessments: [assessment(TODAY, [26, 24])] }));
    expect(criterion(r, "heel_raises").detail).toBe("Heel raises 24/25 on the right (the weaker side) on 26 Nov.");
  });
});

describe("later stages", () => {
  it("stage 1: ladder not complete gives the next walk/run ratio", () => {
    const r = computeReturnToRun(input({ stageChanges: at(1, "2026-11-15"), runs: [walkRun("2026-11-16", 1), walkRun("2026-11-18", 1), walkRun("2026-11-20", 2)] }));
    expect(r.readyToProgress).toBe(false);
    expect(r.nextStep).toContain("walk 3 min / run 2 min");
    expect(criterion(r, "ladder_complete").detail).toBe("Step 2 of 5 (walk 3 min / run 2 min): 1 of 2 good runs done at this step.");
  });

  it("stage 1: complete ladder with a settled last run is ready", () => {
    const r = computeReturnToRun(input({ stageChanges: at(1, "2026-11-15"), logs: [log("2026-11-24")], runs: [walkRun("2026-11-20", 5), walkRun("2026-11-22", 5)] }));
    expect(r.readyToProgress).toBe(true);
  });

  it("stage 1: a missing next-morning score holds progression", () => {
    const r = computeReturnToRun(input({ stageChanges: at(1, "2026-11-15"), logs: [log("2026-11-24")], runs: [walkRun("2026-11-20", 5), walkRun("2026-11-22", 5), walkRun("2026-11-24", 5, 1, null)] }));
    expect(criterion(r, "last_run_settled")).toMatchObject({ met: false, detail: "Next-morning pain after the run on 24 Nov is not recorded yet." });
    expect(r.readyToProgress).toBe(false);
  });

  it("stage 2: two good runs in a row", () => {
    const base = { stageChanges: at(2, "2026-11-10"), logs: [log("2026-11-25")] };
    expect(computeReturnToRun(input({ ...base, runs: [easy("2026-11-20"), easy("2026-11-22")] })).readyToProgress).toBe(true);
    const notYet = computeReturnToRun(input({ ...base, runs: [easy("2026-11-20"), easy("2026-11-22", 5, 4)] }));
    expect(notYet.readyToProgress).toBe(false);
    expect(criterion(notYet, "good_runs_in_a_row").detail).toBe("0 of 2 runs in a row.");
    const pending = computeReturnToRun(input({ ...base, runs: [easy("2026-11-20"), easy("2026-11-22"), easy("2026-11-24", 5, 1, null)] }));
    expect(criterion(pending, "good_runs_in_a_row")).toMatchObject({ met: true, detail: "2 of 2 runs in a row. The last run's next-morning pain is not recorded yet, so it does not count yet." });
    const pendingOnly = computeReturnToRun(input({ ...base, runs: [easy("2026-11-20", 5, 4), easy("2026-11-24", 5, 1, null)] }));
    expect(criterion(pendingOnly, "good_runs_in_a_row").met).toBe(false);
  });

  it("a pain or load flag holds readiness and says so as a criterion; a gait fault does not", () => {
    const base = { stageChanges: at(2, "2026-11-10"), logs: [log("2026-11-25")] };
    const b2b = computeReturnToRun(input({ ...base, runs: [easy("2026-11-21"), easy("2026-11-22")] }));
    expect(criterion(b2b, "good_runs_in_a_row").met).toBe(true);
    expect(criterion(b2b, "no_blocking_flags")).toMatchObject({ met: false, detail: "Raised: Back-to-back runs." });
    expect(b2b.readyToProgress).toBe(false);
    const gait = computeReturnToRun(input({ ...base, runs: [easy("2026-11-20"), easy("2026-11-22")], assessments: [assessment("2026-11-20", [20, 22], { overstrideSeverity: "moderate" })] }));
    expect(codes(gait)).toEqual(["gait_fault"]);
    expect(gait.readyToProgress).toBe(true);
  });

  it("stage 3: weekly volume against the pre-injury baseline and the 10% rise", () => {
    const runs = [easy("2026-11-14", 13), easy("2026-11-17", 13), easy("2026-11-21", 11), easy("2026-11-23", 11), easy("2026-11-25", 11)];
    const r = computeReturnToRun(input({ stageChanges: at(3, "2026-11-05"), logs: [log("2026-11-25")], runs, preInjuryWeeklyKm: 40 }));
    expect(r.weeklyKm).toEqual({ thisWeek: 33, lastWeek: 26 });
    expect(criterion(r, "weekly_volume")).toMatchObject({ met: true, detail: "33 km in the last 7 days of 32 km (80% of 40 km)." });
    expect(criterion(r, "weekly_rise").met).toBe(false);
    expect(codes(r)).toContain("volume_jump");
    expect(criterion(r, "no_flags").met).toBe(false);
    expect(r.readyToProgress).toBe(false);
  });

  it("stage 3: no pre-injury volume recorded is said in words", () => {
    const r = computeReturnToRun(input({ stageChanges: at(3, "2026-11-05"), logs: [log("2026-11-25")], preInjuryWeeklyKm: null }));
    expect(criterion(r, "weekly_volume").detail).toContain("not recorded");
  });

  it("stage 4: pain-free with heel raises at 30 and knee-to-wall symmetric", () => {
    const ok = computeReturnToRun(input({ stageChanges: at(4, "2026-11-01"), logs: [log("2026-11-25")], runs: [easy("2026-11-24", 8, 0)], assessments: [assessment("2026-11-20", [30, 31])] }));
    expect(ok.criteria.map((c) => [c.code, c.met])).toEqual([
      ["pain_free", true],
      ["heel_raises", true],
      ["heel_raise_asymmetry", true],
      ["knee_to_wall_asymmetry", true],
      ["no_blocking_flags", true],
    ]);
    expect(ok.readyToProgress).toBe(true);
    const ktw = computeReturnToRun(input({ stageChanges: at(4, "2026-11-01"), logs: [log("2026-11-25")], assessments: [assessment("2026-11-20", [30, 31], { kneeToWallLeftCm: 8, kneeToWallRightCm: 11 })] }));
    expect(criterion(ktw, "knee_to_wall_asymmetry")).toMatchObject({ met: false });
  });

  it("stage 5: no next stage and the re-injury window", () => {
    const r = computeReturnToRun(input({ stageChanges: at(5, "2026-11-05"), returnDate: "2026-11-05", logs: [log("2026-11-25")] }));
    expect(r.nextStage).toBeNull();
    expect(r.readyToProgress).toBe(false);
    expect(r.flags.find((f) => f.code === "reinjury_window")?.reason).toBe("Returned to running on 5 Nov: the first 6 weeks (until 17 Dec) carry a high re-injury risk.");
    const later = computeReturnToRun(input({ stageChanges: at(5, "2026-09-01"), returnDate: "2026-09-01", logs: [log("2026-11-25")] }));
    expect(codes(later)).not.toContain("reinjury_window");
  });
});

describe("flags", () => {
  it.each<[string, Partial<EngineInput>, string[]]>([
    ["none for a quiet protect day", { logs: [log(TODAY)] }, []],
    ["pain rise of 2 points", { logs: [log("2026-11-22", 0), log("2026-11-24", 1), log(TODAY, 2)] }, ["pain_rise"]],
    ["a rise of 1 is not a flag", { logs: [log("2026-11-22", 1), log(TODAY, 2)] }, []],
    ["a low more than a week before is not compared", { logs: [log("2026-11-10", 0), log(TODAY, 3)] }, []],
    ["stop pain on the last run", { stageChanges: at(2, "2026-11-10"), logs: [log(TODAY)], runs: [easy("2026-11-25", 5, 6, null)] }, ["stop_pain"]],
    ["next-morning rise after a run", { stageChanges: at(2, "2026-11-10"), logs: [log("2026-11-23"), log(TODAY)], runs: [easy("2026-11-23", 5, 2, 3)] }, ["morning_rise"]],
    ["run before the gate", { logs: [log(TODAY)], runs: [walkRun("2026-11-25", 1)] }, ["run_before_gate"]],
    ["back-to-back run days", { stageChanges: at(2, "2026-11-10"), logs: [log(TODAY)], runs: [easy("2026-11-24"), easy("2026-11-25", 5, 1, null)] }, ["back_to_back"]],
    ["two runs on one day", { stageChanges: at(1, "2026-11-10"), logs: [log(TODAY)], runs: [walkRun("2026-11-25", 1), walkRun("2026-11-25", 1, 1, null)] }, ["back_to_back"]],
    ["back-to-back is fine from stage 3", { stageChanges: at(3, "2026-11-10"), logs: [log(TODAY)], runs: [easy("2026-11-24", 3), easy("2026-11-25", 3)] }, []],
    ["no log for 7 days", { logs: [log("2026-11-19")] }, ["no_recent_log"]],
    ["6 days without a log is fine", { logs: [log("2026-11-20")] }, []],
    ["nothing logged since an onset 8 days ago", { onsetDate: "2026-11-18" }, ["no_recent_log"]],
    ["nothing logged since an onset 2 days ago", { onsetDate: "2026-11-24" }, []],
    ["moderate gait fault at the last assessment", { logs: [log(TODAY)], assessments: [assessment("2026-11-01", [10, 20], { overstrideSeverity: "severe" }), assessment("2026-11-20", [10, 20], { toeOutSeverity: "moderate" })] }, ["gait_fault"]],
    ["a resolved fault is no flag", { logs: [log(TODAY)], assessments: [assessment("2026-11-01", [10, 20], { pelvicSeverity: "severe" }), assessment("2026-11-20", [10, 20], { pelvicSeverity: "mild" })] }, []],
  ])("%s", (_name, over, expected) => {
    expect(codes(computeReturnToRun(input(over)))).toEqual(expected);
  });

  it("every flag carries a reason in words", () => {
    const r = computeReturnToRun(input({ stageChanges: at(2, "2026-11-10"), logs: [log("2026-11-23")], runs: [easy("2026-11-24", 5, 7, 4)] }));
    expect(r.flags.map((f) => f.level)).toContain("stop");
    for (const f of r.flags) expect(f.reason.length).toBeGreaterThan(20);
  });
});

describe("stage changes: the therapist's word is the stage", () => {
  it("an override sets the stage whatever the criteria", () => {
    const r = computeReturnToRun(input({ stageChanges: [...at(0, "2026-11-01", "start", null), { toStage: 3, fromStage: 0, kind: "override", effectiveDate: "2026-11-20" }], logs: [log(TODAY, 2)] }));
    expect(r.stage).toBe(3);
    expect(r.stageSince).toBe("2026-11-20");
    expect(r.criteria.map((c) => c.code)).toEqual(["weekly_volume", "weekly_rise", "no_flags"]);
  });

  it("without any stage change a new injury is in Protect since onset", () => {
    const r = computeReturnToRun(input({}));
    expect([r.stage, r.stageSince]).toEqual([0, "2026-11-01"]);
  });

  it("a stop run suggests a step back, and a recorded step back acknowledges it", () => {
    const runs = [easy("2026-11-20"), easy("2026-11-24", 5, 6, null)];
    const before = computeReturnToRun(input({ stageChanges: at(2, "2026-11-10"), logs: [log(TODAY)], runs }));
    expect(before.stepBack).toMatchObject({ toStage: 1 });
    expect(before.nextStep).toContain("Step back to Walk-run");
    expect(before.readyToProgress).toBe(false);
    const after = computeReturnToRun(input({ stageChanges: [...at(2, "2026-11-10"), { toStage: 1, fromStage: 2, kind: "step_back", effectiveDate: "2026-11-24" }], logs: [log(TODAY)], runs }));
    expect(after.stage).toBe(1);
    expect(after.stepBack).toBeNull();
    expect(codes(after)).not.toContain("stop_pain");
    // Stepping back from continuous running resumes at the top of the ladder.
    expect(after.ladder?.step).toBe(4);
  });

  it("in walk-run a bad run steps back one ladder step, or to Protect from the first step", () => {
    const mid = computeReturnToRun(input({ stageChanges: at(1, "2026-11-10"), logs: [log(TODAY)], runs: [walkRun("2026-11-20", 3), walkRun("2026-11-22", 3), walkRun("2026-11-24", 4, 6, 0)] }));
    expect(mid.stepBack).toMatchObject({ toStage: 1, toLadderStep: 2 });
    expect(mid.nextStep).toContain("walk 2 min / run 3 min");
    const first = computeReturnToRun(input({ stageChanges: at(1, "2026-11-10"), logs: [log(TODAY)], runs: [walkRun("2026-11-24", 1, 7, 0)] }));
    expect(first.stepBack).toMatchObject({ toStage: 0 });
  });
});

describe("latest pain and last log", () => {
  it("takes the worst score of the latest day, runs included", () => {
    const r = computeReturnToRun(input({ stageChanges: at(2, "2026-11-10"), logs: [log("2026-11-24", 1), log("2026-11-25", 0)], runs: [easy("2026-11-25", 5, 3, null)] }));
    expect([r.latestPain, r.latestPainDate, r.lastLogDate]).toEqual([3, "2026-11-25", "2026-11-25"]);
  });
});

describe("protocol settings from JSON", () => {
  it.each<[string, string | null, Partial<typeof DEFAULT_PROTOCOL>]>([
    ["no row: defaults", null, {}],
    ["edited values kept", JSON.stringify({ symptomFreeDays: 5, heelRaisesToRun: 20 }), { symptomFreeDays: 5, heelRaisesToRun: 20 }],
    ["out-of-range values fall back", JSON.stringify({ symptomFreeDays: 0, painSafeMax: "3" }), {}],
    ["malformed JSON falls back", "{nope", {}],
  ])("%s", (_name, json, expected) => {
    expect(protocolFromJson(json)).toEqual({ ...DEFAULT_PROTOCOL, ...expected });
  });
});
