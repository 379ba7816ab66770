import "server-only";
import { recomputePatientStatus } from "./status";
import { cache } from "react";
import { and, eq, min, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { injuries, patients } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { ageOn, injuryDay, todayIn } from "@/lib/domain/dates";
import { describeInjury } from "@/lib/domain/injury";
import { foldForSearch } from "@/lib/domain/text";
import type { PatientInput, PatientUpdateInput } from "@/lib/validation/patient";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/db/client";
import { refusedPatient, visiblePatientsWhere } from "./access";
import { auditRead, auditRefused, scopeParams, statement, visibleSql } from "./prepared";
import { redFlagOfEpisode } from "./red-flag-screen";
import type { RedFlagStatus } from "@/lib/domain/vocabulary";
import { writeAudit } from "./audit";
import { markCheckinsSeen } from "./checkin-badges";
import { ConflictError, DomainRuleError } from "./errors";

export { listPatients, type PatientListPage, type PatientListQuery, type PatientListRow } from "./patient-list";

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
  /** Fuller 2006 class against the previous episode's return ("none": first strain or exacerbation). */
  recurrenceClass: (typeof injuries.$inferSelect)["recurrenceClass"];
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
  /** The newest episode by onset, whatever its status (for "returned on …" when none is active). */
  latestInjury: InjuryDto | null;
  injuries: InjuryDto[];
  stage: number | null;
  /** The shown episode's red-flag screen: "refer" shows "Refer before loading" (null: no episode shown). */
  redFlag: { status: RedFlagStatus; words: string | null } | null;
};

/**
 * A patient's header and injury episodes, or null when the id is unknown, of another
 * clinic or outside the user's caseload. Each successful read is audited (once per
 * request: the layout and the tab page share the cached result).
 */
type HeaderRow = Pick<typeof patients.$inferSelect, "id" | "recordNumber" | "givenName" | "familyName" | "dateOfBirth" | "sex" | "archivedAt" | "primaryTherapistId"> & {
  therapistName: string;
  stage: number | null;
};
type InjuryRow = Omit<InjuryDto, "description" | "day" | "achilles" | "isRecurrence"> & { achilles: number; isRecurrence: number };

const HEADER_INJURIES_SQL = `select id, side, muscle, severity, grade, achilles, onset_date as onsetDate, status, return_date as returnDate,
    prior_strains as priorStrains, is_recurrence as isRecurrence, recurrence_class as recurrenceClass
  from injuries where patient_id = ? order by onset_date desc, created_at desc`;
const HEADER_TEAM_SQL = "select u.id, u.name from care_team c join users u on u.id = c.user_id where c.patient_id = ? order by u.name";

export const getPatientHeader = cache(async (patientId: string): Promise<PatientHeaderDto | null> => {
  const user = await requireUser();
  const row = statement(
    `select p.id, p.record_number as recordNumber, p.given_name as givenName, p.family_name as familyName, p.date_of_birth as dateOfBirth,
        p.sex, p.archived_at as archivedAt, p.primary_therapist_id as primaryTherapistId, u.name as therapistName, s.stage
      from patients p join users u on u.id = p.primary_therapist_id left join patient_status s on s.patient_id = p.id
      where p.id = @patientId and ${visibleSql(user)}`,
  ).get(scopeParams(user, patientId)) as HeaderRow | undefined;
  if (!row) return auditRefused(user, "patient.view", patientId);
  const today = todayIn(user.clinicTimeZone);
  const injuryRows = statement(HEADER_INJURIES_SQL).all(patientId) as InjuryRow[];
  const team = statement(HEADER_TEAM_SQL).all(patientId) as { id: string; name: string }[];
  // The view's audit row and "check-ins seen" (caseload's New check-in) in one commit.
  getDb().$client.transaction(() => {
    auditRead(user, "patient.view", patientId);
    markCheckinsSeen(user, patientId);
  })();
  const injuryDtos = injuryRows.map((i) => toInjuryDto({ ...i, achilles: i.achilles === 1, isRecurrence: i.isRecurrence === 1 }, today));
  const activeInjury = injuryDtos.find((i) => i.status === "active") ?? null;
  const shown = activeInjury ?? (injuryDtos[0]?.status === "returned" ? injuryDtos[0] : null);
  return {
    id: row.id,
    recordNumber: row.recordNumber,
    name: `${row.givenName} ${row.familyName}`,
    givenName: row.givenName,
    familyName: row.familyName,
    age: ageOn(row.dateOfBirth, today),
    sex: row.sex,
    archived: row.archivedAt !== null,
    primaryTherapist: { id: row.primaryTherapistId, name: row.therapistName },
    careTeam: team,
    activeInjury,
    latestInjury: injuryDtos[0] ?? null,
    injuries: injuryDtos,
    stage: row.stage ?? null,
    redFlag: shown ? redFlagOfEpisode(getDb(), shown.id) : null,
  };
});

type InjuryFields = Pick<
  typeof injuries.$inferSelect,
  "id" | "side" | "muscle" | "severity" | "grade" | "achilles" | "onsetDate" | "status" | "returnDate" | "priorStrains" | "isRecurrence" | "recurrenceClass"
>;

export function toInjuryDto(i: InjuryFields, today: string): InjuryDto {
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
    recurrenceClass: i.recurrenceClass,
    description: describeInjury(i),
    day: injuryDay(i.onsetDate, today),
  };
}

export type PatientRecordDto = {
  id: string;
  version: number;
  values: PatientInput;
  archived: boolean;
  archivedAt: string | null;
  primaryTherapistId: string;
  updatedAt: string;
};

type PatientRow = typeof patients.$inferSelect;

function toFormValues(p: PatientRow): PatientInput {
  const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    email: opt(p.email),
    phone: opt(p.phone),
    recordNumber: p.recordNumber,
    preInjuryWeeklyKm: opt(p.preInjuryWeeklyKm),
    runsPerWeek: opt(p.runsPerWeek),
    yearsRunning: opt(p.yearsRunning),
    goalRace: opt(p.goalRace),
    goalRaceDate: opt(p.goalRaceDate),
    usualSurface: opt(p.usualSurface) as PatientInput["usualSurface"],
    notes: opt(p.notes),
  };
}

function toRecordDto(p: PatientRow): PatientRecordDto {
  return { id: p.id, version: p.version, values: toFormValues(p), archived: p.archivedAt !== null, archivedAt: p.archivedAt, primaryTherapistId: p.primaryTherapistId, updatedAt: p.updatedAt };
}

/** The patient row if the user may see it, or null. */
export function findVisiblePatient(db: Pick<Db, "select">, user: SessionUser, patientId: string): PatientRow | null {
  return db.select().from(patients).where(and(eq(patients.id, patientId), visiblePatientsWhere(user))).get() ?? null;
}

/** A patient's editable record (the Details tab), audited as a view; null when not visible. */
export async function getPatientRecord(patientId: string): Promise<PatientRecordDto | null> {
  const user = await requireUser();
  const db = getDb();
  const row = findVisiblePatient(db, user, patientId);
  if (!row) return auditRefused(user, "patient.details.view", patientId);
  writeAudit(db, { clinicId: user.clinicId, userId: user.id, action: "patient.details.view", entityType: "patient", entityId: patientId, patientId });
  return toRecordDto(row);
}

/** Columns written from the form: optional fields left empty are stored as null. */
function columnsFrom(input: PatientInput) {
  const recordNumber = input.recordNumber.trim();
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    searchText: foldForSearch(`${input.givenName} ${input.familyName} ${recordNumber}`),
    dateOfBirth: input.dateOfBirth,
    sex: input.sex,
    email: input.email ?? null,
    phone: input.phone ?? null,
    recordNumber,
    preInjuryWeeklyKm: input.preInjuryWeeklyKm ?? null,
    runsPerWeek: input.runsPerWeek ?? null,
    yearsRunning: input.yearsRunning ?? null,
    goalRace: input.goalRace ?? null,
    goalRaceDate: input.goalRaceDate ?? null,
    usualSurface: input.usualSurface ?? null,
    notes: input.notes ?? null,
  };
}

function assertRecordNumberFree(db: Pick<Db, "select">, clinicId: string, recordNumber: string, exceptId?: string) {
  const clash = db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.clinicId, clinicId), eq(patients.recordNumber, recordNumber.trim()), exceptId ? ne(patients.id, exceptId) : undefined))
    .get();
  if (clash) throw new DomainRuleError("Another patient of this clinic already has this record number.", "recordNumber");
}

const now = () => new Date().toISOString();

/** Creates a patient with the signed-in user as primary therapist. */
export async function createPatient(input: PatientInput): Promise<{ id: string }> {
  const user = await requireUser();
  const db = getDb();
  const id = crypto.randomUUID();
  db.transaction((tx) => {
    assertRecordNumberFree(tx, user.clinicId, input.recordNumber);
    tx.insert(patients)
      .values({ id, clinicId: user.clinicId, ...columnsFrom(input), primaryTherapistId: user.id, lastActivityAt: now() })
      .run();
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "patient.create", entityType: "patient", entityId: id, patientId: id });
  });
  return { id };
}

/**
 * Saves the form if `input.version` is still current; otherwise throws ConflictError with
 * the stored values, and nothing is written.
 */
export async function updatePatient(patientId: string, input: PatientUpdateInput): Promise<PatientRecordDto> {
  const user = await requireUser();
  const db = getDb();
  return db.transaction((tx) => {
    const current = findVisiblePatient(tx, user, patientId);
    if (!current) throw refusedPatient(user, patientId, "patient.update");
    if (current.version !== input.version) throw new ConflictError(toFormValues(current), current.version);
    assertRecordNumberFree(tx, user.clinicId, input.recordNumber, patientId);
    const firstOnset = tx.select({ onset: min(injuries.onsetDate) }).from(injuries).where(eq(injuries.patientId, patientId)).get()?.onset;
    if (firstOnset && input.dateOfBirth > firstOnset) {
      throw new DomainRuleError(`The date of birth cannot be after the onset of an injury on record (${firstOnset}).`, "dateOfBirth");
    }
    const columns = columnsFrom(input);
    const updated = tx
      .update(patients)
      .set({ ...columns, version: current.version + 1, updatedAt: now() })
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, user.clinicId), eq(patients.version, input.version)))
      .returning()
      .get();
    if (!updated) throw new ConflictError(toFormValues(current), current.version);
    const before = toFormValues(current);
    const after = toFormValues(updated);
    const fields = (Object.keys(after) as (keyof PatientInput)[]).filter((k) => before[k] !== after[k]);
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "patient.update", entityType: "patient", entityId: patientId, patientId, detail: { fields } });
    // The pre-injury weekly distance sets the volume criteria of the build-volume stage.
    if (fields.includes("preInjuryWeeklyKm")) recomputePatientStatus(tx, patientId);
    return toRecordDto(updated);
  });
}

/** Archive (archived = true) or restore: the record and its data stay; lists skip archived patients. */
export async function setPatientArchived(patientId: string, archived: boolean): Promise<PatientRecordDto> {
  const user = await requireUser();
  const db = getDb();
  return db.transaction((tx) => {
    const current = findVisiblePatient(tx, user, patientId);
    if (!current) throw refusedPatient(user, patientId, "patient.update");
    if ((current.archivedAt !== null) === archived) return toRecordDto(current);
    const updated = tx
      .update(patients)
      .set({ archivedAt: archived ? now() : null, version: current.version + 1, updatedAt: now() })
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, user.clinicId)))
      .returning()
      .get()!;
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: archived ? "patient.archive" : "patient.restore", entityType: "patient", entityId: patientId, patientId });
    return toRecordDto(updated);
  });
}
