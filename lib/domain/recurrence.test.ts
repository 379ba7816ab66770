import { describe, expect, it } from "vitest";
import type { Side } from "@/lib/domain/vocabulary";
import { isRecurrence, oneYearAfter, sidesOverlap } from "./recurrence";

describe("sidesOverlap", () => {
  it.each<[Side, Side, boolean]>([
    ["left", "left", true],
    ["right", "right", true],
    ["left", "right", false],
    ["right", "left", false],
    ["both", "left", true],
    ["right", "both", true],
    ["both", "both", true],
  ])("%s and %s → %s", (a, b, expected) => {
    expect(sidesOverlap(a, b)).toBe(expected);
  });
});

describe("oneYearAfter", () => {
  it.each([
    ["2026-03-15", "2027-03-15"],
    ["2025-12-31", "2026-12-31"],
    ["2024-02-29", "2025-02-28"],
  ])("%s → %s", (day, expected) => expect(oneYearAfter(day)).toBe(expected));

  it("refuses a non-date", () => expect(() => oneYearAfter("2026-02-30")).toThrow(RangeError));
});

describe("isRecurrence", () => {
  const prev = { id: "a", side: "left" as Side, onsetDate: "2025-06-10" };
  it.each<[string, Side, string, boolean]>([
    ["same side a day later", "left", "2025-06-11", true],
    ["same side exactly 12 months later", "left", "2026-06-10", true],
    ["same side 12 months and a day later", "left", "2026-06-11", false],
    ["same side, same day", "left", "2025-06-10", false],
    ["same side, before the earlier onset", "left", "2025-01-01", false],
    ["other side within 12 months", "right", "2025-09-01", false],
    ["both sides after a left strain", "both", "2025-09-01", true],
  ])("%s", (_label, side, onsetDate, expected) => {
    expect(isRecurrence({ side, onsetDate }, [prev])).toBe(expected);
  });

  it("a left strain after a both-sides episode is a recurrence", () => {
    expect(isRecurrence({ side: "left", onsetDate: "2025-08-01" }, [{ side: "both", onsetDate: "2025-07-01" }])).toBe(true);
  });

  it("never counts the episode itself (editing)", () => {
    expect(isRecurrence({ id: "a", side: "left", onsetDate: "2025-06-20" }, [{ id: "a", side: "left", onsetDate: "2025-06-10" }])).toBe(false);
  });

  it("any one qualifying earlier episode is enough", () => {
    const others = [
      { side: "right" as Side, onsetDate: "2025-05-01" },
      { side: "left" as Side, onsetDate: "2023-05-01" },
      { side: "left" as Side, onsetDate: "2025-02-01" },
    ];
    expect(isRecurrence({ side: "left", onsetDate: "2025-10-01" }, others)).toBe(true);
    expect(isRecurrence({ side: "left", onsetDate: "2025-10-01" }, others.slice(0, 2))).toBe(false);
  });

  it("no earlier episodes → not a recurrence", () => {
    expect(isRecurrence({ side: "both", onsetDate: "2025-10-01" }, [])).toBe(false);
  });
});
