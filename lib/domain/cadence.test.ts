import { describe, expect, it } from "vitest";
import { balancePoints, cadenceAdvisory, cadencePoints, isBelowTarget, runningCadence, targetBand, type CadencePlan } from "./cadence";

const plan: CadencePlan = { assessedOn: "2026-11-01", baselineSpm: 160, targetSpm: 170 };
const run = (date: string, avg: number | null, series: (number | null)[] | null = null, gct: number | null = null) => ({
  date,
  avgCadenceSpm: avg,
  series: series?.map((c) => ({ cadenceSpm: c })) ?? null,
  gctLeftPct: gct,
});

describe("cadence against the target", () => {
  it("puts the band 5–10% above the baseline (Heiderscheit 2011)", () => {
    expect(targetBand(160)).toEqual({ low: 168, high: 176 });
    expect(targetBand(null)).toBeNull();
  });

  it("leaves walking minutes out of a walk-run's running cadence", () => {
    expect(runningCadence(run("2026-11-02", 140, [116, 166, 118, 168]))).toBe(167);
    expect(runningCadence(run("2026-11-02", 158, null))).toBe(158);
    expect(runningCadence(run("2026-11-02", null, [null]))).toBeNull();
  });

  it("allows 1% below the target before calling a run below it", () => {
    expect(isBelowTarget(168.5, 170)).toBe(false);
    expect(isBelowTarget(168, 170)).toBe(true);
  });

  it("advises when the last 3 runs after the assessment are all below target", () => {
    const points = cadencePoints([run("2026-10-20", 150), run("2026-11-03", 171), run("2026-11-05", 160), run("2026-11-07", 162), run("2026-11-09", 161)], plan);
    expect(points[0]!.belowTarget).toBeNull();
    expect(cadenceAdvisory(points, plan)).toBe("Cadence below target in the last 3 runs (160, 162, 161 steps/min against a target of 170).");
  });

  it("gives no advisory when one of the last 3 is on target, with fewer than 3 runs, or without a plan", () => {
    const onTarget = cadencePoints([run("2026-11-05", 160), run("2026-11-07", 171), run("2026-11-09", 161)], plan);
    expect(cadenceAdvisory(onTarget, plan)).toBeNull();
    expect(cadenceAdvisory(cadencePoints([run("2026-11-05", 160), run("2026-11-07", 160)], plan), plan)).toBeNull();
    expect(cadenceAdvisory(cadencePoints([run("2026-11-05", 160)], null), null)).toBeNull();
  });

  it("turns ground-contact balance into left/right shares and their difference", () => {
    expect(balancePoints([run("2026-11-05", 160, null, 49.72), run("2026-11-06", 160)])).toEqual([{ date: "2026-11-05", leftPct: 49.7, rightPct: 50.3, asymmetryPct: 0.6 }]);
  });
});
