import { listLogEntries } from "@/lib/dal/logs";
import { logsPageSchema } from "@/lib/validation/logs";
import { json } from "../json";

export const dynamic = "force-dynamic";

/** One page of the daily logs and runs, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const { page } = logsPageSchema.parse({ page: new URL(request.url).searchParams.get("page") ?? 1 });
  const size = Number(new URL(request.url).searchParams.get("size")) || undefined;
  const result = await listLogEntries(patientId, page, size && size > 0 && size <= 50 ? size : undefined);
  return result ? json(result) : json({ error: "Not found" }, 404);
}
