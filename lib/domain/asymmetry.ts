/**
 * Side-to-side comparison of calf and gait measures.
 *
 * Asymmetry is |left − right| / the larger of the two × 100, so it reads the same whichever
 * side is injured and works when both sides are. Return-to-play criteria for calf strains
 * use ≤10% (Green et al. 2022, Sports Med Open 8:10).
 */
import type { Side } from "@/lib/domain/vocabulary";

export function asymmetryPercent(left: number | null | undefined, right: number | null | undefined): number | null {
  if (left === null || left === undefined || right === null || right === undefined) return null;
  const larger = Math.max(Math.abs(left), Math.abs(right));
  if (larger === 0) return 0;
  return (Math.abs(left - right) / larger) * 100;
}

/**
 * The value of the injured side: for a both-sides injury the weaker (smaller) side, which
 * is the one a target such as "heel raises ≥25" must be met on. Null when not measured.
 */
export function injuredSideValue(side: Side, left: number | null | undefined, right: number | null | undefined): number | null {
  const l = left ?? null;
  const r = right ?? null;
  if (side === "left") return l;
  if (side === "right") return r;
  if (l === null || r === null) return l ?? r;
  return Math.min(l, r);
}

/** Which side to name in words ("on the left") for the injured-side value. */
export function injuredSideLabel(side: Side, left: number | null | undefined, right: number | null | undefined): "left" | "right" {
  if (side === "left" || side === "right") return side;
  if (left === null || left === undefined) return "right";
  if (right === null || right === undefined) return "left";
  return left <= right ? "left" : "right";
}

/**
 * Limb symmetry index: injured ÷ uninjured × 100 (PRODUCT.md, second edition; met at ≥ 90%
 * by default, and an injured side stronger than the other meets it). Null unless both are
 * measured and the uninjured side is above 0.
 */
export function limbSymmetryIndex(injured: number | null | undefined, uninjured: number | null | undefined): number | null {
  if (injured === null || injured === undefined || uninjured === null || uninjured === undefined || uninjured <= 0) return null;
  return (injured / uninjured) * 100;
}
