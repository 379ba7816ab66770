"use server";

import { z } from "zod";
import { formArg, prevStateArg, serverAction } from "@/lib/actions/door";
import type { ActionResult } from "@/lib/actions/result";
import { changePasswordSchema } from "@/lib/validation/account";
import { changeOwnPassword, signOutEverywhere } from "@/lib/dal/users";
import { setOwnDistanceUnit } from "@/lib/dal/units";
import { ownDistanceUnitSchema } from "@/lib/validation/units";

// The form also sends the account's email (for password managers); it is echoed back, never trusted.
const changePasswordForm = changePasswordSchema.and(z.object({ email: z.string().max(254).optional().catch(undefined) }));

/** Changes the signed-in user's password (allowed while a one-time password is pending). */
export const changePasswordAction: (prev: unknown, form: FormData) => Promise<ActionResult<{ email: string }>> = serverAction({
  name: "account.change_password",
  args: z.tuple([prevStateArg, formArg(changePasswordForm)]),
  allowPendingPasswordChange: true,
  run: async ([, input]) => {
    await changeOwnPassword(input.currentPassword, input.newPassword);
    return { email: input.email ?? "" };
  },
});

/** Ends every session of the signed-in user (the token version moves on). */
export const signOutEverywhereAction: () => Promise<ActionResult<undefined>> = serverAction({
  name: "account.sign_out_everywhere",
  args: z.tuple([]),
  allowPendingPasswordChange: true,
  run: async () => {
    await signOutEverywhere();
    return undefined;
  },
});

/** Remembers the unit this user types and reads distances in ("clinic": follow the clinic's). */
export const setDistanceUnitAction: (prev: unknown, form: FormData) => Promise<ActionResult<undefined>> = serverAction({
  name: "account.set_distance_unit",
  args: z.tuple([prevStateArg, formArg(ownDistanceUnitSchema)]),
  run: async ([, input]) => {
    await setOwnDistanceUnit(input.unit);
    return undefined;
  },
  revalidate: () => ["*"],
});
