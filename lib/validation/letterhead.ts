import { z } from "zod";
import { multiLineText, singleLineText } from "./text";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable());

/** The clinic's letterhead as the admin types it: postal address (up to 6 lines), phone and e-mail, each optional. */
export const letterheadSchema = z.object({
  address: optional(
    multiLineText(300)
      .transform((v) => v.trim())
      .refine((v) => v.split(/\r?\n/).length <= 6, "Use at most 6 lines for the address."),
  ),
  phone: optional(singleLineText("a phone number", 40).refine((v) => /^[+0-9 ()./-]{5,40}$/.test(v), "Use digits, spaces and + ( ) - . / only, e.g. +44 117 496 0000.")),
  email: optional(z.email("Enter an email address like letters@clinic.example.").max(200, "Use at most 200 characters.")),
});
export type LetterheadInput = z.output<typeof letterheadSchema>;

/** The signature block of a user's letters: profession and professional registration number, each optional. */
export const signatureSchema = z.object({
  profession: optional(singleLineText("your profession", 80)),
  registrationNumber: optional(singleLineText("a registration number", 40)),
});
export type SignatureInput = z.output<typeof signatureSchema>;
