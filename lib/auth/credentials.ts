/**
 * Checks an email and password, and re-reads a session's user on every request. No React
 * or Next imports, so integration tests call these against a real database file.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, users, signInAttempts } from "@/db/schema";
import { getDummyHash, verifyPassword } from "./password";
import type { SessionUser, TokenClaims } from "./types";
import { getConfig } from "../config";
import { writeAudit } from "../dal/audit";

export type AuthorizedUser = { id: string; clinicId: string; role: SessionUser["role"]; sessionVersion: number; name: string; email: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Returns the user when the email and password match an enabled account, else null. Every
 * failure takes one argon2 verification, so timing does not reveal whether an email exists.
 */
export async function checkCredentials(emailInput: unknown, passwordInput: unknown, ip?: string | null): Promise<AuthorizedUser | null> {
  const email = typeof emailInput === "string" ? normaliseEmail(emailInput).slice(0, 320) : "";
  const password = typeof passwordInput === "string" ? passwordInput.slice(0, 1024) : "";
  const db = getDb();
  const user = email ? db.select().from(users).where(eq(users.email, email)).get() : undefined;
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await getDummyHash(), password), false);
  const success = Boolean(user && ok && !user.disabled);
  db.transaction((tx) => {
    tx.insert(signInAttempts).values({ email: email || "(empty)", ip: ip ?? null, success }).run();
    writeAudit(tx, {
      clinicId: user?.clinicId ?? null,
      userId: user?.id ?? null,
      action: success ? "auth.sign_in" : "auth.sign_in_failed",
      entityType: "user",
      entityId: user?.id ?? null,
      detail: { email },
      ip: ip ?? null,
    });
  });
  if (!success || !user) return null;
  return { id: user.id, clinicId: user.clinicId, role: user.role, sessionVersion: user.sessionVersion, name: user.name, email: user.email };
}

/**
 * The user behind a session token, re-read from the database: null when the account is
 * disabled, its session version has moved on (signed out everywhere, password reset), or
 * the session is older than its absolute lifetime.
 */
export function loadSessionUser(claims: Partial<TokenClaims> | null | undefined, nowSeconds = Date.now() / 1000): SessionUser | null {
  if (!claims?.uid || typeof claims.sv !== "number") return null;
  const maxAge = getConfig().SESSION_MAX_HOURS * 3600;
  if (typeof claims.authTime !== "number" || nowSeconds - claims.authTime > maxAge) return null;
  const row = getDb()
    .select({ user: users, clinic: clinics })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, claims.uid))
    .get();
  if (!row || row.user.disabled || row.user.sessionVersion !== claims.sv) return null;
  return {
    id: row.user.id,
    clinicId: row.user.clinicId,
    clinicName: row.clinic.name,
    clinicTimeZone: row.clinic.timeZone,
    role: row.user.role,
    name: row.user.name,
    email: row.user.email,
    sessionVersion: row.user.sessionVersion,
    mustChangePassword: row.user.mustChangePassword,
  };
}
