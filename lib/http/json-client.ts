/**
 * The browser's one way to call the app's JSON routes (they answer through the route door
 * with `{ ok: true, data }` or `{ ok: false, error, fieldErrors }`). Safe to import from
 * client components: no server code.
 */
import type { ActionResult } from "@/lib/actions/result";

/** A refusal from a JSON route (or no answer at all), thrown so a TanStack mutation rolls back. */
export class RefusedError extends Error {
  constructor(
    public readonly result: Extract<ActionResult<never>, { ok: false }>,
    public readonly status = 0,
  ) {
    super(result.error);
    this.name = "RefusedError";
  }
}

/**
 * GETs `url` and returns the route's `data`. Throws a `RefusedError` with a message a
 * therapist can read: the route's own message, or one for an ended session, a missing
 * record or a network failure.
 */
export async function getJson<T>(url: string): Promise<T> {
  return call<T>(url, { method: "GET" });
}

/** POSTs `body` as JSON and returns the route's `data`; a refusal (with field messages) is thrown. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return call<T>(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: "no-store", headers: { accept: "application/json", ...init.headers } });
  } catch {
    throw new RefusedError({ ok: false, error: init.method === "POST" ? "The server could not be reached. Nothing was saved." : "The server could not be reached." });
  }
  let result: ActionResult<T> | null = null;
  try {
    result = (await response.json()) as ActionResult<T>;
  } catch {
    result = null;
  }
  if (result && typeof result === "object" && "ok" in result) {
    if (result.ok) return result.data;
    throw new RefusedError(result, response.status);
  }
  const error = response.status === 401 ? "Your session has ended. Please sign in again." : "The latest data could not be loaded.";
  throw new RefusedError({ ok: false, error }, response.status);
}
