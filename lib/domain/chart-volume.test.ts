import { describe, expect, it } from "vitest";
import { runningMinutes, weeklyVolume, weekStart, type VolumeRunInput } from "./chart-volume";
import { stageBands, stageOn } from "./chart-stages";

const easy = (date: string, km: number | null, minutes = 30): VolumeRunInput => ({ date, kind: "continuous", runMinutes: null, repetitions: null, continuousMinutes: minutes, distanceKm: km });

describe("weekStart", () => {
  it.each([
    ["2026-11-23", "2026-11-23"],
    ["2026-11-26", "2026-11-23"],
    ["2026-11-29", "2026-11-23"],
    ["2026-11-30", "2026-11-30"],
  ])("%s is in the week of %s", (day, monday) => expect(weekStart(day)).toBe(monday));
});

describe("runningMinutes", () => {
  it.each([
    ["walk-run counts run minutes times repetitions", { date: "d", kind: "walk_run", runMinutes: 2, repetitions: 5, continuousMinutes: null, distanceKm: null }, 10],
    ["walk-run without repetitions counts one", { date: "d", kind: "walk_run", runMinutes: 3, repetitions: null, continuousMinutes: null, distanceKm: null }, 3],
    ["continuous counts its minutes", easy("d", 5, 42), 42],
  ] as const)("%s", (_, run, minutes) => expect(runningMinutes(run as VolumeRunInput)).toBe(minutes));
});

describe("weeklyVolume", () => {
  it("buckets runs by Monday weeks from onset to today, with a real zero for weeks without runs", () => {
    const weeks = weeklyVolume([easy("2026-11-03", 5), easy("2026-11-05", 6.25), easy("2026-11-20", null, 20)], [], "2026-11-02", "2026-11-26");
    expect(weeks.map((w) => [w.weekStart, w.km, w.minutes, w.runs])).toEqual([
      ["2026-11-02", 11.3, 60, 2],
      ["2026-11-09", 0, 0, 0],
      ["2026-11-16", 0, 20, 1],
      ["2026-11-23", 0, 0, 0],
    ]);
  });

  it("gives each week the stage it ended in", () => {
    const changes = [
      { toStage: 1, effectiveDate: "2026-11-10" },
      { toStage: 2, effectiveDate: "2026-11-24" },
    ];
    expect(weeklyVolume([], changes, "2026-11-02", "2026-11-26").map((w) => w.stage)).toEqual([0, 1, 1, 2]);
  });
});

describe("stages over time", () => {
  const changes = [
    { toStage: 1, effectiveDate: "2026-11-05" },
    { toStage: 2, effectiveDate: "2026-11-08" },
    { toStage: 1, effectiveDate: "2026-11-08" },
  ];
  it.each([
    ["before onset", "2026-10-31", null],
    ["protect from onset", "2026-11-02", 0],
    ["after a progression", "2026-11-06", 1],
    ["a later-recorded step back on the same day wins", "2026-11-08", 1],
  ])("%s", (_, day, stage) => expect(stageOn(changes, day, "2026-11-01")).toBe(stage));

  it("merges days into bands clipped to the range", () => {
    expect(stageBands([{ toStage: 1, effectiveDate: "2026-11-05" }], "2026-11-01", "2026-10-30", "2026-11-07")).toEqual([
      { stage: 0, from: "2026-11-01", to: "2026-11-04" },
      { stage: 1, from: "2026-11-05", to: "2026-11-07" },
    ]);
  });
});
