import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { requireAdmin, requireUser } from "@/lib/auth/session";
import type { LetterheadInput, SignatureInput } from "@/lib/validation/letterhead";
import { writeAudit } from "./audit";

export type LetterheadDto = { name: string; address: string | null; phone: string | null; email: string | null };
export type SignatureDto = { name: string; email: string; profession: string | null; registrationNumber: string | null };

/** The clinic's letterhead (admins only): name, postal address, phone and e-mail. */
export async function getLetterhead(): Promise<LetterheadDto> {
  const admin = await requireAdmin();
  return getDb().select({ name: clinics.name, address: clinics.address, phone: clinics.phone, email: clinics.email }).from(clinics).where(eq(clinics.id, admin.clinicId)).get()!;
}

/** Saves the letterhead of the admin's own clinic, with a `clinic.letterhead` audit row of what changed, in one transaction. */
export async function saveLetterhead(input: LetterheadInput): Promise<LetterheadDto> {
  const admin = await requireAdmin();
  return getDb().transaction((tx) => {
    tx.update(clinics).set(input).where(eq(clinics.id, admin.clinicId)).run();
    writeAudit(tx, { clinicId: admin.clinicId, userId: admin.id, action: "clinic.letterhead", entityType: "clinic", entityId: admin.clinicId, detail: { fields: Object.keys(input) } });
    return tx.select({ name: clinics.name, address: clinics.address, phone: clinics.phone, email: clinics.email }).from(clinics).where(eq(clinics.id, admin.clinicId)).get()!;
  });
}

/** The signed-in user's signature block. */
export async function getSignature(): Promise<SignatureDto> {
  const user = await requireUser();
  return getDb().select({ name: users.name, email: users.email, profession: users.profession, registrationNumber: users.registrationNumber }).from(users).where(eq(users.id, user.id)).get()!;
}

/** Saves the signed-in user's profession and registration number, with a `user.signature` audit row. */
export async function saveSignature(input: SignatureInput): Promise<SignatureDto> {
  const user = await requireUser();
  return getDb().transaction((tx) => {
    tx.update(users).set({ ...input, updatedAt: new Date().toISOString() }).where(eq(users.id, user.id)).run();
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "user.signature", entityType: "user", entityId: user.id, detail: { fields: Object.keys(input) } });
    return tx.select({ name: users.name, email: users.email, profession: users.profession, registrationNumber: users.registrationNumber }).from(users).where(eq(users.id, user.id)).get()!;
  });
}
