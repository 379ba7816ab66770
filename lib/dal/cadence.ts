import "server-only";
import { requireUser } from "@/lib/auth/session";
import { balancePoints, cadenceAdvisory, cadencePoints, targetBand, type BalancePoint, type CadencePlan, type CadencePoint } from "@/lib/domain/cadence";
import { auditRead, CURRENT_INJURY_ID, scopeParams, statement, visibleSql } from "./prepared";

/** The cadence-retraining view of a patient's current episode. */
export type CadenceViewDto = {
  plan: CadencePlan | null;
  band: { low: number; high: number } | null;
  points: CadencePoint[];
  balance: BalancePoint[];
  advisory: string | null;
};

// The latest assessment of the episode that set a cadence target, with its measured cadence as the baseline.
const PLAN_SQL = `select assessed_on as assessedOn, cadence_spm as baselineSpm, cadence_target_spm as targetSpm from assessments
  where injury_id = ? and cadence_target_spm is not null order by assessed_on desc, created_at desc limit 1`;
// Imported runs of the episode with their cadence facts, oldest first.
const RUNS_SQL = `select r.run_date as date, s.avg_cadence_spm as avgCadenceSpm, s.series as series, s.gct_left_pct as gctLeftPct
  from runs r join run_sources s on s.run_id = r.id where r.injury_id = ? order by r.run_date asc, s.started_at asc`;

/**
 * Each imported run's running cadence against the latest assessment's target and the
 * +5–10% band over its baseline, the "below target in the last 3 runs" advisory, and the
 * ground-contact balance where the watch gave it. Null when the patient is not visible.
 * The read is audited (once per page view).
 */
export async function getCadenceView(patientId: string): Promise<CadenceViewDto | null> {
  const user = await requireUser();
  const visible = statement(`select p.id, ${CURRENT_INJURY_ID} as injuryId from patients p where p.id = @patientId and ${visibleSql(user)}`).get(scopeParams(user, patientId)) as
    | { id: string; injuryId: string | null }
    | undefined;
  if (!visible) return null;
  auditRead(user, "patient.cadence.view", patientId);
  if (!visible.injuryId) return { plan: null, band: null, points: [], balance: [], advisory: null };
  const plan = (statement(PLAN_SQL).get(visible.injuryId) as CadencePlan | undefined) ?? null;
  const rows = statement(RUNS_SQL).all(visible.injuryId) as { date: string; avgCadenceSpm: number | null; series: string | null; gctLeftPct: number | null }[];
  const runs = rows.map((r) => ({ ...r, series: r.series ? (JSON.parse(r.series) as { cadenceSpm: number | null }[]) : null }));
  const points = cadencePoints(runs, plan);
  return { plan, band: plan ? targetBand(plan.baselineSpm) : null, points, balance: balancePoints(runs), advisory: cadenceAdvisory(points, plan) };
}
