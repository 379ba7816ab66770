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

/**
 * Consecutive days in one stage between `from` and `to` (both inclusive), days without a stage
 * left out. Worked out from the changes (the stage only changes on an effective date), not
 * day by day.
 */
export function stageBands(changes: StageChangePoint[], onsetDate: string | null, from: string, to: string): StageBand[] {
  if (from > to) return [];
  // Where the stage starts to hold: each effective date with the change that wins it (the
  // latest recorded), and the onset (Protect) until the first change.
  const winners = new Map<string, number>();
  for (const c of changes) winners.set(c.effectiveDate, c.toStage);
  const starts = [...winners.keys()].sort().map((day) => ({ day, stage: winners.get(day)! }));
  if (onsetDate !== null && (starts.length === 0 || onsetDate < starts[0]!.day)) starts.unshift({ day: onsetDate, stage: 0 });
  const bands: StageBand[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const next = starts[i + 1];
    const bandFrom = start.day > from ? start.day : from;
    const last = next ? addDays(next.day, -1) : to;
    const bandTo = last < to ? last : to;
    if (bandFrom > bandTo) continue;
    const previous = bands.at(-1);
    if (previous && previous.stage === start.stage && addDays(previous.to, 1) === bandFrom) previous.to = bandTo;
    else bands.push({ stage: start.stage, from: bandFrom, to: bandTo });
  }
  return bands;
}

/** "2 Walk-run": the stage a band shows on a day, in words, or "—" outside every band. */
export function stageWordsOn(bands: StageBand[], day: string): string {
  const band = bands.find((b) => b.from <= day && day <= b.to);
  return band ? `${band.stage} ${stageName(band.stage)}` : "—";
}
