import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, clinics, users } from "@/db/schema";
import { getLetterhead, getSignature, saveLetterhead, saveSignature } from "@/lib/dal/letterhead";
import { letterheadSchema, signatureSchema } from "@/lib/validation/letterhead";
import { actAs } from "../support/db";
import { seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));
seedClinicForEachFile();

describe("letterhead and signature", () => {
  it("an admin saves the clinic's letterhead, audited; blank fields are cleared", async () => {
    const admin = actAs("admin@springback.test");
    const input = letterheadSchema.parse({ address: "  12 Harbour Road\nBristol BS1 4QA ", phone: "+44 117 496 0000", email: "letters@demo-physio.test" });
    const saved = await saveLetterhead(input);
    expect(saved).toMatchObject({ address: "12 Harbour Road\nBristol BS1 4QA", phone: "+44 117 496 0000", email: "letters@demo-physio.test" });
    expect(getDb().select().from(clinics).where(eq(clinics.id, admin.clinicId)).get()!.address).toBe("12 Harbour Road\nBristol BS1 4QA");
    expect(getDb().select().from(auditEvents).where(eq(auditEvents.action, "clinic.letterhead")).all()).toHaveLength(1);
    await saveLetterhead(letterheadSchema.parse({ address: "", phone: " ", email: "" }));
    expect(await getLetterhead()).toMatchObject({ address: null, phone: null, email: null });
  });

  it("refuses a therapist, and says what is wrong beside each field", async () => {
    actAs("lee@springback.test");
    await expect(getLetterhead()).rejects.toThrow();
    await expect(saveLetterhead({ address: "x", phone: null, email: null })).rejects.toThrow();
    const bad = letterheadSchema.safeParse({ address: "1\n2\n3\n4\n5\n6\n7", phone: "call me", email: "nope" });
    expect(bad.success).toBe(false);
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      address: "Use at most 6 lines for the address.",
      phone: "Use digits, spaces and + ( ) - . / only, e.g. +44 117 496 0000.",
      email: "Enter an email address like letters@clinic.example.",
    });
  });

  it("a therapist saves their own profession and registration number", async () => {
    const lee = actAs("lee@springback.test");
    await saveSignature(signatureSchema.parse({ profession: "Physiotherapist", registrationNumber: "PH123456" }));
    expect(await getSignature()).toMatchObject({ name: "Lee Jordan", profession: "Physiotherapist", registrationNumber: "PH123456" });
    expect(getDb().select().from(users).where(eq(users.id, lee.id)).get()!.registrationNumber).toBe("PH123456");
    expect(signatureSchema.safeParse({ profession: "a\u0007b", registrationNumber: "" }).success).toBe(false);
  });
});
