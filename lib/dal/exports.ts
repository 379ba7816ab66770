import "server-only";
import { auditRefused } from "./prepared";
import type { DistanceUnit } from "@/lib/domain/vocabulary";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessments, clinics, dailyLogs, injuries, patients, runs, users } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { todayIn } from "@/lib/domain/dates";
import { describeInjury } from "@/lib/domain/injury";
import type { Criterion, Flag } from "@/lib/domain/engine";
import type { ProtocolSettings } from "@/lib/domain/protocol";
import type { StageChangeKind } from "@/lib/domain/vocabulary";
import { refusedPatient, visiblePatientsWhere } from "./access";
import { exportFileName, type ChartImageKind } from "@/lib/export/file-names";
import { writeAudit } from "./audit";
import { bool, prepared } from "@/db/statements";
import { currentPanel } from "./stages";
import { loadProtocol, type Tx } from "./status";
import { readRedFlagScreen } from "./red-flag-screen";
import { positiveItems } from "@/lib/domain/red-flags";
import { courseNote, expectedCourse } from "@/lib/domain/course";
import { ageOn, daysBetween, injuryDay } from "@/lib/domain/dates";

export const EXPORT_FORMATS = ["csv", "xlsx", "pdf", "fhir"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_FILES = ["daily-logs", "runs", "assessments"] as const;
export type CsvFile = (typeof CSV_FILES)[number];

type Injury = typeof injuries.$inferSelect;
export type ExportInjuryDto = Omit<Injury, "clinicId" | "patientId" | "createdBy" | "createdAt" | "updatedAt" | "version"> & { description: string };
export type ExportDailyLogDto = Omit<typeof dailyLogs.$inferSelect, "clinicId" | "patientId" | "createdBy" | "version">;
export type ExportRunDto = Omit<typeof runs.$inferSelect, "clinicId" | "patientId" | "createdBy" | "version">;
export type ExportAssessmentDto = Omit<typeof assessments.$inferSelect, "clinicId" | "patientId" | "createdBy" | "version"> & { assessedBy: string | null };

export type ExportStatusDto = {
  injuryId: string;
  stage: number;
  stageName: string;
  stageSince: string;
  criteria: Criterion[];
  readyToProgress: boolean;
  flags: Flag[];
  /** Flags the engine has cleared, with the days they were raised and cleared. */
  flagHistory: Flag[];
  nextStep: string;
  symptomFreeStreak: number;
  preInjuryWeeklyKm: number | null;
  /** The clinic's protocol thresholds the criteria were judged by. */
  settings: ProtocolSettings;
  stageChanges: { toStage: number; effectiveDate: string }[];
};

/** One stored stage change of an injury episode, with who made it (for the report's timeline). */
export type ExportStageChangeDto = {
  injuryId: string;
  fromStage: number | null;
  toStage: number;
  kind: StageChangeKind;
  reason: string | null;
  effectiveDate: string;
  changedBy: string | null;
};

/**
 * The red-flag screen of an injury (filled by the red-flag screen work when it lands):
 * `clear` with the items checked, or the positive items and whether and by whom they were
 * cleared. The report prints it under the injury when present.
 */
export type ExportRedFlagScreenDto = { injuryId: string; screenedOn: string; positive: string[]; clearedBy: string | null; clearedOn: string | null; note: string | null };

/** The expected course of an injury (days to return, from published data), when computed. */
export type ExportExpectedCourseDto = { injuryId: string; words: string; source: string; pace: "faster" | "usual" | "slower" | null };

/** A flag with the days it was raised and cleared (null: still open), when the engine keeps their history. */
export type ExportFlagEventDto = { injuryId: string; code: string; level: Flag["level"]; reason: string; raisedOn: string; clearedOn: string | null };

/** Everything any export of one patient needs, read in one place. */
export type PatientExportDto = {
  format: ExportFormat;
  today: string;
  generatedAt: string;
  /** The letterhead: name, postal address (lines), phone and e-mail as the admin set them. */
  clinic: { id: string; name: string; address: string | null; phone: string | null; email: string | null };
  exportedBy: string;
  /** The exporting user's distance unit: the CSV's distance column is in it and says so. */
  distanceUnit: DistanceUnit;
  /** The signature block: the user making the export. */
  signer: { name: string; email: string; profession: string | null; registrationNumber: string | null };
  /** Every stage change of every episode, oldest first (PDF only; empty for other formats). */
  stageHistory: ExportStageChangeDto[];
  /** Optional parts that other features fill when they exist; the report prints them when present. */
  redFlagScreens?: ExportRedFlagScreenDto[];
  expectedCourse?: ExportExpectedCourseDto[];
  flagHistory?: ExportFlagEventDto[];
  patient: {
    id: string;
    recordNumber: string;
    givenName: string;
    familyName: string;
    name: string;
    dateOfBirth: string;
    sex: (typeof patients.$inferSelect)["sex"];
    email: string | null;
    phone: string | null;
    preInjuryWeeklyKm: number | null;
    primaryTherapist: string;
  };
  /** Newest onset first. */
  injuries: ExportInjuryDto[];
  /** Oldest first, every injury of the patient. */
  dailyLogs: ExportDailyLogDto[];
  runs: ExportRunDto[];
  assessments: ExportAssessmentDto[];
  /** The return-to-run state of the injury the report follows (the open one), or null. */
  status: ExportStatusDto | null;
};

/** "Not visible" is null. The `empty` branch is kept for callers written against it; no format answers it today. */
export type ExportResult = { ok: true; data: PatientExportDto } | { ok: false; empty: true; message: string; recordNumber: string };

function strip<T extends Record<string, unknown>, K extends string>(row: T, keys: readonly K[]): Omit<T, K> {
  const out: Record<string, unknown> = { ...row };
  for (const k of keys) delete out[k];
  return out as Omit<T, K>;
}

const ROW_PRIVATE = ["clinicId", "patientId", "createdBy", "version"] as const;

// The three histories, oldest first across every injury, with the DTOs' names (every
// column but clinic, patient, author and version). Hand-written: they are the export's
// bulk (about 1,100 logs, 470 runs for three years) and drizzle's row mapping doubled it.
const DAILY_LOGS = `select id, injury_id as injuryId, log_date as logDate, pain_rest as painRest, pain_daily as painDaily,
    walk_minutes as walkMinutes, pain_walk as painWalk, cycle_minutes as cycleMinutes, pain_cycle as painCycle,
    swim_minutes as swimMinutes, pain_swim as painSwim, massage_sessions as massageSessions, ice_sessions as iceSessions,
    compression, note, source, checkin_link_id as checkinLinkId, received_at as receivedAt, created_at as createdAt, updated_at as updatedAt
  from daily_logs where patient_id = ? order by log_date asc, created_at asc`;
const RUNS = `select id, injury_id as injuryId, run_date as runDate, kind, walk_minutes as walkMinutes, run_minutes as runMinutes,
    repetitions, continuous_minutes as continuousMinutes, distance_km as distanceKm, pain_during as painDuring,
    pain_next_morning as painNextMorning, surface, note, source, checkin_link_id as checkinLinkId, received_at as receivedAt, created_at as createdAt, updated_at as updatedAt
  from runs where patient_id = ? order by run_date asc, created_at asc`;
const ASSESSMENTS = `select a.id, a.injury_id as injuryId, a.assessed_on as assessedOn, a.method, a.setting, a.speed_kmh as speedKmh,
    a.footwear, a.toe_out_severity as toeOutSeverity, a.fpa_left_deg as fpaLeftDeg, a.fpa_right_deg as fpaRightDeg,
    a.toe_out_notes as toeOutNotes, a.pelvic_severity as pelvicSeverity, a.pelvic_tilt_deg as pelvicTiltDeg,
    a.thomas_left as thomasLeft, a.thomas_right as thomasRight, a.glute_left as gluteLeft, a.glute_right as gluteRight,
    a.pelvic_notes as pelvicNotes, a.overstride_severity as overstrideSeverity, a.cadence_spm as cadenceSpm,
    a.strike_ahead_cm as strikeAheadCm, a.shin_angle_deg as shinAngleDeg, a.overstride_notes as overstrideNotes,
    a.calf_severity as calfSeverity, a.knee_to_wall_left_cm as kneeToWallLeftCm, a.knee_to_wall_right_cm as kneeToWallRightCm,
    a.heel_raises_left as heelRaisesLeft, a.heel_raises_right as heelRaisesRight, a.calf_notes as calfNotes,
    a.plan_cues as planCues, a.cadence_target_spm as cadenceTargetSpm, a.created_at as createdAt, a.updated_at as updatedAt,
    u.name as assessedBy
  from assessments a left join users u on u.id = a.created_by
  where a.patient_id = ? order by a.assessed_on asc, a.created_at asc`;

/**
 * The return-to-run state of the open episode for the report: the panel stored with the
 * status when current (else the engine's, stored now), the clinic's thresholds and the
 * episode's stage changes.
 */
function statusOf(tx: Tx, user: SessionUser, patient: { id: string; clinicId: string; preInjuryWeeklyKm: number | null }, today: string): ExportStatusDto | null {
  const p = currentPanel(tx, user, patient.id, today);
  if (!p?.injury || p.stage === null || p.stageSince === null || p.nextStep === null) return null;
  return {
    injuryId: p.injury.id,
    stage: p.stage,
    stageName: p.stageName,
    stageSince: p.stageSince,
    criteria: p.criteria,
    readyToProgress: p.readyToProgress,
    flags: p.flags,
    flagHistory: p.flagHistory,
    nextStep: p.nextStep,
    symptomFreeStreak: p.symptomFreeStreak,
    preInjuryWeeklyKm: patient.preInjuryWeeklyKm,
    settings: loadProtocol(tx, patient.clinicId),
    stageChanges: prepared<{ toStage: number; effectiveDate: string }>(tx, STAGE_CHANGES).all(p.injury.id),
  };
}

const STAGE_CHANGES = "select to_stage as toStage, effective_date as effectiveDate from stage_changes where injury_id = ? order by created_at asc";
const STAGE_HISTORY = `select s.injury_id as injuryId, s.from_stage as fromStage, s.to_stage as toStage, s.kind, s.reason,
    s.effective_date as effectiveDate, u.name as changedBy
  from stage_changes s left join users u on u.id = s.changed_by
  where s.patient_id = ? order by s.effective_date asc, s.created_at asc`;
const SCREENED_ON = "select substr(updated_at, 1, 10) as screenedOn, substr(cleared_at, 1, 10) as clearedOn from red_flag_screens where injury_id = ?";

/** Each episode's red-flag screen in words (positive items by their labels; who cleared it, when, the note). */
function redFlagScreensOf(tx: Tx, injuryRows: { id: string }[]): ExportRedFlagScreenDto[] {
  return injuryRows.flatMap((i) => {
    const screen = readRedFlagScreen(tx, i.id);
    const dates = prepared<{ screenedOn: string; clearedOn: string | null }>(tx, SCREENED_ON).get(i.id);
    if (!screen || !dates) return [];
    return [{ injuryId: i.id, screenedOn: dates.screenedOn, positive: positiveItems(screen).map((x) => x.label), clearedBy: screen.clearedByName, clearedOn: dates.clearedOn, note: screen.clearanceNote }];
  });
}

/** Each episode's expected course (lib/domain/course.ts) with the advisory pace as of today or the return. */
function expectedCoursesOf(injuryRows: (typeof injuries.$inferSelect)[], dateOfBirth: string, stage: number | null, today: string): ExportExpectedCourseDto[] {
  return injuryRows.map((i) => {
    const estimate = expectedCourse({ muscle: i.muscle, grade: i.grade, achilles: i.achilles, age: ageOn(dateOfBirth, i.onsetDate), priorStrains: i.priorStrains });
    const note = courseNote(estimate, { day: injuryDay(i.onsetDate, i.returnDate ?? today), stage, returnedOnDay: i.returnDate ? daysBetween(i.onsetDate, i.returnDate) + 1 : null });
    return { injuryId: i.id, words: estimate.words, source: estimate.basis.join(" "), pace: note?.pace ?? null };
  });
}

/** The one `patient.export` audit row of a file leaving the clinic, in the export's transaction. */
function auditExport(tx: Tx, user: SessionUser, patientId: string, detail: Record<string, unknown>): void {
  writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "patient.export", entityType: "patient", entityId: patientId, patientId, detail });
}

const SIGNER = "select name, email, profession, registration_number as registrationNumber from users where id = ?";

/**
 * Reads what an export of one patient needs, scoped to the patients the user may see, and
 * writes one `patient.export` audit row in the same transaction. Returns null for an
 * unknown, foreign or out-of-caseload patient (no audit row). A patient without data yet
 * still gets a file (a CSV with its header row, a bundle with the Patient, a report that
 * says no injury is recorded): every export offered on screen answers a file.
 * `extraDetail` is added to the audit row's detail: what the report was made with (paper,
 * variant, charts, the therapist's impression and plan), kept with the record of what left.
 */
export async function getPatientExport(
  patientId: string,
  format: ExportFormat,
  file: CsvFile | null = null,
  extraDetail: Record<string, unknown> = {},
  /** Runs on the data before the audit row is written; a throw (e.g. DomainRuleError) records nothing. */
  check?: (data: PatientExportDto) => void,
): Promise<ExportResult | null> {
  const user = await requireUser();
  const db = getDb();
  const today = todayIn(user.clinicTimeZone);
  return db.transaction((tx) => {
    const row = tx
      .select({ patient: patients, clinic: { name: clinics.name, address: clinics.address, phone: clinics.phone, email: clinics.email }, therapist: users.name })
      .from(patients)
      .innerJoin(clinics, eq(clinics.id, patients.clinicId))
      .innerJoin(users, eq(users.id, patients.primaryTherapistId))
      .where(and(eq(patients.id, patientId), visiblePatientsWhere(user)))
      .get();
    if (!row) return auditRefused(user, `patient.export.${format}`, patientId);
    const p = row.patient;
    const injuryRows = tx.select().from(injuries).where(eq(injuries.patientId, patientId)).orderBy(desc(injuries.onsetDate), desc(injuries.createdAt)).all();
    const data: PatientExportDto = {
      format,
      today,
      generatedAt: new Date().toISOString(),
      clinic: { id: p.clinicId, ...row.clinic },
      exportedBy: user.name,
      distanceUnit: user.distanceUnit,
      signer: prepared<PatientExportDto["signer"]>(tx, SIGNER).get(user.id) ?? { name: user.name, email: user.email, profession: null, registrationNumber: null },
      stageHistory: format === "pdf" ? prepared<ExportStageChangeDto>(tx, STAGE_HISTORY).all(patientId) : [],
      patient: {
        id: p.id,
        recordNumber: p.recordNumber,
        givenName: p.givenName,
        familyName: p.familyName,
        name: `${p.givenName} ${p.familyName}`,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        email: p.email,
        phone: p.phone,
        preInjuryWeeklyKm: p.preInjuryWeeklyKm,
        primaryTherapist: row.therapist,
      },
      injuries: injuryRows.map((i) => ({ ...strip(i, [...ROW_PRIVATE, "createdAt", "updatedAt"] as const), description: describeInjury(i) })),
      dailyLogs: prepared<ExportDailyLogDto & { compression: boolean | number | null }>(tx, DAILY_LOGS)
        .all(patientId)
        .map((l) => ((l.compression = bool(l.compression as number | null)), l as ExportDailyLogDto)),
      runs: prepared<ExportRunDto>(tx, RUNS).all(patientId),
      assessments: prepared<ExportAssessmentDto>(tx, ASSESSMENTS).all(patientId),
      status: format === "pdf" ? statusOf(tx, user, p, today) : null,
    };
    if (format === "pdf") {
      data.redFlagScreens = redFlagScreensOf(tx, injuryRows);
      data.expectedCourse = expectedCoursesOf(injuryRows, p.dateOfBirth, data.status?.stage ?? null, today);
      const s = data.status;
      if (s) data.flagHistory = [...s.flags, ...s.flagHistory].map((f) => ({ injuryId: s.injuryId, code: f.code, level: f.level, reason: f.reason, raisedOn: f.raisedOn, clearedOn: f.clearedOn }));
    }
    check?.(data);
    auditExport(tx, user, patientId, { ...(file ? { format, file } : { format }), ...extraDetail });
    return { ok: true, data };
  });
}

/**
 * Records a chart image download before the browser saves it: one `patient.export` audit
 * row saying which chart of which runner, in which format and for which days. Returns the
 * file name to save under ("SB-1003-2026-11-26-pain.svg"). NotFoundError for a patient the
 * user may not see (nothing recorded).
 */
export async function recordChartDownload(patientId: string, input: { chart: ChartImageKind; format: "png" | "svg"; from: string; to: string }): Promise<{ fileName: string; recordNumber: string }> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  return getDb().transaction((tx) => {
    const row = tx.select({ recordNumber: patients.recordNumber }).from(patients).where(and(eq(patients.id, patientId), visiblePatientsWhere(user))).get();
    if (!row) throw refusedPatient(user, patientId, "patient.export");
    auditExport(tx, user, patientId, { format: `chart-${input.format}`, chart: input.chart, from: input.from, to: input.to });
    return { fileName: exportFileName(row.recordNumber, today, input.format, input.chart), recordNumber: row.recordNumber };
  });
}
