/**
 * A patient's record as a FHIR R4 Bundle of type "collection": the Patient, a Condition
 * per injury episode (one per leg when both legs are injured), Observations for every pain
 * score, run session and assessment measure, and the weekly running minutes per the HL7
 * Physical Activity IG. Every resource refers to the Patient through its `urn:uuid` fullUrl, so the
 * bundle stands on its own. Resource ids are derived from the stored row ids, so the same
 * data always gives the same ids (a receiving system can recognise a re-sent resource).
 */
import { createHash } from "node:crypto";
import type { Bundle, BundleEntry, CodeableConcept, Condition, Observation, ObservationComponent, Patient, Quantity, Reference } from "fhir/r4";
import type { Muscle, Side } from "@/lib/domain/vocabulary";
import type { ExportAssessmentDto, ExportInjuryDto, PatientExportDto } from "@/lib/dal/exports";
import { MUSCLE_LABEL } from "@/lib/domain/injury";
import { weeklyVolume } from "@/lib/domain/chart-volume";
import { addDays } from "@/lib/domain/dates";

export const LOINC = "http://loinc.org";
export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
export const UCUM = "http://unitsofmeasure.org";
/** Springback's own codes, for measures without a standard code (see docs/exports.md). */
export const MEASURE_SYSTEM = "urn:springback:measure";
const CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
const CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
const VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
const CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

export const PAIN_LOINC = { system: LOINC, code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" };

/**
 * ICD-10-CM: strain of other muscle(s) and tendon(s) of the posterior muscle group at
 * lower-leg level, initial encounter, by leg. There is no bilateral code for this strain
 * (S86.119A is "unspecified leg", for a record that does not say which). ICD-10-CM Official
 * Guidelines for Coding and Reporting, Section I.B.13 "Laterality": "If the condition is
 * bilateral and there is no bilateral code, assign separate codes for both the left and
 * right side." So an injury of both legs becomes two Conditions, S86.111A and S86.112A.
 */
export const ICD10_BY_LEG: Record<"left" | "right", { code: string; display: string }> = {
  right: { code: "S86.111A", display: "Strain of other muscle(s) and tendon(s) of posterior muscle group at lower leg level, right leg, initial encounter" },
  left: { code: "S86.112A", display: "Strain of other muscle(s) and tendon(s) of posterior muscle group at lower leg level, left leg, initial encounter" },
};

/** The legs a side stands for, each coded on its own (see ICD10_BY_LEG). */
export const LEGS_OF_SIDE: Record<Side, readonly ("left" | "right")[]> = { left: ["left"], right: ["right"], both: ["left", "right"] };

/**
 * HL7 FHIR Physical Activity IG (http://hl7.org/fhir/us/physical-activity): the Exercise
 * Vital Sign "minutes per week" observation, LOINC 82290-8 "Frequency of moderate to
 * vigorous aerobic physical activity", UCUM min/wk, category activity.
 */
export const PA_MINUTES_PER_WEEK = { system: LOINC, code: "82290-8", display: "Frequency of moderate to vigorous aerobic physical activity" };

/**
 * active → active; returned → remission (back to running but within the re-injury watch
 * window, so the strain may recur); closed → resolved.
 */
export const CLINICAL_STATUS: Record<ExportInjuryDto["status"], "active" | "remission" | "resolved"> = {
  active: "active",
  returned: "remission",
  closed: "resolved",
};

const LEG_WORDS = { left: "Left", right: "Right" } as const;

/** A stable UUID (name-based, SHA-1, as RFC 4122 version 5 lays it out) for a row and a facet of it. */
export function stableUuid(...parts: string[]): string {
  const h = createHash("sha1").update(parts.join("|")).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const urn = (id: string) => `urn:uuid:${id}`;
const text = (t: string): CodeableConcept => ({ text: t });
const category = (code: string, display: string): CodeableConcept[] => [{ coding: [{ system: CATEGORY, code, display }] }];
const qty = (value: number, unit: string, code = unit): Quantity => ({ value, unit, system: UCUM, code });

/** The pain contexts of a daily log and a run, in the words the app uses. */
export const PAIN_CONTEXTS = {
  painRest: "at rest",
  painDaily: "daily activities",
  painWalk: "walking",
  painCycle: "cycling",
  painSwim: "swimming",
  painDuring: "running (during the run)",
  painNextMorning: "next morning after a run",
} as const;
const LOG_PAIN = ["painRest", "painDaily", "painWalk", "painCycle", "painSwim"] as const;

type MeasureKey = keyof ExportAssessmentDto;
type MeasureDef = { key: MeasureKey; code: string; name: string; side: "left" | "right" | null; unit?: [string, string] };

/** Each assessment field that becomes an Observation (one per side for sided measures). */
export const ASSESSMENT_MEASURES: readonly MeasureDef[] = [
  { key: "toeOutSeverity", code: "toe-out-severity", name: "Excessive toe-out: severity", side: null },
  { key: "fpaLeftDeg", code: "foot-progression-angle", name: "Foot progression angle (toe-out positive)", side: "left", unit: ["°", "deg"] },
  { key: "fpaRightDeg", code: "foot-progression-angle", name: "Foot progression angle (toe-out positive)", side: "right", unit: ["°", "deg"] },
  { key: "pelvicSeverity", code: "anterior-pelvic-tilt-severity", name: "Excessive anterior pelvic tilt: severity", side: null },
  { key: "pelvicTiltDeg", code: "pelvic-tilt-angle", name: "Anterior pelvic tilt angle", side: null, unit: ["°", "deg"] },
  { key: "thomasLeft", code: "modified-thomas-test", name: "Modified Thomas test", side: "left" },
  { key: "thomasRight", code: "modified-thomas-test", name: "Modified Thomas test", side: "right" },
  { key: "gluteLeft", code: "glute-strength-mmt", name: "Gluteal strength, manual muscle test (0-5)", side: "left" },
  { key: "gluteRight", code: "glute-strength-mmt", name: "Gluteal strength, manual muscle test (0-5)", side: "right" },
  { key: "overstrideSeverity", code: "overstriding-severity", name: "Overstriding: severity", side: null },
  { key: "cadenceSpm", code: "running-cadence", name: "Running cadence", side: null, unit: ["steps/min", "/min"] },
  { key: "strikeAheadCm", code: "foot-strike-ahead-of-com", name: "Foot strike ahead of the centre of mass", side: null, unit: ["cm", "cm"] },
  { key: "shinAngleDeg", code: "shin-angle-initial-contact", name: "Shin angle at initial contact", side: null, unit: ["°", "deg"] },
  { key: "calfSeverity", code: "calf-ankle-severity", name: "Calf and ankle: severity", side: null },
  { key: "kneeToWallLeftCm", code: "knee-to-wall", name: "Knee-to-wall ankle dorsiflexion", side: "left", unit: ["cm", "cm"] },
  { key: "kneeToWallRightCm", code: "knee-to-wall", name: "Knee-to-wall ankle dorsiflexion", side: "right", unit: ["cm", "cm"] },
  { key: "heelRaisesLeft", code: "single-leg-heel-raises", name: "Single-leg heel raises to fatigue", side: "left", unit: ["repetitions", "{#}"] },
  { key: "heelRaisesRight", code: "single-leg-heel-raises", name: "Single-leg heel raises to fatigue", side: "right", unit: ["repetitions", "{#}"] },
];

function patientResource(d: PatientExportDto): Patient {
  const p = d.patient;
  const telecom: Patient["telecom"] = [];
  if (p.email) telecom.push({ system: "email", value: p.email });
  if (p.phone) telecom.push({ system: "phone", value: p.phone });
  return {
    resourceType: "Patient",
    id: p.id,
    identifier: [{ use: "usual", system: `urn:springback:clinic:${d.clinic.id}:record-number`, value: p.recordNumber }],
    active: true,
    name: [{ use: "official", family: p.familyName, given: [p.givenName], text: p.name }],
    gender: p.sex,
    birthDate: p.dateOfBirth,
    ...(telecom.length ? { telecom } : {}),
    managingOrganization: { display: d.clinic.name },
  };
}

const MUSCLE_BODY_SITE: Record<Muscle, string> = { ...MUSCLE_LABEL, unsure: "calf muscle (which one not determined)" };

/** A sentence ending in exactly one full stop, whatever the typed text ended with. */
export function sentence(parts: readonly (string | null | false)[]): string {
  const body = parts.filter((p): p is string => !!p).join("; ").trim().replace(/[\s.;,]+$/u, "");
  return /[!?…]$/u.test(body) ? body : `${body}.`;
}

/** The injury's Conditions: one, or one per leg for both legs (see ICD10_BY_LEG). */
function conditionResources(i: ExportInjuryDto, subject: Reference): Condition[] {
  const status = CLINICAL_STATUS[i.status];
  const abatement = i.status === "closed" ? (i.closedDate ?? i.returnDate) : i.status === "returned" ? i.returnDate : null;
  const note = sentence([
    `Muscle: ${MUSCLE_LABEL[i.muscle]}`,
    `side: ${i.side === "both" ? "both legs" : i.side}`,
    `${i.severity}, grade ${i.grade}`,
    `Achilles involved: ${i.achilles ? "yes" : "no"}`,
    `prior calf strains: ${i.priorStrains}`,
    i.isRecurrence && "recurrence",
    i.activity && `activity at onset: ${i.activity.replace("_", " ")}`,
    i.mechanism && `mechanism: ${i.mechanism.trim()}`,
    i.returnDate && `returned to running: ${i.returnDate}`,
  ]);
  const legs = LEGS_OF_SIDE[i.side];
  return legs.map((leg) => ({
    resourceType: "Condition",
    id: legs.length === 1 ? i.id : stableUuid(i.id, leg),
    clinicalStatus: { coding: [{ system: CLINICAL, code: status }] },
    verificationStatus: { coding: [{ system: VERIFICATION, code: "confirmed" }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: "encounter-diagnosis", display: "Encounter Diagnosis" }] }],
    code: { coding: [{ system: ICD10CM, ...ICD10_BY_LEG[leg] }], text: i.description },
    bodySite: [text(`${LEG_WORDS[leg]} ${MUSCLE_BODY_SITE[i.muscle]}`)],
    subject,
    onsetDateTime: i.onsetDate,
    ...(abatement ? { abatementDateTime: abatement } : {}),
    note: [{ text: legs.length === 1 ? note : `${note} Coded per leg: one episode of care for both legs.` }],
  }));
}

/**
 * Weekly running minutes of an injury episode as Physical Activity IG observations
 * (LOINC 82290-8, min/wk), one per Monday-to-Sunday week from the onset to the end of the
 * episode (or today), weeks without runs included as 0: they are real weeks of no running.
 * The effective period is the week; the value counts running minutes only (walk
 * intervals of a walk-run are not counted).
 */
function weeklyActivityObservations(d: PatientExportDto, i: ExportInjuryDto, subject: Reference): Observation[] {
  const runs = d.runs.filter((r) => r.injuryId === i.id);
  if (runs.length === 0) return [];
  const end = i.status === "active" ? d.today : (i.closedDate ?? i.returnDate ?? d.today);
  const to = end > d.today ? d.today : end;
  const weeks = weeklyVolume(runs.map((r) => ({ ...r, date: r.runDate })), [], i.onsetDate, to);
  return weeks.map((w) => ({
    resourceType: "Observation",
    id: stableUuid(i.id, "weekly-running-minutes", w.weekStart),
    meta: { profile: ["http://hl7.org/fhir/us/physical-activity/StructureDefinition/pa-evs-minutes-per-week"] },
    status: "final",
    category: category("activity", "Activity"),
    code: { coding: [PA_MINUTES_PER_WEEK], text: "Running minutes per week" },
    subject,
    effectivePeriod: { start: w.weekStart, end: addDays(w.weekStart, 6) },
    valueQuantity: { value: w.minutes, unit: "min/wk", system: UCUM, code: "min/wk" },
    note: [{ text: `${w.runs} run${w.runs === 1 ? "" : "s"}, ${w.km} km that week.` }],
  }));
}

function observation(id: string, subject: Reference, date: string, rest: Omit<Observation, "resourceType" | "id" | "status" | "subject" | "effectiveDateTime">): Observation {
  return { resourceType: "Observation", id, status: "final", ...rest, subject, effectiveDateTime: date };
}

/** One pain score. `date` is the day the score was given: a next-morning score is dated the morning after the run. */
function painObservation(rowId: string, field: keyof typeof PAIN_CONTEXTS, value: number, date: string, subject: Reference): Observation {
  return observation(stableUuid(rowId, field), subject, date, {
    category: category("survey", "Survey"),
    code: { coding: [PAIN_LOINC], text: "Pain score (NPRS 0-10)" },
    valueInteger: value,
    component: [{ code: text("Pain context"), valueString: PAIN_CONTEXTS[field] }],
    note: [{ text: `Context: ${PAIN_CONTEXTS[field]}` }],
  });
}

function runObservation(r: PatientExportDto["runs"][number], subject: Reference): Observation {
  const component: ObservationComponent[] = [{ code: text("Kind of run"), valueString: r.kind === "walk_run" ? "walk-run intervals" : "continuous" }];
  const add = (name: string, value: number | null, q: (v: number) => Quantity) => {
    if (value !== null) component.push({ code: text(name), valueQuantity: q(value) });
  };
  add("Walk minutes per repetition", r.walkMinutes, (v) => qty(v, "min"));
  add("Run minutes per repetition", r.runMinutes, (v) => qty(v, "min"));
  add("Repetitions", r.repetitions, (v) => qty(v, "repetitions", "{#}"));
  add("Continuous running minutes", r.continuousMinutes, (v) => qty(v, "min"));
  add("Distance", r.distanceKm, (v) => qty(v, "km"));
  if (r.surface) component.push({ code: text("Surface"), valueString: r.surface });
  return observation(stableUuid(r.id, "run"), subject, r.runDate, {
    category: category("activity", "Activity"),
    code: { coding: [{ system: MEASURE_SYSTEM, code: "run-session", display: "Run session" }], text: "Run session" },
    component,
    ...(r.note ? { note: [{ text: r.note }] } : {}),
  });
}

function measureObservation(a: ExportAssessmentDto, m: MeasureDef, value: string | number, subject: Reference): Observation {
  const side = m.side ? ` (${m.side})` : "";
  const valueX: Partial<Observation> =
    typeof value === "string" ? { valueString: value } : m.unit ? { valueQuantity: qty(value, m.unit[0], m.unit[1]) } : { valueInteger: Math.round(value) };
  return observation(stableUuid(a.id, m.key), subject, a.assessedOn, {
    category: category("exam", "Exam"),
    code: { coding: [{ system: MEASURE_SYSTEM, code: m.code, display: m.name }], text: `${m.name}${side}` },
    ...(m.side ? { bodySite: text(`${m.side === "left" ? "Left" : "Right"} lower limb`) } : {}),
    ...valueX,
  });
}

/** The whole record as one self-contained bundle (see docs/exports.md for each resource). */
export function patientFhirBundle(d: PatientExportDto): Bundle {
  const subject: Reference = { reference: urn(d.patient.id), display: d.patient.name };
  const resources: (Patient | Condition | Observation)[] = [patientResource(d)];
  for (const i of d.injuries) resources.push(...conditionResources(i, subject));
  for (const log of d.dailyLogs) {
    for (const field of LOG_PAIN) {
      const v = log[field];
      if (v !== null) resources.push(painObservation(log.id, field, v, log.logDate, subject));
    }
  }
  for (const r of d.runs) {
    resources.push(painObservation(r.id, "painDuring", r.painDuring, r.runDate, subject));
    if (r.painNextMorning !== null) resources.push(painObservation(r.id, "painNextMorning", r.painNextMorning, addDays(r.runDate, 1), subject));
    resources.push(runObservation(r, subject));
  }
  for (const i of d.injuries) resources.push(...weeklyActivityObservations(d, i, subject));
  for (const a of d.assessments) {
    for (const m of ASSESSMENT_MEASURES) {
      const v = a[m.key];
      if (typeof v === "string" || typeof v === "number") resources.push(measureObservation(a, m, v, subject));
    }
  }
  const entry: BundleEntry[] = resources.map((resource) => ({ fullUrl: urn(resource.id!), resource }));
  return {
    resourceType: "Bundle",
    id: stableUuid(d.patient.id, "bundle", d.generatedAt),
    meta: { lastUpdated: d.generatedAt },
    identifier: { system: "urn:ietf:rfc:3986", value: urn(stableUuid(d.patient.id, "bundle", d.generatedAt)) },
    type: "collection",
    timestamp: d.generatedAt,
    entry,
  };
}
