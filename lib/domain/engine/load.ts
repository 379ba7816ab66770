/**
 * Running load for the build-volume stage. Acute load = the last 7 days; chronic load = the
 * weekly mean of the 28 days before. A load jump is acute above chronic × (1 + rise%) plus a
 * small-volume allowance: guidance, not evidence (increases over 30% a week were linked with
 * more running injuries, Nielsen et al. 2014; the 10% figure and the allowance are settings).
 */
import { addDays } from "../dates";
import type { ProtocolSettings } from "../protocol";
import { lastIndexOnOrBefore } from "./days";
import type { EngineRun, Load } from "./types";

/** Running minutes of a session: continuous minutes, or run minutes × repetitions; null when unknown. */
export function runMinutes(run: EngineRun): number | null {
  if (run.kind === "continuous") return run.continuousMinutes;
  if (run.runMinutes === null) return null;
  return run.runMinutes * (run.repetitions ?? 1);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Prefix sums over runs sorted by date, so any window's load costs two binary searches.
 * `withoutKm[i]` counts runs without a distance among the first i.
 */
export type LoadIndex = { runs: readonly EngineRun[]; km: number[]; minutes: number[]; withoutKm: number[] };

export function loadIndex(runs: readonly EngineRun[]): LoadIndex {
  const km = [0];
  const minutes = [0];
  const withoutKm = [0];
  for (const r of runs) {
    km.push(km.at(-1)! + (r.distanceKm ?? 0));
    minutes.push(minutes.at(-1)! + (runMinutes(r) ?? 0));
    withoutKm.push(withoutKm.at(-1)! + (r.distanceKm === null ? 1 : 0));
  }
  return { runs, km, minutes, withoutKm };
}

function windowSums(ix: LoadIndex, from: string, to: string) {
  const end = lastIndexOnOrBefore(ix.runs, to) + 1;
  const start = lastIndexOnOrBefore(ix.runs, addDays(from, -1)) + 1;
  return { km: ix.km[end]! - ix.km[start]!, minutes: ix.minutes[end]! - ix.minutes[start]!, withoutKm: ix.withoutKm[end]! - ix.withoutKm[start]!, count: end - start };
}

/**
 * The load as of `asOf`: in km when every run of the 35 days compared has a distance, else
 * in minutes; with the jump limit (chronic × (1 + rise%) + allowance).
 */
export function loadOn(ix: LoadIndex, asOf: string, s: ProtocolSettings): Load {
  const acute = windowSums(ix, addDays(asOf, -6), asOf);
  const chronic = windowSums(ix, addDays(asOf, -34), addDays(asOf, -7));
  const inKm = acute.withoutKm + chronic.withoutKm === 0;
  const a = inKm ? acute.km : acute.minutes;
  const c = (inKm ? chronic.km : chronic.minutes) / 4;
  const allowance = inKm ? s.volumeAllowanceKm : s.volumeAllowanceMinutes;
  return { unit: inKm ? "km" : "min", acute: round1(a), chronicWeekly: round1(c), limit: round1(c * (1 + s.weeklyVolumeRisePercent / 100) + allowance) };
}

/** A load jump: acute above the limit. */
export function isLoadJump(load: Load): boolean {
  return load.acute > load.limit;
}

/** Kilometres in the 7 days ending `today` and the 7 before (for the PDF and older readers). */
export function weeklyKm(ix: LoadIndex, today: string): { thisWeek: number; lastWeek: number } {
  return { thisWeek: round1(windowSums(ix, addDays(today, -6), today).km), lastWeek: round1(windowSums(ix, addDays(today, -13), addDays(today, -7)).km) };
}

/** Kilometres in the last 7 days, or null when a run of those days has no distance. */
export function acuteKm(ix: LoadIndex, today: string): number | null {
  const w = windowSums(ix, addDays(today, -6), today);
  return w.withoutKm > 0 ? null : round1(w.km);
}
