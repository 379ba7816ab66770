/** Words for the import review: how an activity will read in the run log. */
import type { RunColumns } from "@/lib/import/to-run";

export function describePlannedRun(run: RunColumns): string {
  const pattern = run.kind === "walk_run" ? `Walk/run: walk ${run.walkMinutes} / run ${run.runMinutes} min × ${run.repetitions}` : `Continuous: ${run.continuousMinutes} min`;
  return run.distanceKm !== null ? `${pattern}, ${run.distanceKm} km` : pattern;
}

export function describeCadence(spm: number | null): string {
  return spm === null ? "no cadence recorded" : `${Math.round(spm)} steps/min`;
}
