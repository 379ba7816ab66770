"use server";

import { revalidatePath } from "next/cache";
import { invalid, type ActionResult } from "@/lib/actions/result";
import { actionErrorFrom } from "@/lib/dal/action-errors";
import { saveDailyLog, updateRun, type DailyLogDto, type RunDto } from "@/lib/dal/logs";
import { dailyLogSchema, runSchema } from "@/lib/validation/logs";

async function run<T>(patientId: string, write: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const data = await write();
    revalidatePath(`/patients/${patientId}`, "layout");
    revalidatePath("/");
    return { ok: true, data };
  } catch (err) {
    return actionErrorFrom(err).result;
  }
}

/** Replaces a day's log from the log editor (with the version it was opened at). */
export async function saveDailyLogAction(patientId: string, input: unknown): Promise<ActionResult<DailyLogDto>> {
  const parsed = dailyLogSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run(patientId, () => saveDailyLog(patientId, parsed.data));
}

/** Edits a run, e.g. to add the next-morning pain. */
export async function updateRunAction(patientId: string, runId: string, input: unknown): Promise<ActionResult<RunDto>> {
  const parsed = runSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return run(patientId, () => updateRun(patientId, runId, parsed.data));
}
