import { todayIn } from "@/lib/domain/dates";
import type { RunKind } from "@/lib/domain/vocabulary";
import type { ImportedActivity } from "./types";

/** The run-log columns an imported activity fills (the `runs` table's units: days, minutes, km). */
export type RunColumns = {
  runDate: string;
  kind: RunKind;
  walkMinutes: number | null;
  runMinutes: number | null;
  repetitions: number | null;
  continuousMinutes: number | null;
  distanceKm: number | null;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The one conversion from an imported activity (SI: seconds, metres, UTC start) to the run
 * log's columns: the run's date is its start's calendar day in the clinic's time zone; a
 * recognised walk-run pattern becomes walk/run minutes per repetition and repetitions
 * (within the run form's ranges: walk ≤ 30 min, run 0.5–60 min, 1–30 repetitions);
 * anything else is continuous for its moving minutes (0.1 min); distance in km (0.01 km).
 * If run units change (e.g. to metres and seconds), this function is the one place to adapt.
 */
export function runColumnsFrom(activity: ImportedActivity, timeZone: string): RunColumns {
  const runDate = todayIn(timeZone, new Date(activity.startTime));
  const distanceKm = activity.distanceM === null ? null : Math.round(activity.distanceM / 10) / 100;
  const wr = activity.walkRun;
  if (wr && wr.walkS <= 30 * 60 && wr.runS >= 30 && wr.runS <= 60 * 60 && wr.repetitions <= 30) {
    return { runDate, kind: "walk_run", walkMinutes: round1(wr.walkS / 60), runMinutes: round1(wr.runS / 60), repetitions: wr.repetitions, continuousMinutes: null, distanceKm };
  }
  const minutes = Math.min(600, Math.max(1, round1(activity.movingS / 60)));
  return { runDate, kind: "continuous", walkMinutes: null, runMinutes: null, repetitions: null, continuousMinutes: minutes, distanceKm };
}

/** How the review treats an activity: imported if chosen, or why not. */
export type ReviewStatus =
  | { kind: "new" }
  | { kind: "date_check"; message: string }
  | { kind: "duplicate"; message: string }
  | { kind: "skipped"; message: string };

/**
 * Sorts an activity for the review: not a run → skipped with its reason; the same start
 * time or the same file (hash and index) already imported for this patient, or earlier in
 * this upload → duplicate; a date after today or before the injury's onset → needs the
 * user's confirmation; otherwise new. `seen` collects this upload's activities.
 */
export function reviewStatus(
  activity: ImportedActivity,
  runDate: string,
  context: { today: string; onsetDate: string; startedAt: Set<string>; hashes: Set<string>; seen: Set<string> },
): ReviewStatus {
  if (activity.notRunReason) return { kind: "skipped", message: activity.notRunReason };
  const fileKey = `${activity.contentHash}:${activity.index}`;
  if (context.hashes.has(fileKey)) return { kind: "duplicate", message: "This file was imported before." };
  if (context.startedAt.has(activity.startTime)) return { kind: "duplicate", message: "A run with this start time is already logged." };
  if (context.seen.has(activity.startTime) || context.seen.has(fileKey)) return { kind: "duplicate", message: "The same run appears twice in this upload." };
  context.seen.add(activity.startTime);
  context.seen.add(fileKey);
  if (runDate > context.today) return { kind: "date_check", message: "This run is dated in the future: check the watch's clock before importing it." };
  if (runDate < context.onsetDate) return { kind: "date_check", message: "This run is dated before the injury's onset." };
  return { kind: "new" };
}

/** A short stable key for one activity of one file (the first 64 bits of its content hash, and its index): short enough to send back fifty choices in a URL. */
export const activityKey = (a: Pick<ImportedActivity, "contentHash" | "index">) => `${a.contentHash.slice(0, 16)}:${a.index}`;
