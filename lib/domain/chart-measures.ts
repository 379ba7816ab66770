/**
 * Assessment measures over time for the chart: one small chart per measure, left and right
 * where the measure is per side, with the targets and reference bands PRODUCT.md names.
 */
import { DEFAULT_PROTOCOL } from "./protocol";

export type MeasureInput = {
  assessedOn: string;
  fpaLeftDeg: number | null;
  fpaRightDeg: number | null;
  pelvicTiltDeg: number | null;
  cadenceSpm: number | null;
  kneeToWallLeftCm: number | null;
  kneeToWallRightCm: number | null;
  heelRaisesLeft: number | null;
  heelRaisesRight: number | null;
};

export type MeasureKey = "fpa" | "pelvicTilt" | "cadence" | "kneeToWall" | "heelRaises";

export type MeasureSpec = {
  key: MeasureKey;
  title: string;
  unit: string;
  /** Per side (left and right lines) or one value. */
  sided: boolean;
  band?: { from: number; to: number; label: string };
  references?: { value: number; label: string }[];
};

/** The heel-raise targets the chart draws as reference lines: the clinic's protocol settings. */
export type HeelRaiseTargets = { heelRaisesToRun: number; heelRaisesToReturn: number };

/**
 * The measures' charts, with the heel-raise reference lines at the clinic's targets (a clinic
 * that sets the target to start running to 20 sees a line at 20).
 */
export function measureSpecs(t: HeelRaiseTargets = DEFAULT_PROTOCOL): MeasureSpec[] {
  return [
    { key: "heelRaises", title: "Single-leg heel raises", unit: "repetitions", sided: true, references: [
      { value: t.heelRaisesToRun, label: `${t.heelRaisesToRun}: start running` },
      { value: t.heelRaisesToReturn, label: `${t.heelRaisesToReturn}: full return` },
    ] },
    { key: "kneeToWall", title: "Knee-to-wall dorsiflexion", unit: "cm", sided: true },
    { key: "fpa", title: "Foot progression angle (toe-out)", unit: "°", sided: true, band: { from: 5, to: 13, label: "Walking norm 5–13°" } },
    { key: "pelvicTilt", title: "Anterior pelvic tilt", unit: "°", sided: false, band: { from: 0, to: 23, label: "Seen in healthy pelvises 0–23°" } },
    { key: "cadence", title: "Cadence", unit: "steps/min", sided: false },
  ];
}

/** The specs at the default protocol's targets (for callers without a clinic's settings yet). */
export const MEASURE_SPECS: MeasureSpec[] = measureSpecs();

export type MeasureField = "fpaLeft" | "fpaRight" | "pelvicTilt" | "cadence" | "kneeToWallLeft" | "kneeToWallRight" | "heelRaisesLeft" | "heelRaisesRight";
export type MeasureRow = { date: string } & Record<MeasureField, number | null>;

/** The lines of one measure: left and right, or the single value. */
export function measureFields(spec: MeasureSpec): { field: MeasureField; side: "left" | "right" | null }[] {
  if (!spec.sided) return [{ field: spec.key as MeasureField, side: null }];
  return [
    { field: `${spec.key}Left` as MeasureField, side: "left" },
    { field: `${spec.key}Right` as MeasureField, side: "right" },
  ];
}

/** One row per assessment, oldest first; a measure not taken is null (no point drawn). */
export function measureRows(assessments: MeasureInput[]): MeasureRow[] {
  return [...assessments]
    .sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0))
    .map((a) => ({
      date: a.assessedOn,
      fpaLeft: a.fpaLeftDeg,
      fpaRight: a.fpaRightDeg,
      pelvicTilt: a.pelvicTiltDeg,
      cadence: a.cadenceSpm,
      kneeToWallLeft: a.kneeToWallLeftCm,
      kneeToWallRight: a.kneeToWallRightCm,
      heelRaisesLeft: a.heelRaisesLeft,
      heelRaisesRight: a.heelRaisesRight,
    }));
}

/** Whether any assessment recorded this measure. */
export function hasMeasure(rows: MeasureRow[], spec: MeasureSpec): boolean {
  return measureFields(spec).some(({ field }) => rows.some((r) => r[field] !== null));
}
