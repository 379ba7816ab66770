/**
 * The runner's days: every pain score of the episode put on the calendar day it describes,
 * built in one pass so each rule can walk a sorted array instead of searching the logs.
 */
import { addDays } from "../dates";
import type { EngineLog, EngineRun } from "./types";

/** A calendar day with the pain scores that describe it (null: that context was not scored). */
export type Day = {
  date: string;
  /** Highest score of the day over every context, runs and the morning after the day before's run. */
  worst: number | null;
  rest: number | null;
  daily: number | null;
  walkMinutes: number | null;
  painWalk: number | null;
};

/** The worst score of a daily log over its contexts, or null when it recorded no pain score. */
export function worstScore(log: Pick<EngineLog, "painRest" | "painDaily" | "painWalk" | "painCycle" | "painSwim">): number | null {
  let worst: number | null = null;
  for (const v of [log.painRest, log.painDaily, log.painWalk, log.painCycle, log.painSwim]) if (v !== null && (worst === null || v > worst)) worst = v;
  return worst;
}

const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Sorts by `date`, keeping the recorded order within a day; returns the input when already sorted. */
export function byDate<T extends { date: string }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) {
    if (items[i - 1]!.date > items[i]!.date) return [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return items;
}

/**
 * The days of the episode in date order. A run's pain during counts on its day; its
 * next-morning score on the day after (the day it describes: PRODUCT.md, symptom-free days).
 * Logs and runs are expected sorted by date.
 */
export function buildDays(logs: EngineLog[], runs: EngineRun[]): Day[] {
  const byDay = new Map<string, Day>();
  const day = (date: string): Day => {
    let d = byDay.get(date);
    if (!d) {
      d = { date, worst: null, rest: null, daily: null, walkMinutes: null, painWalk: null };
      byDay.set(date, d);
    }
    return d;
  };
  for (const l of logs) {
    const d = day(l.date);
    d.rest = l.painRest;
    d.daily = l.painDaily;
    d.walkMinutes = l.walkMinutes;
    d.painWalk = l.painWalk;
    for (const v of [l.painRest, l.painDaily, l.painWalk, l.painCycle, l.painSwim]) d.worst = max(d.worst, v);
  }
  for (const r of runs) {
    const d = day(r.date);
    d.worst = max(d.worst, r.painDuring);
    if (r.painNextMorning !== null) {
      const next = day(nextDay(r.date));
      next.worst = max(next.worst, r.painNextMorning);
    }
  }
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// The engine looks up the day before and after every run of an episode: the same days recur
// from one recompute to the next, so their neighbours are remembered (bounded).
const NEXT = new Map<string, string>();
const PREV = new Map<string, string>();

function neighbour(cache: Map<string, string>, date: string, delta: number): string {
  let day = cache.get(date);
  if (day === undefined) {
    if (cache.size > 50_000) cache.clear();
    day = addDays(date, delta);
    cache.set(date, day);
  }
  return day;
}

/** The calendar day after `date`. */
export const nextDay = (date: string): string => neighbour(NEXT, date, 1);
/** The calendar day before `date`. */
export const prevDay = (date: string): string => neighbour(PREV, date, -1);

/** Index of the last day on or before `date` (−1: none). Binary search over sorted days. */
export function lastIndexOnOrBefore(days: readonly { date: string }[], date: string): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]!.date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The day record for `date`, or undefined. */
export function dayAt(days: readonly Day[], date: string): Day | undefined {
  const i = lastIndexOnOrBefore(days, date);
  return i >= 0 && days[i]!.date === date ? days[i] : undefined;
}
