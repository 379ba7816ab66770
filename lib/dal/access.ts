import "server-only";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { careTeam, injuries, patients } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/types";
import { NotFoundError } from "./errors";

/**
 * The patients a user may see: an admin, every patient of their clinic; a therapist, the
 * patients of their clinic they are primary therapist for or on the care team of.
 * Every DAL query that touches patient data filters by this.
 */
export function visiblePatientsWhere(user: SessionUser): SQL {
  const sameClinic = eq(patients.clinicId, user.clinicId);
  if (user.role === "admin") return sameClinic;
  return and(
    sameClinic,
    or(
      eq(patients.primaryTherapistId, user.id),
      // `in (…)` rather than a correlated `exists`: SQLite then reads the therapist's
      // patients through two indexes instead of checking every patient of the clinic.
      sql`${patients.id} in (select ${careTeam.patientId} from ${careTeam} where ${careTeam.userId} = ${user.id})`,
    ),
  )!;
}

export { NotFoundError } from "./errors";

/**
 * An injury episode (the whole row) with its patient's date of birth and archive mark, when
 * the user may see the patient (`visiblePatientsWhere`); NotFoundError("Injury episode")
 * otherwise. For writes addressed by episode id (injury edits, the red-flag screen).
 */
export function visibleInjury(db: Pick<Db, "select">, user: SessionUser, injuryId: string) {
  const row = db
    .select({ injury: injuries, dateOfBirth: patients.dateOfBirth, archivedAt: patients.archivedAt })
    .from(injuries)
    .innerJoin(patients, eq(patients.id, injuries.patientId))
    .where(and(eq(injuries.id, injuryId), visiblePatientsWhere(user)))
    .get();
  if (!row) throw new NotFoundError("Injury episode");
  return row;
}

/**
 * "Patient not found" for a write on a runner the user may not reach, carrying what was
 * attempted: the door records it as `access.refused` (lib/dal/prepared.ts `recordRefusal`)
 * once the write's transaction has rolled back. An id of no runner records nothing.
 */
export function refusedPatient(user: SessionUser, patientId: string, attempted: string): NotFoundError {
  return new NotFoundError("Patient", { user, patientId, attempted });
}
