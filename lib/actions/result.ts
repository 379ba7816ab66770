import type { z } from "zod";

/** What every server action returns: the data, or a message and per-field messages. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; conflict?: ConflictInfo; values?: Record<string, string> };

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

/**
 * A failed validation. `values` echoes what was typed: React resets a form after its
 * action runs, so forms use these as default values to keep the input.
 */
export function invalid(error: z.ZodError, values?: Record<string, unknown>): ActionResult<never> {
  return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsFrom(error), values: values ? echoValues(values) : undefined };
}

export function echoValues(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (typeof value === "string") out[key] = value;
  return out;
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
