"use server";

import { z } from "zod";
import { idArg, serverAction } from "@/lib/actions/door";
import { clearRedFlags, saveRedFlagScreen } from "@/lib/dal/red-flags";
import { redFlagClearanceSchema, redFlagScreenSchema } from "@/lib/validation/red-flags";

/** The patient's pages (header, panel, details) and the caseload show the screen's state. */
const paths = (patientId: string) => [`/patients/${patientId}`, "/"];

/**
 * Records or edits an episode's red-flag screen: (patientId, injuryId, { item: boolean…,
 * version? }). The patient id only names the pages to refresh; the DAL scopes by the episode.
 */
export const saveRedFlagScreenAction = serverAction({
  name: "red_flags.update",
  args: z.tuple([idArg, idArg, redFlagScreenSchema]),
  run: ([, injuryId, input]) => saveRedFlagScreen(injuryId, input),
  revalidate: ([patientId]) => paths(patientId),
});

/** Records that a positive screen was cleared (by the signed-in user, now): (patientId, injuryId, { version, note }). */
export const clearRedFlagsAction = serverAction({
  name: "red_flags.clear",
  args: z.tuple([idArg, idArg, redFlagClearanceSchema]),
  run: ([, injuryId, input]) => clearRedFlags(injuryId, input),
  revalidate: ([patientId]) => paths(patientId),
});
