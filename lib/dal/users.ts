import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { requireAdmin } from "@/lib/auth/session";

export type UserListItem = { id: string; name: string; email: string; role: "therapist" | "admin"; disabled: boolean };

/** The clinic's accounts, for admins only. */
export async function listClinicUsers(): Promise<UserListItem[]> {
  const admin = await requireAdmin();
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.clinicId, admin.clinicId))
    .orderBy(asc(users.name))
    .all();
}
