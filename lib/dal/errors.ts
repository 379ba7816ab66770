import type { SessionUser } from "@/lib/auth/types";

/** A refused attempt on a runner the user may not reach: recorded once the write's transaction is gone. */
export type PatientRefusal = { user: SessionUser; patientId: string; attempted: string };

/**
 * Thrown for an id that is unknown, of another clinic or outside the caseload. With
 * `refusal` (see `refusedPatient` in ./access), the action and route doors write the
 * `access.refused` audit row after the failed transaction has rolled back, so a refused
 * write is recorded like a refused read.
 */
export class NotFoundError extends Error {
  constructor(
    what = "Record",
    public readonly refusal?: PatientRefusal,
  ) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Thrown when an update names a version that is no longer current (someone saved first). */
export class ConflictError extends Error {
  constructor(
    public readonly current: Record<string, unknown>,
    public readonly currentVersion: number,
  ) {
    super("This record was changed by someone else since you opened it.");
    this.name = "ConflictError";
  }
}

/** A rule of the data that input validation alone cannot see (e.g. a duplicate record number). */
export class DomainRuleError extends Error {
  constructor(
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = "DomainRuleError";
  }
}

/** Thrown when the user is signed in but their role may not do this (e.g. a therapist on an admin-only write). */
export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}
