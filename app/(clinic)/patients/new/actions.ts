"use server";

import { revalidatePath } from "next/cache";
import { formToObject, invalid, type ActionResult } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/session";
import { createPatient } from "@/lib/dal/patients";
import { todayIn } from "@/lib/domain/dates";
import { patientSchema } from "@/lib/validation/patient";
import { failureFrom } from "../action-errors";

export async function createPatientAction(form: FormData): Promise<ActionResult<{ id: string }>> {
  const user = await requireUser();
  const parsed = patientSchema(todayIn(user.clinicTimeZone)).safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const created = await createPatient(parsed.data);
    revalidatePath("/patients");
    return { ok: true, data: created };
  } catch (error) {
    return failureFrom(error);
  }
}
