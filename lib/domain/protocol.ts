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
  /** Smallest limb symmetry index (injured ÷ uninjured × 100, %) for heel raises and knee-to-wall. */
  lsiMinPercent: number;
  /** A calf test counts for a gate only when taken within this many days before it. */
  testFreshDays: number;
  /** Weeks after the return date flagged as high re-injury risk (the watch window), after an ordinary return. */
  reinjuryWindowWeeks: number;
  /** The longer watch window (weeks) after a recurrence, or with `priorStrainsForLongerWindow` or more prior calf strains. */
  reinjuryWindowWeeksLonger: number;
  /** Prior calf strains (before this episode) from which the longer watch window applies. */
  priorStrainsForLongerWindow: number;
  /** Acute load (last 7 days) above the chronic weekly mean by more than this (%) plus the allowance is a load jump. */
  weeklyVolumeRisePercent: number;
  /** Small-volume allowance on top of the rise when load is counted in km. */
  volumeAllowanceKm: number;
  /** Small-volume allowance on top of the rise when load is counted in minutes. */
  volumeAllowanceMinutes: number;
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
  lsiMinPercent: 90,
  testFreshDays: 14,
  reinjuryWindowWeeks: 6,
  reinjuryWindowWeeksLonger: 10,
  priorStrainsForLongerWindow: 2,
  weeklyVolumeRisePercent: 10,
  volumeAllowanceKm: 5,
  volumeAllowanceMinutes: 30,
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
const SILBERNAGEL = "Silbernagel et al. 2007 pain-monitoring model (Achilles tendinopathy), as adapted for calf return to running";
const HEURISTIC = "Product heuristic (no published figure): a clinic may change it";
const WATCH =
  "Product heuristic (PRODUCT.md, Recurrence): re-injury risk is highest soon after the return to running, and higher after a recurrence or repeated calf strains (recurrence classes from Fuller et al. 2006)";

export const PROTOCOL_FIELDS: readonly ProtocolField[] = [
  { key: "symptomFreeDays", label: "Symptom-free days before the first run", unit: "days", min: 1, max: 28, source: "Return-to-run gate from the calf-strain article: symptom-free in daily activities and no-impact exercise for at least 7 days" },
  { key: "heelRaisesToRun", label: "Heel raises on the injured side to start running", unit: "repetitions", min: 1, max: 60, source: "Clinic heuristic from jogging-entry guidance (not a published cut-off)" },
  { key: "heelRaisesToReturn", label: "Heel raises on the injured side for full return", unit: "repetitions", min: 1, max: 60, source: GREEN },
  { key: "lsiMinPercent", label: "Smallest limb symmetry index, injured ÷ uninjured (heel raises, knee-to-wall)", unit: "%", min: 50, max: 100, source: GREEN },
  { key: "testFreshDays", label: "Days a calf test stays valid for a gate", unit: "days", min: 1, max: 60, source: HEURISTIC },
  { key: "painSafeMax", label: "Pain during a run that is safe (at or below)", unit: "points of 10", min: 0, max: 10, source: SILBERNAGEL },
  { key: "painStopAbove", label: "Pain during a run that means stop (above)", unit: "points of 10", min: 0, max: 10, source: SILBERNAGEL },
  { key: "nextMorningRise", label: "Next-morning pain rise that means a step back", unit: "points", min: 1, max: 10, source: "NPRS minimal clinically important difference (2 points), applied to Silbernagel's next-morning rule" },
  { key: "painRise", label: "Rise in daily pain that raises a flag", unit: "points", min: 1, max: 10, source: "NPRS: a change of 2 points is clinically meaningful" },
  { key: "runsPerStep", label: "Good runs to complete one walk-run step", unit: "runs", min: 2, max: 3, source: "Walk-run ladders used in sports clinics: 2–3 runs per step" },
  { key: "weeklyVolumeRisePercent", label: "Load jump: last 7 days above the weekly mean of the 28 days before by more than", unit: "%", min: 1, max: 50, source: "Guidance with weak evidence: increases over 30% a week were linked with more running injuries (Nielsen et al. 2014)" },
  { key: "volumeAllowanceKm", label: "Small-volume allowance on a load jump (km)", unit: "km", min: 0, max: 30, source: HEURISTIC },
  { key: "volumeAllowanceMinutes", label: "Small-volume allowance on a load jump (minutes)", unit: "min", min: 0, max: 180, source: HEURISTIC },
  { key: "volumeTargetPercent", label: "Weekly volume that completes the build-volume stage", unit: "% of pre-injury", min: 10, max: 150, source: "Default protocol: about 80% of the pre-injury weekly volume" },
  { key: "reinjuryWindowWeeks", label: "Re-injury watch window after the return", unit: "weeks", min: 0, max: 52, source: WATCH },
  { key: "reinjuryWindowWeeksLonger", label: "Longer watch window, after a recurrence or repeated prior strains", unit: "weeks", min: 0, max: 52, source: WATCH },
  { key: "priorStrainsForLongerWindow", label: "Prior calf strains from which the longer watch window applies", unit: "strains", min: 1, max: 10, source: WATCH },
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
  const stored = { ...(value as Record<string, unknown>) };
  // Settings saved before the symmetry index replaced the asymmetry limit: LSI ≥ 100 − asymmetry.
  if (stored.lsiMinPercent === undefined && typeof stored.asymmetryMaxPercent === "number") stored.lsiMinPercent = 100 - stored.asymmetryMaxPercent;
  for (const field of PROTOCOL_FIELDS) {
    const v = stored[field.key];
    if (typeof v === "number" && Number.isFinite(v) && v >= field.min && v <= field.max) out[field.key] = v;
  }
  return out;
}

export type StageInfo = { stage: number; name: string; description: string; toProgress: string };

export function describeStages(s: ProtocolSettings): StageInfo[] {
  const texts: [string, string][] = [
    [
      "No running. Pain-free walking, cycling or swimming; self-massage, ice and compression.",
      `${s.symptomFreeDays} symptom-free days in a row, up to today or yesterday; pain-free walking; heel raises ≥${s.heelRaisesToRun} on the injured side with LSI ≥${s.lsiMinPercent}%, tested within ${s.testFreshDays} days; red-flag screen clear.`,
    ],
    [
      `Walk/run minutes ${WALK_RUN_LADDER.map((x) => `${x.walk}/${x.run}`).join(" → ")}, 3–6 repetitions, a rest day between runs.`,
      `Each step done ${s.runsPerStep} times (at least 3 repetitions) with pain ≤${s.painSafeMax}/10 during and no rise the next morning, in order.`,
    ],
    ["Continuous easy running, no back-to-back run days.", `Two runs in a row with pain ≤${s.painSafeMax}/10 during, settled by the next morning.`],
    [
      `Weekly volume back toward the pre-injury level: the last 7 days at most ${s.weeklyVolumeRisePercent}% above the weekly mean of the 28 days before, plus ${s.volumeAllowanceKm} km (${s.volumeAllowanceMinutes} min) (guidance).`,
      `${s.volumeTargetPercent}% of the pre-injury weekly volume in the last 7 days, with no open flag for 7 days.`,
    ],
    ["Strides, hills and faster work.", `Pain-free for 7 days; heel raises ≥${s.heelRaisesToReturn} with LSI ≥${s.lsiMinPercent}%; knee-to-wall LSI ≥${s.lsiMinPercent}%; tests within ${s.testFreshDays} days; no open flags.`],
    [
      "Full training.",
      `Watch window: the first ${s.reinjuryWindowWeeks} weeks after the return carry a high re-injury risk (${s.reinjuryWindowWeeksLonger} weeks after a recurrence or with ${s.priorStrainsForLongerWindow} or more prior calf strains).`,
    ],
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

/** Fewest repetitions for a walk-run session to count toward its step (PRODUCT.md: 3–6). */
export const MIN_LADDER_REPETITIONS = 3;

/**
 * The ladder step a session belongs to: the step whose run fraction (run ÷ (walk + run)) is
 * nearest the session's; a tie goes to the lower step. Continuous running, or a session
 * without minutes, is the top step (0/5: running only).
 */
export function ladderStepOf(run: { kind: "walk_run" | "continuous"; walkMinutes?: number | null; runMinutes: number | null }): number {
  if (run.kind === "continuous" || run.runMinutes === null) return LAST_LADDER_STEP;
  const walk = run.walkMinutes ?? 0;
  const total = walk + run.runMinutes;
  if (total <= 0) return 0;
  const fraction = run.runMinutes / total;
  let best = 0;
  let bestGap = Infinity;
  WALK_RUN_LADDER.forEach((s, i) => {
    const gap = Math.abs(s.run / (s.walk + s.run) - fraction);
    if (gap < bestGap - 1e-9) {
      best = i;
      bestGap = gap;
    }
  });
  return best;
}

export function ladderWords(step: number): string {
  const s = WALK_RUN_LADDER[Math.max(0, Math.min(LAST_LADDER_STEP, step))]!;
  return s.walk === 0 ? `run ${s.run} min` : `walk ${s.walk} min / run ${s.run} min`;
}
