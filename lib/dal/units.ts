import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, users } from "@/db/schema";
import type { DistanceUnit } from "@/lib/domain/vocabulary";
import { requireAdmin, requireUser } from "@/lib/auth/session";
import { writeAudit } from "./audit";

/** The distance units in force for the signed-in user: the clinic's default and their own choice (null: the clinic's). */
export async function getDistanceUnits(): Promise<{ clinic: DistanceUnit; own: DistanceUnit | null; effective: DistanceUnit }> {
  const user = await requireUser();
  const row = getDb()
    .select({ clinic: clinics.distanceUnit, own: users.distanceUnit })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, user.id))
    .get()!;
  return { clinic: row.clinic, own: row.own, effective: row.own ?? row.clinic };
}

/**
 * Remembers the signed-in user's distance unit (null: follow the clinic's). The same unit
 * again writes nothing (no audit row).
 */
export async function setOwnDistanceUnit(unit: DistanceUnit | null): Promise<void> {
  const user = await requireUser();
  getDb().transaction((tx) => {
    const current = tx.select({ unit: users.distanceUnit }).from(users).where(eq(users.id, user.id)).get();
    if (!current || current.unit === unit) return;
    tx.update(users).set({ distanceUnit: unit, updatedAt: new Date().toISOString() }).where(eq(users.id, user.id)).run();
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "user.set_distance_unit", entityType: "user", entityId: user.id, detail: { unit: unit ?? "clinic" } });
  });
}

/** Sets the clinic's default distance unit (admins only). The same unit again writes nothing. */
export async function setClinicDistanceUnit(unit: DistanceUnit): Promise<void> {
  const admin = await requireAdmin();
  getDb().transaction((tx) => {
    const current = tx.select({ unit: clinics.distanceUnit }).from(clinics).where(eq(clinics.id, admin.clinicId)).get();
    if (!current || current.unit === unit) return;
    tx.update(clinics).set({ distanceUnit: unit }).where(eq(clinics.id, admin.clinicId)).run();
    writeAudit(tx, { clinicId: admin.clinicId, userId: admin.id, action: "clinic.set_distance_unit", entityType: "clinic", entityId: admin.clinicId, detail: { unit } });
  });
}
