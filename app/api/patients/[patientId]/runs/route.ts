import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { createRun } from "@/lib/dal/logs";
import { runSchema } from "@/lib/validation/logs";

export const dynamic = "force-dynamic";

/** Logs a run (quick entry). */
export const POST = routeHandler({
  name: "log.create_run",
  params: z.object({ patientId: idArg }),
  body: runSchema,
  run: ({ params, body }) => createRun(params.patientId, body),
});
