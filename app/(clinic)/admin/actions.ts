"use server";

import { z } from "zod";
import { formArg, prevStateArg, serverAction } from "@/lib/actions/door";
import type { ActionResult } from "@/lib/actions/result";
import { changeRoleSchema, createUserSchema, setDisabledSchema, userIdSchema } from "@/lib/validation/account";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/dal/users";
import { setClinicDistanceUnit } from "@/lib/dal/units";
import { clinicDistanceUnitSchema } from "@/lib/validation/units";
import { setCheckinLinkDays } from "@/lib/dal/checkin-links";
import { checkinLinkDaysSchema } from "@/lib/validation/checkin";

type FormAction<T> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>;
const ADMIN_PAGES = () => ["/admin"];

/** Creates an account with a one-time password (admins only; the DAL checks the role). */
export const createUserAction: FormAction<{ email: string; oneTimePassword: string }> = serverAction({
  name: "user.create",
  args: z.tuple([prevStateArg, formArg(createUserSchema)]),
  run: async ([, input]) => ({ email: input.email, oneTimePassword: (await createUser(input)).oneTimePassword }),
  revalidate: ADMIN_PAGES,
});

export const setDisabledAction: FormAction<undefined> = serverAction({
  name: "user.set_disabled",
  args: z.tuple([prevStateArg, formArg(setDisabledSchema)]),
  run: async ([, input]) => {
    await setUserDisabled(input.userId, input.disabled);
    return undefined;
  },
  revalidate: ADMIN_PAGES,
});

export const changeRoleAction: FormAction<undefined> = serverAction({
  name: "user.change_role",
  args: z.tuple([prevStateArg, formArg(changeRoleSchema)]),
  run: async ([, input]) => {
    await changeUserRole(input.userId, input.role);
    return undefined;
  },
  revalidate: ADMIN_PAGES,
});

export const resetPasswordAction: FormAction<{ oneTimePassword: string }> = serverAction({
  name: "user.reset_password",
  args: z.tuple([prevStateArg, formArg(userIdSchema)]),
  run: ([, input]) => resetUserPassword(input.userId),
  revalidate: ADMIN_PAGES,
});

/** Sets the clinic's default distance unit (admins only; users may choose their own). */
export const setClinicDistanceUnitAction: FormAction<undefined> = serverAction({
  name: "clinic.set_distance_unit",
  args: z.tuple([prevStateArg, formArg(clinicDistanceUnitSchema)]),
  run: async ([, input]) => {
    await setClinicDistanceUnit(input.unit);
    return undefined;
  },
  revalidate: () => ["*"],
});

/** Sets how many days a new check-in link is valid, 1–90 (admins only; existing links keep their expiry). */
export const setCheckinLinkDaysAction: FormAction<undefined> = serverAction({
  name: "clinic.set_checkin_link_days",
  args: z.tuple([prevStateArg, formArg(checkinLinkDaysSchema)]),
  run: async ([, input]) => {
    await setCheckinLinkDays(input.days);
    return undefined;
  },
  revalidate: ADMIN_PAGES,
});
