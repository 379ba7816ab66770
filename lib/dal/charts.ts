import "server-only";
import { and, asc, between, desc, eq, min } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { assessments, dailyLogs, injuries, patients, runs, stageChanges } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { todayIn } from "@/lib/domain/dates";
import { painSeries, rangeStart, streakSpan, type PainPoint, type PainRange } from "@/lib/domain/chart-pain";
import { stageBands, type StageBand, type StageChangePoint } from "@/lib/domain/chart-stages";
import { weeklyVolume, type VolumeWeek } from "@/lib/domain/chart-volume";
import { measureRows, type MeasureRow } from "@/lib/domain/chart-measures";
import { visiblePatientsWhere } from "./access";
import { writeAudit } from "./audit";
import { loadProtocol } from "./status";

export type PainChartDto = {
  range: PainRange;
  from: string;
  to: string;
  points: PainPoint[];
  stageBands: StageBand[];
  /** The current symptom-free streak, when there is one. */
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

export type MeasuresChartDto = { rows: MeasureRow[] };

export type ProgressChartsDto = { pain: PainChartDto; volume: VolumeChartDto; measures: MeasuresChartDto };

export type ChartName = "pain" | "volume" | "measures";

type Context = {
  db: Db;
  user: SessionUser;
  today: string;
  patientId: string;
  preInjuryWeeklyKm: number | null;
  injury: { id: string; onsetDate: string } | null;
  earliestOnset: string | null;
  changes: StageChangePoint[];
};

/** The patient if the user may see them, with the injury the charts follow; null otherwise. */
function loadContext(db: Db, user: SessionUser, patientId: string): Context | null {
  const patient = db
    .select({ id: patients.id, preInjuryWeeklyKm: patients.preInjuryWeeklyKm })
    .from(patients)
    .where(and(eq(patients.id, patientId), visiblePatientsWhere(user)))
    .get();
  if (!patient) return null;
  const episodes = db
    .select({ id: injuries.id, onsetDate: injuries.onsetDate, status: injuries.status })
    .from(injuries)
    .where(eq(injuries.patientId, patientId))
    .orderBy(desc(injuries.onsetDate), desc(injuries.createdAt))
    .all();
  // The episode the return-to-run panel follows (latest not closed), else the latest one.
  const injury = episodes.find((e) => e.status !== "closed") ?? episodes[0] ?? null;
  const changes = injury
    ? db.select({ toStage: stageChanges.toStage, effectiveDate: stageChanges.effectiveDate }).from(stageChanges).where(eq(stageChanges.injuryId, injury.id)).orderBy(asc(stageChanges.changedAt)).all()
    : [];
  return {
    db,
    user,
    today: todayIn(user.clinicTimeZone),
    patientId,
    preInjuryWeeklyKm: patient.preInjuryWeeklyKm,
    injury: injury ? { id: injury.id, onsetDate: injury.onsetDate } : null,
    earliestOnset: episodes.at(-1)?.onsetDate ?? null,
    changes,
  };
}

function painChart(c: Context, range: PainRange): PainChartDto {
  const { db, patientId, today } = c;
  const firstLog = db.select({ day: min(dailyLogs.logDate) }).from(dailyLogs).where(eq(dailyLogs.patientId, patientId)).get()?.day ?? null;
  const earliest = [c.earliestOnset, firstLog].filter((d): d is string => d !== null).sort()[0] ?? null;
  const from = rangeStart(range, today, c.injury?.onsetDate ?? null, earliest);
  // Pain is the patient's, across episodes: the range decides what is shown.
  const logs = db
    .select({ date: dailyLogs.logDate, painRest: dailyLogs.painRest, painDaily: dailyLogs.painDaily, painWalk: dailyLogs.painWalk, painCycle: dailyLogs.painCycle, painSwim: dailyLogs.painSwim })
    .from(dailyLogs)
    .where(and(eq(dailyLogs.patientId, patientId), between(dailyLogs.logDate, from, today)))
    .orderBy(asc(dailyLogs.logDate))
    .all();
  const runRows = db
    .select({ date: runs.runDate, painDuring: runs.painDuring, painNextMorning: runs.painNextMorning })
    .from(runs)
    .where(and(eq(runs.patientId, patientId), between(runs.runDate, from, today)))
    .all();
  // The streak counts the current episode's logs only, as the engine does.
  const streakLogs = c.injury
    ? db
        .select({ date: dailyLogs.logDate, painRest: dailyLogs.painRest, painDaily: dailyLogs.painDaily, painWalk: dailyLogs.painWalk, painCycle: dailyLogs.painCycle, painSwim: dailyLogs.painSwim })
        .from(dailyLogs)
        .where(eq(dailyLogs.injuryId, c.injury.id))
        .all()
    : [];
  const settings = loadProtocol(db, c.user.clinicId);
  return {
    range,
    from,
    to: today,
    points: painSeries(logs, runRows, from, today),
    stageBands: c.injury ? stageBands(c.changes, c.injury.onsetDate, from, today) : [],
    streak: streakSpan(streakLogs),
    painSafeMax: settings.painSafeMax,
    painStopAbove: settings.painStopAbove,
  };
}

function volumeChart(c: Context): VolumeChartDto {
  const settings = loadProtocol(c.db, c.user.clinicId);
  if (!c.injury) return { weeks: [], baselineKm: c.preInjuryWeeklyKm, targetPercent: settings.volumeTargetPercent };
  const runRows = c.db
    .select({ date: runs.runDate, kind: runs.kind, runMinutes: runs.runMinutes, repetitions: runs.repetitions, continuousMinutes: runs.continuousMinutes, distanceKm: runs.distanceKm })
    .from(runs)
    .where(eq(runs.injuryId, c.injury.id))
    .all();
  return { weeks: weeklyVolume(runRows, c.changes, c.injury.onsetDate, c.today), baselineKm: c.preInjuryWeeklyKm, targetPercent: settings.volumeTargetPercent };
}

function measuresChart(c: Context): MeasuresChartDto {
  if (!c.injury) return { rows: [] };
  const rows = c.db
    .select({
      assessedOn: assessments.assessedOn,
      fpaLeftDeg: assessments.fpaLeftDeg,
      fpaRightDeg: assessments.fpaRightDeg,
      pelvicTiltDeg: assessments.pelvicTiltDeg,
      cadenceSpm: assessments.cadenceSpm,
      kneeToWallLeftCm: assessments.kneeToWallLeftCm,
      kneeToWallRightCm: assessments.kneeToWallRightCm,
      heelRaisesLeft: assessments.heelRaisesLeft,
      heelRaisesRight: assessments.heelRaisesRight,
    })
    .from(assessments)
    .where(eq(assessments.injuryId, c.injury.id))
    .orderBy(asc(assessments.assessedOn), asc(assessments.createdAt))
    .all();
  return { rows: measureRows(rows) };
}

async function withContext<T>(patientId: string, charts: ChartName[], detail: Record<string, unknown>, read: (c: Context) => T): Promise<T | null> {
  const user = await requireUser();
  const db = getDb();
  const c = loadContext(db, user, patientId);
  if (!c) return null;
  const result = read(c);
  writeAudit(db, { clinicId: user.clinicId, userId: user.id, action: "patient.charts.view", entityType: "patient", entityId: patientId, patientId, detail: { charts, ...detail } });
  return result;
}

/** The three progress charts of a patient (one audited view), or null when not visible. */
export async function getProgressCharts(patientId: string, range: PainRange = "6w"): Promise<ProgressChartsDto | null> {
  return withContext(patientId, ["pain", "volume", "measures"], { range }, (c) => ({ pain: painChart(c, range), volume: volumeChart(c), measures: measuresChart(c) }));
}

export async function getPainChart(patientId: string, range: PainRange): Promise<PainChartDto | null> {
  return withContext(patientId, ["pain"], { range }, (c) => painChart(c, range));
}

export async function getVolumeChart(patientId: string): Promise<VolumeChartDto | null> {
  return withContext(patientId, ["volume"], {}, volumeChart);
}

export async function getMeasuresChart(patientId: string): Promise<MeasuresChartDto | null> {
  return withContext(patientId, ["measures"], {}, measuresChart);
}
