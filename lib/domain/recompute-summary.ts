/**
 * The summary `npm run status:recompute` prints after an engine or protocol change: how many
 * runners' stages, flags and readiness changed, and why, in words a clinic can read. Pure:
 * the recompute feeds it each runner's status before and after.
 */
import { FLAG_LABELS } from "./engine/flags";
import type { FlagCode } from "./engine/types";

/** The parts of a runner's stored status the summary compares. */
export type StatusSnapshot = { stage: number | null; ready: boolean; flags: readonly string[]; streak: number };

export type RecomputeSummary = {
  total: number;
  changed: number;
  stageChanged: number;
  becameReady: number;
  noLongerReady: number;
  streakChanged: number;
  /** Flag code → runners on whom it is newly open. */
  flagsRaised: Record<string, number>;
  /** Flag code → runners on whom it no longer stands. */
  flagsCleared: Record<string, number>;
  /** Criterion label → runners no longer ready because it is unmet. */
  notReadyBecause: Record<string, number>;
  /** Episodes whose recurrence class (lib/domain/recurrence.ts) was rewritten, e.g. in a database made before the classes existed. */
  recurrencesReclassified: number;
};

/** A summary with every count at zero, to add runners to. */
export function emptySummary(): RecomputeSummary {
  return { total: 0, changed: 0, stageChanged: 0, becameReady: 0, noLongerReady: 0, streakChanged: 0, flagsRaised: {}, flagsCleared: {}, notReadyBecause: {}, recurrencesReclassified: 0 };
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Adds one runner: `before` null when no status was stored yet (counted as changed, with no
 * comparison); `unmetCriteria` are the labels of the criteria unmet after the recompute.
 */
export function addToSummary(summary: RecomputeSummary, before: StatusSnapshot | null, after: StatusSnapshot, changed: boolean, unmetCriteria: readonly string[]): void {
  summary.total++;
  if (changed) summary.changed++;
  if (!before) return;
  if (before.stage !== after.stage) summary.stageChanged++;
  if (before.streak !== after.streak) summary.streakChanged++;
  if (!before.ready && after.ready) summary.becameReady++;
  if (before.ready && !after.ready) {
    summary.noLongerReady++;
    for (const label of unmetCriteria) bump(summary.notReadyBecause, label);
  }
  for (const f of after.flags) if (!before.flags.includes(f)) bump(summary.flagsRaised, f);
  for (const f of before.flags) if (!after.flags.includes(f)) bump(summary.flagsCleared, f);
}

const runners = (n: number) => `${n} runner${n === 1 ? "" : "s"}`;
const label = (code: string) => (FLAG_LABELS as Record<string, string>)[code as FlagCode] ?? code.replace(/_/g, " ");
const listed = (counts: Record<string, number>, words: (key: string) => string) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${words(k)} (${runners(n)})`)
    .join("; ");

/** The summary in lines of plain words, most telling first. */
export function summaryLines(s: RecomputeSummary): string[] {
  const lines = [`Recomputed the return-to-run status of ${runners(s.total)}: ${s.changed} changed.`];
  if (s.recurrencesReclassified > 0) {
    const n = s.recurrencesReclassified;
    lines.push(`Recurrence: ${n} injury episode${n === 1 ? "" : "s"} newly classed against the earlier episode's return (exacerbation; early, late or delayed recurrence).`);
  }
  if (s.changed === 0) return lines;
  lines.push(
    s.stageChanged === 0
      ? "Stages: none changed (a stage changes only when a therapist confirms it)."
      : `Stages: ${runners(s.stageChanged)} now show a different stage (their current episode changed).`,
  );
  lines.push(`Readiness: ${runners(s.becameReady)} became ready to progress; ${runners(s.noLongerReady)} ${s.noLongerReady === 1 ? "is" : "are"} no longer ready.`);
  if (s.noLongerReady > 0) lines.push(`Why no longer ready (criteria now unmet): ${listed(s.notReadyBecause, (k) => k)}.`);
  const raised = listed(s.flagsRaised, label);
  const cleared = listed(s.flagsCleared, label);
  lines.push(`Flags raised: ${raised || "none"}.`);
  lines.push(`Flags cleared: ${cleared || "none"}.`);
  if (s.streakChanged > 0) lines.push(`Symptom-free count changed for ${runners(s.streakChanged)} (the count now needs recent, consecutive logged days).`);
  return lines;
}
