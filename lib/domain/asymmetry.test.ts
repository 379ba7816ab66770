import { describe, expect, it } from "vitest";
import { asymmetryPercent, injuredSideLabel, injuredSideValue, limbSymmetryIndex } from "./asymmetry";

describe("asymmetryPercent", () => {
  it.each([
    [27, 30, 10],
    [30, 27, 10],
    [22, 25, 12],
    [0, 0, 0],
    [0, 20, 100],
    [null, 20, null],
    [20, undefined, null],
  ])("L %s, R %s → %s%%", (l, r, expected) => {
    const value = asymmetryPercent(l, r);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 5);
  });
});

describe("injured side", () => {
  it.each([
    ["left", 20, 30, 20, "left"],
    ["right", 20, 30, 30, "right"],
    ["both", 28, 24, 24, "right"],
    ["both", null, 24, 24, "right"],
    ["left", null, 30, null, "left"],
  ] as const)("%s with L %s R %s → %s on the %s", (side, l, r, value, label) => {
    expect(injuredSideValue(side, l, r)).toBe(value);
    expect(injuredSideLabel(side, l, r)).toBe(label);
  });
});

describe("limbSymmetryIndex (injured ÷ uninjured × 100)", () => {
  it.each([
    [27, 30, 90],
    [30, 27, 111.1],
    [0, 30, 0],
    [30, 0, null],
    [null, 30, null],
  ] as const)("%s vs %s → %s", (injured, other, expected) => {
    const lsi = limbSymmetryIndex(injured, other);
    if (expected === null) expect(lsi).toBeNull();
    else expect(lsi).toBeCloseTo(expected, 1);
  });
});
