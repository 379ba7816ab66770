/**
 * Stages over time, from the confirmed stage changes: the stage on a day and the bands a
 * chart draws behind its data. The latest-recorded change effective on or before a day
 * wins (a step back recorded later overrides a progression of the same day); before any
 * change, a runner is in Protect from the onset (as the engine counts it).
 */
import { addDays } from "./dates";
import { stageName } from "./injury";

export type StageChangePoint = { toStage: number; effectiveDate: string };
export type StageBand = { stage: number; from: string; to: string };

export function stageOn(changes: StageChangePoint[], day: string, onsetDate: string | null): number | null {
  let stage: number | null = onsetDate !== null && day >= onsetDate ? 0 : null;
  let best = "";
  for (const c of changes) {
    if (c.effectiveDate <= day && c.effectiveDate >= best) {
      best = c.effectiveDate;
      stage = c.toStage;
    }
  }
  return stage;
}

/** Consecutive days in one stage between `from` and `to` (both inclusive), days without a stage left out. */
export function stageBands(changes: StageChangePoint[], onsetDate: string | null, from: string, to: string): StageBand[] {
  const bands: StageBand[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const stage = stageOn(changes, day, onsetDate);
    const last = bands.at(-1);
    if (stage === null) continue;
    if (last && last.stage === stage && addDays(last.to, 1) === day) last.to = day;
    else bands.push({ stage, from: day, to: day });
  }
  return bands;
}

/** "2 Walk-run": the stage a band shows on a day, in words, or "—" outside every band. */
export function stageWordsOn(bands: StageBand[], day: string): string {
  const band = bands.find((b) => b.from <= day && day <= b.to);
  return band ? `${band.stage} ${stageName(band.stage)}` : "—";
}
