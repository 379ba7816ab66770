import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { UserRole } from "@/lib/domain/vocabulary";
import { requireAdmin, requireUser } from "@/lib/auth/session";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { writeAudit } from "./audit";
import { auditViewOnce } from "./prepared";
import { DomainRuleError, NotFoundError } from "./errors";

export type UserListItem = { id: string; name: string; email: string; role: UserRole; disabled: boolean; mustChangePassword: boolean };

/** The clinic's accounts, for admins only. */
export async function listClinicUsers(): Promise<UserListItem[]> {
  const admin = await requireAdmin();
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabled: users.disabled, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(eq(users.clinicId, admin.clinicId))
    .orderBy(asc(users.name))
    .all();
}

/** The accounts page's list (admins only); the page view is audited (`admin.accounts.view`, once per view). */
export async function listClinicAccounts(): Promise<UserListItem[]> {
  const list = await listClinicUsers();
  auditViewOnce(await requireAdmin(), "admin.accounts.view", { accounts: list.length });
  return list;
}

/** The clinic's active therapists and admins (for care-team and filter pickers). */
export async function listClinicColleagues(): Promise<{ id: string; name: string; role: UserRole }[]> {
  const user = await requireUser();
  return getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.clinicId, user.clinicId), eq(users.disabled, false)))
    .orderBy(asc(users.name))
    .all();
}

/** A readable random password, shown to the admin once and changed at first sign-in. */
export function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

export async function createUser(input: { name: string; email: string; role: UserRole }): Promise<{ id: string; oneTimePassword: string }> {
  const admin = await requireAdmin();
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const db = getDb();
  const id = crypto.randomUUID();
  db.transaction((tx) => {
    const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (taken) throw new DomainRuleError("An account with this email already exists.", "email");
    tx.insert(users).values({ id, clinicId: admin.clinicId, email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true }).run();
    writeAudit(tx, { clinicId: admin.clinicId, userId: admin.id, action: "user.create", entityType: "user", entityId: id, detail: { email: input.email, role: input.role } });
  });
  return { id, oneTimePassword: password };
}

function countOtherActiveAdmins(tx: Pick<ReturnType<typeof getDb>, "select">, clinicId: string, exceptId: string): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, exceptId)))
    .get()!.n;
}

function loadClinicUser(tx: Pick<ReturnType<typeof getDb>, "select">, clinicId: string, userId: string) {
  const target = tx.select().from(users).where(and(eq(users.id, userId), eq(users.clinicId, clinicId))).get();
  if (!target) throw new NotFoundError("Account");
  return target;
}

/** Disabling ends the user's sessions at once (their session version moves on). */
export async function setUserDisabled(userId: string, disabled: boolean): Promise<void> {
  const admin = await requireAdmin();
  getDb().transaction((tx) => {
    const target = loadClinicUser(tx, admin.clinicId, userId);
    if (disabled && target.role === "admin" && !target.disabled && countOtherActiveAdmins(tx, admin.clinicId, target.id) === 0) {
      throw new DomainRuleError("This is the clinic's last active admin; make another admin first.");
    }
    tx.update(users)
      .set({ disabled, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, target.id))
      .run();
    writeAudit(tx, { clinicId: admin.clinicId, userId: admin.id, action: disabled ? "user.disable" : "user.enable", entityType: "user", entityId: target.id });
  });
}

export async function changeUserRole(userId: string, role: UserRole): Promise<void> {
  const admin = await requireAdmin();
  getDb().transaction((tx) => {
    const target = loadClinicUser(tx, admin.clinicId, userId);
    if (target.role === "admin" && role !== "admin" && !target.disabled && countOtherActiveAdmins(tx, admin.clinicId, target.id) === 0) {
      throw new DomainRuleError("This is the clinic's last active admin; make another admin first.");
    }
    tx.update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, target.id))
      .run();
    writeAudit(tx, { clinicId: admin.clinicId, userId: admin.id, action: "user.role", entityType: "user", entityId: target.id, detail: { from: target.role, to: role } });
  });
}

/** A new one-time password; the user's sessions end and they must choose a new one. */
export async function resetUserPassword(userId: string): Promise<{ oneTimePassword: string }> {
  const admin = await requireAdmin();
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  getDb().transaction((tx) => {
    const target = loadClinicUser(tx, admin.clinicId, userId);
    tx.update(users)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, target.id))
      .run();
    writeAudit(tx, { clinicId: admin.clinicId, userId: admin.id, action: "user.reset_password", entityType: "user", entityId: target.id });
  });
  return { oneTimePassword: password };
}

/**
 * Changes the signed-in user's own password. Other sessions end; the caller signs the
 * current browser in again with the new password.
 */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  const user = await requireUser({ allowPendingPasswordChange: true });
  const db = getDb();
  const row = db.select().from(users).where(eq(users.id, user.id)).get();
  if (!row) throw new NotFoundError("Account");
  if (!(await verifyPassword(row.passwordHash, currentPassword))) throw new DomainRuleError("The current password is not right.", "currentPassword");
  const problem = passwordProblem(newPassword, row.email);
  if (problem) throw new DomainRuleError(problem, "newPassword");
  if (await verifyPassword(row.passwordHash, newPassword)) throw new DomainRuleError("Choose a password different from the current one.", "newPassword");
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, user.id))
      .run();
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "user.change_password", entityType: "user", entityId: user.id });
  });
}

/** Ends every session of the signed-in user, this one included. */
export async function signOutEverywhere(): Promise<void> {
  const user = await requireUser({ allowPendingPasswordChange: true });
  getDb().transaction((tx) => {
    tx.update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .run();
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "user.sign_out_everywhere", entityType: "user", entityId: user.id });
  });
}
