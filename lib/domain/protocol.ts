/**
 * The return-to-run protocol: stages, the walk-run ladder and the thresholds a clinic may
 * edit. Defaults come from PRODUCT.md; each threshold names its source so the admin screen
 * can show where a number comes from.
 */
import { STAGE_NAMES } from "./injury";

export type ProtocolSettings = {
  /** Consecutive symptom-free logged days before the first run. */
  symptomFreeDays: number;
  /** Pain during a run at or below this is safe. */
  painSafeMax: number;
  /** Pain during a run above this is a stop. */
  painStopAbove: number;
  /** A next-morning rise of this many points (or more) after a run means a step back. */
  nextMorningRise: number;
  /** A rise of this many points in daily pain is clinically meaningful (NPRS). */
  painRise: number;
  /** Heel raises on the injured side needed to start running. */
  heelRaisesToRun: number;
  /** Heel raises on the injured side needed for full return. */
  heelRaisesToReturn: number;
  /** Largest side-to-side asymmetry (%) for heel raises and knee-to-wall. */
  asymmetryMaxPercent: number;
  /** Weeks after the return date flagged as high re-injury risk. */
  reinjuryWindowWeeks: number;
  /** Largest rise in weekly running volume (%) from one week to the next. */
  weeklyVolumeRisePercent: number;
  /** Share of the pre-injury weekly volume (%) that completes the build-volume stage. */
  volumeTargetPercent: number;
  /** Good runs needed to complete one walk-run step. */
  runsPerStep: number;
  /** Days without any log that raise the "no log" flag. */
  noLogDays: number;
};

export const DEFAULT_PROTOCOL: ProtocolSettings = {
  symptomFreeDays: 7,
  painSafeMax: 3,
  painStopAbove: 5,
  nextMorningRise: 2,
  painRise: 2,
  heelRaisesToRun: 25,
  heelRaisesToReturn: 30,
  asymmetryMaxPercent: 10,
  reinjuryWindowWeeks: 6,
  weeklyVolumeRisePercent: 10,
  volumeTargetPercent: 80,
  runsPerStep: 2,
  noLogDays: 7,
};

export type ProtocolField = {
  key: keyof ProtocolSettings;
  label: string;
  unit: string;
  min: number;
  max: number;
  source: string;
};

const GREEN = "Green et al. 2022, Sports Med Open 8:10 (return-to-play criteria after calf strain)";
const SILBERNAGEL = "Silbernagel's pain-monitoring model (Achilles tendinopathy), used for run sessions";

export const PROTOCOL_FIELDS: readonly ProtocolField[] = [
  { key: "symptomFreeDays", label: "Symptom-free days before the first run", unit: "days", min: 1, max: 28, source: "Return-to-run gate from the calf-strain article: symptom-free in daily activities and no-impact exercise for at least 7 days" },
  { key: "heelRaisesToRun", label: "Heel raises on the injured side to start running", unit: "repetitions", min: 1, max: 60, source: GREEN },
  { key: "heelRaisesToReturn", label: "Heel raises on the injured side for full return", unit: "repetitions", min: 1, max: 60, source: GREEN },
  { key: "asymmetryMaxPercent", label: "Largest side-to-side asymmetry (heel raises, knee-to-wall)", unit: "%", min: 1, max: 50, source: GREEN },
  { key: "painSafeMax", label: "Pain during a run that is safe (at or below)", unit: "points of 10", min: 0, max: 10, source: SILBERNAGEL },
  { key: "painStopAbove", label: "Pain during a run that means stop (above)", unit: "points of 10", min: 0, max: 10, source: SILBERNAGEL },
  { key: "nextMorningRise", label: "Next-morning pain rise that means a step back", unit: "points", min: 1, max: 10, source: SILBERNAGEL },
  { key: "painRise", label: "Rise in daily pain that raises a flag", unit: "points", min: 1, max: 10, source: "NPRS: a change of 2 points is clinically meaningful" },
  { key: "runsPerStep", label: "Good runs to complete one walk-run step", unit: "runs", min: 1, max: 6, source: "Walk-run ladders used in sports clinics: 2–3 runs per step" },
  { key: "weeklyVolumeRisePercent", label: "Largest weekly rise in running volume", unit: "%", min: 1, max: 50, source: "Common load-progression guidance: about 10% per week" },
  { key: "volumeTargetPercent", label: "Weekly volume that completes the build-volume stage", unit: "% of pre-injury", min: 10, max: 150, source: "Default protocol: about 80% of the pre-injury weekly volume" },
  { key: "reinjuryWindowWeeks", label: "Re-injury watch window after the return", unit: "weeks", min: 0, max: 52, source: "Re-injury risk is highest soon after the return to running (calf-strain literature; PRODUCT.md)" },
  { key: "noLogDays", label: "Days without a log that raise a flag", unit: "days", min: 1, max: 60, source: "Clinic practice: a week without news needs a call" },
];

/** The stored JSON merged over the defaults; unknown or malformed values fall back to the default. */
export function protocolFromJson(json: string | null | undefined): ProtocolSettings {
  const out: ProtocolSettings = { ...DEFAULT_PROTOCOL };
  if (!json) return out;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return out;
  }
  if (!value || typeof value !== "object") return out;
  for (const field of PROTOCOL_FIELDS) {
    const v = (value as Record<string, unknown>)[field.key];
    if (typeof v === "number" && Number.isFinite(v) && v >= field.min && v <= field.max) out[field.key] = v;
  }
  return out;
}

export type StageInfo = { stage: number; name: string; description: string; toProgress: string };

export function describeStages(s: ProtocolSettings): StageInfo[] {
  const texts: [string, string][] = [
    [
      "No running. Pain-free walking, cycling or swimming; self-massage, ice and compression.",
      `${s.symptomFreeDays} symptom-free days in a row; pain-free walking; heel raises ≥${s.heelRaisesToRun} on the injured side with ≤${s.asymmetryMaxPercent}% asymmetry.`,
    ],
    [
      `Walk/run minutes ${WALK_RUN_LADDER.map((x) => `${x.walk}/${x.run}`).join(" → ")}, 3–6 repetitions, a rest day between runs.`,
      `Each step done ${s.runsPerStep} times with pain ≤${s.painSafeMax}/10 during and no rise the next morning.`,
    ],
    ["Continuous easy running, no back-to-back run days.", `Two runs in a row with pain ≤${s.painSafeMax}/10 during, settled by the next morning.`],
    [`Weekly volume back toward the pre-injury level, rising ≤${s.weeklyVolumeRisePercent}% a week.`, `About ${s.volumeTargetPercent}% of the pre-injury weekly volume without flags.`],
    ["Strides, hills and faster work.", `Pain-free; heel raises ≥${s.heelRaisesToReturn} with ≤${s.asymmetryMaxPercent}% asymmetry; knee-to-wall asymmetry ≤${s.asymmetryMaxPercent}%.`],
    ["Full training.", `Watch window: the first ${s.reinjuryWindowWeeks} weeks after the return carry a high re-injury risk.`],
  ];
  return texts.map(([description, toProgress], stage) => ({ stage, name: STAGE_NAMES[stage]!, description, toProgress }));
}

/** The walk-run ladder of stage 1: walk minutes / run minutes per repetition. */
export const WALK_RUN_LADDER = [
  { walk: 4, run: 1 },
  { walk: 3, run: 2 },
  { walk: 2, run: 3 },
  { walk: 1, run: 4 },
  { walk: 0, run: 5 },
] as const;

export const LAST_LADDER_STEP = WALK_RUN_LADDER.length - 1;

/** The ladder step a walk-run session matches, by its run minutes (continuous running is the top). */
export function ladderStepOf(run: { kind: "walk_run" | "continuous"; runMinutes: number | null }): number {
  if (run.kind === "continuous" || run.runMinutes === null) return LAST_LADDER_STEP;
  return Math.max(0, Math.min(LAST_LADDER_STEP, Math.round(run.runMinutes) - 1));
}

export function ladderWords(step: number): string {
  const s = WALK_RUN_LADDER[Math.max(0, Math.min(LAST_LADDER_STEP, step))]!;
  return s.walk === 0 ? `run ${s.run} min` : `walk ${s.walk} min / run ${s.run} min`;
}
