import { getReturnToRun } from "@/lib/dal/stages";
import { json } from "../json";

export const dynamic = "force-dynamic";

/** The return-to-run panel as JSON, for the Overview's TanStack Query. */
export async function GET(_request: Request, { params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const panel = await getReturnToRun(patientId);
  return panel ? json(panel) : json({ error: "Not found" }, 404);
}
