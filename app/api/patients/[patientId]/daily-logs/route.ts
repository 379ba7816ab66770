import { saveDailyLog } from "@/lib/dal/logs";
import { dailyLogSchema } from "@/lib/validation/logs";
import { handleWrite } from "../json";

export const dynamic = "force-dynamic";

/** Saves a day's log (quick entry); an existing day needs its version. */
export async function POST(request: Request, { params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  return handleWrite(request, dailyLogSchema, (input) => saveDailyLog(patientId, input));
}
