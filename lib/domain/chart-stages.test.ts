import { describe, expect, it } from "vitest";
import { stageBands, stageOn, stageWordsOn, type StageBand, type StageChangePoint } from "./chart-stages";
import { addDays } from "./dates";

/** The definition, day by day: what stageBands must equal. */
function bandsDayByDay(changes: StageChangePoint[], onsetDate: string | null, from: string, to: string): StageBand[] {
  const bands: StageBand[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const stage = stageOn(changes, day, onsetDate);
    const last = bands.at(-1);
    if (stage === null) continue;
    if (last && last.stage === stage && addDays(last.to, 1) === day) last.to = day;
    else bands.push({ stage, from: day, to: day });
  }
  return bands;
}

describe("stageBands", () => {
  const onset = "2026-09-01";
  const changes: StageChangePoint[] = [
    { toStage: 1, effectiveDate: "2026-09-15" },
    { toStage: 2, effectiveDate: "2026-10-01" },
    // A step back recorded later on the same day wins.
    { toStage: 1, effectiveDate: "2026-10-01" },
    { toStage: 2, effectiveDate: "2026-10-20" },
  ];

  it("starts in Protect at the onset and follows the winning change of each day", () => {
    expect(stageBands(changes, onset, "2026-08-25", "2026-11-01")).toEqual([
      { stage: 0, from: "2026-09-01", to: "2026-09-14" },
      { stage: 1, from: "2026-09-15", to: "2026-10-19" },
      { stage: 2, from: "2026-10-20", to: "2026-11-01" },
    ]);
  });

  it("clips to the range and is empty for an empty range", () => {
    expect(stageBands(changes, onset, "2026-10-05", "2026-10-25")).toEqual([
      { stage: 1, from: "2026-10-05", to: "2026-10-19" },
      { stage: 2, from: "2026-10-20", to: "2026-10-25" },
    ]);
    expect(stageBands(changes, onset, "2026-10-05", "2026-10-04")).toEqual([]);
  });

  it("equals the day-by-day definition on many generated histories", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      const onsetDate = next(5) === 0 ? null : addDays("2026-01-01", next(60));
      const list: StageChangePoint[] = Array.from({ length: next(7) }, () => ({ toStage: next(6), effectiveDate: addDays("2025-12-20", next(120)) }));
      const from = addDays("2025-12-10", next(100));
      const to = addDays(from, next(120) - 10);
      expect(stageBands(list, onsetDate, from, to)).toEqual(bandsDayByDay(list, onsetDate, from, to));
    }
  });
});

describe("stageWordsOn", () => {
  it("names the stage of a day, or a dash outside the bands", () => {
    const bands = [{ stage: 2, from: "2026-10-01", to: "2026-10-10" }];
    expect(stageWordsOn(bands, "2026-10-05")).toMatch(/^2 /);
    expect(stageWordsOn(bands, "2026-10-11")).toBe("—");
  });
});
