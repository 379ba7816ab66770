"use server";

import { invalid, type ActionResult } from "@/lib/actions/result";
import { actionResult } from "@/lib/dal/action-errors";
import { saveDailyLog, updateRun, type DailyLogDto, type RunDto } from "@/lib/dal/logs";
import { dailyLogSchema, runSchema } from "@/lib/validation/logs";

// No revalidatePath in these actions: a revalidation makes Next render the whole page again
// inside the action's response, and the log list (components/logs/log-list.tsx) already
// refreshes what changed on success: it invalidates the panel, recent-entries and chart
// queries and calls router.refresh(), which re-renders the page and drops the router's
// cached pages (the caseload and the overview included), as quick entry does after its
// JSON save.

/** Replaces a day's log from the log editor (with the version it was opened at). */
export async function saveDailyLogAction(patientId: string, input: unknown): Promise<ActionResult<DailyLogDto>> {
  const parsed = dailyLogSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return actionResult(() => saveDailyLog(patientId, parsed.data));
}

/** Edits a run, e.g. to add the next-morning pain. */
export async function updateRunAction(patientId: string, runId: string, input: unknown): Promise<ActionResult<RunDto>> {
  const parsed = runSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return actionResult(() => updateRun(patientId, runId, parsed.data));
}
