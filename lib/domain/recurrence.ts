/**
 * Recurrence: a new calf-strain episode on the same side within 12 months of the onset of
 * an earlier one. Re-injury risk is highest in the months after a return to running, so
 * the header and caseload mark such an episode. "both" overlaps left and right.
 */
import type { Side } from "@/lib/domain/vocabulary";
import { isIsoDay } from "./dates";

export type EpisodeOnset = { id?: string; side: Side; onsetDate: string };

export function sidesOverlap(a: Side, b: Side): boolean {
  return a === b || a === "both" || b === "both";
}

/** The same calendar day one year later (29 February → 28 February). */
export function oneYearAfter(day: string): string {
  if (!isIsoDay(day)) throw new RangeError(`Not a calendar date: ${day}`);
  const [y, m, d] = day.split("-") as [string, string, string];
  const next = `${Number(y) + 1}-${m}-${d}`;
  return isIsoDay(next) ? next : `${Number(y) + 1}-${m}-28`;
}

/**
 * Whether `episode` recurs an earlier one: another episode (not itself) with an
 * overlapping side whose onset is strictly before this onset, and this onset on or before
 * the same day a year after it.
 */
export function isRecurrence(episode: EpisodeOnset, others: readonly EpisodeOnset[]): boolean {
  return others.some(
    (prev) =>
      (episode.id === undefined || prev.id !== episode.id) &&
      sidesOverlap(prev.side, episode.side) &&
      prev.onsetDate < episode.onsetDate &&
      episode.onsetDate <= oneYearAfter(prev.onsetDate),
  );
}
