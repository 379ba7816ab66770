/**
 * Symptom-free days, the first-run gate's count (PRODUCT.md, "Clinical rules, second
 * edition"; the 7-day gate is from the calf-strain article the product grew from).
 */
import { daysBetween } from "../dates";
import { lastIndexOnOrBefore, prevDay, type Day } from "./days";
import { shortDay } from "./words";

export type SymptomFreeCount = {
  /** Symptom-free logged days counted back from the most recent logged day. */
  count: number;
  /** The count ends today or yesterday (else the gate's criterion is unmet). */
  current: boolean;
  /** The most recent logged day on or before the day judged. */
  lastLogged: string | null;
  /** The earliest day in the count. */
  firstDay: string | null;
  /** The most recent walking in the count (minutes and its pain). */
  lastWalk: { date: string; minutes: number; pain: number | null } | null;
  /** Why the count starts where it does, in words (null: it reaches the first logged day). */
  endedBy: string | null;
};

/**
 * Counts symptom-free days as of `asOf`: a logged day (any pain score) counts when every score
 * of it is 0. One day not logged between two logged days is bridged (neither counts nor
 * breaks); two in a row end the count. Any pain above 0 ends it. Days on or before
 * `restartAfter` (a stop-level run, or a step back to Protect) are not counted: the count
 * restarts the next day. `cap` stops the walk back once the count reaches it (for gates).
 * Days are sorted by date; the walk is backwards from `asOf`, so it costs the count's length.
 */
export function symptomFreeCount(days: readonly Day[], asOf: string, restartAfter: string | null, cap = Infinity): SymptomFreeCount {
  let i = lastIndexOnOrBefore(days, asOf);
  while (i >= 0 && days[i]!.worst === null) i--;
  if (i < 0) return { count: 0, current: false, lastLogged: null, firstDay: null, lastWalk: null, endedBy: null };
  const lastLogged = days[i]!.date;
  let count = 0;
  let prev: string | null = null;
  let firstDay: string | null = null;
  let lastWalk: SymptomFreeCount["lastWalk"] = null;
  let endedBy: string | null = null;
  for (; i >= 0 && count < cap; i--) {
    const d = days[i]!;
    if (d.worst === null) continue;
    // More than one day not logged between this day and the next logged one ends the count.
    if (prev !== null && d.date < prevDay(prevDay(prev))) {
      endedBy = `two or more days not logged before ${shortDay(prev)}`;
      break;
    }
    if (restartAfter !== null && d.date <= restartAfter) {
      endedBy = `the count restarted after ${shortDay(restartAfter)} (a stop-level run or a step back to Protect)`;
      break;
    }
    if (d.worst > 0) {
      endedBy = `pain ${d.worst}/10 on ${shortDay(d.date)}`;
      break;
    }
    count++;
    firstDay = d.date;
    prev = d.date;
    if (lastWalk === null && d.walkMinutes !== null && d.walkMinutes > 0) lastWalk = { date: d.date, minutes: d.walkMinutes, pain: d.painWalk };
  }
  return { count, current: daysBetween(lastLogged, asOf) <= 1, lastLogged, firstDay, lastWalk, endedBy };
}
