/**
 * Weekly running volume for the chart: Monday-to-Sunday weeks from the injury onset to
 * today, with the kilometres and running minutes of each week and the stage it ended in.
 * A week without runs is a real 0 (the runner did not run), unlike a day without a pain log.
 */
import { calendarDays } from "./chart-days";
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

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (for bucketing many runs without a Date each). */
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

export function weeklyVolume(runs: VolumeRunInput[], changes: StageChangePoint[], onsetDate: string, today: string): VolumeWeek[] {
  if (onsetDate > today || daysBetween(onsetDate, today) > 3700) return [];
  const first = weekStart(onsetDate);
  const sundays = calendarDays(addDays(first, 6), addDays(today, 6), 7);
  const weeks: VolumeWeek[] = calendarDays(first, today, 7).map((w, i) => {
    const end = sundays[i]! < today ? sundays[i]! : today;
    return { weekStart: w, km: 0, minutes: 0, runs: 0, stage: stageOn(changes, end, onsetDate) };
  });
  const firstDay = dayNumber(first);
  for (const r of runs) {
    if (r.date > today || r.date < first) continue;
    const week = weeks[Math.floor((dayNumber(r.date) - firstDay) / 7)];
    if (!week) continue;
    week.km += r.distanceKm ?? 0;
    week.minutes += runningMinutes(r);
    week.runs += 1;
  }
  for (const w of weeks) {
    w.km = round1(w.km);
    w.minutes = Math.round(w.minutes);
  }
  return weeks;
}
