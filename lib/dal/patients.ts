import "server-only";
import { cache } from "react";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { careTeam, injuries, patients, patientStatus, users } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { ageOn, injuryDay, todayIn } from "@/lib/domain/dates";
import { describeInjury } from "@/lib/domain/injury";
import { visiblePatientsWhere } from "./access";
import { writeAudit } from "./audit";

export type InjuryDto = {
  id: string;
  side: (typeof injuries.$inferSelect)["side"];
  muscle: (typeof injuries.$inferSelect)["muscle"];
  severity: (typeof injuries.$inferSelect)["severity"];
  grade: number;
  achilles: boolean;
  onsetDate: string;
  status: (typeof injuries.$inferSelect)["status"];
  returnDate: string | null;
  priorStrains: number;
  isRecurrence: boolean;
  description: string;
  day: number;
};

export type PatientHeaderDto = {
  id: string;
  recordNumber: string;
  name: string;
  givenName: string;
  familyName: string;
  age: number;
  sex: (typeof patients.$inferSelect)["sex"];
  archived: boolean;
  primaryTherapist: { id: string; name: string };
  careTeam: { id: string; name: string }[];
  activeInjury: InjuryDto | null;
  injuries: InjuryDto[];
  stage: number | null;
};

/**
 * A patient's header and injury episodes, or null when the id is unknown, of another
 * clinic or outside the user's caseload. Each successful read is audited (once per
 * request: the layout and the tab page share the cached result).
 */
export const getPatientHeader = cache(async (patientId: string): Promise<PatientHeaderDto | null> => {
  const user = await requireUser();
  const db = getDb();
  const row = db
    .select({ patient: patients, therapistName: users.name, stage: patientStatus.stage })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.primaryTherapistId))
    .leftJoin(patientStatus, eq(patientStatus.patientId, patients.id))
    .where(and(eq(patients.id, patientId), visiblePatientsWhere(user)))
    .get();
  if (!row) return null;
  const today = todayIn(user.clinicTimeZone);
  const injuryRows = db.select().from(injuries).where(eq(injuries.patientId, patientId)).orderBy(desc(injuries.onsetDate)).all();
  const team = db
    .select({ id: users.id, name: users.name })
    .from(careTeam)
    .innerJoin(users, eq(users.id, careTeam.userId))
    .where(eq(careTeam.patientId, patientId))
    .orderBy(asc(users.name))
    .all();
  writeAudit(db, { clinicId: user.clinicId, userId: user.id, action: "patient.view", entityType: "patient", entityId: patientId, patientId });
  const injuryDtos = injuryRows.map((i) => toInjuryDto(i, today));
  const p = row.patient;
  return {
    id: p.id,
    recordNumber: p.recordNumber,
    name: `${p.givenName} ${p.familyName}`,
    givenName: p.givenName,
    familyName: p.familyName,
    age: ageOn(p.dateOfBirth, today),
    sex: p.sex,
    archived: p.archivedAt !== null,
    primaryTherapist: { id: p.primaryTherapistId, name: row.therapistName },
    careTeam: team,
    activeInjury: injuryDtos.find((i) => i.status === "active") ?? null,
    injuries: injuryDtos,
    stage: row.stage ?? null,
  };
});

export function toInjuryDto(i: typeof injuries.$inferSelect, today: string): InjuryDto {
  return {
    id: i.id,
    side: i.side,
    muscle: i.muscle,
    severity: i.severity,
    grade: i.grade,
    achilles: i.achilles,
    onsetDate: i.onsetDate,
    status: i.status,
    returnDate: i.returnDate,
    priorStrains: i.priorStrains,
    isRecurrence: i.isRecurrence,
    description: describeInjury(i),
    day: injuryDay(i.onsetDate, today),
  };
}

/** Ids of the given patients that the user may see (for batch operations). */
export async function filterVisiblePatientIds(ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const user = await requireUser();
  return getDb()
    .select({ id: patients.id })
    .from(patients)
    .where(and(inArray(patients.id, ids), visiblePatientsWhere(user)))
    .all()
    .map((r) => r.id);
}
