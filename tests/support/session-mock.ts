/**
 * Stands in for lib/auth/session in integration tests (next-auth's session lookup needs a
 * request). Use: vi.mock("@/lib/auth/session", () => import("../support/session-mock")).
 * The DAL's own scoping, queries and audit writes still run for real.
 */
import type { SessionUser } from "@/lib/auth/types";
import { sessionUserFor } from "./db";

let current: SessionUser | null = null;

export function actAs(email: string): SessionUser {
  current = sessionUserFor(email);
  return current;
}

export function signOutTestUser(): void {
  current = null;
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  return current;
}

export async function requireUser(options: { allowPendingPasswordChange?: boolean } = {}): Promise<SessionUser> {
  if (!current) throw new Error("NEXT_REDIRECT: /login");
  if (current.mustChangePassword && !options.allowPendingPasswordChange) throw new Error("NEXT_REDIRECT: /account/password");
  return current;
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") throw new Error("NEXT_REDIRECT: /");
  return user;
}
