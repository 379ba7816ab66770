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
  unique: () => string;
};

export type ActionFixture = {
  /** patient: Kim owns it, Lee and Ola are outsiders; admin: only the demo admin; self: acts on the caller. */
  scope: "patient" | "admin" | "self";
  /** The form fields of a valid call; `args` wraps them in the action's arguments. */
  fields: (ctx: SuiteContext) => Record<string, string>;
  args?: (form: FormData) => unknown[];
  /** Free-text fields the hostile strings go into. */
  textFields?: string[];
  /** Numeric fields the out-of-range and wrong-type values go into. */
  numberFields?: string[];
  /** Tables a successful call may change (audit rows are always allowed). */
  writes: string[];
  /** Whether the suite may run it successfully as its rightful caller (positive control). */
  ownerRun: boolean;
};

export const formArgs = (form: FormData): unknown[] => [undefined, form];

export const ACTION_FIXTURES: Record<string, ActionFixture> = {
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
