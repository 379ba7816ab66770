/**
 * The cadence-retraining facts of one episode, read with statements prepared once per
 * connection. Free of `server-only` and of the session (like status.ts): the status
 * recompute reads them inside its transaction, and the Progress tab's view reads them too.
 */
import { prepared, type Handle } from "@/db/statements";
import { cadenceAdvisory, cadencePoints, type CadencePlan, type CadenceRunInput } from "@/lib/domain/cadence";
import type { Flag } from "@/lib/domain/engine";

// The latest assessment of the episode that set a cadence target, with its measured cadence as the baseline.
const PLAN_SQL = `select assessed_on as assessedOn, cadence_spm as baselineSpm, cadence_target_spm as targetSpm from assessments
  where injury_id = ? and cadence_target_spm is not null order by assessed_on desc, created_at desc limit 1`;
// Imported runs of the episode with their cadence facts, oldest first.
const RUNS_SQL = `select r.run_date as date, s.avg_cadence_spm as avgCadenceSpm, s.series as series, s.gct_left_pct as gctLeftPct
  from runs r join run_sources s on s.run_id = r.id where r.injury_id = ? order by r.run_date asc, s.started_at asc`;

/** The episode's cadence plan (null: no assessment set a target) and its imported runs with their cadence facts. */
export function readCadence(tx: Handle, injuryId: string): { plan: CadencePlan | null; runs: CadenceRunInput[] } {
  const plan = prepared<CadencePlan>(tx, PLAN_SQL).get(injuryId) ?? null;
  const rows = prepared<{ date: string; avgCadenceSpm: number | null; series: string | null; gctLeftPct: number | null }>(tx, RUNS_SQL).all(injuryId);
  return { plan, runs: rows.map((r) => ({ ...r, series: r.series ? (JSON.parse(r.series) as { cadenceSpm: number | null }[]) : null })) };
}

/**
 * The advisory flag "cadence below target in the last 3 runs" (lib/domain/cadence.ts;
 * Heiderscheit 2011's +5–10% retraining cue), raised on the last of those runs; null when the
 * runs are on target or too few are judged. Advisory: it never holds a progression.
 */
export function cadenceFlag(tx: Handle, injuryId: string): Flag | null {
  const { plan, runs } = readCadence(tx, injuryId);
  const points = cadencePoints(runs, plan);
  const reason = cadenceAdvisory(points, plan);
  if (!reason) return null;
  return { code: "cadence_below_target", level: "advisory", reason, raisedOn: points.at(-1)!.date, clearedOn: null, clearedBy: null, open: true };
}
