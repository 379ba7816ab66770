import { describe, expect, it } from "vitest";
import type { Side } from "@/lib/domain/vocabulary";
import { DEFAULT_PROTOCOL } from "./protocol";
import {
  cadenceTargets,
  calfTargets,
  calfTargetsFrom,
  changesSince,
  compareSides,
  fpaBaseline,
  latestCalfStatus,
  measureChange,
  MEASURES,
  sideComparisons,
  suggestCalf,
  suggestOverstride,
  suggestPelvicTilt,
  suggestToeOut,
  type AssessmentMeasures,
  type TargetId,
} from "./assessment";

const info = (key: string) => MEASURES.find((m) => m.key === key)!;

describe("compareSides", () => {
  it.each([
    // side, L, R, worse, injured, injuredSide, other, asymmetry %, difference
    ["left", 22, 25, "lower", 22, "left", 25, 12, -3],
    ["right", 22, 25, "lower", 25, "right", 22, 12, 3],
    ["both", 28, 24, "lower", 24, "right", 28, 14.29, -4],
    ["left", null, 25, "lower", null, "left", 25, null, null],
    ["right", 20, undefined, "lower", null, "right", 20, null, null],
    ["left", 0, 0, "lower", 0, "left", 0, 0, 0],
    ["left", 0, 20, "lower", 0, "left", 20, 100, -20],
    ["left", 18, 10, "higher", 18, "left", 10, 44.44, 8],
    ["both", 9, 16, "higher", 16, "right", 9, 43.75, 7],
    ["both", null, 12, "higher", 12, "right", null, null, null],
    ["left", -4, 6, "higher", -4, "left", 6, 166.67, -10],
  ] as const)("%s L %s R %s (%s worse) → injured %s on the %s", (side, l, r, worse, injured, injuredSide, other, asym, diff) => {
    const c = compareSides(side, l, r, worse);
    expect(c.injured).toBe(injured);
    expect(c.injuredSide).toBe(injuredSide);
    expect(c.other).toBe(other);
    if (asym === null) expect(c.asymmetryPercent).toBeNull();
    else expect(c.asymmetryPercent).toBeCloseTo(asym, 2);
    expect(c.difference).toBe(diff);
  });

  it("compares heel raises and knee-to-wall low-is-worse and toe-out high-is-worse", () => {
    const c = sideComparisons("both", { heelRaisesLeft: 20, heelRaisesRight: 26, kneeToWallLeftCm: 11, kneeToWallRightCm: 8, fpaLeftDeg: 15, fpaRightDeg: 9 });
    expect([c.heelRaises.injuredSide, c.kneeToWall.injuredSide, c.fpa.injuredSide]).toEqual(["left", "right", "left"]);
  });
});

describe("change since the previous assessment", () => {
  it.each([
    // measure, previous, current, delta, beyond error?, words
    ["kneeToWallLeftCm", 8.0, 9.8, 1.8, false, "+1.8 cm: within measurement error"],
    ["kneeToWallLeftCm", 10.1, 12.0, 1.9, true, "+1.9 cm: beyond measurement error"],
    ["kneeToWallRightCm", 12.0, 9.5, -2.5, true, "−2.5 cm: beyond measurement error"],
    ["kneeToWallRightCm", 0, 0, 0, false, "±0 cm: within measurement error"],
    ["heelRaisesLeft", 10, 15, 5, false, "+5 reps: within measurement error"],
    ["heelRaisesLeft", 10, 16, 6, true, "+6 reps: beyond measurement error"],
    ["heelRaisesRight", 22, 0, -22, true, "−22 reps: beyond measurement error"],
    ["cadenceSpm", 160, 168, 8, null, "+8 steps/min"],
    ["fpaLeftDeg", 14, 9, -5, null, "−5°"],
  ] as const)("%s %s → %s", (key, prev, cur, delta, beyond, words) => {
    const c = measureChange(info(key), prev, cur)!;
    expect(c.delta).toBe(delta);
    expect(c.beyondError).toBe(beyond);
    expect(c.words).toBe(words);
  });

  it.each([
    [null, 10],
    [10, undefined],
    [undefined, null],
  ])("no change when a side is missing (%s → %s)", (prev, cur) => {
    expect(measureChange(info("heelRaisesLeft"), prev, cur)).toBeNull();
  });

  it("lists only the measures recorded at both visits", () => {
    const changes = changesSince({ heelRaisesLeft: 12, heelRaisesRight: 28, cadenceSpm: 160 }, { heelRaisesLeft: 20, kneeToWallLeftCm: 9, cadenceSpm: 160 });
    expect(changes.map((c) => [c.key, c.delta])).toEqual([
      ["cadenceSpm", 0],
      ["heelRaisesLeft", 8],
    ]);
  });
});

describe("calf targets (LSI = injured ÷ uninjured, the clinic's thresholds)", () => {
  type Row = [string, Side, AssessmentMeasures, Record<TargetId, boolean | null>, string];
  const cases: Row[] = [
    ["below start", "left", { heelRaisesLeft: 22, heelRaisesRight: 27 }, { heel_raises_start: false, heel_raises_speed: false, knee_to_wall_lsi: null }, "Heel raises 22/25 on the left: below the target to start running"],
    ["start met, speed not", "right", { heelRaisesLeft: 30, heelRaisesRight: 26, kneeToWallLeftCm: 10, kneeToWallRightCm: 9.5 }, { heel_raises_start: true, heel_raises_speed: false, knee_to_wall_lsi: true }, "Heel raises 26/25 on the right: meets the target to start running"],
    ["speed met at LSI 91% and 90%", "left", { heelRaisesLeft: 30, heelRaisesRight: 33, kneeToWallLeftCm: 9, kneeToWallRightCm: 10 }, { heel_raises_start: true, heel_raises_speed: true, knee_to_wall_lsi: true }, "Heel raises 30/25 on the left: meets the target to start running"],
    ["an injured side stronger meets it", "left", { heelRaisesLeft: 34, heelRaisesRight: 30, kneeToWallLeftCm: 11, kneeToWallRightCm: 10 }, { heel_raises_start: true, heel_raises_speed: true, knee_to_wall_lsi: true }, "Heel raises 34/25 on the left: meets the target to start running"],
    ["count met, LSI not", "left", { heelRaisesLeft: 31, heelRaisesRight: 40, kneeToWallLeftCm: 8, kneeToWallRightCm: 10 }, { heel_raises_start: true, heel_raises_speed: false, knee_to_wall_lsi: false }, "Heel raises 31/25 on the left: meets the target to start running"],
    ["injured side missing", "left", { heelRaisesRight: 30 }, { heel_raises_start: null, heel_raises_speed: null, knee_to_wall_lsi: null }, "Heel raises not measured on the left: the target to start running (≥25) cannot be judged"],
    ["only injured side", "left", { heelRaisesLeft: 26 }, { heel_raises_start: true, heel_raises_speed: null, knee_to_wall_lsi: null }, "Heel raises 26/25 on the left: meets the target to start running"],
    ["both sides injured: weaker side counts", "both", { heelRaisesLeft: 31, heelRaisesRight: 24 }, { heel_raises_start: false, heel_raises_speed: false, knee_to_wall_lsi: null }, "Heel raises 24/25 on the weaker side (right): below the target to start running"],
    ["both sides injured, both strong: no LSI needed", "both", { heelRaisesLeft: 32, heelRaisesRight: 31 }, { heel_raises_start: true, heel_raises_speed: true, knee_to_wall_lsi: null }, "Heel raises 31/25 on the weaker side (right): meets the target to start running"],
  ];
  it.each(cases)("%s", (_name, side, m, expected, startText) => {
    const checks = calfTargets(side, m);
    expect(Object.fromEntries(checks.map((c) => [c.id, c.met]))).toEqual(expected);
    expect(checks[0]!.text).toBe(startText);
  });

  it("says what falls short for speed work, with the knee-to-wall difference in cm", () => {
    const [, speed, ktw] = calfTargets("left", { heelRaisesLeft: 27, heelRaisesRight: 32, kneeToWallLeftCm: 8, kneeToWallRightCm: 10 });
    expect(speed!.text).toBe("Heel raises 27/30 on the left, LSI 84% (target ≥90%): below the target for speed work");
    expect(speed!.gap).toBe(3);
    expect(ktw!.text).toBe("Knee-to-wall difference 2 cm, beyond measurement error (1.9 cm, Powden 2015); LSI 80% (target ≥90%): below the target for speed work");
  });

  it("a difference under 1.9 cm is within measurement error", () => {
    const ktw = calfTargets("right", { kneeToWallLeftCm: 10, kneeToWallRightCm: 8.5 })[2]!;
    expect(ktw.text).toBe("Knee-to-wall difference 1.5 cm, within measurement error (1.9 cm, Powden 2015); LSI 85% (target ≥90%): below the target for speed work");
  });

  it("an injured side stronger says so", () => {
    expect(calfTargets("left", { heelRaisesLeft: 34, heelRaisesRight: 30 })[1]!.text).toBe("Heel raises 34/30 on the left, LSI 113%: the injured side is stronger (target ≥90%): meets the target for speed work");
  });

  it("follows a clinic that sets the heel-raise target to 20 and LSI to 85%", () => {
    const t = calfTargetsFrom({ ...DEFAULT_PROTOCOL, heelRaisesToRun: 20, heelRaisesToReturn: 28, lsiMinPercent: 85 });
    expect(t).toEqual({ heelRaisesToRun: 20, heelRaisesToReturn: 28, lsiMinPercent: 85 });
    const checks = calfTargets("left", { heelRaisesLeft: 21, heelRaisesRight: 24 }, t);
    expect(checks[0]!.text).toBe("Heel raises 21/20 on the left: meets the target to start running");
    expect(checks[1]!.text).toBe("Heel raises 21/28 on the left, LSI 88% (target ≥85%): below the target for speed work");
    expect(suggestCalf("left", { heelRaisesLeft: 21, heelRaisesRight: 24 }, t)?.reason).toContain("(target 20)");
    expect(calfTargetsFrom({ ...DEFAULT_PROTOCOL, lsiMinPercent: 92 } as typeof DEFAULT_PROTOCOL & { lsiMinPercent: number }).lsiMinPercent).toBe(92);
  });
});

describe("severity suggestions", () => {
  it.each([
    // side, L, R, baseline, severity
    ["left", 12, 10, undefined, "none"],
    ["left", 13, 10, undefined, "mild"],
    ["left", 17, 10, undefined, "moderate"],
    ["right", 10, 21, undefined, "severe"],
    // Less toe-out on the injured side than the other is not excess.
    ["left", 5, 12, undefined, "none"],
    // Against the baseline the excess is larger than against the other side.
    ["left", 15, 13, { left: 8, right: 12 }, "moderate"],
    // Both sides injured: only the baseline can say.
    ["both", 15, 9, { left: 10, right: 9 }, "mild"],
    ["both", 15, 9, undefined, null],
    ["left", null, 10, { left: 8, right: 10 }, null],
    ["right", 0, 0, undefined, "none"],
  ] as const)("toe-out: %s L %s R %s baseline %o → %s", (side, l, r, baseline, expected) => {
    const s = suggestToeOut(side, { fpaLeftDeg: l, fpaRightDeg: r }, baseline);
    expect(s?.severity ?? null).toBe(expected);
  });

  it("explains a toe-out suggestion in words", () => {
    expect(suggestToeOut("left", { fpaLeftDeg: 17, fpaRightDeg: 10 })?.reason).toBe("7° more toe-out on the injured left than the other side");
  });

  it.each([
    // side, L, R, severity
    ["left", 28, 30, "none"],
    ["left", 25, 30, "mild"],
    ["right", 30, 23, "mild"],
    ["left", 20, 30, "moderate"],
    ["left", 12, 30, "severe"],
    ["left", 0, 0, "severe"],
    ["left", 0, 24, "severe"],
    ["left", null, 28, null],
    ["left", 26, null, "none"],
    // Both-sides injuries: no healthy side, the weaker side's count decides.
    ["both", 22, 12, "moderate"],
    ["both", 26, 30, "none"],
  ] as const)("calf: %s L %s R %s → %s", (side, l, r, expected) => {
    expect(suggestCalf(side, { heelRaisesLeft: l, heelRaisesRight: r })?.severity ?? null).toBe(expected);
  });

  it.each([
    [12, 5, "none"],
    [21, 5, "mild"],
    [12, 13, "moderate"],
    [32, 5, "severe"],
    [null, 9, "mild"],
    [0, null, "none"],
    [null, null, null],
  ] as const)("overstride: strike %s cm, shin %s° → %s", (strike, shin, expected) => {
    expect(suggestOverstride({ strikeAheadCm: strike, shinAngleDeg: shin })?.severity ?? null).toBe(expected);
  });

  it.each([
    [0, "none"],
    [23, "none"],
    [23.5, "none"],
    [25, "mild"],
    [30, "moderate"],
    [35, "severe"],
    [-5, "none"],
    [null, null],
  ] as const)("pelvic tilt %s° → %s", (tilt, expected) => {
    expect(suggestPelvicTilt({ pelvicTiltDeg: tilt })?.severity ?? null).toBe(expected);
  });

  it("takes the least toe-out seen earlier as the runner's baseline", () => {
    expect(fpaBaseline([{ fpaLeftDeg: 14, fpaRightDeg: 9 }, { fpaLeftDeg: 10 }, {}])).toEqual({ left: 10, right: 9 });
    expect(fpaBaseline([])).toEqual({ left: null, right: null });
  });
});

describe("cadence targets", () => {
  it.each([
    [160, 168, 176],
    [171, 180, 188],
    [null, null, null],
    [0, null, null],
  ] as const)("%s steps/min → %s and %s", (cadence, plus5, plus10) => {
    const t = cadenceTargets(cadence);
    if (plus5 === null) expect(t).toBeNull();
    else expect(t).toEqual({ plus5, plus10 });
  });
});

describe("latestCalfStatus", () => {
  const visit = (assessedOn: string, hrL: number | null, hrR: number | null, ktwL: number | null, ktwR: number | null, createdAt = `${assessedOn}T10:00:00Z`) => ({
    assessedOn,
    createdAt,
    heelRaisesLeft: hrL,
    heelRaisesRight: hrR,
    kneeToWallLeftCm: ktwL,
    kneeToWallRightCm: ktwR,
  });

  it("takes the newest assessment, whatever the order given", () => {
    const s = latestCalfStatus("left", [visit("2026-11-20", 22, 27, 9, 10), visit("2026-11-01", 10, 27, 7, 10)]);
    expect(s).toMatchObject({ heelRaisesInjured: 22, heelRaisesSide: "left", heelRaisesAssessedOn: "2026-11-20", kneeToWallAssessedOn: "2026-11-20" });
    expect(s.heelRaisesAsymmetryPercent).toBeCloseTo(18.52, 2);
    expect(s.kneeToWallAsymmetryPercent).toBeCloseTo(10, 5);
  });

  it("keeps each measure from the newest visit that recorded it", () => {
    const s = latestCalfStatus("right", [visit("2026-11-01", 30, 24, 10, 8), visit("2026-11-20", null, null, 10, 9.5)]);
    expect(s).toMatchObject({ heelRaisesInjured: 24, heelRaisesAssessedOn: "2026-11-01", kneeToWallAssessedOn: "2026-11-20" });
    expect(s.kneeToWallAsymmetryPercent).toBeCloseTo(5, 5);
  });

  it("breaks a same-day tie by the later record, and uses the weaker side for both-sides injuries", () => {
    const s = latestCalfStatus("both", [visit("2026-11-20", 20, 20, null, null, "2026-11-20T09:00:00Z"), visit("2026-11-20", 28, 25, null, null, "2026-11-20T15:00:00Z")]);
    expect(s).toMatchObject({ heelRaisesInjured: 25, heelRaisesSide: "right", kneeToWallAsymmetryPercent: null, kneeToWallAssessedOn: null });
  });

  it("is empty without assessments", () => {
    expect(latestCalfStatus("left", [])).toEqual({
      heelRaisesInjured: null,
      heelRaisesSide: "left",
      heelRaisesAsymmetryPercent: null,
      heelRaisesAssessedOn: null,
      kneeToWallAsymmetryPercent: null,
      kneeToWallAssessedOn: null,
    });
  });
});
