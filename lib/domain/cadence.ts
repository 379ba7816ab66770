/**
 * Cadence retraining against the assessment's target. Overstriding is usually cued by
 * raising step rate 5–10% above the runner's preferred cadence (Heiderscheit BC et al.,
 * "Effects of step rate manipulation on joint mechanics during running", Med Sci Sports
 * Exerc 2011;43(2):296–302). Cadence is in steps per minute (both feet) throughout.
 */

/** The target band above the baseline, in % (Heiderscheit 2011). */
export const CADENCE_BAND_PERCENT = { low: 5, high: 10 } as const;

/**
 * Product heuristics (not from a source): a run's cadence is "below target" when it is more
 * than 1% under the therapist's target (watch averages are rounded); the advisory needs the
 * last 3 runs with cadence, all below; per-minute cadence under 140 steps/min is walking
 * and is left out of a run's running cadence.
 */
export const CADENCE_RULES = { tolerancePercent: 1, advisoryRuns: 3, runningFromSpm: 140 } as const;

export type CadencePlan = { assessedOn: string; baselineSpm: number | null; targetSpm: number };
export type CadenceRunInput = { date: string; avgCadenceSpm: number | null; series: { cadenceSpm: number | null }[] | null; gctLeftPct: number | null };
export type CadencePoint = { date: string; cadenceSpm: number; belowTarget: boolean | null };
export type BalancePoint = { date: string; leftPct: number; rightPct: number; asymmetryPct: number };

/** The +5–10% band over a baseline (steps/min, one decimal), or null without a baseline. */
export function targetBand(baselineSpm: number | null): { low: number; high: number } | null {
  if (baselineSpm === null || !(baselineSpm > 0)) return null;
  const at = (p: number) => Math.round(baselineSpm * (1 + p / 100) * 10) / 10;
  return { low: at(CADENCE_BAND_PERCENT.low), high: at(CADENCE_BAND_PERCENT.high) };
}

/**
 * A run's running cadence: the mean of its per-minute cadences at running rates (so the
 * walking minutes of a walk-run do not pull it down), else the file's stated average.
 * Null when the run recorded no cadence.
 */
export function runningCadence(run: Pick<CadenceRunInput, "avgCadenceSpm" | "series">): number | null {
  const running = (run.series ?? []).map((p) => p.cadenceSpm).filter((c): c is number => c !== null && c >= CADENCE_RULES.runningFromSpm);
  if (running.length) return Math.round((running.reduce((a, b) => a + b, 0) / running.length) * 10) / 10;
  return run.avgCadenceSpm;
}

/** Whether a cadence is below the target beyond the tolerance. */
export function isBelowTarget(cadenceSpm: number, targetSpm: number): boolean {
  return cadenceSpm < targetSpm * (1 - CADENCE_RULES.tolerancePercent / 100);
}

/** Each run with cadence, oldest first, marked against the target (null before the plan's assessment or without a plan). */
export function cadencePoints(runs: CadenceRunInput[], plan: CadencePlan | null): CadencePoint[] {
  const out: CadencePoint[] = [];
  for (const run of runs) {
    const cadence = runningCadence(run);
    if (cadence === null) continue;
    const judged = plan !== null && run.date >= plan.assessedOn;
    out.push({ date: run.date, cadenceSpm: cadence, belowTarget: judged ? isBelowTarget(cadence, plan.targetSpm) : null });
  }
  return out;
}

/** "Cadence below target in the last 3 runs (…)", when the last 3 judged runs are all below the target; otherwise null. */
export function cadenceAdvisory(points: CadencePoint[], plan: CadencePlan | null): string | null {
  if (!plan) return null;
  const judged = points.filter((p) => p.belowTarget !== null);
  const last = judged.slice(-CADENCE_RULES.advisoryRuns);
  if (last.length < CADENCE_RULES.advisoryRuns || !last.every((p) => p.belowTarget)) return null;
  const values = last.map((p) => Math.round(p.cadenceSpm)).join(", ");
  return `Cadence below target in the last ${CADENCE_RULES.advisoryRuns} runs (${values} steps/min against a target of ${Math.round(plan.targetSpm)}).`;
}

/** Ground-contact time balance over time: left and right shares (%) and their difference in points. */
export function balancePoints(runs: CadenceRunInput[]): BalancePoint[] {
  return runs
    .filter((r): r is CadenceRunInput & { gctLeftPct: number } => r.gctLeftPct !== null && r.gctLeftPct > 0 && r.gctLeftPct < 100)
    .map((r) => {
      const left = Math.round(r.gctLeftPct * 10) / 10;
      const right = Math.round((100 - r.gctLeftPct) * 10) / 10;
      return { date: r.date, leftPct: left, rightPct: right, asymmetryPct: Math.round(Math.abs(left - right) * 10) / 10 };
    });
}
