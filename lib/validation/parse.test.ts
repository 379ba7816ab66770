import { describe, expect, it } from "vitest";
import { asciiDigits, formatDistance, formatDuration, implausibleRun, parseDecimal, parseDistance, parseDuration, parseWholeNumber } from "./parse";

describe("parseDecimal", () => {
  it.each([
    ["5,5", 5.5],
    ["5.5", 5.5],
    [" 12 ", 12],
    ["١٢", 12],
    ["٥٫٥", 5.5],
    ["１２", 12],
    ["०७", 7],
    ["-3", -3],
    [",5", 0.5],
    ["5.", 5],
    [7, 7],
  ])("%j → %j", (raw, value) => {
    expect(parseDecimal(raw, "Distance")).toEqual({ ok: true, value });
  });

  it("reads empty as not given", () => {
    expect(parseDecimal("", "Distance")).toEqual({ ok: true, value: undefined });
    expect(parseDecimal("   ", "Distance")).toEqual({ ok: true, value: undefined });
    expect(parseDecimal(undefined, "Distance")).toEqual({ ok: true, value: undefined });
  });

  it("refuses two decimal marks rather than guessing thousands", () => {
    expect(parseDecimal("5,5,5", "Distance")).toEqual({ ok: false, message: "Distance: use one decimal mark and no thousands separator, like 1234.5 or 1234,5." });
    expect(parseDecimal("1.234,5", "Distance")).toEqual({ ok: false, message: "Distance: use one decimal mark and no thousands separator, like 1234.5 or 1234,5." });
  });

  it.each([true, false, [1], { n: 1 }, "0x5", "1e3", "Infinity", "NaN", "five", "5 5", Number.NaN, Number.POSITIVE_INFINITY, "."])("refuses %j", (raw) => {
    const result = parseDecimal(raw, "Pain");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^Pain/);
  });
});

describe("parseWholeNumber", () => {
  it("refuses a fraction for a whole-number field", () => {
    expect(parseWholeNumber("4,5", "Pain")).toEqual({ ok: false, message: "Pain must be a whole number." });
    expect(parseWholeNumber("4", "Pain")).toEqual({ ok: true, value: 4 });
    expect(parseWholeNumber("٤", "Pain")).toEqual({ ok: true, value: 4 });
  });
});

describe("parseDuration (seconds)", () => {
  it.each([
    ["4:45", 285],
    ["27:30", 1650],
    ["1:05:00", 3900],
    ["45", 2700],
    ["4,5", 270],
    ["٢٧:٣٠", 1650],
    [30, 1800],
  ])("%j → %j s", (raw, seconds) => {
    expect(parseDuration(raw)).toEqual({ ok: true, value: seconds });
  });

  it("refuses impossible clock parts with a message", () => {
    expect(parseDuration("4:75")).toEqual({ ok: false, message: "The duration: the seconds must be 00–59." });
    expect(parseDuration("1:75:00")).toEqual({ ok: false, message: "The duration: in h:mm:ss the minutes must be 00–59." });
    expect(parseDuration("4:5")).toMatchObject({ ok: false });
    expect(parseDuration("-5")).toEqual({ ok: false, message: "The duration cannot be negative." });
  });

  it("reads empty as not given", () => {
    expect(parseDuration("")).toEqual({ ok: true, value: undefined });
  });
});

describe("parseDistance (metres)", () => {
  it.each([
    ["5,5", "km", 5500],
    ["5.5", "km", 5500],
    ["2.5 mi", "km", 4023],
    ["2,5mi", "km", 4023],
    ["5 km", "mi", 5000],
    ["800 m", "km", 800],
    ["3", "mi", 4828],
    ["3 miles", "km", 4828],
    [5, "km", 5000],
  ] as const)("%j with %s default → %j m", (raw, unit, metres) => {
    expect(parseDistance(raw, unit)).toEqual({ ok: true, value: metres });
  });

  it("refuses a distance it cannot read", () => {
    expect(parseDistance("5 furlongs", "km")).toMatchObject({ ok: false });
    expect(parseDistance("km", "km")).toMatchObject({ ok: false });
    expect(parseDistance("-1", "km")).toEqual({ ok: false, message: "The distance cannot be negative." });
  });
});

describe("formatting and plausibility", () => {
  it("formats seconds and metres back", () => {
    expect(formatDuration(1650)).toBe("27:30");
    expect(formatDuration(3900)).toBe("1:05:00");
    expect(formatDistance(5500, "km")).toBe("5.5");
    expect(formatDistance(4023, "mi")).toBe("2.5");
  });

  it("asks about a pace beyond 2:30–20:00 per km or a run over 6 hours", () => {
    expect(implausibleRun(5000, 1650)).toBeNull();
    expect(implausibleRun(10_000, 1200)).toMatch(/faster than 2:30 per km/);
    expect(implausibleRun(1000, 1500)).toMatch(/slower than 20:00 per km/);
    expect(implausibleRun(undefined, 7 * 3600)).toMatch(/over 6 hours/);
    // A walk-run session may be as slow as a walk, never faster than 2:30 per km.
    expect(implausibleRun(1000, 1500, true)).toBeNull();
    expect(implausibleRun(12_000, 5 * 5 * 60, true)).toMatch(/faster than 2:30 per km/);
  });

  it("makes any decimal digit ASCII", () => {
    expect(asciiDigits("١٢٣ ۴۵ 𝟕")).toBe("123 45 7");
  });
});
