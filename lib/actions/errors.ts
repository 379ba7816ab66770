import type { ActionResult } from "./result";
import { ConflictError, DomainRuleError, ForbiddenError, NotFoundError } from "@/lib/dal/errors";

/** The one message for every kind of "not yours or not there" (never says which). */
export const NOT_FOUND_MESSAGE = "Not found: it may have been removed, or it is not on your caseload.";
/** Shown for anything unexpected; the reference is the request id written on the error's log line. */
export const UNEXPECTED_MESSAGE = "Something went wrong and nothing was saved. Please try again.";

/**
 * The one table from an expected DAL error to what the user reads and the HTTP status a
 * route answers with; used by server actions and JSON routes alike. Returns null for an
 * unexpected error (the caller logs it with the request id and answers generically).
 */
export function expectedFailure(err: unknown): { status: number; result: ActionResult<never> } | null {
  if (err instanceof NotFoundError) return { status: 404, result: { ok: false, error: NOT_FOUND_MESSAGE } };
  if (err instanceof ConflictError) {
    const { current } = err;
    // Who saved last and when, where the DAL's stored row says (assessments carry both).
    const changedBy = typeof current.savedByName === "string" ? current.savedByName : null;
    const changedAt = typeof current.updatedAt === "string" ? current.updatedAt : null;
    return { status: 409, result: { ok: false, error: err.message, conflict: { current, currentVersion: err.currentVersion, changedBy, changedAt } } };
  }
  if (err instanceof DomainRuleError) {
    return { status: 422, result: { ok: false, error: err.message, fieldErrors: err.field ? { [err.field]: err.message } : undefined } };
  }
  if (err instanceof ForbiddenError) return { status: 403, result: { ok: false, error: err.message } };
  return null;
}
