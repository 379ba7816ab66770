import "server-only";
import { auditRefused } from "./prepared";
import { recomputePatientStatus, type Tx } from "./status";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { assessments, auditEvents, injuries, patients, users } from "@/db/schema";
import type { Side } from "@/lib/domain/vocabulary";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { latestCalfStatus, type CalfMeasureStatus } from "@/lib/domain/assessment";
import { todayIn } from "@/lib/domain/dates";
import { describeInjury } from "@/lib/domain/injury";
import { assessmentDateProblem, type AssessmentInput } from "@/lib/validation/assessment";
import { refusedPatient, visiblePatientsWhere } from "./access";
import { writeAudit } from "./audit";
import { ConflictError, DomainRuleError, NotFoundError } from "./errors";

type Row = typeof assessments.$inferSelect;

export type AssessmentRecord = Omit<Row, "clinicId" | "createdBy"> & { createdByName: string | null };

export type AssessmentInjury = { id: string; side: Side; onsetDate: string; description: string };

export type AssessmentDetail = {
  assessment: AssessmentRecord;
  injury: AssessmentInjury;
  /** The assessment of the same injury just before this one, for "change since previous". */
  previous: AssessmentRecord | null;
  /** Earlier assessments of the same injury (newest first), for the runner's own baseline. */
  earlier: AssessmentRecord[];
  today: string;
};

const recordColumns = {
  row: assessments,
  createdByName: users.name,
};

function toRecord(r: { row: Row; createdByName: string | null }): AssessmentRecord {
  const { clinicId: _c, createdBy: _b, ...rest } = r.row;
  return { ...rest, createdByName: r.createdByName };
}

/** The patient's id when the user may see it, otherwise null (unknown, other clinic, not on the caseload). */
function visiblePatientId(db: Db | Tx, user: SessionUser, patientId: string): string | null {
  const row = db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.id, patientId), visiblePatientsWhere(user)))
    .get();
  if (!row) auditRefused(user, "assessment.view", patientId);
  return row?.id ?? null;
}

function toInjury(i: typeof injuries.$inferSelect): AssessmentInjury {
  return { id: i.id, side: i.side, onsetDate: i.onsetDate, description: describeInjury(i) };
}

/**
 * The injury a new assessment is tied to: the active one; failing that, the most recent
 * returned one (a check during the watch window after returning). Closed episodes are done.
 */
function assessmentInjury(db: Db | Tx, patientId: string) {
  return db
    .select()
    .from(injuries)
    .where(and(eq(injuries.patientId, patientId), ne(injuries.status, "closed")))
    .orderBy(sql`case when ${injuries.status} = 'active' then 0 else 1 end`, desc(injuries.onsetDate))
    .get();
}

function recordsOf(db: Db | Tx, where: ReturnType<typeof and>): AssessmentRecord[] {
  const rows = db
    .select(recordColumns)
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.createdBy))
    .where(where)
    .orderBy(desc(assessments.assessedOn), desc(assessments.createdAt))
    .all();
  return rows.map(toRecord);
}

/** A patient's assessments, newest first, or null when the patient is not visible. */
export async function listAssessments(patientId: string): Promise<AssessmentRecord[] | null> {
  const user = await requireUser();
  const db = getDb();
  if (!visiblePatientId(db, user, patientId)) return null;
  // Reading the list is audited by the patient page's own view (getPatientHeader) in the same request.
  return recordsOf(db, and(eq(assessments.patientId, patientId), eq(assessments.clinicId, user.clinicId)));
}

export type NewAssessmentContext = { injury: AssessmentInjury | null; earlier: AssessmentRecord[]; today: string };

/** What the new-assessment form needs: the injury it will be tied to and that injury's assessments so far. */
export async function getNewAssessmentContext(patientId: string): Promise<NewAssessmentContext | null> {
  const user = await requireUser();
  const db = getDb();
  if (!visiblePatientId(db, user, patientId)) return null;
  const today = todayIn(user.clinicTimeZone);
  const injury = assessmentInjury(db, patientId);
  if (!injury) return { injury: null, earlier: [], today };
  return { injury: toInjury(injury), earlier: recordsOf(db, eq(assessments.injuryId, injury.id)), today };
}

function detailOf(db: Db | Tx, user: SessionUser, patientId: string, assessmentId: string): Omit<AssessmentDetail, "today"> | null {
  if (!visiblePatientId(db, user, patientId)) return null;
  const found = db
    .select(recordColumns)
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.createdBy))
    .where(and(eq(assessments.id, assessmentId), eq(assessments.patientId, patientId), eq(assessments.clinicId, user.clinicId)))
    .get();
  if (!found) return null;
  const assessment = toRecord(found);
  const injury = db.select().from(injuries).where(eq(injuries.id, assessment.injuryId)).get();
  if (!injury) return null;
  const earlier = recordsOf(db, eq(assessments.injuryId, injury.id)).filter(
    (a) => a.id !== assessment.id && (a.assessedOn < assessment.assessedOn || (a.assessedOn === assessment.assessedOn && a.createdAt < assessment.createdAt)),
  );
  return { assessment, injury: toInjury(injury), previous: earlier[0] ?? null, earlier };
}

/** One assessment with its previous one, or null when not visible. The read is audited. */
export async function getAssessment(patientId: string, assessmentId: string): Promise<AssessmentDetail | null> {
  const user = await requireUser();
  const db = getDb();
  const detail = detailOf(db, user, patientId, assessmentId);
  if (!detail) return null;
  writeAudit(db, { clinicId: user.clinicId, userId: user.id, action: "assessment.view", entityType: "assessment", entityId: assessmentId, patientId });
  return { ...detail, today: todayIn(user.clinicTimeZone) };
}

export type AssessmentComparison = { older: AssessmentRecord; newer: AssessmentRecord; side: Side; sameInjury: boolean };

/** Two assessments of one patient, older first, or null when either is not visible. Audited as a view. */
export async function compareAssessments(patientId: string, aId: string, bId: string): Promise<AssessmentComparison | null> {
  const user = await requireUser();
  const db = getDb();
  if (aId === bId || !visiblePatientId(db, user, patientId)) return null;
  const pair = recordsOf(db, and(inArray(assessments.id, [aId, bId]), eq(assessments.patientId, patientId), eq(assessments.clinicId, user.clinicId)));
  if (pair.length !== 2) return null;
  const [newer, older] = pair as [AssessmentRecord, AssessmentRecord];
  const injury = db.select({ side: injuries.side }).from(injuries).where(eq(injuries.id, newer.injuryId)).get();
  if (!injury) return null;
  writeAudit(db, { clinicId: user.clinicId, userId: user.id, action: "assessment.compare", entityType: "assessment", entityId: newer.id, patientId, detail: { compared: [older.id, newer.id] } });
  return { older, newer, side: injury.side, sameInjury: older.injuryId === newer.injuryId };
}

function valuesOf(input: AssessmentInput) {
  // Absent fields are stored as null, so an edit can clear a value.
  return {
    assessedOn: input.assessedOn,
    method: input.method ?? null,
    setting: input.setting ?? null,
    speedKmh: input.speedKmh ?? null,
    footwear: input.footwear ?? null,
    toeOutSeverity: input.toeOutSeverity ?? null,
    fpaLeftDeg: input.fpaLeftDeg ?? null,
    fpaRightDeg: input.fpaRightDeg ?? null,
    toeOutNotes: input.toeOutNotes ?? null,
    pelvicSeverity: input.pelvicSeverity ?? null,
    pelvicTiltDeg: input.pelvicTiltDeg ?? null,
    thomasLeft: input.thomasLeft ?? null,
    thomasRight: input.thomasRight ?? null,
    gluteLeft: input.gluteLeft ?? null,
    gluteRight: input.gluteRight ?? null,
    pelvicNotes: input.pelvicNotes ?? null,
    overstrideSeverity: input.overstrideSeverity ?? null,
    cadenceSpm: input.cadenceSpm ?? null,
    strikeAheadCm: input.strikeAheadCm ?? null,
    shinAngleDeg: input.shinAngleDeg ?? null,
    overstrideNotes: input.overstrideNotes ?? null,
    calfSeverity: input.calfSeverity ?? null,
    kneeToWallLeftCm: input.kneeToWallLeftCm ?? null,
    kneeToWallRightCm: input.kneeToWallRightCm ?? null,
    heelRaisesLeft: input.heelRaisesLeft ?? null,
    heelRaisesRight: input.heelRaisesRight ?? null,
    calfNotes: input.calfNotes ?? null,
    planCues: input.planCues ?? null,
    cadenceTargetSpm: input.cadenceTargetSpm ?? null,
  };
}

function checkDate(day: string, today: string, onsetDate: string) {
  const problem = assessmentDateProblem(day, today, onsetDate);
  if (problem) throw new DomainRuleError(problem, "assessedOn");
}

/**
 * Records a new assessment tied to the patient's current injury. Throws NotFoundError for a
 * patient the user may not see, DomainRuleError for a patient without an open injury or a
 * date outside the injury. The row and its audit event commit together.
 */
export async function createAssessment(patientId: string, input: AssessmentInput): Promise<{ id: string }> {
  const user = await requireUser();
  const db = getDb();
  const today = todayIn(user.clinicTimeZone);
  const id = randomUUID();
  db.transaction((tx) => {
    if (!visiblePatientId(tx, user, patientId)) throw refusedPatient(user, patientId, "assessment.create");
    const injury = assessmentInjury(tx, patientId);
    if (!injury) throw new DomainRuleError("This patient has no open injury episode to assess. Add the injury first.");
    checkDate(input.assessedOn, today, injury.onsetDate);
    tx.insert(assessments)
      .values({ id, clinicId: user.clinicId, patientId, injuryId: injury.id, createdBy: user.id, ...valuesOf(input) })
      .run();
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "assessment.create", entityType: "assessment", entityId: id, patientId, detail: { assessedOn: input.assessedOn } });
    // Calf measures and gait faults feed the return-to-run criteria and flags.
    recomputePatientStatus(tx, patientId);
  });
  return { id };
}

/**
 * Saves an edit made from `version`. Throws ConflictError (with the stored record) when
 * someone saved since, NotFoundError when not visible. Row, version bump and audit commit together.
 */
export async function updateAssessment(patientId: string, assessmentId: string, version: number, input: AssessmentInput): Promise<{ id: string; version: number }> {
  const user = await requireUser();
  const db = getDb();
  const today = todayIn(user.clinicTimeZone);
  return db.transaction((tx) => {
    const detail = detailOf(tx, user, patientId, assessmentId);
    if (!detail) throw new NotFoundError("Assessment");
    checkDate(input.assessedOn, today, detail.injury.onsetDate);
    const values = valuesOf(input);
    const changed = tx
      .update(assessments)
      .set({ ...values, version: sql`${assessments.version} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(assessments.id, assessmentId), eq(assessments.clinicId, user.clinicId), eq(assessments.version, version)))
      .run().changes;
    if (changed === 0) throw new ConflictError({ ...detail.assessment, savedByName: lastSavedBy(tx, patientId, assessmentId) }, detail.assessment.version);
    const before = detail.assessment as Record<string, unknown>;
    const fields = Object.entries(values)
      .filter(([key, value]) => before[key] !== value)
      .map(([key]) => key);
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "assessment.update", entityType: "assessment", entityId: assessmentId, patientId, detail: { fromVersion: version, fields } });
    // Calf measures and gait faults feed the return-to-run criteria and flags.
    recomputePatientStatus(tx, patientId);
    return { id: assessmentId, version: version + 1 };
  });
}

/** Who saved the assessment last, from its audit trail (the row itself keeps only its creator). */
function lastSavedBy(tx: Tx, patientId: string, assessmentId: string): string | null {
  const row = tx
    .select({ name: users.name })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.userId))
    // patient_id first: it is indexed; conflicts are rare, but the audit table is large.
    .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.entityType, "assessment"), eq(auditEvents.entityId, assessmentId), inArray(auditEvents.action, ["assessment.create", "assessment.update"])))
    .orderBy(desc(auditEvents.id))
    .get();
  return row?.name ?? null;
}

/**
 * The latest calf measures of an injury, for the return-to-run engine. Takes the caller's
 * transaction and does no authorisation or audit of its own: call it only from a DAL
 * function that has already scoped the patient (e.g. while recomputing derived status).
 */
export function calfStatusForInjury(tx: Db | Tx, injuryId: string, side: Side): CalfMeasureStatus {
  const rows = tx
    .select({
      assessedOn: assessments.assessedOn,
      createdAt: assessments.createdAt,
      heelRaisesLeft: assessments.heelRaisesLeft,
      heelRaisesRight: assessments.heelRaisesRight,
      kneeToWallLeftCm: assessments.kneeToWallLeftCm,
      kneeToWallRightCm: assessments.kneeToWallRightCm,
    })
    .from(assessments)
    .where(eq(assessments.injuryId, injuryId))
    .orderBy(asc(assessments.assessedOn))
    .all();
  return latestCalfStatus(side, rows);
}

