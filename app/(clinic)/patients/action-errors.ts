import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { ConflictError, DomainRuleError, NotFoundError } from "@/lib/dal/errors";

/**
 * The expected failures of a DAL write as a form result; anything else (including
 * Next's redirect on an ended session) is re-thrown.
 */
export function failureFrom(error: unknown): ActionResult<never> {
  if (error instanceof ConflictError) {
    return { ok: false, error: error.message, conflict: { current: error.current, currentVersion: error.currentVersion } };
  }
  if (error instanceof DomainRuleError) {
    return { ok: false, error: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
  }
  if (error instanceof NotFoundError) return { ok: false, error: "This record was not found. It may have been removed from your caseload." };
  throw error;
}
