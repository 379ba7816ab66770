/**
 * One entry per server action: valid arguments, who may call it, and what it may write.
 * The security suite fails when an action has no entry here, so every new action is
 * covered by the signed-out, cross-tenant, hostile-input and bad-number checks.
 */
import { createHash } from "node:crypto";
import { DEFAULT_PROTOCOL } from "../../lib/domain/protocol";
import { fitFile } from "../../lib/import/test-files";

export type SuiteContext = {
  /** A patient of Kim's with no care team: Lee (same clinic) and Ola (other clinic) are outsiders. */
  patientId: string;
  injuryId: string;
  /** A fresh account the suite may disable, promote and reset. */
  throwawayUserId: string;
  /** The patient's latest assessment, daily log and run. */
  assessmentId: string;
  dailyLogId: string;
  runId: string;
  /** Kim's spare patients (created by the suite) for record, care-team and episode actions. */
  sparePatientId: string;
  spareReturnInjuryId: string;
  spareCloseInjuryId: string;
  spareEditInjuryId: string;
  kimUserId: string;
  leeUserId: string;
  /** Today in the clinic's time zone (the demo clinic is in Europe/London). */
  today: string;
  unique: () => string;
  /** The stored version of a row now (versioned updates must name it). */
  versionOf: (table: string, id: string) => number;
  /** One value from the e2e database, read now. */
  scalar: (sql: string, ...params: unknown[]) => unknown;
};

/**
 * A write route handler: a valid body (JSON, or raw bytes for a file upload with its query),
 * and the tables a successful call may change.
 */
export type HandlerFixture = {
  body: (ctx: SuiteContext) => Record<string, unknown> | { bytes: Uint8Array; contentType: string };
  query?: (ctx: SuiteContext) => Record<string, string>;
  writes: string[];
};

/** A one-run FIT file dated today (06:00 UTC, the morning in London), and the review key of its activity. */
function todaysFit(ctx: SuiteContext) {
  const bytes = fitFile(new Date(`${ctx.today}T06:00:00Z`), [{ seconds: 20 * 60, speedMs: 2.8, cadencePerLeg: 84, heartRate: 148 }]);
  return { bytes, key: `${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}:0` };
}

export type ActionFixture = {
  /** patient: Kim owns it, Lee and Ola are outsiders; admin: only the demo admin; self: acts on the caller. */
  scope: "patient" | "admin" | "self";
  /** The input fields of a valid call; `args` wraps them in the action's arguments. */
  fields: (ctx: SuiteContext) => Record<string, unknown>;
  /** Default: (previous state, FormData of the fields), as useActionState calls a form action. */
  args?: (fields: Record<string, unknown>, ctx: SuiteContext) => unknown[];
  /** Free-text fields the hostile strings go into. */
  textFields?: string[];
  /** Numeric fields the out-of-range and wrong-type values go into. */
  numberFields?: string[];
  /** Tables a successful call may change (audit rows are always allowed). */
  writes: string[];
  /** Whether the suite may run it successfully as its rightful caller (positive control). */
  ownerRun: boolean;
  /** Arguments of another action run by the owner before / after the positive control. */
  setup?: { action: string; args: (ctx: SuiteContext) => unknown[] };
  cleanup?: { action: string; args: (ctx: SuiteContext) => unknown[] }[];
};

/** A value as a form field's text, as a browser would send it (an object without a prototype too). */
function asFormText(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

export function toForm(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) form.append(k, asFormText(v));
  return form;
}

export const formArgs = (fields: Record<string, unknown>): unknown[] => [undefined, toForm(fields)];

const ASSESSMENT_TEXT = ["footwear", "toeOutNotes", "pelvicNotes", "overstrideNotes", "calfNotes", "planCues"];
const ASSESSMENT_NUMBERS = ["speedKmh", "fpaLeftDeg", "cadenceSpm", "kneeToWallLeftCm", "heelRaisesRight", "gluteLeft"];
const assessmentValues = (ctx: SuiteContext) => ({
  assessedOn: ctx.today,
  method: "video",
  setting: "treadmill",
  speedKmh: "10",
  fpaLeftDeg: "12",
  fpaRightDeg: "9",
  cadenceSpm: "168",
  kneeToWallLeftCm: "10.5",
  kneeToWallRightCm: "11",
  heelRaisesLeft: "27",
  heelRaisesRight: "29",
  gluteLeft: "4",
  toeOutSeverity: "mild",
  footwear: "Daily trainer",
  planCues: "Quicker steps",
});

const DETAILS = "app/(clinic)/patients/[patientId]/details/actions.ts";
const RED_FLAGS = "app/(clinic)/patients/[patientId]/details/red-flag-actions.ts";
const PATIENT_TEXT = ["givenName", "familyName", "goalRace", "notes"];
const PATIENT_NUMBERS = ["preInjuryWeeklyKm", "runsPerWeek", "yearsRunning"];
export const patientFields = (ctx: SuiteContext, recordNumber = `SUITE-${ctx.unique()}`) => ({
  givenName: "Suite",
  familyName: "Runner",
  dateOfBirth: "1984-05-17",
  sex: "female",
  recordNumber,
  preInjuryWeeklyKm: "40",
  runsPerWeek: "4",
  yearsRunning: "10",
  goalRace: "Harbour 10K",
  notes: "Generated by the security suite.",
});
export const injuryFields = (ctx: SuiteContext) => ({
  side: "left",
  muscle: "soleus",
  severity: "strain",
  grade: "2",
  onsetDate: ctx.today,
  activity: "hills",
  mechanism: "Pulled up on a hill repeat.",
  priorStrains: "1",
});

const stageOf = (ctx: SuiteContext, patientId: string) => Number(ctx.scalar("select stage from patient_status where patient_id = ?", patientId) ?? 0);
const todaysLogVersion = (ctx: SuiteContext) => ctx.scalar("select version from daily_logs where patient_id = ? and log_date = ?", ctx.patientId, ctx.today) as number | undefined;
const dailyLogFields = (ctx: SuiteContext) => ({ logDate: ctx.today, painRest: 0, painDaily: 1, walkMinutes: 30, painWalk: 1, note: `Suite ${ctx.unique()}`, version: todaysLogVersion(ctx) });
const runFields = (ctx: SuiteContext) => ({
  runDate: String(ctx.scalar("select run_date from runs where id = ?", ctx.runId)),
  kind: "continuous",
  continuousMinutes: 30,
  distanceKm: 5,
  painDuring: 1,
  painNextMorning: 0,
  surface: "road",
  note: `Suite ${ctx.unique()}`,
  version: ctx.versionOf("runs", ctx.runId),
});
const STAGE_WRITES = ["stage_changes", "patient_status", "injuries", "patients"];
// A save may correct another's entry: its earlier version is kept in entry_revisions.
const LOG_WRITES = ["daily_logs", "runs", "patient_status", "patients", "entry_revisions"];
const CHECKIN = "app/(clinic)/patients/[patientId]/checkin-actions.ts";

/** Every JSON write route handler (POST), keyed by its route. */
export const HANDLER_FIXTURES: Record<string, HandlerFixture> = {
  // Exports write their audit row only (audit rows are outside the fingerprint).
  "/api/patients/[patientId]/export/pdf": {
    body: () => ({ size: "a4", variant: "progress", charts: ["pain"], impression: "Settling well.", plan: "Continue the ladder." }),
    writes: [],
  },
  "/api/patients/[patientId]/export/chart": { body: (ctx) => ({ chart: "pain", format: "svg", from: ctx.today, to: ctx.today }), writes: [] },
  "/api/patients/[patientId]/daily-logs": { body: (ctx) => ({ ...dailyLogFields(ctx), note: "From the route" }), writes: LOG_WRITES },
  "/api/patients/[patientId]/runs": {
    body: (ctx) => ({ runDate: ctx.today, kind: "walk_run", walkMinutes: 2, runMinutes: 3, repetitions: 4, painDuring: 1 }),
    writes: LOG_WRITES,
  },
  "/api/patients/[patientId]/imports": {
    body: (ctx) => ({ bytes: todaysFit(ctx).bytes, contentType: "application/octet-stream" }),
    query: (ctx) => ({ step: "save", name: "suite.fit", choices: JSON.stringify([{ key: todaysFit(ctx).key, painDuring: 1 }]) }),
    writes: [...LOG_WRITES, "run_sources"],
  },
};

export const ACTION_FIXTURES: Record<string, ActionFixture> = {
  "app/(clinic)/admin/letterhead/actions.ts#saveLetterheadAction": {
    scope: "admin",
    fields: () => ({ address: "12 Harbour Road\nBristol", phone: "+44 117 496 0000", email: "letters@demo-physio.test" }),
    args: (fields) => [fields],
    textFields: ["address"],
    writes: ["clinics"],
    ownerRun: true,
  },
  "app/(clinic)/account/signature-actions.ts#saveSignatureAction": {
    scope: "self",
    fields: () => ({ profession: "Physiotherapist", registrationNumber: "PH123456" }),
    args: (fields) => [fields],
    textFields: ["profession", "registrationNumber"],
    writes: ["users"],
    ownerRun: true,
  },
  "app/(clinic)/patients/[patientId]/logs/actions.ts#saveDailyLogAction": {
    scope: "patient",
    fields: dailyLogFields,
    args: (fields, ctx) => [ctx.patientId, fields],
    textFields: ["note"],
    numberFields: ["painDaily", "walkMinutes", "painRest"],
    writes: LOG_WRITES,
    ownerRun: true,
  },
  "app/(clinic)/patients/[patientId]/logs/actions.ts#updateRunAction": {
    scope: "patient",
    fields: runFields,
    args: (fields, ctx) => [ctx.patientId, ctx.runId, fields],
    textFields: ["note", "surface"],
    numberFields: ["painDuring", "continuousMinutes", "distanceKm"],
    writes: LOG_WRITES,
    ownerRun: true,
  },
  "app/(clinic)/patients/[patientId]/actions.ts#overrideStageAction": {
    scope: "patient",
    fields: (ctx) => ({ toStage: stageOf(ctx, ctx.sparePatientId) === 1 ? 2 : 1, reason: "Suite override: cleared by the therapist" }),
    args: (fields, ctx) => [ctx.sparePatientId, fields],
    textFields: ["reason"],
    numberFields: ["toStage"],
    writes: STAGE_WRITES,
    ownerRun: true,
  },
  "app/(clinic)/patients/[patientId]/actions.ts#stepBackAction": {
    scope: "patient",
    fields: (ctx) => {
      const from = stageOf(ctx, ctx.sparePatientId);
      return { fromStage: from, toStage: from - 1, toLadderStep: from - 1 === 1 ? 4 : null, reason: "Suite step back after a sore run" };
    },
    args: (fields, ctx) => [ctx.sparePatientId, fields],
    textFields: ["reason"],
    numberFields: ["fromStage", "toStage", "toLadderStep"],
    writes: STAGE_WRITES,
    ownerRun: true,
    setup: { action: "app/(clinic)/patients/[patientId]/actions.ts#overrideStageAction", args: (ctx) => [ctx.sparePatientId, { toStage: stageOf(ctx, ctx.sparePatientId) === 2 ? 3 : 2, reason: "Suite setup" }] },
  },
  "app/(clinic)/patients/[patientId]/actions.ts#confirmProgressionAction": {
    // The spare runner is never ready to progress, so there is no positive control here;
    // the outsider, signed-out and Origin checks still run.
    scope: "patient",
    fields: (ctx) => ({ fromStage: stageOf(ctx, ctx.patientId) }),
    args: (fields, ctx) => [ctx.patientId, fields],
    numberFields: ["fromStage"],
    writes: STAGE_WRITES,
    ownerRun: false,
  },
  "app/(clinic)/admin/protocol/actions.ts#saveProtocolAction": {
    scope: "admin",
    fields: (ctx) => ({
      ...DEFAULT_PROTOCOL,
      version: Number(ctx.scalar("select version from protocol_settings where clinic_id = (select clinic_id from patients where id = ?)", ctx.patientId) ?? 0),
    }),
    numberFields: ["symptomFreeDays", "painStopAbove", "heelRaisesToRun"],
    writes: ["protocol_settings", "patient_status", "patients"],
    ownerRun: true,
  },
  "app/(clinic)/patients/new/actions.ts#createPatientAction": {
    scope: "self",
    fields: (ctx) => patientFields(ctx),
    args: (fields) => [toForm(fields)],
    textFields: PATIENT_TEXT,
    numberFields: PATIENT_NUMBERS,
    writes: ["patients"],
    ownerRun: true,
  },
  [`${DETAILS}#updatePatientAction`]: {
    scope: "patient",
    fields: (ctx) => ({ ...patientFields(ctx, "SUITE-SPARE"), notes: `Updated ${ctx.unique()}`, version: String(ctx.versionOf("patients", ctx.sparePatientId)) }),
    args: (fields, ctx) => [ctx.sparePatientId, toForm(fields)],
    textFields: PATIENT_TEXT,
    numberFields: PATIENT_NUMBERS,
    writes: ["patients"],
    ownerRun: true,
  },
  [`${DETAILS}#setArchivedAction`]: {
    scope: "patient",
    fields: () => ({}),
    args: (_fields, ctx) => [ctx.sparePatientId, true],
    writes: ["patients"],
    ownerRun: true,
    cleanup: [{ action: `${DETAILS}#setArchivedAction`, args: (ctx) => [ctx.sparePatientId, false] }],
  },
  [`${DETAILS}#addCareTeamAction`]: {
    scope: "patient",
    fields: (ctx) => ({ userId: ctx.leeUserId }),
    args: (fields, ctx) => [ctx.sparePatientId, toForm(fields)],
    writes: ["care_team"],
    ownerRun: true,
    cleanup: [{ action: `${DETAILS}#removeCareTeamAction`, args: (ctx) => [ctx.sparePatientId, toForm({ userId: ctx.leeUserId })] }],
  },
  [`${DETAILS}#removeCareTeamAction`]: {
    scope: "patient",
    fields: (ctx) => ({ userId: ctx.leeUserId }),
    args: (fields, ctx) => [ctx.sparePatientId, toForm(fields)],
    writes: ["care_team"],
    ownerRun: true,
    setup: { action: `${DETAILS}#addCareTeamAction`, args: (ctx) => [ctx.sparePatientId, toForm({ userId: ctx.leeUserId })] },
  },
  [`${DETAILS}#changePrimaryAction`]: {
    scope: "admin",
    fields: (ctx) => ({ userId: ctx.leeUserId, version: String(ctx.versionOf("patients", ctx.sparePatientId)) }),
    args: (fields, ctx) => [ctx.sparePatientId, toForm(fields)],
    writes: ["patients", "care_team"],
    ownerRun: true,
    // Back to Kim; the previous primary (Lee) stays on the care team, so take Lee off it too.
    cleanup: [
      { action: `${DETAILS}#changePrimaryAction`, args: (ctx) => [ctx.sparePatientId, toForm({ userId: ctx.kimUserId, version: String(ctx.versionOf("patients", ctx.sparePatientId)) })] },
      { action: `${DETAILS}#removeCareTeamAction`, args: (ctx) => [ctx.sparePatientId, toForm({ userId: ctx.leeUserId })] },
    ],
  },
  [`${DETAILS}#createInjuryAction`]: {
    scope: "patient",
    fields: injuryFields,
    args: (fields, ctx) => [ctx.sparePatientId, toForm(fields)],
    textFields: ["mechanism"],
    numberFields: ["grade", "priorStrains"],
    writes: ["injuries", "stage_changes", "patient_status", "patients", "red_flag_screens"],
    ownerRun: true,
  },
  [`${RED_FLAGS}#saveRedFlagScreenAction`]: {
    // Every item negative, so the spare runner's progressions stay possible for the other fixtures.
    scope: "patient",
    fields: (ctx) => {
      const version = ctx.scalar("select version from red_flag_screens where injury_id = ?", ctx.spareEditInjuryId);
      return { calfSwelling: false, thompsonPositive: false, nightPain: false, ...(version === undefined || version === null ? {} : { version: Number(version) }) };
    },
    args: (fields, ctx) => [ctx.sparePatientId, ctx.spareEditInjuryId, fields],
    numberFields: ["version"],
    writes: ["red_flag_screens", "patient_status", "patients"],
    ownerRun: true,
  },
  [`${RED_FLAGS}#clearRedFlagsAction`]: {
    // A clearance needs a positive screen, which would block the spare runner's progressions
    // for the fixtures after it: the positive path is covered by tests/integration/red-flags.test.ts.
    scope: "patient",
    fields: (ctx) => ({ version: Number(ctx.scalar("select version from red_flag_screens where injury_id = ?", ctx.spareEditInjuryId) ?? 1), note: "Seen by the GP: duplex scan negative" }),
    args: (fields, ctx) => [ctx.sparePatientId, ctx.spareEditInjuryId, fields],
    textFields: ["note"],
    numberFields: ["version"],
    writes: ["red_flag_screens", "patient_status", "patients"],
    ownerRun: false,
  },
  [`${DETAILS}#updateInjuryAction`]: {
    scope: "patient",
    fields: (ctx) => ({ ...injuryFields(ctx), mechanism: `Edited ${ctx.unique()}`, version: String(ctx.versionOf("injuries", ctx.spareEditInjuryId)) }),
    args: (fields, ctx) => [ctx.sparePatientId, ctx.spareEditInjuryId, toForm(fields)],
    textFields: ["mechanism"],
    numberFields: ["grade", "priorStrains"],
    writes: ["injuries", "patient_status", "patients"],
    ownerRun: true,
  },
  [`${DETAILS}#returnInjuryAction`]: {
    scope: "patient",
    fields: (ctx) => ({ returnDate: ctx.today, version: String(ctx.versionOf("injuries", ctx.spareReturnInjuryId)) }),
    args: (fields, ctx) => [ctx.sparePatientId, ctx.spareReturnInjuryId, toForm(fields)],
    writes: ["injuries", "patient_status", "stage_changes", "patients"],
    ownerRun: true,
  },
  [`${DETAILS}#closeInjuryAction`]: {
    scope: "patient",
    fields: (ctx) => ({ closedDate: ctx.today, version: String(ctx.versionOf("injuries", ctx.spareCloseInjuryId)) }),
    args: (fields, ctx) => [ctx.sparePatientId, ctx.spareCloseInjuryId, toForm(fields)],
    writes: ["injuries", "patient_status", "stage_changes", "patients"],
    ownerRun: true,
  },
  "app/(clinic)/patients/[patientId]/assessments/actions.ts#createAssessmentAction": {
    scope: "patient",
    fields: assessmentValues,
    args: (fields, ctx) => [ctx.patientId, fields],
    textFields: ASSESSMENT_TEXT,
    numberFields: ASSESSMENT_NUMBERS,
    writes: ["assessments", "patient_status", "patients"],
    ownerRun: true,
  },
  "app/(clinic)/patients/[patientId]/assessments/actions.ts#updateAssessmentAction": {
    scope: "patient",
    fields: (ctx) => ({ ...assessmentValues(ctx), planCues: `Cue ${ctx.unique()}` }),
    args: (fields, ctx) => [ctx.patientId, ctx.assessmentId, ctx.versionOf("assessments", ctx.assessmentId), fields],
    textFields: ASSESSMENT_TEXT,
    numberFields: ASSESSMENT_NUMBERS,
    writes: ["assessments", "patient_status", "patients"],
    ownerRun: true,
  },
  "app/(clinic)/patients/[patientId]/assessments/frame-actions.ts#saveAssessmentFrameAction": {
    scope: "patient",
    fields: () => ({
      field: "shinAngleDeg",
      tool: "vertical",
      value: 7.5,
      frameTimeS: 1.2,
      detail: { points: [{ x: 10, y: 20 }, { x: 12, y: 80 }], poseAssisted: false },
      // The first bytes of a JPEG (SOI and JFIF header): the DAL checks the signature, not the picture.
      imageBase64: "/9j/4AAQSkZJRgABAQ==",
      imageWidth: 320,
      imageHeight: 240,
    }),
    args: (fields, ctx) => [ctx.patientId, ctx.assessmentId, fields],
    numberFields: ["value", "frameTimeS", "imageWidth"],
    writes: ["assessment_frames"],
    ownerRun: true,
  },
  "app/(clinic)/admin/actions.ts#createUserAction": {
    scope: "admin",
    fields: (ctx) => ({ name: "Suite Person", email: `suite-${ctx.unique()}@springback.test`, role: "therapist" }),
    textFields: ["name"],
    writes: ["users"],
    ownerRun: true,
  },
  "app/(clinic)/admin/actions.ts#setDisabledAction": {
    scope: "admin",
    fields: (ctx) => ({ userId: ctx.throwawayUserId, disabled: "true" }),
    writes: ["users"],
    ownerRun: true,
  },
  "app/(clinic)/admin/actions.ts#changeRoleAction": {
    scope: "admin",
    fields: (ctx) => ({ userId: ctx.throwawayUserId, role: "admin" }),
    writes: ["users"],
    ownerRun: true,
  },
  "app/(clinic)/admin/actions.ts#resetPasswordAction": {
    scope: "admin",
    fields: (ctx) => ({ userId: ctx.throwawayUserId }),
    writes: ["users"],
    ownerRun: true,
  },
  "app/(clinic)/account/actions.ts#changePasswordAction": {
    scope: "self",
    fields: () => ({ email: "kim@springback.test", currentPassword: "springback-demo", newPassword: "a long walk back to running", confirmPassword: "a long walk back to running" }),
    writes: ["users"],
    ownerRun: false,
  },
  "app/(clinic)/account/actions.ts#setDistanceUnitAction": {
    scope: "self",
    fields: () => ({ unit: "mi" }),
    writes: ["users"],
    ownerRun: true,
    cleanup: [{ action: "app/(clinic)/account/actions.ts#setDistanceUnitAction", args: () => formArgs({ unit: "clinic" }) }],
  },
  [`${CHECKIN}#createCheckinLinkAction`]: {
    scope: "patient",
    fields: () => ({}),
    args: (_fields, ctx) => [ctx.patientId],
    writes: ["checkin_links"],
    ownerRun: true,
  },
  [`${CHECKIN}#revokeCheckinLinkAction`]: {
    scope: "patient",
    fields: () => ({}),
    args: (_fields, ctx) => [ctx.patientId],
    writes: ["checkin_links"],
    ownerRun: true,
    setup: { action: `${CHECKIN}#createCheckinLinkAction`, args: (ctx) => [ctx.patientId] },
  },
  "app/(clinic)/admin/actions.ts#setCheckinLinkDaysAction": {
    scope: "admin",
    fields: () => ({ days: "14" }),
    numberFields: ["days"],
    writes: ["clinics"],
    ownerRun: true,
    cleanup: [{ action: "app/(clinic)/admin/actions.ts#setCheckinLinkDaysAction", args: () => formArgs({ days: "28" }) }],
  },
  "app/(clinic)/admin/actions.ts#setClinicDistanceUnitAction": {
    scope: "admin",
    fields: () => ({ unit: "mi" }),
    writes: ["clinics"],
    ownerRun: true,
    cleanup: [{ action: "app/(clinic)/admin/actions.ts#setClinicDistanceUnitAction", args: () => formArgs({ unit: "km" }) }],
  },
  "app/(clinic)/account/actions.ts#signOutEverywhereAction": {
    scope: "self",
    fields: () => ({}),
    args: () => [],
    writes: ["users"],
    ownerRun: false,
  },
};
