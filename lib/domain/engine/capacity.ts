/**
 * Calf capacity: single-leg heel raises and knee-to-wall, judged the same way on every screen
 * (the return-to-run panel, the assessment screen's hints, the charts). Exported for them.
 *
 * - Limb symmetry index (LSI) = injured ÷ uninjured × 100, met at ≥ the clinic's minimum
 *   (default 90%); an injured side stronger than the other meets it; both sides injured: no
 *   LSI, each side must reach the absolute target (Green et al. 2022, Sports Med Open 8:10).
 * - Knee-to-wall: difference in cm and LSI; a difference under 1.9 cm is within measurement
 *   error (Powden et al. 2015).
 * - A test counts for a gate only when taken within `testFreshDays` before it (product heuristic).
 */
import { daysBetween } from "../dates";
import type { Side } from "@/lib/domain/vocabulary";
import type { EngineAssessment } from "./types";
import { plural, shortDay } from "./words";

/** Knee-to-wall differences under this (cm) are within measurement error (Powden et al. 2015). */
export const KNEE_TO_WALL_ERROR_CM = 1.9;

/** A percentage as shown and compared: one decimal, so the words and the verdict never disagree. */
export function roundPercent(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Injured ÷ uninjured × 100, rounded to one decimal; null when either side is missing or the uninjured side is 0. */
export function limbSymmetryIndex(injured: number | null, uninjured: number | null): number | null {
  if (injured === null || uninjured === null || uninjured <= 0) return null;
  return roundPercent((injured / uninjured) * 100);
}

export type CapacityVerdict = {
  /** The absolute target on the injured side (each side when both are injured). */
  targetMet: boolean;
  /** The symmetry criterion (met when both sides are injured: there is no LSI to judge). */
  symmetryMet: boolean;
  lsi: number | null;
  targetWords: string;
  symmetryWords: string;
};

function sides(side: Side, left: number | null, right: number | null) {
  if (side === "right") return { injured: right, uninjured: left, injuredName: "right", otherName: "left" };
  return { injured: left, uninjured: right, injuredName: "left", otherName: "right" };
}

/**
 * Heel raises against an absolute target and the LSI minimum. `left`/`right` are repetitions
 * (null: not tested). Words carry the numbers: "Heel raises 22/25 on the left".
 */
export function heelRaiseCapacity(side: Side, left: number | null, right: number | null, target: number, lsiMin: number): CapacityVerdict {
  if (side === "both") {
    const missing = left === null || right === null;
    const weaker = Math.min(left ?? Infinity, right ?? Infinity);
    return {
      targetMet: !missing && weaker >= target,
      symmetryMet: true,
      lsi: null,
      targetWords: missing
        ? `Both sides are injured: each side must reach ${target}; ${left === null ? "the left" : "the right"} side was not tested.`
        : `Heel raises left ${left}, right ${right}: both sides are injured, so each must reach ${target}.`,
      symmetryWords: "Both sides are injured: no limb symmetry index; each side is judged against the target.",
    };
  }
  const { injured, uninjured, injuredName, otherName } = sides(side, left, right);
  const lsi = limbSymmetryIndex(injured, uninjured);
  const stronger = injured !== null && uninjured !== null && injured >= uninjured;
  return {
    targetMet: injured !== null && injured >= target,
    symmetryMet: stronger || (lsi !== null && lsi >= lsiMin),
    lsi,
    targetWords: injured === null ? `The injured (${injuredName}) side was not tested.` : `Heel raises ${injured}/${target} on the ${injuredName}.`,
    symmetryWords:
      injured === null || uninjured === null
        ? `Both sides are needed for the limb symmetry index (the ${injured === null ? injuredName : otherName} side was not tested).`
        : stronger
          ? `LSI ${lsi ?? 100}% (${injuredName} ${injured} ÷ ${otherName} ${uninjured}): the injured side is as strong or stronger.`
          : `LSI ${lsi}% (${injuredName} ${injured} ÷ ${otherName} ${uninjured}); at least ${lsiMin}% needed.`,
  };
}

/**
 * Knee-to-wall dorsiflexion (cm per side): the LSI against the minimum, with the difference in
 * cm and whether it is within measurement error. Both sides injured: no LSI (met, said so).
 */
export function kneeToWallCapacity(side: Side, left: number | null, right: number | null, lsiMin: number): { met: boolean; lsi: number | null; words: string } {
  if (left === null || right === null) return { met: false, lsi: null, words: "Both sides are needed for the knee-to-wall comparison." };
  const diff = Math.round(Math.abs(left - right) * 10) / 10;
  const error = diff < KNEE_TO_WALL_ERROR_CM ? `; a difference under ${KNEE_TO_WALL_ERROR_CM} cm is within measurement error` : "";
  if (side === "both") return { met: true, lsi: null, words: `Left ${left} cm, right ${right} cm (difference ${diff} cm${error}); both sides are injured, so there is no LSI.` };
  const { injured, uninjured, injuredName, otherName } = sides(side, left, right);
  const lsi = limbSymmetryIndex(injured, uninjured);
  const met = injured! >= uninjured! || (lsi !== null && lsi >= lsiMin);
  return {
    met,
    lsi,
    words: `LSI ${lsi ?? 100}% (${injuredName} ${injured} cm ÷ ${otherName} ${uninjured} cm), difference ${diff} cm${error}; at least ${lsiMin}% needed.`,
  };
}

/** A test is fresh for a gate on `asOf` when taken within `freshDays` before it. */
export function testFreshness(assessedOn: string, asOf: string, freshDays: number): { fresh: boolean; ageDays: number; words: string } {
  const ageDays = daysBetween(assessedOn, asOf);
  const fresh = ageDays >= 0 && ageDays <= freshDays;
  return {
    fresh,
    ageDays,
    words: fresh ? `Tested on ${shortDay(assessedOn)}.` : `Retest needed: last tested ${plural(ageDays, "day")} ago (${shortDay(assessedOn)}); a test counts for ${freshDays} days.`,
  };
}

/** The latest assessment on or before `asOf` that has `has`. Assessments are sorted by date. */
export function latestAssessment(assessments: readonly EngineAssessment[], asOf: string, has: (a: EngineAssessment) => boolean): EngineAssessment | undefined {
  for (let i = assessments.length - 1; i >= 0; i--) {
    const a = assessments[i]!;
    if (a.assessedOn <= asOf && has(a)) return a;
  }
  return undefined;
}

const hasHeelRaises = (a: EngineAssessment) => a.heelRaisesLeft !== null || a.heelRaisesRight !== null;

/**
 * Heel-raise capacity as of a day, with freshness: met only when the latest test is fresh,
 * reaches the target and the symmetry minimum. For gates and for "run before the gate".
 */
export function heelRaiseGate(side: Side, assessments: readonly EngineAssessment[], asOf: string, target: number, lsiMin: number, freshDays: number) {
  const a = latestAssessment(assessments, asOf, hasHeelRaises);
  if (!a) return { assessment: null, verdict: null, freshness: null, met: false };
  const verdict = heelRaiseCapacity(side, a.heelRaisesLeft, a.heelRaisesRight, target, lsiMin);
  const freshness = testFreshness(a.assessedOn, asOf, freshDays);
  return { assessment: a, verdict, freshness, met: verdict.targetMet && verdict.symmetryMet && freshness.fresh };
}
