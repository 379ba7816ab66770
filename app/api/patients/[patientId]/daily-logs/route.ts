import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { saveDailyLog } from "@/lib/dal/logs";
import { dailyLogSchema } from "@/lib/validation/logs";

export const dynamic = "force-dynamic";

/** Saves a day's log (quick entry); an existing day needs its version. */
export const POST = routeHandler({
  name: "log.save_day",
  params: z.object({ patientId: idArg }),
  body: dailyLogSchema,
  run: ({ params, body }) => saveDailyLog(params.patientId, body),
});
