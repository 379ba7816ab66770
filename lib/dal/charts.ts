import "server-only";
import type { Statement } from "better-sqlite3";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { injuries, patients, protocolSettings } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { todayIn } from "@/lib/domain/dates";
import { painSeries, rangeStart, type PainLogInput, type PainPoint, type PainRange, type PainRunInput } from "@/lib/domain/chart-pain";
import { stageBands, type StageBand, type StageChangePoint } from "@/lib/domain/chart-stages";
import { weeklyVolume, type VolumeRunInput, type VolumeWeek } from "@/lib/domain/chart-volume";
import { measureRows, type HeelRaiseTargets, type MeasureInput, type MeasureRow } from "@/lib/domain/chart-measures";
import { protocolFromJson } from "@/lib/domain/protocol";
import { visiblePatientsWhere } from "./access";
import { prepared } from "@/db/statements";
import { auditRead, auditRefused } from "./prepared";
import { currentPanel } from "./stages";

export type PainChartDto = {
  range: PainRange;
  from: string;
  to: string;
  points: PainPoint[];
  stageBands: StageBand[];
  /** The current symptom-free streak (the engine's count, as on the caseload and the panel): its first and last counted day; null when there is none. */
  streak: { from: string; to: string; days: number } | null;
  painSafeMax: number;
  painStopAbove: number;
};

export type VolumeChartDto = {
  weeks: VolumeWeek[];
  baselineKm: number | null;
  /** The share of the baseline (%) that completes the build-volume stage. */
  targetPercent: number;
};

/** The measures' rows and the clinic's heel-raise targets the chart draws as reference lines. */
export type MeasuresChartDto = { rows: MeasureRow[]; targets: HeelRaiseTargets };

export type ProgressChartsDto = { pain: PainChartDto; volume: VolumeChartDto; measures: MeasuresChartDto };

export type ChartName = "pain" | "volume" | "measures";

type Context = {
  db: Db;
  user: SessionUser;
  today: string;
  patientId: string;
  preInjuryWeeklyKm: number | null;
  /** The clinic's protocol settings as stored; parsed by the charts that draw its limits. */
  settingsJson: string | null;
  injury: { id: string; onsetDate: string } | null;
  earliestOnset: string | null;
  /** The injury's stage changes, read on first need (the pain and volume charts share them). */
  changes?: StageChangePoint[];
};

/*
 * The chart reads run on every chart request (a 3-year runner's pain chart reads about
 * 1,100 days of logs), so their statements are prepared once per database handle and the
 * rows come back from better-sqlite3 already in the shape the domain code takes.
 */
const SQL = {
  stageChanges: `select to_stage as toStage, effective_date as effectiveDate from stage_changes where injury_id = ? order by created_at`,
  // "All" reads every log up to today (the first one decides where the range starts).
  painLogsUpTo: `select log_date as date, pain_rest as painRest, pain_daily as painDaily, pain_walk as painWalk, pain_cycle as painCycle, pain_swim as painSwim
    from daily_logs where patient_id = ? and log_date <= ? order by log_date`,
  painLogsBetween: `select log_date as date, pain_rest as painRest, pain_daily as painDaily, pain_walk as painWalk, pain_cycle as painCycle, pain_swim as painSwim
    from daily_logs where patient_id = ? and log_date between ? and ? order by log_date`,
  painRuns: `select run_date as date, pain_during as painDuring, pain_next_morning as painNextMorning from runs where patient_id = ? and run_date between ? and ?`,
  volumeRuns: `select run_date as date, kind, run_minutes as runMinutes, repetitions, continuous_minutes as continuousMinutes, distance_km as distanceKm
    from runs where injury_id = ?`,
  measures: `select assessed_on as assessedOn, fpa_left_deg as fpaLeftDeg, fpa_right_deg as fpaRightDeg, pelvic_tilt_deg as pelvicTiltDeg, cadence_spm as cadenceSpm,
      knee_to_wall_left_cm as kneeToWallLeftCm, knee_to_wall_right_cm as kneeToWallRightCm, heel_raises_left as heelRaisesLeft, heel_raises_right as heelRaisesRight
    from assessments where injury_id = ? order by assessed_on, created_at`,
} as const;

/**
 * The patient if the user may see them (scoped by visiblePatientsWhere, with the user's ids
 * as placeholders), their injuries newest first, and the clinic's protocol settings.
 */
function contextQuery(db: Db, role: SessionUser["role"]) {
  const scope = visiblePatientsWhere({ role, id: sql.placeholder("userId"), clinicId: sql.placeholder("clinicId") } as unknown as SessionUser);
  return db
    .select({
      preInjuryWeeklyKm: patients.preInjuryWeeklyKm,
      settings: sql<string | null>`(select ${protocolSettings.settings} from ${protocolSettings} where ${protocolSettings.clinicId} = ${patients.clinicId})`,
      injuryId: injuries.id,
      onsetDate: injuries.onsetDate,
      status: injuries.status,
    })
    .from(patients)
    .leftJoin(injuries, eq(injuries.patientId, patients.id))
    .where(and(eq(patients.id, sql.placeholder("patientId")), scope))
    .orderBy(desc(injuries.onsetDate), desc(injuries.createdAt))
    .prepare();
}

/** The context query per connection and role (drizzle's prepared query: built once). */
const contextByConnection = new WeakMap<object, Partial<Record<SessionUser["role"], ReturnType<typeof contextQuery>>>>();

function statement(db: Db, name: keyof typeof SQL): Statement {
  return prepared(db, SQL[name]);
}

/** The patient if the user may see them, with the injury the charts follow; null otherwise. */
function loadContext(db: Db, user: SessionUser, patientId: string): Context | null {
  let queries = contextByConnection.get(db.$client);
  if (!queries) contextByConnection.set(db.$client, (queries = {}));
  const query = (queries[user.role] ??= contextQuery(db, user.role));
  const rows = query.all({ patientId, clinicId: user.clinicId, userId: user.id });
  const patient = rows[0];
  if (!patient) return null;
  const episodes = rows.filter((r): r is typeof r & { injuryId: string; onsetDate: string } => r.injuryId !== null && r.onsetDate !== null);
  // The episode the return-to-run panel follows (latest not closed), else the latest one.
  const injury = episodes.find((e) => e.status !== "closed") ?? episodes[0] ?? null;
  return {
    db,
    user,
    today: todayIn(user.clinicTimeZone),
    patientId,
    preInjuryWeeklyKm: patient.preInjuryWeeklyKm,
    settingsJson: patient.settings,
    injury: injury ? { id: injury.injuryId, onsetDate: injury.onsetDate } : null,
    earliestOnset: episodes.at(-1)?.onsetDate ?? null,
  };
}

function stageChangesOf(c: Context): StageChangePoint[] {
  return (c.changes ??= c.injury ? (statement(c.db, "stageChanges").all(c.injury.id) as StageChangePoint[]) : []);
}

function painChart(c: Context, range: PainRange): PainChartDto {
  const { db, patientId, today } = c;
  const settings = protocolFromJson(c.settingsJson);
  // Pain is the patient's, across episodes: the range decides what is shown.
  let logs: PainLogInput[];
  let from: string;
  if (range === "all") {
    logs = statement(db, "painLogsUpTo").all(patientId, today) as PainLogInput[];
    const firstLog = logs[0]?.date ?? null;
    const earliest = c.earliestOnset !== null && (firstLog === null || c.earliestOnset < firstLog) ? c.earliestOnset : firstLog;
    from = rangeStart(range, today, c.injury?.onsetDate ?? null, earliest);
  } else {
    from = rangeStart(range, today, c.injury?.onsetDate ?? null, null);
    logs = statement(db, "painLogsBetween").all(patientId, from, today) as PainLogInput[];
  }
  const runRows = statement(db, "painRuns").all(patientId, from, today) as PainRunInput[];
  // The current symptom-free streak is the engine's count (the return-to-run panel's, stored
  // with the status): one home for the rule, so the chart and the caseload agree.
  const panel = c.injury ? db.transaction((tx) => currentPanel(tx, c.user, patientId, today)) : null;
  return {
    range,
    from,
    to: today,
    points: painSeries(logs, runRows, from, today),
    stageBands: c.injury ? stageBands(stageChangesOf(c), c.injury.onsetDate, from, today) : [],
    streak: panel?.symptomFreeSpan ?? null,
    painSafeMax: settings.painSafeMax,
    painStopAbove: settings.painStopAbove,
  };
}

function volumeChart(c: Context): VolumeChartDto {
  const targetPercent = protocolFromJson(c.settingsJson).volumeTargetPercent;
  if (!c.injury) return { weeks: [], baselineKm: c.preInjuryWeeklyKm, targetPercent };
  const runRows = statement(c.db, "volumeRuns").all(c.injury.id) as VolumeRunInput[];
  return { weeks: weeklyVolume(runRows, stageChangesOf(c), c.injury.onsetDate, c.today), baselineKm: c.preInjuryWeeklyKm, targetPercent };
}

function measuresChart(c: Context): MeasuresChartDto {
  const { heelRaisesToRun, heelRaisesToReturn } = protocolFromJson(c.settingsJson);
  const targets = { heelRaisesToRun, heelRaisesToReturn };
  if (!c.injury) return { rows: [], targets };
  return { rows: measureRows(statement(c.db, "measures").all(c.injury.id) as MeasureInput[]), targets };
}

async function withContext<T>(patientId: string, charts: ChartName[], detail: Record<string, unknown>, read: (c: Context) => T): Promise<T | null> {
  const user = await requireUser();
  const db = getDb();
  const c = loadContext(db, user, patientId);
  if (!c) return auditRefused(user, "patient.charts.view", patientId);
  const result = read(c);
  auditRead(user, "patient.charts.view", patientId, { charts, ...detail });
  return result;
}

/** The three progress charts of a patient (one audited view), or null when not visible. */
export async function getProgressCharts(patientId: string, range: PainRange = "6w"): Promise<ProgressChartsDto | null> {
  return withContext(patientId, ["pain", "volume", "measures"], { range }, (c) => ({ pain: painChart(c, range), volume: volumeChart(c), measures: measuresChart(c) }));
}

/** The pain chart of the current episode for `range` ("6w" or "all"): one audited view; null when the patient is not visible. */
export async function getPainChart(patientId: string, range: PainRange): Promise<PainChartDto | null> {
  return withContext(patientId, ["pain"], { range }, (c) => painChart(c, range));
}

/** Weekly running volume (km and minutes, weeks from Monday) against the pre-injury baseline: one audited view; null when not visible. */
export async function getVolumeChart(patientId: string): Promise<VolumeChartDto | null> {
  return withContext(patientId, ["volume"], {}, volumeChart);
}

/** Calf and gait measures per assessment and side, with the clinic's targets: one audited view; null when not visible. */
export async function getMeasuresChart(patientId: string): Promise<MeasuresChartDto | null> {
  return withContext(patientId, ["measures"], {}, measuresChart);
}
