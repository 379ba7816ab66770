import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { listLogEntries } from "@/lib/dal/logs";
import { NotFoundError } from "@/lib/dal/errors";
import { queryInt } from "@/lib/validation/query";

export const dynamic = "force-dynamic";

/** One page of the daily logs and runs, newest first (`?page=` from 1, `?size=` 1–50). */
export const GET = routeHandler({
  name: "log.list",
  params: z.object({ patientId: idArg }),
  query: z.object({ page: queryInt("Page", 1, 100_000).default(1), size: queryInt("Page size", 1, 50).optional() }),
  run: async ({ params, query }) => {
    const result = await listLogEntries(params.patientId, query.page, query.size);
    if (!result) throw new NotFoundError("Patient");
    return result;
  },
});
