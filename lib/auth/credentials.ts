/**
 * Checks an email and password, and re-reads a session's user on every request. No React
 * or Next imports, so integration tests call these against a real database file.
 */
import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, users, signInAttempts } from "@/db/schema";
import { getDummyHash, verifyPassword } from "./password";
import type { SessionUser, TokenClaims } from "./types";
import { THROTTLE, throttleWaitSeconds } from "./throttle";
import { getConfig } from "../config";
import { writeAudit } from "../dal/audit";
import { prepared } from "@/db/statements";
import { log } from "../log";
import { isSessionEnded } from "./session-end";

export type AuthorizedUser = { id: string; clinicId: string; role: SessionUser["role"]; sessionVersion: number; name: string; email: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Raised instead of checking the password while an account or address must wait. */
export class SignInThrottledError extends Error {
  constructor(public readonly waitSeconds: number) {
    super(`Too many sign-in attempts. Try again in ${waitSeconds} second${waitSeconds === 1 ? "" : "s"}.`);
    this.name = "SignInThrottledError";
  }
}

/** Failures since the last success within the window, and when the latest was. */
function recentFailures(column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string, sinceIso: string) {
  const db = getDb();
  const lastSuccess = db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(eq(column, value), eq(signInAttempts.success, true), gt(signInAttempts.at, sinceIso)))
    .orderBy(desc(signInAttempts.at))
    .limit(1)
    .get();
  const from = lastSuccess?.at ?? sinceIso;
  const row = db
    .select({ n: sql<number>`count(*)`, last: sql<string | null>`max(${signInAttempts.at})` })
    .from(signInAttempts)
    .where(and(eq(column, value), eq(signInAttempts.success, false), gt(signInAttempts.at, from)))
    .get();
  return { failures: row?.n ?? 0, lastAt: row?.last ? Date.parse(row.last) : null };
}

/** Seconds this email or address must still wait before its next attempt is checked. */
export function signInWaitSeconds(email: string, ip: string | null, now = Date.now()): number {
  const since = new Date(now - THROTTLE.windowMinutes * 60_000).toISOString();
  const byAccount = recentFailures(signInAttempts.email, email, since);
  let wait = throttleWaitSeconds(byAccount.failures, THROTTLE.freeFailuresPerAccount, byAccount.lastAt, now);
  if (ip) {
    const byAddress = recentFailures(signInAttempts.ip, ip, since);
    wait = Math.max(wait, throttleWaitSeconds(byAddress.failures, THROTTLE.freeFailuresPerAddress, byAddress.lastAt, now));
  }
  return wait;
}

/**
 * Returns the user when the email and password match an enabled account, else null. Every
 * failure takes one argon2 verification, so timing does not reveal whether an email exists.
 * Throws SignInThrottledError (without checking the password) while the email or the
 * address must wait after repeated failures. Every attempt is audited, unknown emails
 * included (the normalised email, never the typed password).
 *
 * The throttle holds under parallel attempts: checking the count and recording this
 * attempt (as a failure until the hash says otherwise) is one synchronous SQLite
 * transaction before the first `await`, so concurrent requests see each other's attempts
 * and 60 parallel wrong passwords reach the hash check at most the policy's number of times.
 * `ip` must come from the socket or a trusted hop (scripts/lib/client-address.mjs).
 */
export async function checkCredentials(emailInput: unknown, passwordInput: unknown, ip?: string | null): Promise<AuthorizedUser | null> {
  const email = typeof emailInput === "string" ? normaliseEmail(emailInput).slice(0, 320) : "";
  const password = typeof passwordInput === "string" ? passwordInput.slice(0, 1024) : "";
  const key = email || "(empty)";
  const address = ip ?? null;
  const db = getDb();
  const user = email ? db.select().from(users).where(eq(users.email, email)).get() : undefined;
  const who = { clinicId: user?.clinicId ?? null, userId: user?.id ?? null, entityType: "user", entityId: user?.id ?? null, ip: address };

  const reservation = db.$client.transaction(() => {
    const wait = signInWaitSeconds(key, address);
    if (wait > 0) {
      writeAudit(db, { ...who, action: "auth.sign_in_throttled", detail: { email, waitSeconds: wait } });
      return { wait, attemptId: null };
    }
    const row = prepared<{ id: number }>(db, "insert into sign_in_attempts (email, ip, success) values (?, ?, 0) returning id").get(key, address);
    return { wait: 0, attemptId: row!.id };
  })();
  if (reservation.attemptId === null) {
    log.warn({ event: "auth.sign_in_throttled", userId: user?.id ?? null, knownAccount: Boolean(user), waitSeconds: reservation.wait }, "sign-in throttled");
    throw new SignInThrottledError(reservation.wait);
  }

  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await getDummyHash(), password), false);
  const success = Boolean(user && ok && !user.disabled);
  db.$client.transaction(() => {
    if (success) prepared(db, "update sign_in_attempts set success = 1 where id = ?").run(reservation.attemptId);
    writeAudit(db, { ...who, action: success ? "auth.sign_in" : "auth.sign_in_failed", detail: { email, knownAccount: Boolean(user) } });
  })();
  if (!success || !user) return null;
  return { id: user.id, clinicId: user.clinicId, role: user.role, sessionVersion: user.sessionVersion, name: user.name, email: user.email };
}

/**
 * The user behind a session token, re-read from the database: null when the account is
 * disabled, its session version has moved on (signed out everywhere, password reset), the
 * session was ended by sign-out, or it is older than its absolute lifetime.
 */
export function loadSessionUser(claims: Partial<TokenClaims> | null | undefined, nowSeconds = Date.now() / 1000): SessionUser | null {
  if (!claims?.uid || typeof claims.sv !== "number") return null;
  const maxAge = getConfig().SESSION_MAX_HOURS * 3600;
  if (typeof claims.authTime !== "number" || nowSeconds - claims.authTime > maxAge) return null;
  if (isSessionEnded(claims.sid)) return null;
  const row = getDb()
    .select({ user: users, clinic: clinics })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, claims.uid))
    .get();
  if (!row || row.user.disabled || row.user.sessionVersion !== claims.sv) return null;
  return toSessionUser(row);
}

/** The session's view of a user and their clinic. */
export function toSessionUser(row: { user: typeof users.$inferSelect; clinic: typeof clinics.$inferSelect }): SessionUser {
  return {
    id: row.user.id,
    clinicId: row.user.clinicId,
    clinicName: row.clinic.name,
    clinicTimeZone: row.clinic.timeZone,
    distanceUnit: row.user.distanceUnit ?? row.clinic.distanceUnit,
    role: row.user.role,
    name: row.user.name,
    email: row.user.email,
    sessionVersion: row.user.sessionVersion,
    mustChangePassword: row.user.mustChangePassword,
  };
}
