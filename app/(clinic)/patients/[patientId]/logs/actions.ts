"use server";

import { z } from "zod";
import { idArg, serverAction } from "@/lib/actions/door";
import type { ActionResult } from "@/lib/actions/result";
import { saveDailyLog, updateRun, type DailyLogDto, type RunDto } from "@/lib/dal/logs";
import { dailyLogSchema, runSchema } from "@/lib/validation/logs";

// No revalidation in these actions: a revalidation makes Next render the whole page again
// inside the action's response, and the log list (components/logs/log-list.tsx) already
// refreshes what changed on success: it invalidates the panel, recent-entries and chart
// queries and calls router.refresh(), which re-renders the page and drops the router's
// cached pages (the caseload and the overview included), as quick entry does after its
// JSON save.

/** Replaces a day's log from the log editor (with the version it was opened at). */
export const saveDailyLogAction: (patientId: string, input: unknown) => Promise<ActionResult<DailyLogDto>> = serverAction({
  name: "log.save_day",
  args: z.tuple([idArg, dailyLogSchema]),
  run: ([patientId, input]) => saveDailyLog(patientId, input),
});

/** Edits a run, e.g. to add the next-morning pain. */
export const updateRunAction: (patientId: string, runId: string, input: unknown) => Promise<ActionResult<RunDto>> = serverAction({
  name: "log.update_run",
  args: z.tuple([idArg, idArg, runSchema]),
  run: ([patientId, runId, input]) => updateRun(patientId, runId, input),
});
