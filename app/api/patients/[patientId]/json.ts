import { NextResponse } from "next/server";
import type { z } from "zod";
import { invalid } from "@/lib/actions/result";
import { actionErrorFrom } from "@/lib/dal/action-errors";

/** Patient data must never be cached by the browser or a proxy. */
export function json(body: unknown, status = 200) {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Parses the JSON body with the form's schema, runs the DAL write and answers with an ActionResult. */
export async function handleWrite<S extends z.ZodType, T>(request: Request, schema: S, write: (input: z.infer<S>) => Promise<T>) {
  // Writes come from this app's own pages only (server actions get the same check from Next.js).
  if (!sameOrigin(request)) return json({ ok: false, error: "This request came from another site and was refused." }, 403);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ ok: false, error: "The request could not be read." }, 400);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return json(invalid(parsed.error), 400);
  try {
    return json({ ok: true, data: await write(parsed.data) });
  } catch (err) {
    const { status, result } = actionErrorFrom(err);
    return json(result, status);
  }
}

/** True when the request's Origin (sent by browsers on every POST) is this app's own. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
