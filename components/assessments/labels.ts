/** Words and formatting shared by the assessment form, view, history and comparison. */
import type { FaultSeverity } from "@/lib/domain/vocabulary";
import type { AssessmentRecord } from "@/lib/dal/assessments";
import type { FaultKey } from "@/lib/domain/assessment";
import { formatNumber } from "@/lib/domain/assessment";
import type { AssessmentFormValues } from "@/lib/validation/assessment";

export const METHOD_LABEL = { visual: "Visual", video: "Video", sensor: "Sensor" } as const;
export const SETTING_LABEL = { treadmill: "Treadmill", overground: "Overground" } as const;
export const THOMAS_LABEL = {
  negative: "Negative",
  short_one_joint: "Short one-joint hip flexors",
  short_two_joint: "Short two-joint hip flexors",
} as const;

export const SEVERITY_FIELD: Record<FaultKey, "toeOutSeverity" | "pelvicSeverity" | "overstrideSeverity" | "calfSeverity"> = {
  toeOut: "toeOutSeverity",
  pelvic: "pelvicSeverity",
  overstride: "overstrideSeverity",
  calf: "calfSeverity",
};

/** Every form field's label, units included (used by the form and the conflict summary). */
export const FIELD_LABEL: Record<keyof AssessmentFormValues, string> = {
  assessedOn: "Date of assessment",
  method: "How it was observed",
  setting: "Where",
  speedKmh: "Running speed (km/h)",
  footwear: "Footwear",
  toeOutSeverity: "Toe-out severity",
  fpaLeftDeg: "Foot progression angle, left (°, toe-out +)",
  fpaRightDeg: "Foot progression angle, right (°, toe-out +)",
  toeOutNotes: "Toe-out notes",
  pelvicSeverity: "Anterior pelvic tilt severity",
  pelvicTiltDeg: "Pelvic tilt angle (°)",
  thomasLeft: "Modified Thomas test, left",
  thomasRight: "Modified Thomas test, right",
  gluteLeft: "Glute max strength, left (0–5)",
  gluteRight: "Glute max strength, right (0–5)",
  pelvicNotes: "Pelvic tilt notes",
  overstrideSeverity: "Overstriding severity",
  cadenceSpm: "Cadence (steps/min)",
  strikeAheadCm: "Foot strike ahead of centre of mass (cm)",
  shinAngleDeg: "Shin angle at initial contact (°)",
  overstrideNotes: "Overstriding notes",
  calfSeverity: "Calf and ankle severity",
  kneeToWallLeftCm: "Knee-to-wall, left (cm)",
  kneeToWallRightCm: "Knee-to-wall, right (cm)",
  heelRaisesLeft: "Single-leg heel raises, left (reps)",
  heelRaisesRight: "Single-leg heel raises, right (reps)",
  calfNotes: "Calf and ankle notes",
  planCues: "Retraining cues",
  cadenceTargetSpm: "Cadence target (steps/min)",
};

export const FORM_FIELDS = Object.keys(FIELD_LABEL) as (keyof AssessmentFormValues)[];

/** A stored record as the strings the form edits. */
export function toFormValues(record: Partial<Record<keyof AssessmentFormValues, unknown>>): AssessmentFormValues {
  const out: AssessmentFormValues = {};
  for (const key of FORM_FIELDS) {
    const value = record[key];
    out[key] = value === null || value === undefined ? "" : String(value);
  }
  return out;
}

/** A value with its unit, or a dash when not measured. */
export function show(value: number | null | undefined, unit = ""): string {
  if (value === null || value === undefined) return "—";
  const sep = unit === "" || unit.startsWith("°") || unit.startsWith("/") || unit.startsWith("%") ? "" : " ";
  return `${formatNumber(value)}${sep}${unit}`;
}

export function severityOf(record: AssessmentRecord, fault: FaultKey): FaultSeverity | null {
  return record[SEVERITY_FIELD[fault]];
}
