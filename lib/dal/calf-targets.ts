import "server-only";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { calfTargetsFrom, type CalfTargets } from "@/lib/domain/assessment";
import { loadProtocol } from "./status";

/**
 * The signed-in user's clinic's calf thresholds (heel-raise targets, least LSI) from its
 * protocol settings: the one source for the assessment screen, its live hints and the charts.
 * Settings are clinic configuration, not a patient's record: no audit row.
 */
export async function getCalfTargets(): Promise<CalfTargets> {
  const user = await requireUser();
  return calfTargetsFrom(loadProtocol(getDb(), user.clinicId));
}
