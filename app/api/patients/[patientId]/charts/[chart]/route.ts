import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { getMeasuresChart, getPainChart, getVolumeChart } from "@/lib/dal/charts";
import { NotFoundError } from "@/lib/dal/errors";
import { PAIN_RANGES } from "@/lib/domain/chart-pain";

export const dynamic = "force-dynamic";

/** Chart data for the Progress tab's TanStack queries; the DAL scopes and audits each read. */
export const GET = routeHandler({
  name: "chart.data",
  params: z.object({ patientId: idArg, chart: z.enum(["pain", "volume", "measures"]) }),
  // An unknown range shows the default one (a stale bookmark is not an error).
  query: z.object({ range: z.enum(PAIN_RANGES).catch("6w") }),
  run: async ({ params, query }) => {
    const data =
      params.chart === "pain"
        ? await getPainChart(params.patientId, query.range)
        : params.chart === "volume"
          ? await getVolumeChart(params.patientId)
          : await getMeasuresChart(params.patientId);
    if (!data) throw new NotFoundError("Patient");
    return data;
  },
});
