/**
 * A patient's daily logs, runs and assessments as three CSV files (or one zip of the
 * three): a header row (alone when there are no rows yet), ISO dates, one row per record.
 * The byte-order mark, quoting, formula neutralising and identifiers kept as text come
 * from toCsv.
 */
import { strToU8, zipSync } from "fflate";
import { asymmetryPercent } from "@/lib/domain/asymmetry";
import type { CsvFile, ExportAssessmentDto, ExportDailyLogDto, ExportInjuryDto, ExportRunDto, PatientExportDto } from "@/lib/dal/exports";
import type { DistanceUnit } from "@/lib/domain/vocabulary";
import { formatDistance } from "@/lib/validation/parse";
import { toCsv, type CsvColumn } from "./csv";
import { exportFileName } from "./file-names";

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

type Ctx = { recordNumber: string; injuries: Map<string, ExportInjuryDto>; unit: DistanceUnit };
type WithInjury = { injuryId: string };

function injuryColumns<T extends WithInjury>(ctx: Ctx): CsvColumn<T>[] {
  return [
    { header: "record_number", value: () => ctx.recordNumber, kind: "identifier" },
    { header: "injury_onset", value: (r) => ctx.injuries.get(r.injuryId)?.onsetDate },
    { header: "injury", value: (r) => ctx.injuries.get(r.injuryId)?.description },
  ];
}

type Entry = { note: string | null; source: string; createdAt: string; updatedAt: string };

/** The closing columns of a daily log or a run: its note, who entered it (clinic or runner) and when. */
function entryColumns<T extends Entry>(): CsvColumn<T>[] {
  return [
    { header: "note", value: (r) => r.note },
    { header: "source", value: (r) => r.source },
    { header: "created_at_utc", value: (r) => r.createdAt },
    { header: "updated_at_utc", value: (r) => r.updatedAt },
  ];
}

const dailyLogColumns = (ctx: Ctx): CsvColumn<ExportDailyLogDto>[] => [
  ...injuryColumns<ExportDailyLogDto>(ctx),
  { header: "date", value: (r) => r.logDate },
  { header: "pain_rest_0_10", value: (r) => r.painRest },
  { header: "pain_daily_activities_0_10", value: (r) => r.painDaily },
  { header: "walk_minutes", value: (r) => r.walkMinutes },
  { header: "pain_walk_0_10", value: (r) => r.painWalk },
  { header: "cycle_minutes", value: (r) => r.cycleMinutes },
  { header: "pain_cycle_0_10", value: (r) => r.painCycle },
  { header: "swim_minutes", value: (r) => r.swimMinutes },
  { header: "pain_swim_0_10", value: (r) => r.painSwim },
  { header: "massage_sessions", value: (r) => r.massageSessions },
  { header: "ice_sessions", value: (r) => r.iceSessions },
  { header: "compression", value: (r) => r.compression },
  ...entryColumns<ExportDailyLogDto>(),
];

const runColumns = (ctx: Ctx): CsvColumn<ExportRunDto>[] => [
  ...injuryColumns<ExportRunDto>(ctx),
  { header: "date", value: (r) => r.runDate },
  { header: "kind", value: (r) => r.kind },
  { header: "walk_minutes_per_rep", value: (r) => r.walkMinutes },
  { header: "run_minutes_per_rep", value: (r) => r.runMinutes },
  { header: "repetitions", value: (r) => r.repetitions },
  { header: "continuous_minutes", value: (r) => r.continuousMinutes },
  // In the exporting user's unit, named in the header (distance_km or distance_mi).
  { header: `distance_${ctx.unit}`, value: (r) => (r.distanceKm === null ? null : Number(formatDistance(Math.round(r.distanceKm * 1000), ctx.unit))) },
  { header: "pain_during_0_10", value: (r) => r.painDuring },
  { header: "pain_next_morning_0_10", value: (r) => r.painNextMorning },
  { header: "surface", value: (r) => r.surface },
  ...entryColumns<ExportRunDto>(),
];

const assessmentColumns = (ctx: Ctx): CsvColumn<ExportAssessmentDto>[] => [
  ...injuryColumns<ExportAssessmentDto>(ctx),
  { header: "date", value: (r) => r.assessedOn },
  { header: "assessed_by", value: (r) => r.assessedBy },
  { header: "method", value: (r) => r.method },
  { header: "setting", value: (r) => r.setting },
  { header: "speed_kmh", value: (r) => r.speedKmh },
  { header: "footwear", value: (r) => r.footwear },
  { header: "toe_out_severity", value: (r) => r.toeOutSeverity },
  { header: "fpa_left_deg", value: (r) => r.fpaLeftDeg },
  { header: "fpa_right_deg", value: (r) => r.fpaRightDeg },
  { header: "toe_out_notes", value: (r) => r.toeOutNotes },
  { header: "pelvic_severity", value: (r) => r.pelvicSeverity },
  { header: "pelvic_tilt_deg", value: (r) => r.pelvicTiltDeg },
  { header: "thomas_left", value: (r) => r.thomasLeft },
  { header: "thomas_right", value: (r) => r.thomasRight },
  { header: "glute_left_0_5", value: (r) => r.gluteLeft },
  { header: "glute_right_0_5", value: (r) => r.gluteRight },
  { header: "pelvic_notes", value: (r) => r.pelvicNotes },
  { header: "overstride_severity", value: (r) => r.overstrideSeverity },
  { header: "cadence_spm", value: (r) => r.cadenceSpm },
  { header: "strike_ahead_cm", value: (r) => r.strikeAheadCm },
  { header: "shin_angle_deg", value: (r) => r.shinAngleDeg },
  { header: "overstride_notes", value: (r) => r.overstrideNotes },
  { header: "calf_severity", value: (r) => r.calfSeverity },
  { header: "knee_to_wall_left_cm", value: (r) => r.kneeToWallLeftCm },
  { header: "knee_to_wall_right_cm", value: (r) => r.kneeToWallRightCm },
  { header: "knee_to_wall_asymmetry_pct", value: (r) => round1(asymmetryPercent(r.kneeToWallLeftCm, r.kneeToWallRightCm)) },
  { header: "heel_raises_left", value: (r) => r.heelRaisesLeft },
  { header: "heel_raises_right", value: (r) => r.heelRaisesRight },
  { header: "heel_raise_asymmetry_pct", value: (r) => round1(asymmetryPercent(r.heelRaisesLeft, r.heelRaisesRight)) },
  { header: "calf_notes", value: (r) => r.calfNotes },
  { header: "plan_cues", value: (r) => r.planCues },
  { header: "cadence_target_spm", value: (r) => r.cadenceTargetSpm },
  { header: "updated_at_utc", value: (r) => r.updatedAt },
];

/** The three tables of a patient's record with their columns: the one definition behind the CSV and XLSX files. */
export function patientTables(data: PatientExportDto): { file: CsvFile; title: string; columns: CsvColumn<never>[]; rows: unknown[] }[] {
  const ctx: Ctx = { recordNumber: data.patient.recordNumber, injuries: new Map(data.injuries.map((i) => [i.id, i])), unit: data.distanceUnit ?? "km" };
  return [
    { file: "daily-logs", title: "Daily logs", columns: dailyLogColumns(ctx) as CsvColumn<never>[], rows: data.dailyLogs },
    { file: "runs", title: "Runs", columns: runColumns(ctx) as CsvColumn<never>[], rows: data.runs },
    { file: "assessments", title: "Assessments", columns: assessmentColumns(ctx) as CsvColumn<never>[], rows: data.assessments },
  ];
}

/** One of the three CSV files as text (with the byte-order mark); the header row alone when the table is empty. */
export function patientCsv(data: PatientExportDto, file: CsvFile): string {
  const ctx: Ctx = { recordNumber: data.patient.recordNumber, injuries: new Map(data.injuries.map((i) => [i.id, i])), unit: data.distanceUnit ?? "km" };
  if (file === "daily-logs") return toCsv(data.dailyLogs, dailyLogColumns(ctx));
  if (file === "runs") return toCsv(data.runs, runColumns(ctx));
  return toCsv(data.assessments, assessmentColumns(ctx));
}

export function patientCsvFileName(data: PatientExportDto, file: CsvFile): string {
  return exportFileName(data.patient.recordNumber, data.today, "csv", file);
}

/** The three files in one zip, each named as it would be downloaded alone. */
export function patientCsvZip(data: PatientExportDto, files: readonly CsvFile[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[patientCsvFileName(data, file)] = strToU8(patientCsv(data, file));
  return zipSync(entries, { level: 6, mtime: new Date(`${data.today}T12:00:00Z`) });
}
