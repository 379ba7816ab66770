import { describe, expect, it } from "vitest";
import { calendarDays } from "./chart-days";
import { addDays, daysBetween } from "./dates";

describe("calendarDays", () => {
  it.each([
    ["2026-11-26", "2026-11-26", 1],
    ["2026-11-27", "2026-11-26", 0],
    ["2026-12-30", "2027-01-02", 4],
    ["2024-02-27", "2024-03-01", 4],
    ["2023-02-27", "2023-03-01", 3],
    ["2100-02-27", "2100-03-01", 3],
    ["2000-02-28", "2000-03-01", 3],
  ])("%s to %s has %i days", (from, to, n) => expect(calendarDays(from, to)).toHaveLength(n));

  it("matches stepping one day at a time over years", () => {
    const from = "2023-01-01";
    const to = "2026-12-31";
    const stepped: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) stepped.push(d);
    expect(calendarDays(from, to)).toEqual(stepped);
    expect(stepped).toHaveLength(daysBetween(from, to) + 1);
  });

  it.each([7, 30, 45])("steps %i days at a time as adding days does", (step) => {
    const stepped: string[] = [];
    for (let d = "2023-12-25"; d <= "2027-03-01"; d = addDays(d, step)) stepped.push(d);
    expect(calendarDays("2023-12-25", "2027-03-01", step)).toEqual(stepped);
  });
});
