/**
 * Injury-episode forms, shared by the browser and the server actions. Date rules need
 * today (clinic time zone) and, for onset, the runner's date of birth.
 */
import { z } from "zod";
import { INJURY_ACTIVITIES, INJURY_SEVERITIES, MUSCLES, SIDES } from "@/lib/domain/vocabulary";
import { checkbox, isoDay, optionalText, versionField } from "./common";
import { optionalNumberField, requiredNumberField } from "./number-field";

export const MAX_PRIOR_STRAINS = 20;

/** Why an onset date is not acceptable, or null. Also used by the DAL with the stored birth date. */
export function onsetProblem(onset: string, today: string, dateOfBirth?: string): string | null {
  if (onset > today) return "The onset date cannot be in the future.";
  if (dateOfBirth && onset < dateOfBirth) return "The onset date cannot be before the date of birth.";
  return null;
}

/** Why a return (or closing) date is not acceptable, or null. */
export function laterDateProblem(day: string, onset: string | undefined, today: string, what: "return" | "closing"): string | null {
  if (day > today) return `The ${what} date cannot be in the future.`;
  if (onset && day < onset) return `The ${what} date cannot be before the onset date (${onset}).`;
  return null;
}

export function injurySchema(today: string, dateOfBirth?: string) {
  return z.object({
    side: z.enum(SIDES, { error: "Choose the side." }),
    muscle: z.enum(MUSCLES, { error: "Choose the muscle." }),
    severity: z.enum(INJURY_SEVERITIES, { error: "Choose spasm, strain or tear." }),
    grade: requiredNumberField("Grade", 1, 3, { int: true, messages: { required: "Choose grade 1, 2 or 3.", notNumber: "Choose grade 1, 2 or 3.", notWhole: "Choose grade 1, 2 or 3.", range: "Choose grade 1, 2 or 3." } }),
    achilles: checkbox,
    onsetDate: isoDay("onset date").superRefine((d, ctx) => {
      const problem = onsetProblem(d, today, dateOfBirth);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    activity: z.enum(INJURY_ACTIVITIES, { error: "Choose what the runner was doing." }).optional(),
    mechanism: optionalText(2000, "How it happened"),
    priorStrains: optionalNumberField("Previous calf strains", 0, MAX_PRIOR_STRAINS, {
      int: true,
      messages: { range: `Previous calf strains must be between 0 and ${MAX_PRIOR_STRAINS}.` },
    }).transform((v) => v ?? 0),
  });
}

export function injuryUpdateSchema(today: string, dateOfBirth?: string) {
  return injurySchema(today, dateOfBirth).extend({ version: versionField });
}

/** Active → returned: the day the runner was back to full running. (The DAL re-checks against the stored onset.) */
export function injuryReturnSchema(today: string, onsetDate?: string) {
  return z.object({
    version: versionField,
    returnDate: isoDay("return date").superRefine((d, ctx) => {
      const problem = laterDateProblem(d, onsetDate, today, "return");
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  });
}

/** Returned (or active) → closed: the episode is over. */
export function injuryCloseSchema(today: string, onsetDate?: string) {
  return z.object({
    version: versionField,
    closedDate: isoDay("closing date").superRefine((d, ctx) => {
      const problem = laterDateProblem(d, onsetDate, today, "closing");
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  });
}

export type InjuryInput = z.infer<ReturnType<typeof injurySchema>>;
export type InjuryUpdateInput = z.infer<ReturnType<typeof injuryUpdateSchema>>;
export type InjuryReturnInput = z.infer<ReturnType<typeof injuryReturnSchema>>;
export type InjuryCloseInput = z.infer<ReturnType<typeof injuryCloseSchema>>;

export const ACTIVITY_LABEL: Record<(typeof INJURY_ACTIVITIES)[number], string> = {
  easy_run: "Easy run",
  speed_work: "Speed work",
  hills: "Hills",
  race: "Race",
  other: "Other",
};

export const INJURY_FIELD_LABELS: Record<keyof InjuryInput, string> = {
  side: "Side",
  muscle: "Muscle",
  severity: "Severity",
  grade: "Grade",
  achilles: "Achilles involved",
  onsetDate: "Onset date",
  activity: "Activity",
  mechanism: "How it happened",
  priorStrains: "Previous calf strains",
};

/** Status moves an episode may make: active → returned → closed (or closed straight from active). */
export function canMoveTo(from: "active" | "returned" | "closed", to: "returned" | "closed"): boolean {
  if (to === "returned") return from === "active";
  return from === "active" || from === "returned";
}
