"use server";

import { invalid, type ActionResult } from "@/lib/actions/result";
import { actionResult, revalidatePatient } from "@/lib/dal/action-errors";
import { saveDailyLog, updateRun, type DailyLogDto, type RunDto } from "@/lib/dal/logs";
import { dailyLogSchema, runSchema } from "@/lib/validation/logs";


/** Replaces a day's log from the log editor (with the version it was opened at). */
export async function saveDailyLogAction(patientId: string, input: unknown): Promise<ActionResult<DailyLogDto>> {
  const parsed = dailyLogSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return actionResult(() => saveDailyLog(patientId, parsed.data), () => revalidatePatient(patientId));
}

/** Edits a run, e.g. to add the next-morning pain. */
export async function updateRunAction(patientId: string, runId: string, input: unknown): Promise<ActionResult<RunDto>> {
  const parsed = runSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return actionResult(() => updateRun(patientId, runId, parsed.data), () => revalidatePatient(patientId));
}
