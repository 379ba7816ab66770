import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { recordChartDownload } from "@/lib/dal/exports";
import { isIsoDay } from "@/lib/domain/dates";
import { CHART_IMAGE_KINDS } from "@/lib/export/file-names";

const day = z.string().refine(isIsoDay, "Use a date as YYYY-MM-DD.");

/**
 * Asked by the browser before it saves a chart image: records the download in the audit
 * trail (which chart of which runner, format, days shown) and answers the file name.
 */
export const POST = routeHandler({
  name: "export.chart_image",
  params: z.object({ patientId: idArg }),
  body: z.object({ chart: z.enum(CHART_IMAGE_KINDS, "Unknown chart."), format: z.enum(["png", "svg"], "Use png or svg."), from: day, to: day }),
  run: ({ params, body }) => recordChartDownload(params.patientId, body),
});
