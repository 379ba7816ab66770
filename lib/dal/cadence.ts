import "server-only";
import { requireUser } from "@/lib/auth/session";
import { balancePoints, cadenceAdvisory, cadencePoints, targetBand, type BalancePoint, type CadencePlan, type CadencePoint } from "@/lib/domain/cadence";
import { getDb } from "@/db/client";
import { auditRead, CURRENT_INJURY_ID, scopeParams, statement, visibleSql } from "./prepared";
import { readCadence } from "./cadence-reads";

/** The cadence-retraining view of a patient's current episode. */
export type CadenceViewDto = {
  plan: CadencePlan | null;
  band: { low: number; high: number } | null;
  points: CadencePoint[];
  balance: BalancePoint[];
  advisory: string | null;
};


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
  const { plan, runs } = readCadence(getDb(), visible.injuryId);
  const points = cadencePoints(runs, plan);
  return { plan, band: plan ? targetBand(plan.baselineSpm) : null, points, balance: balancePoints(runs), advisory: cadenceAdvisory(points, plan) };
}
