/**
 * Pain over time for the chart: one point per calendar day of the range, one value per
 * context. A day with nothing logged is null (a gap in the line), never zero.
 */
import { addDays, daysBetween } from "./dates";
import { worstScore } from "./engine/pain";
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

const maxOf = (...values: (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
};

/**
 * One point per day from `from` to `to`. Cross-training is the worst of walking, cycling and
 * swimming that day; several runs on one day keep the worst score. Next-morning pain sits on
 * the run's day (it belongs to that run).
 */
export function painSeries(logs: PainLogInput[], runs: PainRunInput[], from: string, to: string): PainPoint[] {
  if (from > to || daysBetween(from, to) > 3700) return [];
  const points = new Map<string, PainPoint>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    points.set(day, { date: day, run: false, rest: null, daily: null, cross: null, running: null, nextMorning: null });
  }
  for (const l of logs) {
    const p = points.get(l.date);
    if (!p) continue;
    p.rest = maxOf(p.rest, l.painRest);
    p.daily = maxOf(p.daily, l.painDaily);
    p.cross = maxOf(p.cross, l.painWalk, l.painCycle, l.painSwim);
  }
  for (const r of runs) {
    const p = points.get(r.date);
    if (!p) continue;
    p.run = true;
    p.running = maxOf(p.running, r.painDuring);
    p.nextMorning = maxOf(p.nextMorning, r.painNextMorning);
  }
  return [...points.values()];
}

/**
 * The current symptom-free streak as a span of days (the engine's rule: logged days whose
 * every recorded score is 0, counting back from the latest scored log), or null.
 */
export function streakSpan(logs: PainLogInput[]): { from: string; to: string; days: number } | null {
  const sorted = [...logs].sort((a, b) => (a.date < b.date ? 1 : -1));
  let from: string | null = null;
  let to: string | null = null;
  let days = 0;
  for (const log of sorted) {
    const worst = worstScore({ ...log, walkMinutes: null });
    if (worst === null) continue;
    if (worst > 0) break;
    to ??= log.date;
    from = log.date;
    days++;
  }
  return from && to ? { from, to, days } : null;
}
