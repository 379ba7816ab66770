import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { getReturnToRun } from "@/lib/dal/stages";
import { NotFoundError } from "@/lib/dal/errors";

export const dynamic = "force-dynamic";

/** The return-to-run panel as JSON, for the Overview's TanStack Query. */
export const GET = routeHandler({
  name: "stage.panel",
  params: z.object({ patientId: idArg }),
  run: async ({ params }) => {
    const panel = await getReturnToRun(params.patientId);
    if (!panel) throw new NotFoundError("Patient");
    return panel;
  },
});
