/**
 * Cadence units. FIT, TCX (Garmin's `RunCadence` extension) and GPX (`gpxtpx:cad`) store a
 * running cadence **per leg**: strides of one foot per minute, e.g. 79. The clinic and the
 * literature (Heiderscheit 2011) speak of **steps per minute**, both feet: 158.
 *
 *   steps/min = 2 × (per-leg cadence + FIT's fractional cadence)
 *
 * FIT's `fractional_cadence` / `avg_fractional_cadence` is the fraction of a per-leg cycle
 * the integer field left out (79 + 0.898 = 79.9 per leg → 159.8 steps/min).
 */
export function stepsPerMinute(perLeg: number, fractional = 0): number {
  return 2 * (perLeg + fractional);
}

/** A cadence value worth keeping: steps/min within what a person walking or running does. */
export function plausibleSpm(spm: number | undefined | null): spm is number {
  return typeof spm === "number" && Number.isFinite(spm) && spm >= 40 && spm <= 260;
}
