/**
 * Weekly running volume for the chart: Monday-to-Sunday weeks from the injury onset to
 * today, with the kilometres and running minutes of each week and the stage it ended in.
 * A week without runs is a real 0 (the runner did not run), unlike a day without a pain log.
 */
import { addDays, daysBetween } from "./dates";
import { stageOn, type StageChangePoint } from "./chart-stages";

export type VolumeRunInput = {
  date: string;
  kind: "walk_run" | "continuous";
  runMinutes: number | null;
  repetitions: number | null;
  continuousMinutes: number | null;
  distanceKm: number | null;
};

export type VolumeWeek = { weekStart: string; km: number; minutes: number; runs: number; stage: number | null };

/** The Monday of a day's week. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Minutes spent running (not walking) in one session. */
export function runningMinutes(r: VolumeRunInput): number {
  if (r.kind === "continuous") return r.continuousMinutes ?? r.runMinutes ?? 0;
  return (r.runMinutes ?? 0) * (r.repetitions ?? 1);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function weeklyVolume(runs: VolumeRunInput[], changes: StageChangePoint[], onsetDate: string, today: string): VolumeWeek[] {
  if (onsetDate > today || daysBetween(onsetDate, today) > 3700) return [];
  const weeks = new Map<string, VolumeWeek>();
  for (let w = weekStart(onsetDate); w <= today; w = addDays(w, 7)) {
    const end = addDays(w, 6) < today ? addDays(w, 6) : today;
    weeks.set(w, { weekStart: w, km: 0, minutes: 0, runs: 0, stage: stageOn(changes, end, onsetDate) });
  }
  for (const r of runs) {
    const week = weeks.get(weekStart(r.date));
    if (!week || r.date > today) continue;
    week.km += r.distanceKm ?? 0;
    week.minutes += runningMinutes(r);
    week.runs += 1;
  }
  return [...weeks.values()].map((w) => ({ ...w, km: round1(w.km), minutes: Math.round(w.minutes) }));
}
