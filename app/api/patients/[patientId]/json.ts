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
