/**
 * What the progress report shows, shaped from the export DTO by the same chart-shaping
 * functions the patient page uses: the three charts' data and the latest assessment
 * compared side to side and with the one before it. Pure: no PDF, no I/O.
 */
import type { ExportAssessmentDto, ExportInjuryDto, PatientExportDto } from "@/lib/dal/exports";
import { asymmetryPercent } from "@/lib/domain/asymmetry";
import { MEASURE_SPECS, measureFields, measureRows, type MeasureKey } from "@/lib/domain/chart-measures";
import { painSeries, PAIN_SERIES_LABELS } from "@/lib/domain/chart-pain";
import { stageBands } from "@/lib/domain/chart-stages";
import { weeklyVolume } from "@/lib/domain/chart-volume";
import { addDays, daysBetween } from "@/lib/domain/dates";
import { shortDay } from "@/lib/domain/engine";
import { stageName } from "@/lib/domain/injury";
import { DEFAULT_PROTOCOL } from "@/lib/domain/protocol";
import { COLORS, type ChartSpec } from "./pdf-charts";

/** The injury the report is about: the open one the engine follows, else the latest. */
export function reportInjury(d: PatientExportDto): ExportInjuryDto | null {
  return d.injuries.find((i) => i.id === d.status?.injuryId) ?? d.injuries[0] ?? null;
}

/** The clinic's thresholds when the report follows an open episode, else the defaults. */
const settingsOf = (d: PatientExportDto) => d.status?.settings ?? DEFAULT_PROTOCOL;

const ofInjury = <T extends { injuryId: string }>(rows: T[], injury: ExportInjuryDto) => rows.filter((r) => r.injuryId === injury.id);

export function painChart(d: PatientExportDto, injury: ExportInjuryDto): ChartSpec {
  const end = injury.status === "active" ? d.today : (injury.closedDate ?? injury.returnDate ?? d.today);
  const to = end > d.today ? d.today : end;
  // Long episodes keep the last 26 weeks, so a day stays wide enough to read.
  const from = daysBetween(injury.onsetDate, to) > 181 ? addDays(to, -181) : injury.onsetDate;
  const points = painSeries(ofInjury(d.dailyLogs, injury).map((l) => ({ date: l.logDate, ...l })), ofInjury(d.runs, injury).map((r) => ({ date: r.runDate, painDuring: r.painDuring, painNextMorning: r.painNextMorning })), from, to);
  const index = new Map(points.map((p, i) => [p.date, i]));
  const bands = stageBands(d.status?.injuryId === injury.id ? d.status.stageChanges : [], injury.onsetDate, from, to).map((b) => ({
    from: index.get(b.from) ?? 0,
    to: index.get(b.to) ?? points.length - 1,
    label: `${b.stage} ${stageName(b.stage)}`,
  }));
  return {
    title: "Pain over time (0–10)",
    yLabel: "pain 0–10",
    xLabels: points.map((p) => shortDay(p.date)),
    yMax: 10,
    bands,
    series: [
      { label: PAIN_SERIES_LABELS.daily, color: COLORS.accent, kind: "line", values: points.map((p) => p.daily) },
      { label: PAIN_SERIES_LABELS.rest, color: COLORS.extra[1], kind: "line", dashed: true, values: points.map((p) => p.rest) },
      { label: PAIN_SERIES_LABELS.cross, color: COLORS.extra[0], kind: "line", values: points.map((p) => p.cross) },
      { label: PAIN_SERIES_LABELS.running, color: COLORS.stop, kind: "dots", values: points.map((p) => p.running) },
      { label: PAIN_SERIES_LABELS.nextMorning, color: COLORS.caution, kind: "dots", values: points.map((p) => p.nextMorning) },
    ],
    references: [{ value: settingsOf(d).painSafeMax, label: `${settingsOf(d).painSafeMax}/10: safe during a run`, color: COLORS.safe, dashed: true }],
    emptyText: "No pain scores logged for this injury yet.",
  };
}

export function volumeChart(d: PatientExportDto, injury: ExportInjuryDto): ChartSpec {
  const runs = ofInjury(d.runs, injury).map((r) => ({ date: r.runDate, kind: r.kind, runMinutes: r.runMinutes, repetitions: r.repetitions, continuousMinutes: r.continuousMinutes, distanceKm: r.distanceKm }));
  const weeks = weeklyVolume(runs, d.status?.injuryId === injury.id ? d.status.stageChanges : [], injury.onsetDate, d.today).slice(-26);
  const baseline = d.patient.preInjuryWeeklyKm;
  return {
    title: "Weekly running volume against the pre-injury baseline",
    yLabel: "km per week",
    xLabels: weeks.map((w) => shortDay(w.weekStart)),
    series: [{ label: "Kilometres run that week (weeks start on Monday)", color: COLORS.accent, kind: "bars", values: weeks.map((w) => w.km) }],
    references: baseline
      ? [
          { value: baseline, label: `Pre-injury ${baseline} km/week`, color: COLORS.muted },
          { value: (baseline * settingsOf(d).volumeTargetPercent) / 100, label: `${settingsOf(d).volumeTargetPercent}% of baseline`, color: COLORS.safe, dashed: true },
        ]
      : [],
    emptyText: runs.length ? "No distance recorded for these runs." : "No runs logged for this injury yet.",
  };
}

const MEASURE_EMPTY: Partial<Record<MeasureKey, string>> = { heelRaises: "No heel-raise test recorded yet.", kneeToWall: "No knee-to-wall test recorded yet." };
const SIDE_COLORS = { left: COLORS.left, right: COLORS.right } as const;
const REFERENCE_COLORS = [COLORS.caution, COLORS.safe];

/** Heel raises and knee-to-wall across the injury's assessments, left and right, with the targets the screen charts show. */
export function measureCharts(d: PatientExportDto, injury: ExportInjuryDto): ChartSpec[] {
  const rows = measureRows(ofInjury(d.assessments, injury));
  return (["heelRaises", "kneeToWall"] as const).map((key) => {
    const spec = MEASURE_SPECS.find((m) => m.key === key)!;
    return {
      title: spec.title,
      yLabel: spec.unit,
      xLabels: rows.map((r) => shortDay(r.date)),
      series: measureFields(spec).map(({ field, side }) => ({ label: side === "left" ? "Left" : "Right", color: SIDE_COLORS[side ?? "left"], kind: "line" as const, values: rows.map((r) => r[field]) })),
      references: (spec.references ?? []).map((r, i) => ({ ...r, color: REFERENCE_COLORS[i % 2]!, dashed: true })),
      emptyText: MEASURE_EMPTY[key]!,
    };
  });
}

export type ComparisonRow = { measure: string; left: string; right: string; asymmetry: string; change: string };

const fmt = (v: number | null, unit = "") => (v === null ? "–" : `${Math.round(v * 10) / 10}${unit}`);
const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(Math.round(v * 10) / 10)}`;

function change(now: number | null, before: number | null): string | null {
  if (now === null || before === null) return null;
  return signed(now - before);
}

/** The latest assessment's measures with side-to-side asymmetry and the change since the previous assessment. */
export function assessmentComparison(latest: ExportAssessmentDto, previous: ExportAssessmentDto | null): ComparisonRow[] {
  const sided = (measure: string, l: keyof ExportAssessmentDto, r: keyof ExportAssessmentDto, unit: string): ComparisonRow | null => {
    const left = latest[l] as number | null;
    const right = latest[r] as number | null;
    if (left === null && right === null) return null;
    const asym = asymmetryPercent(left, right);
    const changes = previous ? [change(left, previous[l] as number | null), change(right, previous[r] as number | null)] : [null, null];
    return {
      measure,
      left: fmt(left, unit),
      right: fmt(right, unit),
      asymmetry: asym === null ? "–" : `${Math.round(asym)}%`,
      change: changes.some((c) => c !== null) ? `L ${changes[0] ?? "–"}, R ${changes[1] ?? "–"}` : "–",
    };
  };
  const single = (measure: string, k: keyof ExportAssessmentDto, unit: string): ComparisonRow | null => {
    const v = latest[k] as number | null;
    if (v === null) return null;
    return { measure, left: fmt(v, unit), right: "", asymmetry: "", change: (previous && change(v, previous[k] as number | null)) ?? "–" };
  };
  return [
    sided("Heel raises (repetitions)", "heelRaisesLeft", "heelRaisesRight", ""),
    sided("Knee-to-wall (cm)", "kneeToWallLeftCm", "kneeToWallRightCm", " cm"),
    sided("Foot progression angle (°)", "fpaLeftDeg", "fpaRightDeg", "°"),
    sided("Glute strength (0–5)", "gluteLeft", "gluteRight", ""),
    single("Anterior pelvic tilt (°)", "pelvicTiltDeg", "°"),
    single("Cadence (steps/min)", "cadenceSpm", ""),
    single("Foot strike ahead of centre of mass (cm)", "strikeAheadCm", " cm"),
    single("Shin angle at initial contact (°)", "shinAngleDeg", "°"),
  ].filter((r): r is ComparisonRow => r !== null);
}

/** The latest assessment of the injury and the one before it. */
export function latestAssessments(d: PatientExportDto, injury: ExportInjuryDto): { latest: ExportAssessmentDto | null; previous: ExportAssessmentDto | null } {
  const list = ofInjury(d.assessments, injury);
  return { latest: list.at(-1) ?? null, previous: list.at(-2) ?? null };
}
