import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database check for load balancers; reveals no data. */
export function GET() {
  try {
    getDb().$client.prepare("select 1").get();
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
