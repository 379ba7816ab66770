"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formToObject, invalid, type ActionResult } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/session";
import { addCareTeamMember, changePrimaryTherapist, removeCareTeamMember } from "@/lib/dal/care-team";
import { closeInjury, createInjury, markInjuryReturned, updateInjury } from "@/lib/dal/injuries";
import { setPatientArchived, updatePatient } from "@/lib/dal/patients";
import { todayIn } from "@/lib/domain/dates";
import { injuryCloseSchema, injuryReturnSchema, injurySchema, injuryUpdateSchema } from "@/lib/validation/injury";
import { redFlagAnswersSchema } from "@/lib/validation/red-flags";
import { careTeamSchema, patientUpdateSchema, primaryTherapistSchema } from "@/lib/validation/patient";
import { failureFrom } from "../../action-errors";

type Saved = { version: number; values: Record<string, unknown> };

async function clinicToday() {
  return todayIn((await requireUser()).clinicTimeZone);
}

function refresh(patientId: string) {
  revalidatePath(`/patients/${patientId}`, "layout");
  revalidatePath("/patients");
  revalidatePath("/");
}

/** Parse → DAL → revalidate → result, the same for every action here. */
async function run<S extends z.ZodType, T>(schema: S, form: FormData, patientId: string, write: (input: z.infer<S>) => Promise<T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const data = await write(parsed.data);
    refresh(patientId);
    return { ok: true, data };
  } catch (error) {
    return failureFrom(error);
  }
}

export async function updatePatientAction(patientId: string, form: FormData): Promise<ActionResult<Saved>> {
  return run(patientUpdateSchema(await clinicToday()), form, patientId, async (input) => {
    const saved = await updatePatient(patientId, input);
    return { version: saved.version, values: saved.values };
  });
}

export async function setArchivedAction(patientId: string, archived: boolean): Promise<ActionResult> {
  try {
    await setPatientArchived(patientId, archived);
    refresh(patientId);
    return { ok: true, data: undefined };
  } catch (error) {
    return failureFrom(error);
  }
}

export async function addCareTeamAction(patientId: string, form: FormData): Promise<ActionResult> {
  return run(careTeamSchema, form, patientId, async ({ userId }) => {
    await addCareTeamMember(patientId, userId);
    return undefined;
  });
}

export async function removeCareTeamAction(patientId: string, form: FormData): Promise<ActionResult> {
  return run(careTeamSchema, form, patientId, async ({ userId }) => {
    await removeCareTeamMember(patientId, userId);
    return undefined;
  });
}

export async function changePrimaryAction(patientId: string, form: FormData): Promise<ActionResult> {
  return run(primaryTherapistSchema, form, patientId, async ({ userId, version }) => {
    await changePrimaryTherapist(patientId, userId, version);
    return undefined;
  });
}

export async function createInjuryAction(patientId: string, form: FormData): Promise<ActionResult<{ id: string }>> {
  // The intake form carries the red-flag screen's checkboxes; unticked (absent) items are negative.
  const redFlags = redFlagAnswersSchema.parse(formToObject(form));
  return run(injurySchema(await clinicToday()), form, patientId, async (input) => ({ id: (await createInjury(patientId, input, redFlags)).id }));
}

export async function updateInjuryAction(patientId: string, injuryId: string, form: FormData): Promise<ActionResult<Saved>> {
  return run(injuryUpdateSchema(await clinicToday()), form, patientId, async (input) => {
    const saved = await updateInjury(injuryId, input);
    return { version: saved.version, values: saved.values };
  });
}

export async function returnInjuryAction(patientId: string, injuryId: string, form: FormData): Promise<ActionResult<{ version: number }>> {
  return run(injuryReturnSchema(await clinicToday()), form, patientId, async (input) => ({ version: (await markInjuryReturned(injuryId, input)).version }));
}

export async function closeInjuryAction(patientId: string, injuryId: string, form: FormData): Promise<ActionResult<{ version: number }>> {
  return run(injuryCloseSchema(await clinicToday()), form, patientId, async (input) => ({ version: (await closeInjury(injuryId, input)).version }));
}
