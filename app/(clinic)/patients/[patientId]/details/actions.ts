"use server";

import { z } from "zod";
import { boolArg, formArg, idArg, serverAction, type ActionContext } from "@/lib/actions/door";
import type { ActionResult } from "@/lib/actions/result";
import { addCareTeamMember, changePrimaryTherapist, removeCareTeamMember } from "@/lib/dal/care-team";
import { closeInjury, createInjury, markInjuryReturned, updateInjury } from "@/lib/dal/injuries";
import { setPatientArchived, updatePatient } from "@/lib/dal/patients";
import { todayIn } from "@/lib/domain/dates";
import { injuryCloseSchema, injuryReturnSchema, injurySchema, injuryUpdateSchema } from "@/lib/validation/injury";
import { redFlagAnswersSchema, type RedFlagAnswersInput } from "@/lib/validation/red-flags";
import { RED_FLAG_ITEMS } from "@/lib/domain/vocabulary";
import { careTeamSchema, patientUpdateSchema, primaryTherapistSchema } from "@/lib/validation/patient";

type Saved = { version: number; values: Record<string, unknown> };
type FormOf<T> = (patientId: string, form: FormData) => Promise<ActionResult<T>>;
type EpisodeFormOf<T> = (patientId: string, injuryId: string, form: FormData) => Promise<ActionResult<T>>;

const clinicToday = ({ user }: ActionContext) => todayIn(user.clinicTimeZone);

/** After a record or episode write: the runner's pages, the patient list and the caseload. */
const refresh = ([patientId]: [string, ...unknown[]]) => [`/patients/${patientId}`, "/patients", "/"];

export const updatePatientAction: FormOf<Saved> = serverAction({
  name: "patient.update",
  args: (ctx: ActionContext) => z.tuple([idArg, formArg(patientUpdateSchema(clinicToday(ctx)))]),
  run: async ([patientId, input]) => {
    const saved = await updatePatient(patientId, input);
    return { version: saved.version, values: saved.values };
  },
  revalidate: refresh,
});

/** Archives (true) or restores (false) a runner; the same state again writes nothing. */
export const setArchivedAction: (patientId: string, archived: boolean) => Promise<ActionResult<undefined>> = serverAction({
  name: "patient.set_archived",
  args: z.tuple([idArg, boolArg]),
  run: async ([patientId, archived]) => {
    await setPatientArchived(patientId, archived);
    return undefined;
  },
  revalidate: refresh,
});

export const addCareTeamAction: FormOf<undefined> = serverAction({
  name: "care_team.add",
  args: z.tuple([idArg, formArg(careTeamSchema)]),
  run: async ([patientId, { userId }]) => {
    await addCareTeamMember(patientId, userId);
    return undefined;
  },
  revalidate: refresh,
});

export const removeCareTeamAction: FormOf<undefined> = serverAction({
  name: "care_team.remove",
  args: z.tuple([idArg, formArg(careTeamSchema)]),
  run: async ([patientId, { userId }]) => {
    await removeCareTeamMember(patientId, userId);
    return undefined;
  },
  revalidate: refresh,
});

export const changePrimaryAction: FormOf<undefined> = serverAction({
  name: "care_team.change_primary",
  args: z.tuple([idArg, formArg(primaryTherapistSchema)]),
  run: async ([patientId, { userId, version }]) => {
    await changePrimaryTherapist(patientId, userId, version);
    return undefined;
  },
  revalidate: refresh,
});

/** A new episode with its red-flag screen (the intake form's checkboxes; an unticked item is negative). */
export const createInjuryAction: FormOf<{ id: string }> = serverAction({
  name: "injury.create",
  args: (ctx: ActionContext) => z.tuple([idArg, formArg(z.intersection(injurySchema(clinicToday(ctx)), redFlagAnswersSchema))]),
  run: async ([patientId, input]) => {
    const redFlags = Object.fromEntries(RED_FLAG_ITEMS.map((item) => [item, input[item]])) as RedFlagAnswersInput;
    return { id: (await createInjury(patientId, input, redFlags)).id };
  },
  revalidate: refresh,
});

export const updateInjuryAction: EpisodeFormOf<Saved> = serverAction({
  name: "injury.update",
  args: (ctx: ActionContext) => z.tuple([idArg, idArg, formArg(injuryUpdateSchema(clinicToday(ctx)))]),
  run: async ([, injuryId, input]) => {
    const saved = await updateInjury(injuryId, input);
    return { version: saved.version, values: saved.values };
  },
  revalidate: refresh,
});

export const returnInjuryAction: EpisodeFormOf<{ version: number }> = serverAction({
  name: "injury.return",
  args: (ctx: ActionContext) => z.tuple([idArg, idArg, formArg(injuryReturnSchema(clinicToday(ctx)))]),
  run: async ([, injuryId, input]) => ({ version: (await markInjuryReturned(injuryId, input)).version }),
  revalidate: refresh,
});

export const closeInjuryAction: EpisodeFormOf<{ version: number }> = serverAction({
  name: "injury.close",
  args: (ctx: ActionContext) => z.tuple([idArg, idArg, formArg(injuryCloseSchema(clinicToday(ctx)))]),
  run: async ([, injuryId, input]) => ({ version: (await closeInjury(injuryId, input)).version }),
  revalidate: refresh,
});
