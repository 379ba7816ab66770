/**
 * Gait-fault and calf assessment rules: side-to-side comparison, change since the previous
 * assessment against measurement error, distance from the return-to-run targets, and
 * severity suggestions. Pure: no I/O, so every rule is tested on a table of cases.
 *
 * Asymmetry always comes from lib/domain/asymmetry.ts (one formula for the whole product).
 */
import type { FaultSeverity, Side } from "@/lib/domain/vocabulary";
import { asymmetryPercent, injuredSideLabel, injuredSideValue, limbSymmetryIndex } from "./asymmetry";
import { DEFAULT_PROTOCOL, type ProtocolSettings } from "./protocol";

type Num = number | null | undefined;
export type SideName = "left" | "right";

/** The measured values of one assessment (every one optional: a therapist records what they measured). */
export type AssessmentMeasures = {
  fpaLeftDeg?: Num;
  fpaRightDeg?: Num;
  pelvicTiltDeg?: Num;
  gluteLeft?: Num;
  gluteRight?: Num;
  cadenceSpm?: Num;
  strikeAheadCm?: Num;
  shinAngleDeg?: Num;
  kneeToWallLeftCm?: Num;
  kneeToWallRightCm?: Num;
  heelRaisesLeft?: Num;
  heelRaisesRight?: Num;
};

export const SEVERITY_LABEL: Record<FaultSeverity, string> = { none: "None", mild: "Mild", moderate: "Moderate", severe: "Severe" };
const SEVERITY_RANK: Record<FaultSeverity, number> = { none: 0, mild: 1, moderate: 2, severe: 3 };

function present(value: Num): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** Whole percent, as clinicians read and compare it ("10%" meets "≤10%"). */
export function roundPercent(value: number): number {
  return Math.round(value);
}

/** One decimal, the precision measures are recorded in, so 12.0 − 10.1 is exactly 1.9. */
function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

// ---------------------------------------------------------------------------------------
// Side-to-side comparison
// ---------------------------------------------------------------------------------------

export type SideComparison = {
  left: number | null;
  right: number | null;
  /** The injured side's value (for a both-sides injury, the worse side). */
  injured: number | null;
  injuredSide: SideName;
  /** The other side's value; for a both-sides injury, the better side. */
  other: number | null;
  /** |left − right| / larger × 100 (lib/domain/asymmetry.ts); null unless both sides are measured. */
  asymmetryPercent: number | null;
  /** Limb symmetry index: injured ÷ other × 100 (lib/domain/asymmetry.ts); null unless both are measured and the other is above 0. */
  lsiPercent: number | null;
  /** Injured minus other, in the measure's unit; null unless both sides are measured. */
  difference: number | null;
};

/**
 * Compares the injured side with the other. `worse` says which direction is worse for the
 * measure: fewer heel raises and less knee-to-wall distance are worse ("lower"); more toe-out
 * is worse ("higher"). For a both-sides injury the worse side is named as the injured one,
 * because a target must be met on it.
 */
export function compareSides(side: Side, left: Num, right: Num, worse: "lower" | "higher" = "lower"): SideComparison {
  const l = present(left) ? left : null;
  const r = present(right) ? right : null;
  let injuredSide: SideName;
  if (worse === "lower") injuredSide = injuredSideLabel(side, l, r);
  else if (side !== "both") injuredSide = side;
  else if (l === null) injuredSide = "right";
  else if (r === null) injuredSide = "left";
  else injuredSide = l >= r ? "left" : "right";
  const injured = worse === "lower" ? injuredSideValue(side, l, r) : injuredSide === "left" ? l : r;
  const other = injuredSide === "left" ? r : l;
  return {
    left: l,
    right: r,
    injured,
    injuredSide,
    other,
    asymmetryPercent: asymmetryPercent(l, r),
    lsiPercent: limbSymmetryIndex(injured, other),
    difference: injured !== null && other !== null ? round1(injured - other) : null,
  };
}

export type SideComparisons = { heelRaises: SideComparison; kneeToWall: SideComparison; fpa: SideComparison };

/**
 * The three side-to-side comparisons the assessment shows. Foot progression angle is also
 * compared in degrees (`difference`): a percentage of an angle near 0° swings wildly
 * (2° against 1° is 50%), so the view leads with the difference.
 */
export function sideComparisons(side: Side, m: AssessmentMeasures): SideComparisons {
  return {
    heelRaises: compareSides(side, m.heelRaisesLeft, m.heelRaisesRight, "lower"),
    kneeToWall: compareSides(side, m.kneeToWallLeftCm, m.kneeToWallRightCm, "lower"),
    fpa: compareSides(side, m.fpaLeftDeg, m.fpaRightDeg, "higher"),
  };
}

// ---------------------------------------------------------------------------------------
// Change since the previous assessment
// ---------------------------------------------------------------------------------------

/**
 * Smallest change that is more than measurement error. Knee-to-wall: a change under ~1.9 cm
 * is within measurement error (PRODUCT.md, clinical picture; 1 cm ≈ 3.6° of dorsiflexion).
 * Single-leg heel raises to fatigue: 6 repetitions (the product's figure, issue 4). Other
 * measures have no agreed figure, so their change is shown without a verdict.
 */
export const MEASUREMENT_ERROR = { kneeToWallCm: 1.9, heelRaises: 6 } as const;

export type MeasureKey = keyof AssessmentMeasures;

export type MeasureInfo = { key: MeasureKey; label: string; unit: string; side?: SideName; error?: number };

/** Every measure with its words and unit, in the order the form and the view show them. */
export const MEASURES: MeasureInfo[] = [
  { key: "fpaLeftDeg", label: "Foot progression angle, left", unit: "°", side: "left" },
  { key: "fpaRightDeg", label: "Foot progression angle, right", unit: "°", side: "right" },
  { key: "pelvicTiltDeg", label: "Pelvic tilt", unit: "°" },
  { key: "gluteLeft", label: "Glute max strength, left", unit: "/5", side: "left" },
  { key: "gluteRight", label: "Glute max strength, right", unit: "/5", side: "right" },
  { key: "cadenceSpm", label: "Cadence", unit: "steps/min" },
  { key: "strikeAheadCm", label: "Foot strike ahead of centre of mass", unit: "cm" },
  { key: "shinAngleDeg", label: "Shin angle at initial contact", unit: "°" },
  { key: "kneeToWallLeftCm", label: "Knee-to-wall, left", unit: "cm", side: "left", error: MEASUREMENT_ERROR.kneeToWallCm },
  { key: "kneeToWallRightCm", label: "Knee-to-wall, right", unit: "cm", side: "right", error: MEASUREMENT_ERROR.kneeToWallCm },
  { key: "heelRaisesLeft", label: "Heel raises, left", unit: "reps", side: "left", error: MEASUREMENT_ERROR.heelRaises },
  { key: "heelRaisesRight", label: "Heel raises, right", unit: "reps", side: "right", error: MEASUREMENT_ERROR.heelRaises },
];

export type MeasureChange = {
  key: MeasureKey;
  label: string;
  unit: string;
  previous: number;
  current: number;
  delta: number;
  /** true: beyond measurement error; false: within it; null: no agreed measurement error. */
  beyondError: boolean | null;
  words: string;
};

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function formatSigned(value: number, unit: string): string {
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  const sep = unit.startsWith("°") || unit.startsWith("/") ? "" : " ";
  return `${sign}${formatNumber(Math.abs(value))}${sep}${unit}`;
}

/** Change of one measure between two values; null when either is missing. */
export function measureChange(info: MeasureInfo, previous: Num, current: Num): MeasureChange | null {
  if (!present(previous) || !present(current)) return null;
  const delta = round1(current - previous);
  const beyondError = info.error === undefined ? null : Math.abs(delta) >= info.error;
  const signed = formatSigned(delta, info.unit);
  const words =
    beyondError === null ? signed : beyondError ? `${signed}: beyond measurement error` : `${signed}: within measurement error`;
  return { key: info.key, label: info.label, unit: info.unit, previous, current, delta, beyondError, words };
}

/** Every measure recorded in both assessments, with its change from `previous` to `current`. */
export function changesSince(previous: AssessmentMeasures, current: AssessmentMeasures): MeasureChange[] {
  return MEASURES.map((info) => measureChange(info, previous[info.key], current[info.key])).filter((c): c is MeasureChange => c !== null);
}

// ---------------------------------------------------------------------------------------
// Return-to-run targets for the calf
// ---------------------------------------------------------------------------------------

/**
 * The calf thresholds the assessment screen, its live hints and the charts use: the
 * clinic's protocol settings, never fixed numbers (PRODUCT.md, "Clinical rules, second
 * edition"). Heel raises on the injured side to start running (25 by default: a clinic
 * heuristic from jogging-entry guidance) and for speed work and return (30: Green et al.
 * 2022, Sports Med Open 8:10), and the least limb symmetry index (LSI, 90% by default).
 */
export type CalfTargets = { heelRaisesToRun: number; heelRaisesToReturn: number; lsiMinPercent: number };

/** The targets of a clinic's protocol settings (the same numbers the engine's gates use). */
export function calfTargetsFrom(s: ProtocolSettings): CalfTargets {
  return { heelRaisesToRun: s.heelRaisesToRun, heelRaisesToReturn: s.heelRaisesToReturn, lsiMinPercent: s.lsiMinPercent };
}

export const DEFAULT_CALF_TARGETS: CalfTargets = calfTargetsFrom(DEFAULT_PROTOCOL);

/** Knee-to-wall changes or differences under this many cm are within measurement error (Powden et al. 2015). */
export const KNEE_TO_WALL_ERROR_CM = 1.9;

export type TargetId = "heel_raises_start" | "heel_raises_speed" | "knee_to_wall_lsi";
export type TargetCheck = {
  id: TargetId;
  /** null: not measured, so the target cannot be judged. */
  met: boolean | null;
  /** How far there is still to go, in the target's unit (0 when met). */
  gap: number | null;
  text: string;
};

function lsiWords(lsi: number, min: number): string {
  return lsi > 100 ? `LSI ${lsi}%: the injured side is stronger (target ≥${min}%)` : `LSI ${lsi}% (target ≥${min}%)`;
}

/**
 * The calf measures against the clinic's targets, in words with the numbers used. Counts on
 * the injured side against the absolute targets; side-to-side as LSI (injured ÷ uninjured ×
 * 100%, an injured side stronger meets it); both sides injured: no LSI, the weaker side must
 * reach the absolute target. Knee-to-wall: the difference in cm (within measurement error
 * under 1.9 cm, Powden 2015) and its LSI.
 */
export function calfTargets(side: Side, m: AssessmentMeasures, t: CalfTargets = DEFAULT_CALF_TARGETS): TargetCheck[] {
  const hr = compareSides(side, m.heelRaisesLeft, m.heelRaisesRight, "lower");
  const ktw = compareSides(side, m.kneeToWallLeftCm, m.kneeToWallRightCm, "lower");
  const min = t.lsiMinPercent;
  const both = side === "both";
  const where = both ? `on the weaker side (${hr.injuredSide})` : `on the ${hr.injuredSide}`;
  const checks: TargetCheck[] = [];

  const start = t.heelRaisesToRun;
  if (hr.injured === null) {
    checks.push({ id: "heel_raises_start", met: null, gap: null, text: `Heel raises not measured ${where}: the target to start running (≥${start}) cannot be judged` });
  } else {
    const met = hr.injured >= start;
    checks.push({ id: "heel_raises_start", met, gap: Math.max(0, start - hr.injured), text: `Heel raises ${hr.injured}/${start} ${where}: ${met ? "meets" : "below"} the target to start running` });
  }

  const speed = t.heelRaisesToReturn;
  const hrLsi = hr.lsiPercent === null ? null : roundPercent(hr.lsiPercent);
  if (hr.injured === null || (!both && hrLsi === null)) {
    checks.push({ id: "heel_raises_speed", met: null, gap: null, text: `Heel raises need both sides measured to judge the speed-work target (≥${speed}, LSI ≥${min}%)` });
  } else {
    const countMet = hr.injured >= speed;
    const lsiMet = both || hrLsi! >= min;
    const met = countMet && lsiMet;
    const count = `${hr.injured}/${speed} ${where}`;
    const lsi = both ? "both sides injured, so no LSI: each side must reach the target" : lsiWords(hrLsi!, min);
    checks.push({ id: "heel_raises_speed", met, gap: Math.max(0, speed - hr.injured), text: `Heel raises ${count}, ${lsi}: ${met ? "meets" : "below"} the target for speed work` });
  }

  const ktwLsi = ktw.lsiPercent === null ? null : roundPercent(ktw.lsiPercent);
  if (ktw.difference === null) {
    checks.push({ id: "knee_to_wall_lsi", met: null, gap: null, text: `Knee-to-wall needs both sides measured to judge the side-to-side target (LSI ≥${min}%)` });
  } else {
    const diff = Math.abs(ktw.difference);
    const error = diff < KNEE_TO_WALL_ERROR_CM ? `within measurement error (${KNEE_TO_WALL_ERROR_CM} cm, Powden 2015)` : `beyond measurement error (${KNEE_TO_WALL_ERROR_CM} cm, Powden 2015)`;
    const met = both ? null : ktwLsi === null ? diff < KNEE_TO_WALL_ERROR_CM : ktwLsi >= min;
    const lsi = both ? "both sides injured, so no LSI" : ktwLsi === null ? "LSI not computable (0 cm on the other side)" : lsiWords(ktwLsi, min);
    const verdict = met === null ? "judge each side" : met ? "meets the target for speed work" : "below the target for speed work";
    checks.push({ id: "knee_to_wall_lsi", met, gap: ktwLsi === null || met ? 0 : Math.max(0, min - ktwLsi), text: `Knee-to-wall difference ${formatNumber(diff)} cm, ${error}; ${lsi}: ${verdict}` });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------
// Severity suggestions
// ---------------------------------------------------------------------------------------
//
// No hard cut-offs exist for any of these faults in the literature (PRODUCT.md). The bands
// below are this product's heuristics, chosen so the suggestion matches how the demo
// clinic's therapists grade; the therapist always accepts or changes the suggestion.

export type SeveritySuggestion = { severity: FaultSeverity; reason: string };

/** Picks a band: `limits` are the lower bounds of mild, moderate and severe. */
function band(value: number, limits: readonly [number, number, number]): FaultSeverity {
  if (value >= limits[2]) return "severe";
  if (value >= limits[1]) return "moderate";
  if (value >= limits[0]) return "mild";
  return "none";
}

function worst(items: SeveritySuggestion[]): SeveritySuggestion | null {
  if (items.length === 0) return null;
  const top = items.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
  return { severity: top.severity, reason: items.map((i) => i.reason).join("; ") };
}

/**
 * The runner's own toe-out baseline per side: the least toe-out recorded at an earlier
 * assessment (closest to their usual gait). No running norm for foot progression angle
 * exists (the 5–13° norm is for walking), so the runner is compared with themself.
 */
export function fpaBaseline(earlier: AssessmentMeasures[]): { left: number | null; right: number | null } {
  const min = (values: Num[]) => {
    const xs = values.filter(present);
    return xs.length ? Math.min(...xs) : null;
  };
  return { left: min(earlier.map((a) => a.fpaLeftDeg)), right: min(earlier.map((a) => a.fpaRightDeg)) };
}

/** Toe-out excess (degrees) bands: 3° mild, 7° moderate, 11° severe (product heuristic). */
export const TOE_OUT_BANDS = [3, 7, 11] as const;

/**
 * Excess toe-out of the injured side against the other side (one-sided injuries) and
 * against the runner's own baseline; the larger excess decides. Null when there is nothing
 * to compare with.
 */
export function suggestToeOut(side: Side, m: AssessmentMeasures, baseline?: { left: Num; right: Num }): SeveritySuggestion | null {
  const found: SeveritySuggestion[] = [];
  const injuredSides: SideName[] = side === "both" ? ["left", "right"] : [side];
  const value = (s: SideName) => (s === "left" ? m.fpaLeftDeg : m.fpaRightDeg);
  if (side !== "both") {
    const inj = value(side);
    const other = value(side === "left" ? "right" : "left");
    if (present(inj) && present(other)) {
      const diff = round1(inj - other);
      found.push({ severity: band(diff, TOE_OUT_BANDS), reason: `${formatNumber(diff)}° more toe-out on the injured ${side} than the other side` });
    }
  }
  for (const s of injuredSides) {
    const now = value(s);
    const base = baseline ? (s === "left" ? baseline.left : baseline.right) : null;
    if (present(now) && present(base)) {
      const diff = round1(now - base);
      found.push({ severity: band(diff, TOE_OUT_BANDS), reason: `${formatNumber(diff)}° from the runner's own baseline (${formatNumber(base)}°) on the ${s}` });
    }
  }
  return worst(found);
}

/** Pelvic tilt bands: 0–23° is seen in healthy pelvises (PRODUCT.md); beyond that, 24° mild, 28° moderate, 33° severe. */
export const PELVIC_TILT_BANDS = [24, 28, 33] as const;

export function suggestPelvicTilt(m: AssessmentMeasures): SeveritySuggestion | null {
  if (!present(m.pelvicTiltDeg)) return null;
  const tilt = m.pelvicTiltDeg;
  const severity = tilt > 23 ? band(tilt, PELVIC_TILT_BANDS) : "none";
  return { severity, reason: `pelvic tilt ${formatNumber(tilt)}° (0–23° is seen in healthy pelvises)` };
}

/** Overstriding: foot strike ahead of the centre of mass 20/25/30 cm, shin angle 8/12/16° (product heuristics). */
export const STRIKE_AHEAD_BANDS = [20, 25, 30] as const;
export const SHIN_ANGLE_BANDS = [8, 12, 16] as const;

/**
 * Cadence is not used: a "right" cadence depends on speed and leg length, so it is compared
 * with the runner's own value (targets +5–10%, Heiderscheit 2011), not graded.
 */
export function suggestOverstride(m: AssessmentMeasures): SeveritySuggestion | null {
  const found: SeveritySuggestion[] = [];
  if (present(m.strikeAheadCm)) {
    found.push({ severity: band(m.strikeAheadCm, STRIKE_AHEAD_BANDS), reason: `foot lands ${formatNumber(m.strikeAheadCm)} cm ahead of the centre of mass` });
  }
  if (present(m.shinAngleDeg)) {
    found.push({ severity: band(m.shinAngleDeg, SHIN_ANGLE_BANDS), reason: `shin ${formatNumber(m.shinAngleDeg)}° from vertical at initial contact` });
  }
  return worst(found);
}

/** Heel-raise asymmetry 11/26/51% (just past the ≤10% target, a quarter, a half). */
export const HEEL_RAISE_ASYMMETRY_BANDS = [11, 26, 51] as const;

/**
 * Calf severity from the heel-raise deficit: the asymmetry between sides, and the injured
 * side's count against the target to start running (25): 24–18 mild, 17–10 moderate, under
 * 10 severe. The count matters on its own for both-sides injuries (no healthy side to
 * compare with) and when both sides are weak (0 and 0 is no asymmetry but no calf either).
 */
export function suggestCalf(side: Side, m: AssessmentMeasures, t: CalfTargets = DEFAULT_CALF_TARGETS): SeveritySuggestion | null {
  const hr = compareSides(side, m.heelRaisesLeft, m.heelRaisesRight, "lower");
  const found: SeveritySuggestion[] = [];
  if (hr.injured !== null) {
    const target = t.heelRaisesToRun;
    const count = hr.injured;
    // The default bands (24–18 mild, 17–10 moderate) scaled to the clinic's target.
    const severity: FaultSeverity = count >= target ? "none" : count >= target * 0.72 ? "mild" : count >= target * 0.4 ? "moderate" : "severe";
    found.push({ severity, reason: `${count} heel raises on the ${hr.injuredSide} (target ${target})` });
  }
  if (hr.asymmetryPercent !== null && side !== "both") {
    const asym = roundPercent(hr.asymmetryPercent);
    found.push({ severity: band(asym, HEEL_RAISE_ASYMMETRY_BANDS), reason: `heel-raise asymmetry ${asym}%` });
  }
  return worst(found);
}

export type FaultKey = "toeOut" | "pelvic" | "overstride" | "calf";
export const FAULT_LABEL: Record<FaultKey, string> = {
  toeOut: "Excessive toe-out",
  pelvic: "Excessive anterior pelvic tilt",
  overstride: "Overstriding",
  calf: "Calf and ankle",
};

export function suggestSeverities(
  side: Side,
  m: AssessmentMeasures,
  baseline?: { left: Num; right: Num },
  targets: CalfTargets = DEFAULT_CALF_TARGETS,
): Record<FaultKey, SeveritySuggestion | null> {
  return {
    toeOut: suggestToeOut(side, m, baseline),
    pelvic: suggestPelvicTilt(m),
    overstride: suggestOverstride(m),
    calf: suggestCalf(side, m, targets),
  };
}

/** Cadence targets offered in the plan: +5% and +10% of the measured cadence (Heiderscheit 2011). */
export function cadenceTargets(cadence: Num): { plus5: number; plus10: number } | null {
  if (!present(cadence) || cadence <= 0) return null;
  return { plus5: Math.round(cadence * 1.05), plus10: Math.round(cadence * 1.1) };
}

// ---------------------------------------------------------------------------------------
// For the return-to-run engine
// ---------------------------------------------------------------------------------------

/** What the return-to-run engine needs from a patient's assessments. */
export type CalfMeasureStatus = {
  /** Heel raises on the injured side (both-sides injury: the weaker side), from the newest assessment that recorded heel raises. */
  heelRaisesInjured: number | null;
  heelRaisesSide: SideName;
  /** Heel-raise asymmetry %, unrounded; null unless both sides were measured at that assessment. */
  heelRaisesAsymmetryPercent: number | null;
  heelRaisesAssessedOn: string | null;
  /** Knee-to-wall asymmetry %, unrounded, from the newest assessment that recorded knee-to-wall. */
  kneeToWallAsymmetryPercent: number | null;
  kneeToWallAssessedOn: string | null;
};

export type CalfMeasureInput = {
  assessedOn: string;
  createdAt?: string | null;
  heelRaisesLeft: Num;
  heelRaisesRight: Num;
  kneeToWallLeftCm: Num;
  kneeToWallRightCm: Num;
};

/** Newest first: by assessment day, then by when it was recorded (two on one day). */
export function newestFirst<T extends { assessedOn: string; createdAt?: string | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn) || (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
}

/**
 * The latest calf measures of one injury's assessments (any order). Each measure comes from
 * the newest assessment that recorded it, so a visit that only filmed gait does not hide the
 * heel raises of the visit before.
 */
export function latestCalfStatus(side: Side, assessments: readonly CalfMeasureInput[]): CalfMeasureStatus {
  const sorted = newestFirst(assessments);
  const hrRow = sorted.find((a) => present(a.heelRaisesLeft) || present(a.heelRaisesRight));
  const ktwRow = sorted.find((a) => present(a.kneeToWallLeftCm) || present(a.kneeToWallRightCm));
  const hr = compareSides(side, hrRow?.heelRaisesLeft, hrRow?.heelRaisesRight, "lower");
  return {
    heelRaisesInjured: hr.injured,
    heelRaisesSide: hr.injuredSide,
    heelRaisesAsymmetryPercent: hr.asymmetryPercent,
    heelRaisesAssessedOn: hrRow?.assessedOn ?? null,
    kneeToWallAsymmetryPercent: ktwRow ? asymmetryPercent(ktwRow.kneeToWallLeftCm, ktwRow.kneeToWallRightCm) : null,
    kneeToWallAssessedOn: ktwRow?.assessedOn ?? null,
  };
}
