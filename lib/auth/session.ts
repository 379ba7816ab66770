import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { buildAuthOptions } from "./options";
import { loadSessionUser } from "./credentials";
import type { SessionUser } from "./types";
import { safeNextPath } from "./next-path";

/** The signed-in user re-read from the database, once per request; null when signed out. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(buildAuthOptions());
  return loadSessionUser(session?.claims);
});

/**
 * The signed-in user, or a redirect to sign-in. Disabled accounts, sessions ended by
 * "sign out everywhere" and sessions past their lifetime are refused here on every request.
 */
export async function requireUser(options: { allowPendingPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(await signInAgainUrl());
  // A one-time password must be replaced before anything else can be done.
  if (user.mustChangePassword && !options.allowPendingPasswordChange) redirect("/account/password");
  return user;
}

/** Sign-in, then back to the page the refused request was for (same-site paths only). */
async function signInAgainUrl(): Promise<string> {
  const path = safeNextPath((await headers()).get("x-springback-path"));
  return path === "/" ? "/login?expired=1" : `/login?expired=1&next=${encodeURIComponent(path)}`;
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") redirect("/");
  return user;
}
