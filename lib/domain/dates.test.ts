import { describe, expect, it } from "vitest";
import { addDays, ageOn, daysBetween, injuryDay, isIsoDay, momentIn, todayIn } from "./dates";

describe("calendar days", () => {
  it.each([
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-29", 1, "2026-03-30"], // across the EU clock change
    ["2026-01-10", -10, "2025-12-31"],
  ])("addDays(%s, %i) = %s", (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it("counts days between dates and the injury day (day 1 is onset)", () => {
    expect(daysBetween("2026-10-30", "2026-11-02")).toBe(3);
    expect(injuryDay("2026-11-26", "2026-11-26")).toBe(1);
    expect(injuryDay("2026-11-15", "2026-11-26")).toBe(12);
  });

  it("computes completed years of age, birthday included", () => {
    expect(ageOn("1980-11-26", "2026-11-26")).toBe(46);
    expect(ageOn("1980-11-27", "2026-11-26")).toBe(45);
    expect(ageOn("2000-02-29", "2026-02-28")).toBe(25);
  });

  it("validates ISO days strictly", () => {
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2026-13-01")).toBe(false);
    expect(isIsoDay("26-1-1")).toBe(false);
    expect(isIsoDay("2028-02-29")).toBe(true);
    expect(() => addDays("nope", 1)).toThrow(RangeError);
  });

  it("gives today's date in the clinic's time zone", () => {
    const instant = new Date("2026-11-26T23:30:00Z");
    expect(todayIn("Europe/London", instant)).toBe("2026-11-26");
    expect(todayIn("Asia/Tokyo", instant)).toBe("2026-11-27");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-11-26");
  });
});

describe("moments in a time zone", () => {
  it.each([
    ["2026-07-01T07:05:00.000Z", "Europe/London", "1 Jul 2026, 08:05"], // summer time
    ["2026-11-26T23:30:00.000Z", "Europe/London", "26 Nov 2026, 23:30"],
    ["2026-11-26T23:30:00.000Z", "Asia/Tokyo", "27 Nov 2026, 08:30"],
    ["2026-11-27T00:00:00.000Z", "America/Los_Angeles", "26 Nov 2026, 16:00"],
  ])("momentIn(%s, %s) = %s", (iso, zone, expected) => {
    expect(momentIn(iso, zone)).toBe(expected);
  });

  it("says — for a missing or unreadable moment, never throws", () => {
    expect(momentIn(null, "Europe/London")).toBe("—");
    expect(momentIn("yesterday-ish", "Europe/London")).toBe("—");
  });
});
