/**
 * The assessment form's input: every measure optional, but refused when present and
 * outside a plausible range. One schema shared by the form (field limits) and its actions.
 */
import { z } from "zod";
import { FAULT_SEVERITIES, THOMAS_RESULTS } from "@/lib/domain/vocabulary";
import { isIsoDay } from "@/lib/domain/dates";
import { optionalNumberField } from "./number-field";
import { optionalMultiLine, optionalSingleLine } from "./text";

export const ASSESSMENT_METHODS = ["visual", "video", "sensor"] as const;
export const ASSESSMENT_SETTINGS = ["treadmill", "overground"] as const;

type Range = { min: number; max: number; unit: string; integer?: boolean; step?: number };

/**
 * Plausible ranges: outside them a value is a typing slip, not a finding. Cadence 100–230
 * steps/min spans walking-pace jogging to sprinting; knee-to-wall beyond 25 cm and heel
 * raises beyond 100 are not seen; manual muscle testing is graded 0–5.
 */
export const RANGES = {
  speedKmh: { min: 0, max: 30, unit: "km/h", step: 0.1 },
  fpaLeftDeg: { min: -30, max: 45, unit: "°", step: 0.5 },
  fpaRightDeg: { min: -30, max: 45, unit: "°", step: 0.5 },
  pelvicTiltDeg: { min: -10, max: 40, unit: "°", step: 0.5 },
  gluteLeft: { min: 0, max: 5, unit: "/5", integer: true },
  gluteRight: { min: 0, max: 5, unit: "/5", integer: true },
  cadenceSpm: { min: 100, max: 230, unit: "steps/min", step: 1 },
  strikeAheadCm: { min: 0, max: 80, unit: "cm", step: 0.5 },
  shinAngleDeg: { min: -20, max: 40, unit: "°", step: 0.5 },
  kneeToWallLeftCm: { min: 0, max: 25, unit: "cm", step: 0.1 },
  kneeToWallRightCm: { min: 0, max: 25, unit: "cm", step: 0.1 },
  heelRaisesLeft: { min: 0, max: 100, unit: "reps", integer: true },
  heelRaisesRight: { min: 0, max: 100, unit: "reps", integer: true },
  cadenceTargetSpm: { min: 100, max: 230, unit: "steps/min", step: 1 },
} as const satisfies Record<string, Range>;

export type NumericField = keyof typeof RANGES;

function blankToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

function optionalNumber(range: Range) {
  const unit = range.unit.startsWith("°") || range.unit.startsWith("/") ? range.unit : ` ${range.unit}`;
  const between = `Enter a value from ${range.min}${unit} to ${range.max}${unit}`;
  // A decimal comma or point, digits of any script; "1e3", "0x5" or true refused (see ./parse).
  return optionalNumberField("Value", range.min, range.max, {
    int: "integer" in range && range.integer,
    messages: { notNumber: "Enter a number", notWhole: "Enter a whole number", range: between },
  });
}

function optionalEnum<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(blankToUndefined, z.enum(values, { error: message }).optional());
}

const optionalText = (max: number) => optionalMultiLine(max, `Keep this under ${max} characters`, true);
const optionalLine = (max: number) => optionalSingleLine(max, `Keep this under ${max} characters`);

const severity = optionalEnum(FAULT_SEVERITIES, "Choose none, mild, moderate or severe");
const thomas = optionalEnum(THOMAS_RESULTS, "Choose a Thomas test result");

const numbers = Object.fromEntries(Object.entries(RANGES).map(([key, range]) => [key, optionalNumber(range)])) as {
  [K in NumericField]: ReturnType<typeof optionalNumber>;
};

export const assessmentInputSchema = z.object({
  assessedOn: z.string({ error: "Enter the date of the assessment" }).refine(isIsoDay, "Enter a date as YYYY-MM-DD"),
  method: optionalEnum(ASSESSMENT_METHODS, "Choose visual, video or sensor"),
  setting: optionalEnum(ASSESSMENT_SETTINGS, "Choose treadmill or overground"),
  footwear: optionalLine(200),
  toeOutSeverity: severity,
  toeOutNotes: optionalText(2000),
  pelvicSeverity: severity,
  thomasLeft: thomas,
  thomasRight: thomas,
  pelvicNotes: optionalText(2000),
  overstrideSeverity: severity,
  overstrideNotes: optionalText(2000),
  calfSeverity: severity,
  calfNotes: optionalText(2000),
  planCues: optionalText(2000),
  ...numbers,
});

export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

/** The form's fields as typed (strings), for the client to send and to keep on error. */
export type AssessmentFormValues = Partial<Record<keyof AssessmentInput, string>>;

/** The version an assessment form was opened at (a whole number from 1; sent by the client, never typed). */
export const assessmentVersionArg = z.number({ error: "Reload the page and try again" }).int().min(1).max(Number.MAX_SAFE_INTEGER);

/**
 * The date rule that needs the clinic's today and the injury's onset (known only on the
 * server): not in the future, not before the injury began. Null when the date is fine.
 */
export function assessmentDateProblem(day: string, today: string, onsetDate: string): string | null {
  if (day > today) return "The assessment date cannot be in the future";
  if (day < onsetDate) return `The assessment date cannot be before the injury began (${onsetDate})`;
  return null;
}
