/**
 * The patient form, shared by the browser (before sending) and the server action (the
 * check that counts). Date rules need "today" in the clinic's time zone, so the schema is
 * built for a given day.
 */
import { z } from "zod";
import { SEXES } from "@/lib/domain/vocabulary";
import { addDays, ageOn } from "@/lib/domain/dates";
import { isoDay, optionalLine, optionalNumber, optionalText, versionField } from "./common";
import { hasForbiddenSingleLine, SINGLE_LINE_MESSAGE } from "./text";

export const SURFACES = ["road", "trail", "track", "treadmill", "mixed"] as const;
export const MIN_AGE = 10;
export const MAX_AGE = 100;
/** A goal race is a real event: not before 1900, not more than five years ahead (a product heuristic). */
export const GOAL_RACE_EARLIEST = "1900-01-01";
export const GOAL_RACE_MAX_DAYS_AHEAD = 5 * 365;

const name = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(100, `The ${label} can be at most 100 characters.`)
    .refine((v) => !hasForbiddenSingleLine(v), SINGLE_LINE_MESSAGE)
    .transform((v) => v.normalize("NFC"));

// Digits with spaces, dashes, brackets and an optional leading +; 6 to 15 digits (E.164).
const PHONE = /^\+?[0-9 ()-]+$/;

export function patientSchema(today: string) {
  return z.object({
    givenName: name("given name"),
    familyName: name("family name"),
    dateOfBirth: isoDay("date of birth")
      .refine((d) => d <= today, "The date of birth cannot be in the future.")
      .refine((d) => d > today || (ageOn(d, today) >= MIN_AGE && ageOn(d, today) <= MAX_AGE), `Age must be between ${MIN_AGE} and ${MAX_AGE} years.`),
    sex: z.enum(SEXES, { error: "Choose the sex." }),
    email: z.email("Enter an email address like name@example.com.").max(200, "The email can be at most 200 characters.").optional(),
    phone: z
      .string()
      .trim()
      .regex(PHONE, "Enter a phone number with digits, spaces, +, ( ) or - only.")
      .refine((p) => {
        const digits = p.replace(/\D/g, "").length;
        return digits >= 6 && digits <= 15;
      }, "A phone number has 6 to 15 digits.")
      .optional(),
    recordNumber: z
      .string({ error: "Enter the clinic record number." })
      .trim()
      .min(1, "Enter the clinic record number.")
      .max(30, "The record number can be at most 30 characters.")
      .refine((v) => !hasForbiddenSingleLine(v), SINGLE_LINE_MESSAGE)
      // Kept as text ("0012345" stays 0012345); the uniqueness check compares this stored form.
      .transform((v) => v.normalize("NFC")),
    preInjuryWeeklyKm: optionalNumber(0, 300, "Pre-injury weekly distance (km)"),
    runsPerWeek: optionalNumber(0, 14, "Runs per week", { int: true }),
    yearsRunning: optionalNumber(0, 80, "Years running", { int: true }),
    goalRace: optionalLine(100, "Goal race"),
    goalRaceDate: isoDay("goal race date")
      .refine((d) => d >= GOAL_RACE_EARLIEST, `The goal race date cannot be before ${GOAL_RACE_EARLIEST.slice(0, 4)}.`)
      .refine((d) => d <= addDays(today, GOAL_RACE_MAX_DAYS_AHEAD), `The goal race date can be at most ${GOAL_RACE_MAX_DAYS_AHEAD / 365} years ahead.`)
      .optional(),
    usualSurface: z.enum(SURFACES, { error: "Choose a surface from the list." }).optional(),
    notes: optionalText(5000, "Notes"),
  });
}

export function patientUpdateSchema(today: string) {
  return patientSchema(today).extend({ version: versionField });
}

export type PatientInput = z.infer<ReturnType<typeof patientSchema>>;
export type PatientUpdateInput = z.infer<ReturnType<typeof patientUpdateSchema>>;

/** The fields of the form, in the order the conflict message lists them. */
export const PATIENT_FIELD_LABELS: Record<keyof PatientInput, string> = {
  givenName: "Given name",
  familyName: "Family name",
  dateOfBirth: "Date of birth",
  sex: "Sex",
  email: "Email",
  phone: "Phone",
  recordNumber: "Record number",
  preInjuryWeeklyKm: "Pre-injury weekly distance (km)",
  runsPerWeek: "Runs per week",
  yearsRunning: "Years running",
  goalRace: "Goal race",
  goalRaceDate: "Goal race date",
  usualSurface: "Usual surface",
  notes: "Notes",
};

export const careTeamSchema = z.object({ userId: z.uuid("Choose a colleague.") });
export const primaryTherapistSchema = z.object({ userId: z.uuid("Choose a therapist."), version: versionField });
