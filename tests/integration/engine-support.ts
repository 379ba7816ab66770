/** Shared look-ups for the log, status and protocol integration tests. */
import { eq, and } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, patients, patientStatus } from "@/db/schema";
import { seedClinicPerFile } from "../support/db";

export const NOW = new Date("2026-11-26T10:00:00Z");
export const TODAY = "2026-11-26";

export function patientIdByName(given: string, family: string): string {
  return getDb().select({ id: patients.id }).from(patients).where(and(eq(patients.givenName, given), eq(patients.familyName, family))).get()!.id;
}

export function storedStatus(patientId: string) {
  const row = getDb().select().from(patientStatus).where(eq(patientStatus.patientId, patientId)).get()!;
  return { ...row, flags: JSON.parse(row.flags) as string[] };
}

export function auditActions(patientId: string): string[] {
  return getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.patientId, patientId)).all().map((r) => r.action);
}

/** A fresh seeded database for the test file, with the clock fixed at NOW. */
export function seedClinicForEachFile(): void {
  seedClinicPerFile({ frozenAt: NOW });
}
