/**
 * What the progress report shows, shaped from the export DTO by the same chart-shaping
 * functions the patient page uses: the three charts' data and the latest assessment
 * compared side to side and with the one before it. Pure: no PDF, no I/O.
 */
import type { ExportAssessmentDto, ExportInjuryDto, PatientExportDto } from "@/lib/dal/exports";
import { MEASURE_SPECS, measureFields, measureRows, type MeasureKey } from "@/lib/domain/chart-measures";
import { painSeries, PAIN_SERIES_LABELS } from "@/lib/domain/chart-pain";
import { stageBands } from "@/lib/domain/chart-stages";
import { weeklyVolume } from "@/lib/domain/chart-volume";
import { addDays, daysBetween } from "@/lib/domain/dates";
import { shortDay } from "@/lib/domain/engine";
import { stageName } from "@/lib/domain/injury";
import { DEFAULT_PROTOCOL } from "@/lib/domain/protocol";
import { watchWindow } from "@/lib/domain/recurrence";
import { OKABE_ITO, SIDE_STYLE } from "@/components/charts/palette";
import type { DistanceUnit, Side } from "@/lib/domain/vocabulary";
import { formatDistance, METRES_PER } from "@/lib/validation/parse";
import type { ChartSpec } from "./pdf-charts";
import { REPORT_CHARTS, type ReportChartKey } from "./report-charts";

/** The injury the report is about: the open one the engine follows, else the latest. */
export function reportInjury(d: PatientExportDto): ExportInjuryDto | null {
  return d.injuries.find((i) => i.id === d.status?.injuryId) ?? d.injuries[0] ?? null;
}

/** The clinic's thresholds when the report follows an open episode, else the defaults. */
const settingsOf = (d: PatientExportDto) => d.status?.settings ?? DEFAULT_PROTOCOL;

const ofInjury = <T extends { injuryId: string }>(rows: T[], injury: ExportInjuryDto) => rows.filter((r) => r.injuryId === injury.id);

/** The letter's pain chart of an episode (0–10 by context, stage bands, the clinic's safe band), from onset to today or the episode's end. */
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
      // The screen's colours (components/charts/pain-chart-drawing.tsx).
      { label: PAIN_SERIES_LABELS.daily, color: OKABE_ITO.blue, kind: "line", values: points.map((p) => p.daily) },
      { label: PAIN_SERIES_LABELS.rest, color: OKABE_ITO.skyBlue, kind: "line", dashed: true, values: points.map((p) => p.rest) },
      { label: PAIN_SERIES_LABELS.cross, color: OKABE_ITO.green, kind: "line", dashed: true, values: points.map((p) => p.cross) },
      { label: PAIN_SERIES_LABELS.running, color: OKABE_ITO.vermillion, kind: "dots", values: points.map((p) => p.running) },
      { label: PAIN_SERIES_LABELS.nextMorning, color: OKABE_ITO.purple, kind: "dots", values: points.map((p) => p.nextMorning) },
    ],
    references: [{ value: settingsOf(d).painSafeMax, label: `${settingsOf(d).painSafeMax}/10: safe during a run`, color: OKABE_ITO.green, dashed: true }],
    emptyText: "No pain scores logged for this injury yet.",
  };
}

/** A distance stored in kilometres, in the reader's unit (km or mi), as a number rounded to 2 decimals. */
export function inUnit(km: number, unit: DistanceUnit): number {
  return Number(formatDistance(km * METRES_PER.km, unit));
}

/** A distance stored in kilometres, in words in the reader's unit: "5.5 km", "3.42 mi". */
export function distanceWords(km: number, unit: DistanceUnit): string {
  return `${formatDistance(km * METRES_PER.km, unit)} ${unit}`;
}

/** The letter's weekly running volume of an episode (last 26 weeks) in the reader's unit, with the pre-injury baseline and the clinic's target share of it. */
export function volumeChart(d: PatientExportDto, injury: ExportInjuryDto): ChartSpec {
  const runs = ofInjury(d.runs, injury).map((r) => ({ date: r.runDate, kind: r.kind, runMinutes: r.runMinutes, repetitions: r.repetitions, continuousMinutes: r.continuousMinutes, distanceKm: r.distanceKm }));
  const weeks = weeklyVolume(runs, d.status?.injuryId === injury.id ? d.status.stageChanges : [], injury.onsetDate, d.today).slice(-26);
  const unit = d.distanceUnit;
  const baselineKm = d.patient.preInjuryWeeklyKm;
  const baseline = baselineKm ? inUnit(baselineKm, unit) : null;
  return {
    title: "Weekly running volume against the pre-injury baseline",
    yLabel: `${unit} per week`,
    xLabels: weeks.map((w) => shortDay(w.weekStart)),
    series: [{ label: `${unit === "mi" ? "Miles" : "Kilometres"} run that week (weeks start on Monday)`, color: OKABE_ITO.blue, kind: "bars", values: weeks.map((w) => inUnit(w.km, unit)) }],
    references: baseline
      ? [
          { value: baseline, label: `Pre-injury ${baseline} ${unit}/week`, color: OKABE_ITO.black, dashed: true },
          { value: (baseline * settingsOf(d).volumeTargetPercent) / 100, label: `${settingsOf(d).volumeTargetPercent}% of baseline`, color: OKABE_ITO.orange, dashed: true },
        ]
      : [],
    emptyText: runs.length ? "No distance recorded for these runs." : "No runs logged for this injury yet.",
  };
}

export { REPORT_CHARTS, REPORT_CHART_KEYS, type ReportChartKey } from "./report-charts";

const MEASURE_EMPTY: Record<MeasureKey, string> = {
  heelRaises: "No heel-raise test recorded yet.",
  kneeToWall: "No knee-to-wall test recorded yet.",
  fpa: "No foot progression angle recorded yet.",
  pelvicTilt: "No pelvic tilt recorded yet.",
  cadence: "No cadence recorded yet.",
};

/** One measure across the injury's assessments, left and right (or the single value), with the targets and bands the screen charts show, in the screen's side colours. */
export function measureChart(d: PatientExportDto, injury: ExportInjuryDto, key: MeasureKey): ChartSpec {
  const rows = measureRows(ofInjury(d.assessments, injury));
  const spec = MEASURE_SPECS.find((m) => m.key === key)!;
  return {
    title: spec.title,
    yLabel: spec.unit,
    xLabels: rows.map((r) => shortDay(r.date)),
    series: measureFields(spec).map(({ field, side }) => ({
      label: side === "left" ? "Left" : side === "right" ? "Right" : spec.title,
      color: side ? SIDE_STYLE[side].color : SIDE_STYLE.single.color,
      kind: "line" as const,
      dashed: side === "right",
      values: rows.map((r) => r[field]),
    })),
    references: (spec.references ?? []).map((r) => ({ ...r, color: OKABE_ITO.black, dashed: true })),
    emptyText: MEASURE_EMPTY[key],
  };
}

/** The chosen charts' specs, in the report's order. */
export function reportCharts(d: PatientExportDto, injury: ExportInjuryDto, keys: readonly ReportChartKey[]): ChartSpec[] {
  return REPORT_CHARTS.filter((c) => keys.includes(c.key)).map((c) => (c.key === "pain" ? painChart(d, injury) : c.key === "volume" ? volumeChart(d, injury) : measureChart(d, injury, c.key)));
}

/**
 * One measure of the latest assessment: each side, the side-to-side comparison that suits
 * the measure, and the change since the previous assessment, all in words.
 */
export type ComparisonRow = { measure: string; left: string; right: string; sideToSide: string; change: string };

/** Knee-to-wall measurement error (cm): a difference or change under it is within error (Powden et al. 2015). */
export const KNEE_TO_WALL_ERROR_CM = 1.9;

const r1 = (v: number) => Math.round(v * 10) / 10;
const fmt = (v: number | null, unit = "") => (v === null ? "–" : `${r1(v)}${unit}`);
const signed = (v: number, unit = "") => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${r1(Math.abs(v))}${unit}`;
const SIDE_NAME = { left: "left", right: "right" } as const;

/**
 * Limb symmetry index: injured ÷ uninjured × 100 (%), for counts such as heel raises and for
 * knee-to-wall. Null for an injury of both legs (no uninjured side to compare with) or a
 * missing side. Source: PRODUCT.md "Calf capacity" (Green et al. 2022 criteria use ≥ 90%).
 */
export function limbSymmetryIndex(side: Side, left: number | null, right: number | null): number | null {
  if (side === "both" || left === null || right === null) return null;
  const injured = side === "left" ? left : right;
  const other = side === "left" ? right : left;
  if (other === 0) return null;
  return (injured / other) * 100;
}

/** "L +1, R +8" for a sided measure, or null without a previous value on either side. */
function sidedChange(now: [number | null, number | null], before: [number | null, number | null] | null, unit: string, within?: number): string {
  if (!before) return "–";
  const parts = (["L", "R"] as const).map((s, i) => {
    const a = now[i] ?? null;
    const b = before[i] ?? null;
    if (a === null || b === null) return null;
    const diff = a - b;
    return `${s} ${signed(diff, unit)}${within !== undefined && Math.abs(diff) < within ? " (within measurement error)" : ""}`;
  });
  return parts.some((p) => p !== null) ? parts.map((p, i) => p ?? `${i === 0 ? "L" : "R"} –`).join(", ") : "–";
}

/** Manual muscle test grades compared as grades: "Left one grade weaker" or "Equal grades". */
function gradeWords(left: number | null, right: number | null): string {
  if (left === null || right === null) return "–";
  if (left === right) return "Equal grades";
  const weaker = left < right ? "Left" : "Right";
  const n = Math.abs(left - right);
  return `${weaker} ${n === 1 ? "one grade" : `${n} grades`} weaker`;
}

/**
 * The latest assessment against the previous one, each measure compared as it should be:
 * counts (heel raises) by limb symmetry index; knee-to-wall by the difference in cm with
 * its 1.9 cm measurement error, plus the LSI; angles (foot progression, pelvic tilt, shin)
 * by the difference in degrees; manual muscle grades as grades; single values by their
 * change. Source: PRODUCT.md "Clinical rules, second edition", calf capacity.
 */
export function assessmentComparison(latest: ExportAssessmentDto, previous: ExportAssessmentDto | null, side: Side): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const pair = (l: keyof ExportAssessmentDto, r: keyof ExportAssessmentDto) => [latest[l] as number | null, latest[r] as number | null] as [number | null, number | null];
  const prevPair = (l: keyof ExportAssessmentDto, r: keyof ExportAssessmentDto) => (previous ? ([previous[l] as number | null, previous[r] as number | null] as [number | null, number | null]) : null);
  const injuredWords = side === "both" ? "" : ` (${SIDE_NAME[side]} injured)`;

  const heel = pair("heelRaisesLeft", "heelRaisesRight");
  if (heel.some((v) => v !== null)) {
    const lsi = limbSymmetryIndex(side, ...heel);
    rows.push({
      measure: "Single-leg heel raises (repetitions)",
      left: fmt(heel[0]),
      right: fmt(heel[1]),
      sideToSide: side === "both" ? "No LSI: both legs injured" : lsi === null ? "–" : `LSI ${Math.round(lsi)}%${injuredWords}`,
      change: sidedChange(heel, prevPair("heelRaisesLeft", "heelRaisesRight"), ""),
    });
  }
  const ktw = pair("kneeToWallLeftCm", "kneeToWallRightCm");
  if (ktw.some((v) => v !== null)) {
    const [l, r] = ktw;
    const lsi = limbSymmetryIndex(side, l, r);
    const diff = l !== null && r !== null ? Math.abs(l - r) : null;
    const diffWords = diff === null ? "–" : `${r1(diff)} cm difference${diff < KNEE_TO_WALL_ERROR_CM ? " (within the 1.9 cm measurement error)" : ""}`;
    rows.push({
      measure: "Knee-to-wall (cm)",
      left: fmt(l, " cm"),
      right: fmt(r, " cm"),
      sideToSide: lsi === null ? diffWords : `${diffWords}; LSI ${Math.round(lsi)}%`,
      change: sidedChange(ktw, prevPair("kneeToWallLeftCm", "kneeToWallRightCm"), " cm", KNEE_TO_WALL_ERROR_CM),
    });
  }
  const fpa = pair("fpaLeftDeg", "fpaRightDeg");
  if (fpa.some((v) => v !== null)) {
    const [l, r] = fpa;
    rows.push({
      measure: "Foot progression angle (toe-out, °)",
      left: fmt(l, "°"),
      right: fmt(r, "°"),
      sideToSide: l === null || r === null ? "–" : l === r ? "Same angle" : `${l > r ? "Left" : "Right"} ${r1(Math.abs(l - r))}° more toe-out`,
      change: sidedChange(fpa, prevPair("fpaLeftDeg", "fpaRightDeg"), "°"),
    });
  }
  const glute = pair("gluteLeft", "gluteRight");
  if (glute.some((v) => v !== null)) {
    const before = prevPair("gluteLeft", "gluteRight");
    const g = (v: number | null) => (v === null ? "–" : `${v}/5`);
    const changes = before ? (["L", "R"] as const).map((s, i) => (glute[i] !== null && before[i] !== null && glute[i] !== before[i] ? `${s} ${before[i]} → ${glute[i]}` : null)).filter(Boolean) : [];
    rows.push({ measure: "Gluteal strength (manual muscle test, grade 0–5)", left: g(glute[0]), right: g(glute[1]), sideToSide: gradeWords(...glute), change: !before ? "–" : changes.length ? changes.join(", ") : "No change in grade" });
  }
  if (latest.thomasLeft || latest.thomasRight) {
    rows.push({ measure: "Modified Thomas test", left: latest.thomasLeft ?? "–", right: latest.thomasRight ?? "–", sideToSide: "", change: "" });
  }
  const single = (measure: string, k: keyof ExportAssessmentDto, unit: string) => {
    const v = latest[k] as number | null;
    if (v === null) return;
    const b = previous ? (previous[k] as number | null) : null;
    rows.push({ measure, left: fmt(v, unit), right: "", sideToSide: "", change: b === null ? "–" : signed(v - b, unit) });
  };
  single("Anterior pelvic tilt (°)", "pelvicTiltDeg", "°");
  single("Cadence (steps/min)", "cadenceSpm", "");
  single("Foot strike ahead of centre of mass (cm)", "strikeAheadCm", " cm");
  single("Shin angle at initial contact (°)", "shinAngleDeg", "°");
  return rows;
}

/** The latest assessment of the injury and the one before it. */
export function latestAssessments(d: PatientExportDto, injury: ExportInjuryDto): { latest: ExportAssessmentDto | null; previous: ExportAssessmentDto | null } {
  const list = ofInjury(d.assessments, injury);
  return { latest: list.at(-1) ?? null, previous: list.at(-2) ?? null };
}

/** One entry of the course of care: its day, what happened in words, and its kind (for emphasis). */
export type TimelineEntry = { date: string; text: string; kind: "injury" | "stage" | "step_back" | "override" | "flag" | "flag_cleared" | "assessment" | "outcome" };

const CHANGE_WORDS: Record<string, (from: number | null, to: number) => string> = {
  start: (_, to) => `Started the return-to-run programme at stage ${to} (${stageName(to)})`,
  progression: (from, to) => `Progressed ${from === null ? "" : `from stage ${from} `}to stage ${to} (${stageName(to)})`,
  override: (from, to) => `Moved ${from === null ? "" : `from stage ${from} `}to stage ${to} (${stageName(to)}) on the therapist's decision (override)`,
  step_back: (from, to) => `Stepped back ${from === null ? "" : `from stage ${from} (${stageName(from)}) `}to stage ${to} (${stageName(to)})`,
};

/**
 * The flags raised from the stored runs, as far as the stored rows tell: pain during a run
 * above the clinic's stop limit, and a next-morning rise of the clinic's threshold or more
 * over the baseline (the lowest daily-activity score, else rest, on the run day or the day
 * before). A flag no longer open in the current panel is reported as cleared by today;
 * the day it cleared is not stored. When the engine keeps a flag history
 * (`d.flagHistory`), that is used instead.
 */
function flagEvents(d: PatientExportDto, injury: ExportInjuryDto): TimelineEntry[] {
  const stored = d.status?.injuryId === injury.id ? d.flagHistory?.filter((f) => f.injuryId === injury.id) : undefined;
  if (stored) {
    return stored.flatMap((f) => [
      { date: f.raisedOn, text: `Flag raised (${f.level}): ${f.reason}`, kind: "flag" as const },
      ...(f.clearedOn ? [{ date: f.clearedOn, text: `Flag cleared: ${f.reason}`, kind: "flag_cleared" as const }] : []),
    ]);
  }
  const settings = settingsOf(d);
  const logs = ofInjury(d.dailyLogs, injury);
  const baselineOn = (day: string) => {
    const scores = logs.filter((l) => l.logDate === day || l.logDate === addDays(day, -1)).map((l) => l.painDaily ?? l.painRest).filter((v): v is number => v !== null);
    return scores.length ? Math.min(...scores) : null;
  };
  const open = d.status?.injuryId === injury.id ? d.status.flags : [];
  const openCodes = new Set<string>(open.map((f) => f.code));
  const out: TimelineEntry[] = [];
  for (const r of ofInjury(d.runs, injury)) {
    if (r.painDuring > settings.painStopAbove) {
      out.push({ date: r.runDate, text: `Flag raised (stop): pain ${r.painDuring}/10 during a run, above the stop limit of ${settings.painStopAbove}/10${openCodes.has("stop_pain") ? "" : "; since cleared"}`, kind: "flag" });
    }
    const base = baselineOn(r.runDate);
    if (r.painNextMorning !== null && base !== null && r.painNextMorning - base >= settings.nextMorningRise) {
      out.push({ date: addDays(r.runDate, 1), text: `Flag raised (caution): next-morning pain ${r.painNextMorning}/10, ${r.painNextMorning - base} above the baseline of ${base}/10${openCodes.has("morning_rise") ? "" : "; since cleared"}`, kind: "flag" });
    }
  }
  for (const f of open) out.push({ date: d.today, text: `Open flag (${f.level}): ${f.reason}`, kind: "flag" });
  return out;
}

/** The course of care of one episode, oldest first: onset, stage changes with reasons and who made them, flags, assessments, return and closing. */
export function courseOfCare(d: PatientExportDto, injury: ExportInjuryDto): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ date: injury.onsetDate, text: `Injury: ${injury.description}${injury.mechanism ? ` (${injury.mechanism.trim().replace(/[.\s]+$/u, "")})` : ""}`, kind: "injury" }];
  for (const c of d.stageHistory.filter((s) => s.injuryId === injury.id)) {
    const words = (CHANGE_WORDS[c.kind] ?? CHANGE_WORDS.progression!)(c.fromStage, c.toStage);
    const reason = c.reason?.trim().replace(/[.\s]+$/u, "");
    entries.push({ date: c.effectiveDate, text: `${words}${reason ? `: ${reason}` : ""}${c.changedBy ? ` (${c.changedBy})` : ""}`, kind: c.kind === "step_back" ? "step_back" : c.kind === "override" ? "override" : "stage" });
  }
  entries.push(...flagEvents(d, injury));
  for (const a of ofInjury(d.assessments, injury)) {
    const parts = [
      a.heelRaisesLeft !== null || a.heelRaisesRight !== null ? `heel raises L ${fmt(a.heelRaisesLeft)} / R ${fmt(a.heelRaisesRight)}` : null,
      a.kneeToWallLeftCm !== null || a.kneeToWallRightCm !== null ? `knee-to-wall L ${fmt(a.kneeToWallLeftCm, " cm")} / R ${fmt(a.kneeToWallRightCm, " cm")}` : null,
    ].filter(Boolean);
    entries.push({ date: a.assessedOn, text: `Assessment${a.assessedBy ? ` by ${a.assessedBy}` : ""}${parts.length ? `: ${parts.join("; ")}` : ""}`, kind: "assessment" });
  }
  if (injury.returnDate) entries.push({ date: injury.returnDate, text: "Returned to full running", kind: "outcome" });
  if (injury.closedDate) entries.push({ date: injury.closedDate, text: "Episode of care closed", kind: "outcome" });
  const order: Record<TimelineEntry["kind"], number> = { injury: 0, assessment: 1, flag: 2, flag_cleared: 3, step_back: 4, override: 5, stage: 6, outcome: 7 };
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.kind] - order[b.kind]));
}

/** One run as the report's table shows it. */
export type RunRow = { date: string; pattern: string; distance: string; painDuring: string; nextMorning: string };

/** The last `limit` runs of the episode, oldest first: date, pattern or minutes, distance, pain during and next morning. */
export function lastRuns(d: PatientExportDto, injury: ExportInjuryDto, limit = 10): { rows: RunRow[]; total: number } {
  const unit = d.distanceUnit;
  const all = ofInjury(d.runs, injury);
  const rows = all.slice(-limit).map((r) => ({
    date: r.runDate,
    pattern:
      r.kind === "walk_run"
        ? `${r.repetitions ?? "?"} × (${fmt(r.walkMinutes)} min walk + ${fmt(r.runMinutes)} min run)`
        : `${fmt(r.continuousMinutes ?? r.runMinutes)} min continuous`,
    distance: r.distanceKm === null ? "–" : distanceWords(r.distanceKm, unit),
    painDuring: `${r.painDuring}/10`,
    nextMorning: r.painNextMorning === null ? "not recorded" : `${r.painNextMorning}/10`,
  }));
  return { rows, total: all.length };
}

/** The discharge part of the letter: the outcome and the watch window, or null when the runner has not returned. */
export function dischargeSummary(d: PatientExportDto, injury: ExportInjuryDto): { outcome: string; watchUntil: string; watchWeeks: number; advice: string[] } | null {
  if (!injury.returnDate) return null;
  const days = daysBetween(injury.onsetDate, injury.returnDate);
  const s = settingsOf(d);
  // The clinic's watch window for this episode (one home: lib/domain/recurrence.ts).
  const window = watchWindow(injury, s);
  const weeks = window.weeks;
  const { latest } = latestAssessments(d, injury);
  const heel = latest ? limbSymmetryIndex(injury.side, latest.heelRaisesLeft, latest.heelRaisesRight) : null;
  return {
    outcome: `Returned to full running on ${injury.returnDate}, ${days} days after the injury${heel !== null ? `, with a heel-raise limb symmetry index of ${Math.round(heel)}% at the last test` : ""}.`,
    watchWeeks: weeks,
    watchUntil: addDays(injury.returnDate, weeks * 7),
    advice: [
      `For ${weeks} week${weeks === 1 ? "" : "s"} after the return (the watch window${window.longer ? `, longer ${window.why}` : ""}), keep logging runs with pain during and the next morning.`,
      `Stop a run with calf pain above ${s.painStopAbove}/10, and contact the clinic if next-morning pain is ${s.nextMorningRise} or more points above the usual.`,
      `Keep single-leg heel raises in the week; retest at the end of the window (target ${s.heelRaisesToReturn} repetitions and a limb symmetry index of ${s.lsiMinPercent}% or more).`,
      "Raise weekly volume gradually; large weekly jumps have been linked with running injuries (Nielsen 2014).",
    ],
  };
}
