import "server-only";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { ConflictError, DomainRuleError, NotFoundError } from "./errors";

/**
 * The expected errors of a DAL write as an ActionResult (with an HTTP status for route
 * handlers). Anything else is unexpected and rethrown, so it is logged and shown as a
 * generic error page, never echoed.
 */
export function actionErrorFrom(err: unknown): { status: number; result: ActionResult<never> } {
  if (err instanceof NotFoundError) return { status: 404, result: { ok: false, error: "Not found: it may have been removed, or it is not on your caseload." } };
  if (err instanceof ConflictError) {
    return { status: 409, result: { ok: false, error: err.message, conflict: { current: err.current, currentVersion: err.currentVersion } } };
  }
  if (err instanceof DomainRuleError) {
    return { status: 422, result: { ok: false, error: err.message, fieldErrors: err.field ? { [err.field]: err.message } : undefined } };
  }
  throw err;
}

/** Runs a DAL write for a server action: its data, or the expected error as a result; `after` runs only on success (revalidation). */
export async function actionResult<T>(write: () => Promise<T>, after?: () => void): Promise<ActionResult<T>> {
  try {
    const data = await write();
    after?.();
    return { ok: true, data };
  } catch (err) {
    return actionErrorFrom(err).result;
  }
}

/** After a patient write: the patient's pages (header stage, panel, log) and the caseload show the new status. */
export function revalidatePatient(patientId: string): void {
  revalidatePath(`/patients/${patientId}`, "layout");
  revalidatePath("/");
}
