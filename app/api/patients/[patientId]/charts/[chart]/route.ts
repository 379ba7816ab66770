import type { NextRequest } from "next/server";
import { z } from "zod";
import { getMeasuresChart, getPainChart, getVolumeChart } from "@/lib/dal/charts";
import { PAIN_RANGES } from "@/lib/domain/chart-pain";

export const dynamic = "force-dynamic";

const rangeSchema = z.enum(PAIN_RANGES).catch("6w");

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Chart data for the Progress tab's TanStack queries; the DAL scopes and audits each read. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ patientId: string; chart: string }> }) {
  const { patientId, chart } = await params;
  if (!z.uuid().safeParse(patientId).success) return json({ error: "Not found" }, 404);
  let data: unknown;
  if (chart === "pain") data = await getPainChart(patientId, rangeSchema.parse(request.nextUrl.searchParams.get("range")));
  else if (chart === "volume") data = await getVolumeChart(patientId);
  else if (chart === "measures") data = await getMeasuresChart(patientId);
  else return json({ error: "Not found" }, 404);
  return data ? json(data) : json({ error: "Not found" }, 404);
}
