import { describe, expect, it } from "vitest";
import { painBand, painSeries, rangeStart, type PainLogInput } from "./chart-pain";

const log = (date: string, pain: number | null, extra: Partial<PainLogInput> = {}): PainLogInput => ({
  date,
  painRest: pain,
  painDaily: pain,
  painWalk: null,
  painCycle: null,
  painSwim: null,
  ...extra,
});

describe("painBand", () => {
  it.each([
    [0, "safe"],
    [3, "safe"],
    [4, "caution"],
    [5, "caution"],
    [6, "stop"],
    [10, "stop"],
  ] as const)("%i/10 is %s", (value, band) => expect(painBand(value)).toBe(band));

  it("follows a clinic's thresholds", () => expect(painBand(4, { painSafeMax: 4, painStopAbove: 6 })).toBe("safe"));
});

describe("rangeStart", () => {
  it.each([
    ["2w", "2026-11-13"],
    ["6w", "2026-10-16"],
    ["onset", "2026-09-01"],
    ["all", "2026-03-01"],
  ] as const)("%s starts on %s", (range, start) => expect(rangeStart(range, "2026-11-26", "2026-09-01", "2026-03-01")).toBe(start));

  it("falls back to two weeks when nothing is known", () => expect(rangeStart("all", "2026-11-26", null, null)).toBe("2026-11-13"));
});

describe("painSeries", () => {
  it("has one point per day and leaves unlogged days as gaps, never zero", () => {
    const points = painSeries([log("2026-11-01", 2), log("2026-11-03", 0)], [], "2026-11-01", "2026-11-04");
    expect(points.map((p) => p.date)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]);
    expect(points.map((p) => p.daily)).toEqual([2, null, 0, null]);
  });

  it.each([
    ["worst of walk, cycle and swim", { painWalk: 1, painCycle: 3, painSwim: 2 }, 3],
    ["only cycling logged", { painCycle: 2 }, 2],
    ["no cross-training logged", {}, null],
  ])("cross-training is the %s", (_, extra, expected) => {
    expect(painSeries([log("2026-11-01", 1, extra)], [], "2026-11-01", "2026-11-01")[0]!.cross).toBe(expected);
  });

  it("marks run days with the worst run pain and the next-morning score", () => {
    const [day] = painSeries(
      [],
      [
        { date: "2026-11-02", painDuring: 2, painNextMorning: null },
        { date: "2026-11-02", painDuring: 4, painNextMorning: 3 },
      ],
      "2026-11-02",
      "2026-11-02",
    );
    expect(day).toMatchObject({ run: true, running: 4, nextMorning: 3, daily: null });
  });

  it("ignores data outside the range and empty ranges", () => {
    expect(painSeries([log("2026-10-01", 5)], [], "2026-11-01", "2026-11-01")[0]!.daily).toBeNull();
    expect(painSeries([], [], "2026-11-02", "2026-11-01")).toEqual([]);
  });
});

