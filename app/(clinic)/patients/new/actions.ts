"use server";

import { z } from "zod";
import { formArg, serverAction, type ActionContext } from "@/lib/actions/door";
import type { ActionResult } from "@/lib/actions/result";
import { createPatient } from "@/lib/dal/patients";
import { todayIn } from "@/lib/domain/dates";
import { patientSchema } from "@/lib/validation/patient";

/** Adds a runner to the clinic with the signed-in therapist as primary. */
export const createPatientAction: (form: FormData) => Promise<ActionResult<{ id: string }>> = serverAction({
  name: "patient.create",
  args: ({ user }: ActionContext) => z.tuple([formArg(patientSchema(todayIn(user.clinicTimeZone)))]),
  run: ([input]) => createPatient(input),
  revalidate: () => ["/patients", "/"],
});
