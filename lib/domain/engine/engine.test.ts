import { describe, expect, it } from "vitest";
import { DEFAULT_PROTOCOL, ladderStepOf, protocolFromJson } from "../protocol";
import { heelRaiseCapacity, kneeToWallCapacity, testFreshness } from "./capacity";
import { buildDays } from "./days";
import { computeReturnToRun, judgeRun } from "./index";
import { ladderProgress } from "./ladder";
import { judgeRuns } from "./monitoring";
import { symptomFreeCount } from "./symptom-free";
import { TODAY, ago, assessment, at, codes, criterion, easy, input, log, quietDays, walkRun } from "./test-support";
import type { EngineLog, EngineRun } from "./types";

const S = DEFAULT_PROTOCOL;
/** Pain-free daily logs on each run day (the baseline a next morning is compared with) and on the given days-ago. */
const logsFor = (runs: EngineRun[], ...extra: number[]) => [...new Set([...runs.map((r) => r.date), ...extra.map(ago)])].sort().map((d) => log(d));
const fresh = [assessment(ago(2), [26, 27])];

describe("symptom-free days (the first-run gate's count)", () => {
  const every3rd = [18, 15, 12, 9, 6, 3, 0].map((d) => log(ago(d)));
  it.each<[string, EngineLog[], EngineRun[], string | null, { count: number; current: boolean }]>([
    ["no logs", [], [], null, { count: 0, current: false }],
    ["seven days up to today", quietDays(6, 5, 4, 3, 2, 1, 0), [], null, { count: 7, current: true }],
    ["seven days up to yesterday are current", quietDays(7, 6, 5, 4, 3, 2, 1), [], null, { count: 7, current: true }],
    ["a single unlogged day is bridged (neither counts nor breaks)", quietDays(7, 6, 5, 4, 2, 1, 0), [], null, { count: 7, current: true }],
    ["two unlogged days in a row end the count", quietDays(8, 7, 6, 5, 2, 1, 0), [], null, { count: 3, current: true }],
    ["pain-free every third day for 18 days counts 1, not 7", every3rd, [], null, { count: 1, current: true }],
    ["seven pain-free days weeks ago, nothing since: not current", quietDays(30, 29, 28, 27, 26, 25, 24), [], null, { count: 7, current: false }],
    ["any pain above 0 resets", [...quietDays(6, 5, 4), log(ago(3), 1), ...quietDays(2, 1, 0)], [], null, { count: 3, current: true }],
    ["one cross-training score above 0 spoils the day", [log(ago(1)), log(ago(0), 0, { painSwim: 1 })], [], null, { count: 0, current: true }],
    ["pain during a run that day counts", quietDays(3, 2, 1, 0), [walkRun(ago(1), 0, 1, 0)], null, { count: 1, current: true }],
    ["the next-morning score counts on the day it describes", quietDays(3, 2, 1, 0), [walkRun(ago(2), 0, 0, 2)], null, { count: 1, current: true }],
    ["a stop-level run restarts the count the next day", quietDays(5, 4, 3, 2, 1, 0), [walkRun(ago(3), 0, 6, 0)], ago(3), { count: 3, current: true }],
    ["a step back to Protect restarts the count the next day", quietDays(5, 4, 3, 2, 1, 0), [], ago(2), { count: 2, current: true }],
  ])("%s", (_name, logs, runs, restart, expected) => {
    const sf = symptomFreeCount(buildDays(logs, runs), TODAY, restart);
    expect({ count: sf.count, current: sf.current }).toEqual(expected);
  });

  it("the gate says when the runner last logged when the count is not current", () => {
    const r = computeReturnToRun(input({ logs: quietDays(30, 29, 28, 27, 26, 25, 24), assessments: [assessment(ago(1), [28, 28])] }));
    expect(r.readyToProgress).toBe(false);
    expect(r.symptomFreeStreak).toBe(0);
    expect(criterion(r, "symptom_free_days").detail).toContain("the runner last logged on 2 Nov");
  });

  it("every third day for 18 days does not gate the first run", () => {
    const r = computeReturnToRun(input({ logs: [18, 15, 12, 9, 6, 3, 0].map((d) => log(ago(d))), assessments: fresh }));
    expect(criterion(r, "symptom_free_days").met).toBe(false);
    expect(criterion(r, "symptom_free_days").detail).toContain("1 of 7");
  });
});

describe("the gate to walk-run", () => {
  const week = quietDays(6, 5, 4, 3, 2, 1, 0);
  it.each<[string, Parameters<typeof input>[0], boolean, Record<string, boolean>]>([
    ["all met: ready", { logs: week, assessments: fresh }, true, { symptom_free_days: true, pain_free_walking: true, heel_raises: true, heel_raise_lsi: true, calf_test_fresh: true, red_flag_screen: true }],
    ["six days: not yet", { logs: week.slice(1), assessments: fresh }, false, { symptom_free_days: false }],
    ["heel raises 22 of 25 (LSI 88%)", { logs: week, assessments: [assessment(ago(1), [22, 25])] }, false, { heel_raises: false, heel_raise_lsi: false }],
    ["a test 15 days old needs a retest", { logs: week, assessments: [assessment(ago(15), [28, 28])] }, false, { heel_raises: true, calf_test_fresh: false }],
    ["a test 14 days old still counts", { logs: week, assessments: [assessment(ago(14), [28, 28])] }, true, { calf_test_fresh: true }],
    ["injured side stronger meets the LSI", { logs: week, assessments: [assessment(ago(1), [30, 26])] }, true, { heel_raise_lsi: true }],
    ["one side measured: no LSI", { logs: week, assessments: [assessment(ago(1), [27, null])] }, false, { heel_raises: true, heel_raise_lsi: false }],
    ["both sides injured: each side must reach the target", { side: "both", logs: week, assessments: [assessment(ago(1), [26, 24])] }, false, { heel_raises: false, heel_raise_lsi: true }],
    ["both sides injured, both at target", { side: "both", logs: week, assessments: [assessment(ago(1), [26, 25])] }, true, { heel_raises: true }],
    ["last walk in the count unscored", { logs: [...week.slice(0, 6), log(TODAY, 0, { painWalk: null })], assessments: fresh }, false, { pain_free_walking: false }],
    ["red-flag screen positive: refer before loading", { logs: week, assessments: fresh, redFlagScreen: "refer" }, false, { red_flag_screen: false }],
    ["red-flag screen cleared", { logs: week, assessments: fresh, redFlagScreen: "cleared" }, true, { red_flag_screen: true }],
    [
      "a clinic with edited thresholds: 5 days, 20 heel raises, LSI 80%",
      { logs: week.slice(2), assessments: [assessment(ago(1), [20, 24])], settings: { ...S, symptomFreeDays: 5, heelRaisesToRun: 20, lsiMinPercent: 80 } },
      true,
      { symptom_free_days: true, heel_raises: true, heel_raise_lsi: true },
    ],
  ])("%s", (_name, over, ready, expected) => {
    const r = computeReturnToRun(input(over));
    expect(r.stage).toBe(0);
    for (const [code, met] of Object.entries(expected)) expect(criterion(r, code).met, code).toBe(met);
    expect(r.readyToProgress).toBe(ready);
  });

  it("red-flag screen 'refer' holds every stage with its words", () => {
    const r = computeReturnToRun(input({ stageChanges: at(2, ago(20)), runs: [easy(ago(4)), easy(ago(2))], logs: quietDays(1, 0), redFlagScreen: "refer" }));
    expect(criterion(r, "red_flag_screen")).toMatchObject({ met: false, label: "Red-flag screen: refer before loading" });
    expect(r.readyToProgress).toBe(false);
    expect(r.nextStep).toMatch(/^Refer before loading/);
  });

  it("explains the numbers in words", () => {
    const r = computeReturnToRun(input({ logs: week.slice(1), assessments: [assessment("2026-11-25", [22, 25])] }));
    expect(criterion(r, "symptom_free_days").detail).toContain("6 of 7 symptom-free days");
    expect(criterion(r, "heel_raises").detail).toContain("Heel raises 22/25 on the left, tested 25 Nov");
    expect(criterion(r, "heel_raise_lsi").detail).toBe("LSI 88% (left 22 ÷ right 25); at least 90% needed.");
    expect(r.nextStep).toContain("1 more symptom-free day needed");
  });
});

describe("calf capacity: one function for every screen", () => {
  it.each<[string, Parameters<typeof heelRaiseCapacity>, { targetMet: boolean; symmetryMet: boolean; lsi: number | null }]>([
    ["LSI 89.7% is not met, and says so", ["left", 26, 29, 25, 90], { targetMet: true, symmetryMet: false, lsi: 89.7 }],
    ["LSI exactly 90% is met", ["right", 30, 27, 25, 90], { targetMet: true, symmetryMet: true, lsi: 90 }],
    ["injured side stronger", ["left", 30, 25, 25, 90], { targetMet: true, symmetryMet: true, lsi: 120 }],
    ["both sides: no LSI", ["both", 26, 24, 25, 90], { targetMet: false, symmetryMet: true, lsi: null }],
    ["one side measured", ["right", null, 27, 25, 90], { targetMet: true, symmetryMet: false, lsi: null }],
  ])("%s", (_name, args, expected) => {
    const v = heelRaiseCapacity(...args);
    expect({ targetMet: v.targetMet, symmetryMet: v.symmetryMet, lsi: v.lsi }).toEqual(expected);
  });

  it("words carry the same number the verdict used", () => {
    expect(heelRaiseCapacity("left", 26, 29, 25, 90).symmetryWords).toBe("LSI 89.7% (left 26 ÷ right 29); at least 90% needed.");
  });

  it("knee-to-wall: difference in cm and LSI, with measurement error", () => {
    expect(kneeToWallCapacity("left", 10, 11, 90)).toMatchObject({ met: true, lsi: 90.9 });
    expect(kneeToWallCapacity("left", 10, 11, 90).words).toContain("difference 1 cm; a difference under 1.9 cm is within measurement error");
    expect(kneeToWallCapacity("left", 8, 11, 90)).toMatchObject({ met: false, lsi: 72.7 });
    expect(kneeToWallCapacity("both", 8, 11, 90)).toMatchObject({ met: true, lsi: null });
  });

  it("freshness: 14 days counts, 15 asks for a retest", () => {
    expect(testFreshness(ago(14), TODAY, 14).fresh).toBe(true);
    expect(testFreshness(ago(15), TODAY, 14)).toMatchObject({ fresh: false, words: "Retest needed: last tested 15 days ago (11 Nov); a test counts for 14 days." });
  });
});

describe("pain monitoring of a run", () => {
  const days = (logs: EngineLog[], runs: EngineRun[] = []) => buildDays(logs, runs);
  it.each<[string, EngineRun, EngineLog[], { band: string; rise: number | null; lasting: boolean | null; good: boolean; stepBack: boolean; repeat: boolean }]>([
    ["3/10 is safe and settled", walkRun(ago(5), 0, 3, 0), [log(ago(5))], { band: "safe", rise: 0, lasting: null, good: true, stepBack: false, repeat: false }],
    ["4/10 is acceptable: repeat", walkRun(ago(5), 0, 4, 0), [log(ago(5))], { band: "acceptable", rise: 0, lasting: null, good: false, stepBack: false, repeat: true }],
    ["6/10 is a stop", walkRun(ago(5), 0, 6, 0), [log(ago(5))], { band: "stop", rise: 0, lasting: null, good: false, stepBack: true, repeat: false }],
    ["missing next morning: pending", walkRun(ago(5), 0, 1, null), [log(ago(5))], { band: "safe", rise: null, lasting: null, good: false, stepBack: false, repeat: false }],
    ["rise of 1: repeat the step", walkRun(ago(5), 0, 1, 1), [log(ago(5))], { band: "safe", rise: 1, lasting: null, good: false, stepBack: false, repeat: true }],
    ["rise of 2: step back", walkRun(ago(5), 0, 1, 2), [log(ago(5))], { band: "safe", rise: 2, lasting: null, good: false, stepBack: true, repeat: false }],
    ["baseline is the lowest daily-activity score of the run day or the day before", walkRun(ago(5), 0, 1, 3), [log(ago(6), 2), log(ago(5), 3)], { band: "safe", rise: 1, lasting: null, good: false, stepBack: false, repeat: true }],
    ["rest is the baseline only when no daily score", walkRun(ago(5), 0, 1, 2), [log(ago(5), 0, { painDaily: null, painRest: 1 })], { band: "safe", rise: 1, lasting: null, good: false, stepBack: false, repeat: true }],
    ["no baseline: the rise is unknown", walkRun(ago(5), 0, 1, 2), [], { band: "safe", rise: null, lasting: null, good: false, stepBack: false, repeat: false }],
    [
      "unchanged pain in the same context is not lasting (rest 2 on the run day, daily 2 the day after)",
      walkRun(ago(5), 0, 1, 2),
      [log(ago(5), 2, { painRest: 2, painDaily: 2 }), log(ago(4), 0, { painRest: 0, painDaily: 2 })],
      { band: "safe", rise: 0, lasting: false, good: true, stepBack: false, repeat: false },
    ],
    ["daily-activity pain above the baseline the day after: lasting", walkRun(ago(5), 0, 2, 0), [log(ago(5), 0), log(ago(4), 0, { painDaily: 2 })], { band: "safe", rise: 0, lasting: true, good: false, stepBack: true, repeat: false }],
  ])("%s", (_name, run, logs, expected) => {
    const v = judgeRun(run, days(logs, [run]), S);
    expect({ band: v.band, rise: v.rise, lasting: v.lasting, good: v.good, stepBack: v.stepBack, repeat: v.repeat }).toEqual(expected);
  });

  it("an unknown baseline is asked for by date", () => {
    const r = computeReturnToRun(input({ stageChanges: at(2, ago(20)), runs: [easy(ago(3), 5, 1, 2)], logs: [log(ago(1))] }));
    expect(r.pending[0]).toMatchObject({ runDate: ago(3), missing: "baseline" });
    expect(r.pending[0]!.words).toBe("Add the pain in daily activities on 23 Nov (the run day) to judge the next morning.");
  });
});

describe("pain flags remember every run of the episode", () => {
  const walk = at(1, ago(20));
  it("a next-morning rise of 3 stays open after a later run without its morning score", () => {
    const r = computeReturnToRun(input({ stageChanges: walk, logs: [log(ago(8)), log(ago(6)), log(ago(2)), log(ago(0))], runs: [walkRun(ago(6), 0, 1, 3), walkRun(ago(2), 0, 1, null)] }));
    expect(codes(r)).toContain("morning_rise");
    expect(r.flags.find((f) => f.code === "morning_rise")).toMatchObject({ open: true, raisedOn: ago(5) });
    expect(r.readyToProgress).toBe(false);
    expect(r.pending.map((p) => p.runDate)).toEqual([ago(2)]);
  });

  it("clears after a later completed session at the same or a lower step shows no rise, and stays in the history", () => {
    const r = computeReturnToRun(input({ stageChanges: walk, logs: [log(ago(8)), log(ago(6)), log(ago(2))], runs: [walkRun(ago(6), 1, 1, 3), walkRun(ago(2), 0, 1, 0)] }));
    expect(codes(r)).not.toContain("morning_rise");
    expect(r.flagHistory[0]).toMatchObject({ code: "morning_rise", raisedOn: ago(5), clearedOn: ago(1), open: false });
  });

  it("a later session at a higher step does not clear it", () => {
    const r = computeReturnToRun(input({ stageChanges: walk, logs: [log(ago(8)), log(ago(6)), log(ago(2))], runs: [walkRun(ago(6), 0, 1, 3), walkRun(ago(2), 1, 1, 0)] }));
    expect(codes(r)).toContain("morning_rise");
  });

  it("a stop-level run stays open and suggests a step back", () => {
    const r = computeReturnToRun(input({ stageChanges: at(2, ago(20)), logs: [log(ago(0))], runs: [easy(ago(6)), easy(ago(4), 5, 7, null), easy(ago(2), 5, 1, null)] }));
    expect(r.flags.find((f) => f.code === "stop_pain")).toMatchObject({ level: "stop", raisedOn: ago(4) });
    expect(r.stepBack).toMatchObject({ toStage: 1, toLadderStep: 4 });
  });
});

describe("step back, the flare story", () => {
  // Walk-run step 1: a run with 4 during and 6 next morning (a rise of 6 from 0).
  const logs = [log(ago(3)), log(ago(1), 0, { painDaily: 3 })];
  const runs = [walkRun(ago(2), 0, 4, 6)];
  const base = [...at(0, "2026-10-01", "start", null), ...at(1, ago(10))];
  it("before the step back: a flag and a step back to Protect suggested", () => {
    const r = computeReturnToRun(input({ stageChanges: base, logs, runs }));
    expect(codes(r)).toEqual(expect.arrayContaining(["morning_rise", "pain_lasting"]));
    expect(r.stepBack).toMatchObject({ toStage: 0 });
  });

  it("on the day of the step back: not ready, the flare in the history, the count restarting tomorrow", () => {
    const stepped = [...base, { toStage: 0, fromStage: 1, kind: "step_back" as const, effectiveDate: TODAY, toLadderStep: null, reason: "flare" }];
    const r = computeReturnToRun(input({ stageChanges: stepped, logs: [...quietDays(12, 11, 10, 9, 8, 7, 6, 5, 4, 3), ...logs, log(TODAY)], runs, assessments: fresh }));
    expect(r.stage).toBe(0);
    expect(r.readyToProgress).toBe(false);
    expect(criterion(r, "not_step_back_day").met).toBe(false);
    expect(r.symptomFreeStreak).toBe(0);
    expect(r.flagHistory.map((f) => f.code)).toEqual(expect.arrayContaining(["morning_rise"]));
    expect(r.flagHistory.find((f) => f.code === "morning_rise")?.clearedBy).toContain("Step back recorded on 26 Nov");
  });

  it("a step back then progress: the ladder restarts at the destination step", () => {
    const stepped = [...at(1, ago(20)), { toStage: 1, fromStage: 1, kind: "step_back" as const, effectiveDate: ago(8), toLadderStep: 1, reason: "rise" }];
    const r = computeReturnToRun(input({ stageChanges: stepped, logs: quietDays(7, 6, 5, 4, 3, 2, 1, 0), runs: [walkRun(ago(9), 2, 1, 3), walkRun(ago(6), 1), walkRun(ago(4), 1)] }));
    expect(r.ladder).toEqual({ step: 2, doneAtStep: 0, complete: false });
    expect(codes(r)).not.toContain("morning_rise");
  });
});

describe("walk-run ladder", () => {
  const v = (runs: EngineRun[]) => judgeRuns(runs, buildDays([...runs.map((r) => log(r.date))], runs), S);
  it.each<[string, EngineRun[], number, { step: number; doneAtStep: number; complete: boolean; skipped: number; tooShort: number; pendingAtStep: number }]>([
    ["no runs: first step", [], 0, { step: 0, doneAtStep: 0, complete: false, skipped: 0, tooShort: 0, pendingAtStep: 0 }],
    ["two good sessions move up a step", [walkRun(ago(6), 0), walkRun(ago(4), 0)], 0, { step: 1, doneAtStep: 0, complete: false, skipped: 0, tooShort: 0, pendingAtStep: 0 }],
    ["two sessions at 0/5 right after entering walk-run skip ahead", [walkRun(ago(6), 4), walkRun(ago(4), 4)], 0, { step: 0, doneAtStep: 0, complete: false, skipped: 2, tooShort: 0, pendingAtStep: 0 }],
    ["fewer than 3 repetitions count for nothing", [walkRun(ago(6), 0, 1, 0, 2), walkRun(ago(4), 0, 1, 0, 2)], 0, { step: 0, doneAtStep: 0, complete: false, skipped: 0, tooShort: 2, pendingAtStep: 0 }],
    ["a pending next morning counts toward nothing", [walkRun(ago(6), 0), walkRun(ago(4), 0, 1, null)], 0, { step: 0, doneAtStep: 1, complete: false, skipped: 0, tooShort: 0, pendingAtStep: 1 }],
    ["a session below the current step is fine", [walkRun(ago(6), 1), walkRun(ago(4), 0)], 1, { step: 1, doneAtStep: 1, complete: false, skipped: 0, tooShort: 0, pendingAtStep: 0 }],
    ["acceptable pain does not count", [walkRun(ago(6), 0, 4), walkRun(ago(4), 0)], 0, { step: 0, doneAtStep: 1, complete: false, skipped: 0, tooShort: 0, pendingAtStep: 0 }],
    ["the whole ladder in order", [0, 0, 1, 1, 2, 2, 3, 3, 4, 4].map((step, i) => walkRun(ago(30 - 2 * i), step)), 0, { step: 4, doneAtStep: 2, complete: true, skipped: 0, tooShort: 0, pendingAtStep: 0 }],
  ])("%s", (_name, runs, start, expected) => {
    const l = ladderProgress(v(runs), start, S);
    expect({ step: l.step, doneAtStep: l.doneAtStep, complete: l.complete, skipped: l.skipped.length, tooShort: l.tooShort, pendingAtStep: l.pendingAtStep }).toEqual(expected);
  });

  it("a session belongs to the step nearest its run fraction", () => {
    expect(ladderStepOf({ kind: "walk_run", walkMinutes: 2, runMinutes: 1 })).toBe(1); // 33% is nearest 40%
    expect(ladderStepOf({ kind: "walk_run", walkMinutes: 8, runMinutes: 2 })).toBe(0); // 20%
    expect(ladderStepOf({ kind: "walk_run", walkMinutes: 1, runMinutes: 9 })).toBe(3); // 90%: a tie between 80% and 100% goes to the lower step
  });

  it("three runs per step when the clinic sets it", () => {
    const runs = [walkRun(ago(6), 0), walkRun(ago(4), 0), walkRun(ago(2), 0)];
    expect(ladderProgress(v(runs), 0, { ...S, runsPerStep: 3 }).step).toBe(1);
    expect(ladderProgress(v(runs.slice(0, 2)), 0, { ...S, runsPerStep: 3 }).step).toBe(0);
  });

  it("the panel raises 'skipped ahead' as an advisory that does not hold progress", () => {
    const r = computeReturnToRun(input({ stageChanges: at(1, ago(8)), logs: quietDays(7, 5, 3, 1), runs: [walkRun(ago(6), 4), walkRun(ago(4), 4)] }));
    expect(r.flags.find((f) => f.code === "skipped_ahead")).toMatchObject({ level: "advisory" });
    expect(criterion(r, "ladder_complete").met).toBe(false);
    expect(criterion(r, "no_blocking_flags").met).toBe(true);
  });
});

describe("back-to-back runs", () => {
  it.each<[string, Parameters<typeof input>[0], boolean]>([
    ["consecutive days in continuous easy", { stageChanges: at(2, ago(20)), logs: quietDays(0), runs: [easy(ago(2)), easy(ago(1), 5, 1, null)] }, true],
    ["two runs on one day in walk-run", { stageChanges: at(1, ago(20)), logs: quietDays(0), runs: [walkRun(ago(1), 0), walkRun(ago(1), 0, 1, null)] }, true],
    ["in Protect, once the gate is met", { logs: quietDays(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), assessments: fresh, runs: [walkRun(ago(2), 0, 0, 0), walkRun(ago(1), 0, 0, 0)] }, true],
    ["across a stage change (the run the day before a progression counts)", { stageChanges: at(2, ago(1)), logs: quietDays(0), runs: [walkRun(ago(2), 4), easy(ago(1))] }, true],
    ["a rest day between runs is fine", { stageChanges: at(2, ago(20)), logs: quietDays(0), runs: [easy(ago(4)), easy(ago(2))] }, false],
    ["two good runs after the pair clear it", { stageChanges: at(2, ago(20)), logs: logsFor([easy(ago(9)), easy(ago(8)), easy(ago(5)), easy(ago(2))], 0), runs: [easy(ago(9)), easy(ago(8)), easy(ago(5)), easy(ago(2))] }, false],
  ])("%s", (_name, over, flagged) => {
    expect(codes(computeReturnToRun(input(over))).includes("back_to_back")).toBe(flagged);
  });

  it("continuous easy: a back-to-back pair blocks only until two good runs follow", () => {
    const three = [easy(ago(9)), easy(ago(8)), easy(ago(5))];
    const blocked = computeReturnToRun(input({ stageChanges: at(2, ago(20)), logs: logsFor(three, 0), runs: three }));
    expect(criterion(blocked, "good_runs_in_a_row").met).toBe(false);
    const four = [...three, easy(ago(2))];
    const ok = computeReturnToRun(input({ stageChanges: at(2, ago(20)), logs: logsFor(four, 0), runs: four }));
    expect(criterion(ok, "good_runs_in_a_row").met).toBe(true);
    expect(ok.readyToProgress).toBe(true);
  });
});

describe("continuous easy", () => {
  it.each<[string, EngineRun[], boolean]>([
    ["two good runs in a row", [easy(ago(5)), easy(ago(3))], true],
    ["the second run acceptable", [easy(ago(5)), easy(ago(3), 5, 4)], false],
    ["a pending run neither counts nor breaks", [easy(ago(7)), easy(ago(5)), easy(ago(2), 5, 1, null)], true],
    ["a rise of 1 is not settled", [easy(ago(5)), easy(ago(3), 5, 1, 1)], false],
  ])("%s", (_name, runs, met) => {
    expect(criterion(computeReturnToRun(input({ stageChanges: at(2, ago(20)), logs: logsFor(runs, 1), runs })), "good_runs_in_a_row").met).toBe(met);
  });
});

describe("build volume", () => {
  it("9 km to 32 km in the first week of the stage is a load jump", () => {
    const runs = [easy(ago(12), 3), easy(ago(10), 3), easy(ago(8), 3), easy(ago(6), 10), easy(ago(4), 11), easy(ago(2), 11)];
    const r = computeReturnToRun(input({ stageChanges: at(3, ago(6)), logs: quietDays(0), runs, preInjuryWeeklyKm: 40 }));
    expect(codes(r)).toContain("volume_jump");
    expect(r.load).toMatchObject({ unit: "km", acute: 32 });
    expect(criterion(r, "weekly_volume").met).toBe(true);
    expect(criterion(r, "weekly_rise").met).toBe(false);
    expect(r.readyToProgress).toBe(false);
  });

  it("minutes-only runs are compared in minutes", () => {
    const runs = [easy(ago(12), null, 1, 0, 30), easy(ago(9), null, 1, 0, 30), easy(ago(5), null, 1, 0, 60), easy(ago(3), null, 1, 0, 60), easy(ago(1), null, 1, 0, 60)];
    const r = computeReturnToRun(input({ stageChanges: at(3, ago(20)), logs: quietDays(0), runs }));
    expect(r.load).toMatchObject({ unit: "min", acute: 180, chronicWeekly: 15 });
    expect(codes(r)).toContain("volume_jump");
    expect(criterion(r, "weekly_volume").detail).toContain("has no distance");
  });

  it("after a week without runs the jump is still checked", () => {
    const runs = [easy(ago(20), 6), easy(ago(17), 6), easy(ago(14), 6), easy(ago(4), 10), easy(ago(2), 10)];
    const r = computeReturnToRun(input({ stageChanges: at(3, ago(30)), logs: quietDays(0), runs }));
    expect(r.load).toMatchObject({ acute: 20, chronicWeekly: 4.5 });
    expect(codes(r)).toContain("volume_jump");
  });

  it("ready at 80% of pre-injury with no open flag for 7 days", () => {
    // Every other day for 8 weeks: a steady 30–40 km a week.
    const runs = Array.from({ length: 28 }, (_, i) => easy(ago(55 - 2 * i), 10));
    const r = computeReturnToRun(input({ stageChanges: at(3, ago(60)), logs: logsFor(runs, 0), runs, preInjuryWeeklyKm: 40 }));
    expect(r.load?.acute).toBe(30);
    expect(criterion(r, "weekly_volume").met).toBe(false);
    const r2 = computeReturnToRun(input({ stageChanges: at(3, ago(60)), logs: logsFor(runs, 0), runs, preInjuryWeeklyKm: 36 }));
    expect(criterion(r2, "weekly_volume")).toMatchObject({ met: true, detail: "30 km in the last 7 days of 28.8 km (80% of 36 km)." });
    expect(r2.readyToProgress).toBe(true);
  });

  it("no pre-injury volume: the criterion asks for it", () => {
    const r = computeReturnToRun(input({ stageChanges: at(3, ago(5)), logs: quietDays(0), preInjuryWeeklyKm: null }));
    expect(criterion(r, "weekly_volume").detail).toContain("add it to the running profile");
  });

  it("a pain flag cleared 3 days ago still holds the stage (no open flag for 7 days)", () => {
    const runs = [easy(ago(9), 8, 1, 3), easy(ago(4), 8), easy(ago(2), 8)];
    const r = computeReturnToRun(input({ stageChanges: at(3, ago(20)), logs: logsFor(runs, 0), runs, preInjuryWeeklyKm: 20 }));
    expect(codes(r)).not.toContain("morning_rise");
    expect(criterion(r, "no_flags").met).toBe(false);
  });
});

describe("speed and hills to returned", () => {
  const base = { stageChanges: at(4, ago(30)), logs: quietDays(6, 5, 4, 3, 2, 1, 0) };
  it.each<[string, Parameters<typeof input>[0], Record<string, boolean>, boolean]>([
    ["all met", { ...base, assessments: [assessment(ago(3), [30, 31])] }, { pain_free: true, heel_raises: true, heel_raise_lsi: true, knee_to_wall_lsi: true, calf_test_fresh: true }, true],
    ["heel raises 22 of 30", { ...base, assessments: [assessment(ago(3), [22, 24])] }, { heel_raises: false }, false],
    ["a run at 1/10 this week", { ...base, runs: [easy(ago(2), 5, 1, 0)], assessments: [assessment(ago(3), [30, 31])] }, { pain_free: false }, false],
    ["a test 15 days old", { ...base, assessments: [assessment(ago(15), [30, 31])] }, { calf_test_fresh: false }, false],
    ["knee-to-wall LSI 73%", { ...base, assessments: [assessment(ago(3), [30, 31], { kneeToWallLeftCm: 8, kneeToWallRightCm: 11 })] }, { knee_to_wall_lsi: false }, false],
    ["an unresolved moderate gait fault at the last running assessment", { ...base, assessments: [assessment(ago(3), [30, 31], { overstrideSeverity: "moderate" })] }, { no_blocking_flags: false }, false],
  ])("%s", (_name, over, expected, ready) => {
    const r = computeReturnToRun(input(over));
    for (const [code, met] of Object.entries(expected)) expect(criterion(r, code).met, code).toBe(met);
    expect(r.readyToProgress).toBe(ready);
  });
});

describe("other flags", () => {
  it.each<[string, Parameters<typeof input>[0], string[]]>([
    ["none for a quiet Protect day", { logs: [log(TODAY)] }, []],
    ["daily pain rise of 2 points", { logs: [log(ago(4), 0), log(ago(2), 1), log(TODAY, 2)] }, ["pain_rise"]],
    ["a low more than a week before is not compared", { logs: [log(ago(16), 0), log(TODAY, 3)] }, []],
    ["run before the gate", { logs: [log(TODAY)], runs: [walkRun(ago(1), 0)] }, ["run_before_gate"]],
    ["no log for 7 days", { logs: [log(ago(7))] }, ["no_recent_log"]],
    ["a walking assessment does not raise the gait flag", { logs: [log(TODAY)], assessments: [assessment(ago(3), [10, 20], { setting: "overground", speedKmh: 5, overstrideSeverity: "severe" })] }, []],
    ["a running assessment does", { logs: [log(TODAY)], assessments: [assessment(ago(3), [10, 20], { setting: "overground", speedKmh: 10, overstrideSeverity: "moderate" })] }, ["gait_fault"]],
    ["a walking assessment after a running one: the running one still speaks", { logs: [log(TODAY)], assessments: [assessment(ago(9), [10, 20], { toeOutSeverity: "moderate" }), assessment(ago(3), [10, 20], { setting: "overground", speedKmh: null })] }, ["gait_fault"]],
  ])("%s", (_name, over, expected) => {
    expect(codes(computeReturnToRun(input(over)))).toEqual(expected);
  });

  it("stage 5: the re-injury window", () => {
    const r = computeReturnToRun(input({ stageChanges: at(5, ago(21)), returnDate: ago(21), logs: [log(ago(1))] }));
    expect(r.flags.find((f) => f.code === "reinjury_window")?.reason).toBe("Returned to running on 5 Nov: the first 6 weeks (until 17 Dec) carry a high re-injury risk.");
    expect(r.readyToProgress).toBe(false);
  });

  // The watch window's length comes from the clinic's settings and the episode (recurrence, prior strains).
  const recurrence = { muscle: "medial_gastrocnemius", grade: 2, severity: "strain", achilles: false, side: "left" } as const;
  it.each<[string, number, { isRecurrence: boolean; priorStrains: number | null }, Partial<typeof DEFAULT_PROTOCOL>, string | null]>([
    ["day 41 of a first strain's 6 weeks", 41, { isRecurrence: false, priorStrains: 0 }, {}, "the first 6 weeks (until 27 Nov) carry a high re-injury risk."],
    ["day 42: the 6 weeks are over", 42, { isRecurrence: false, priorStrains: 0 }, {}, null],
    ["day 42 after a recurrence: 10 weeks", 42, { isRecurrence: true, priorStrains: 0 }, {}, "the first 10 weeks (until 24 Dec) carry a high re-injury risk (the clinic's longer window, after a recurrence)."],
    ["day 69 with 2 prior strains", 69, { isRecurrence: false, priorStrains: 2 }, {}, "the first 10 weeks (until 27 Nov) carry a high re-injury risk (the clinic's longer window, with 2 prior calf strains)."],
    ["day 70 with 2 prior strains: over", 70, { isRecurrence: false, priorStrains: 2 }, {}, null],
    ["a clinic with an 8-week window, day 42", 42, { isRecurrence: false, priorStrains: 0 }, { reinjuryWindowWeeks: 8 }, "the first 8 weeks (until 10 Dec) carry a high re-injury risk."],
    ["a clinic asking 3 prior strains for the longer window: 2 are not enough", 42, { isRecurrence: false, priorStrains: 2 }, { priorStrainsForLongerWindow: 3 }, null],
    ["a clinic with a 16-week longer window, day 100 after a recurrence", 100, { isRecurrence: true, priorStrains: 0 }, { reinjuryWindowWeeksLonger: 16 }, "the first 16 weeks (until 8 Dec) carry a high re-injury risk (the clinic's longer window, after a recurrence)."],
    ["a clinic without a window", 1, { isRecurrence: false, priorStrains: 0 }, { reinjuryWindowWeeks: 0 }, null],
  ])("stage 5, %s", (_name, daysSince, episode, settings, reason) => {
    const returned = ago(daysSince);
    const r = computeReturnToRun(input({ stageChanges: at(5, returned), returnDate: returned, logs: [log(ago(1))], injury: { ...recurrence, ...episode }, settings: { ...DEFAULT_PROTOCOL, ...settings } }));
    const flag = r.flags.find((f) => f.code === "reinjury_window");
    if (reason === null) expect(flag).toBeUndefined();
    else expect(flag?.reason.replace(/^Returned to running on [^:]+: /, "")).toBe(reason);
  });
});

describe("protocol settings from JSON", () => {
  it.each<[string, string | null, Partial<typeof DEFAULT_PROTOCOL>]>([
    ["no row: defaults", null, {}],
    ["edited values kept", JSON.stringify({ symptomFreeDays: 5, heelRaisesToRun: 20 }), { symptomFreeDays: 5, heelRaisesToRun: 20 }],
    ["the old asymmetry limit becomes the LSI minimum", JSON.stringify({ asymmetryMaxPercent: 15 }), { lsiMinPercent: 85 }],
    ["runs per step outside 2–3 fall back", JSON.stringify({ runsPerStep: 1 }), {}],
    ["malformed JSON falls back", "{nope", {}],
  ])("%s", (_name, json, expected) => {
    expect(protocolFromJson(json)).toEqual({ ...DEFAULT_PROTOCOL, ...expected });
  });
});
