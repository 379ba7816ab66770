import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { injuries, patients, patientStatus } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { injuryDay, todayIn } from "@/lib/domain/dates";
import { describeInjuryShort, stageName } from "@/lib/domain/injury";
import { visiblePatientsWhere } from "./access";
import { writeAudit } from "./audit";

export type CaseloadRow = {
  patientId: string;
  name: string;
  recordNumber: string;
  injury: string;
  onsetDate: string;
  day: number;
  stage: number | null;
  stageName: string;
  latestPain: number | null;
  streak: number;
  flags: string[];
};

/**
 * The user's active patients (not archived, with an injury that is not closed), one row
 * each with its stored derived status, in one query.
 */
export async function listCaseload(): Promise<CaseloadRow[]> {
  const user = await requireUser();
  const db = getDb();
  const today = todayIn(user.clinicTimeZone);
  const currentInjury = sql`(select i2.id from ${injuries} i2 where i2.patient_id = ${patients.id} and i2.status <> 'closed' order by i2.onset_date desc limit 1)`;
  const rows = db
    .select({
      patientId: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      recordNumber: patients.recordNumber,
      side: injuries.side,
      muscle: injuries.muscle,
      severity: injuries.severity,
      grade: injuries.grade,
      onsetDate: injuries.onsetDate,
      stage: patientStatus.stage,
      latestPain: patientStatus.latestPain,
      streak: patientStatus.symptomFreeStreak,
      flags: patientStatus.flags,
      flagCount: patientStatus.flagCount,
    })
    .from(patients)
    .innerJoin(injuries, eq(injuries.id, currentInjury))
    .leftJoin(patientStatus, eq(patientStatus.patientId, patients.id))
    .where(and(visiblePatientsWhere(user), isNull(patients.archivedAt)))
    .orderBy(desc(sql`coalesce(${patientStatus.flagCount}, 0)`), asc(patients.familyName), asc(patients.givenName))
    .all();
  writeAudit(db, { clinicId: user.clinicId, userId: user.id, action: "caseload.view", detail: { rows: rows.length } });
  return rows.map((r) => ({
    patientId: r.patientId,
    name: `${r.givenName} ${r.familyName}`,
    recordNumber: r.recordNumber,
    injury: describeInjuryShort(r),
    onsetDate: r.onsetDate,
    day: injuryDay(r.onsetDate, today),
    stage: r.stage,
    stageName: stageName(r.stage),
    latestPain: r.latestPain,
    streak: r.streak ?? 0,
    flags: parseFlags(r.flags),
  }));
}

function parseFlags(json: string | null): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}
