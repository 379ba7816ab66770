/**
 * Stands in for lib/auth/session when the benchmark calls DAL functions in-process (no
 * request, so no next-auth session): scripts/bench/tsconfig.json maps the module here.
 * The DAL's own scoping, queries and audit writes run for real.
 */
import type { SessionUser } from "@/lib/auth/types";

let current: SessionUser | null = null;

export function actAsUser(user: SessionUser): void {
  current = user;
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  return current;
}

export async function requireUser(): Promise<SessionUser> {
  if (!current) throw new Error("The benchmark has not chosen a user");
  return current;
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") throw new Error("Not an admin");
  return user;
}
