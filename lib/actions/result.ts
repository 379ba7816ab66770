import type { z } from "zod";

/** What every server action returns: the data, or a message and per-field messages. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; conflict?: ConflictInfo };

/** Sent back when someone else saved the record first (optimistic concurrency). */
export type ConflictInfo = {
  /** The record as it is now stored, so the form can show what changed. */
  current: Record<string, unknown>;
  currentVersion: number;
  changedBy?: string | null;
  changedAt?: string | null;
};

/** The first message for each field of a failed zod parse, keyed by dotted path. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export function invalid(error: z.ZodError): ActionResult<never> {
  return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsFrom(error) };
}

/** FormData to a plain object; empty strings become undefined so optional fields stay optional. */
export function formToObject(form: FormData): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("$ACTION")) continue;
    const v = value.trim() === "" ? undefined : value;
    const prev = out[key];
    if (prev === undefined) out[key] = v;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
