/**
 * Pain over time for the chart: one point per calendar day of the range, one value per
 * context. A day with nothing logged is null (a gap in the line), never zero.
 */
import { calendarDays } from "./chart-days";
import { addDays, daysBetween } from "./dates";
import { DEFAULT_PROTOCOL, type ProtocolSettings } from "./protocol";

export type PainBand = "safe" | "caution" | "stop";
export const PAIN_BAND_WORDS: Record<PainBand, string> = { safe: "safe", caution: "caution", stop: "stop" };

/** The pain-monitoring bands: ≤ safe max is safe, above the stop limit a stop, between them caution. */
export function painBand(value: number, s: Pick<ProtocolSettings, "painSafeMax" | "painStopAbove"> = DEFAULT_PROTOCOL): PainBand {
  if (value <= s.painSafeMax) return "safe";
  if (value > s.painStopAbove) return "stop";
  return "caution";
}

export const PAIN_RANGES = ["2w", "6w", "onset", "all"] as const;
export type PainRange = (typeof PAIN_RANGES)[number];
export const PAIN_RANGE_LABELS: Record<PainRange, string> = { "2w": "2 weeks", "6w": "6 weeks", onset: "Since onset", all: "All" };

export type PainLogInput = {
  date: string;
  painRest: number | null;
  painDaily: number | null;
  painWalk: number | null;
  painCycle: number | null;
  painSwim: number | null;
};
export type PainRunInput = { date: string; painDuring: number; painNextMorning: number | null };

export const PAIN_SERIES = ["rest", "daily", "cross", "running", "nextMorning"] as const;
export type PainSeriesKey = (typeof PAIN_SERIES)[number];
export const PAIN_SERIES_LABELS: Record<PainSeriesKey, string> = {
  rest: "At rest",
  daily: "Daily activities",
  cross: "Cross-training",
  running: "Running (during)",
  nextMorning: "Next morning after a run",
};

export type PainPoint = { date: string; run: boolean } & Record<PainSeriesKey, number | null>;

/** The first day a range shows; `earliest` is the first day with any data or injury onset. */
export function rangeStart(range: PainRange, today: string, onsetDate: string | null, earliest: string | null): string {
  if (range === "2w") return addDays(today, -13);
  if (range === "6w") return addDays(today, -41);
  const start = range === "onset" ? onsetDate : earliest ?? onsetDate;
  if (!start || start > today) return addDays(today, -13);
  return start;
}

/** The larger of two scores, where null is "not recorded". */
const worse = (a: number | null, b: number | null): number | null => (a === null ? b : b === null || a >= b ? a : b);

/**
 * One point per day from `from` to `to`. Cross-training is the worst of walking, cycling and
 * swimming that day; several runs on one day keep the worst score. Next-morning pain sits on
 * the run's day (it belongs to that run).
 */
export function painSeries(logs: PainLogInput[], runs: PainRunInput[], from: string, to: string): PainPoint[] {
  if (from > to || daysBetween(from, to) > 3700) return [];
  const days = calendarDays(from, to);
  const points: PainPoint[] = new Array(days.length);
  const byDay = new Map<string, PainPoint>();
  for (let i = 0; i < days.length; i++) {
    const p: PainPoint = { date: days[i]!, run: false, rest: null, daily: null, cross: null, running: null, nextMorning: null };
    points[i] = p;
    byDay.set(p.date, p);
  }
  for (const l of logs) {
    const p = byDay.get(l.date);
    if (!p) continue;
    p.rest = worse(p.rest, l.painRest);
    p.daily = worse(p.daily, l.painDaily);
    p.cross = worse(worse(worse(p.cross, l.painWalk), l.painCycle), l.painSwim);
  }
  for (const r of runs) {
    const p = byDay.get(r.date);
    if (!p) continue;
    p.run = true;
    p.running = worse(p.running, r.painDuring);
    p.nextMorning = worse(p.nextMorning, r.painNextMorning);
  }
  return points;
}
