import { createRun } from "@/lib/dal/logs";
import { runSchema } from "@/lib/validation/logs";
import { handleWrite } from "../json";

export const dynamic = "force-dynamic";

/** Logs a run (quick entry). */
export async function POST(request: Request, { params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  return handleWrite(request, runSchema, (input) => createRun(patientId, input));
}
