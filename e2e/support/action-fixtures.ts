/**
 * One entry per server action: valid arguments, who may call it, and what it may write.
 * The security suite fails when an action has no entry here, so every new action is
 * covered by the signed-out, cross-tenant, hostile-input and bad-number checks.
 */
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
  /** Today in the clinic's time zone (the demo clinic is in Europe/London). */
  today: string;
  unique: () => string;
  /** The stored version of a row now (versioned updates must name it). */
  versionOf: (table: string, id: string) => number;
};

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
};

export function toForm(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) form.append(k, String(v));
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

export const ACTION_FIXTURES: Record<string, ActionFixture> = {
  "app/(clinic)/patients/[patientId]/assessments/actions.ts#createAssessmentAction": {
    scope: "patient",
    fields: assessmentValues,
    args: (fields, ctx) => [ctx.patientId, fields],
    textFields: ASSESSMENT_TEXT,
    numberFields: ASSESSMENT_NUMBERS,
    writes: ["assessments", "patient_status"],
    ownerRun: true,
  },
  "app/(clinic)/patients/[patientId]/assessments/actions.ts#updateAssessmentAction": {
    scope: "patient",
    fields: (ctx) => ({ ...assessmentValues(ctx), planCues: `Cue ${ctx.unique()}` }),
    args: (fields, ctx) => [ctx.patientId, ctx.assessmentId, ctx.versionOf("assessments", ctx.assessmentId), fields],
    textFields: ASSESSMENT_TEXT,
    numberFields: ASSESSMENT_NUMBERS,
    writes: ["assessments", "patient_status"],
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
  "app/(clinic)/account/actions.ts#signOutEverywhereAction": {
    scope: "self",
    fields: () => ({}),
    args: () => [],
    writes: ["users"],
    ownerRun: false,
  },
};
