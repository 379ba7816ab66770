/**
 * The measuring tools of the video tool: how many points each places, what they are called,
 * which assessment fields each can fill, and the measure they give (through the pure
 * geometry in lib/domain/gait-geometry.ts).
 */
import {
  angleFromReference,
  angleToHorizontal,
  angleToVertical,
  cadenceFromContacts,
  calibratedDistanceCm,
  footProgressionAngle,
  roundForField,
  threePointAngle,
  type Point,
} from "@/lib/domain/gait-geometry";
import type { VideoMeasureField, VideoMeasureTool } from "@/lib/domain/vocabulary";

export type ToolPoint = Point & { suggested: boolean };
export type Forward = "left" | "right";

/** Short names of the fields a video measure fills, with units. */
export const VIDEO_FIELD_LABEL: Record<VideoMeasureField, string> = {
  shinAngleDeg: "Shin angle at initial contact (°)",
  strikeAheadCm: "Foot strike ahead of centre of mass (cm)",
  cadenceSpm: "Cadence (steps/min)",
  pelvicTiltDeg: "Pelvic tilt (°)",
  fpaLeftDeg: "Foot progression angle, left (°)",
  fpaRightDeg: "Foot progression angle, right (°)",
};

const ANGLE_FIELDS: VideoMeasureField[] = ["shinAngleDeg", "pelvicTiltDeg", "fpaLeftDeg", "fpaRightDeg"];

export type ToolSpec = { label: string; points: string[]; fields: VideoMeasureField[]; kind: "angle" | "distance" | "cadence"; help: string };

export const TOOLS: Record<VideoMeasureTool, ToolSpec> = {
  three_point: {
    label: "Three-point angle",
    points: ["End A", "Vertex", "End B"],
    fields: ANGLE_FIELDS,
    kind: "angle",
    help: "The angle at the vertex between the lines to A and B (0–180°). For a shin angle, put the vertex on the ankle, A on the knee and B on a plumb line straight above the ankle.",
  },
  vertical: {
    label: "Angle to vertical",
    points: ["Knee", "Ankle"],
    fields: ["shinAngleDeg"],
    kind: "angle",
    help: "Shin angle at initial contact: the knee → ankle line against the vertical, positive when the ankle is ahead of the knee (Souza 2016).",
  },
  horizontal: {
    label: "Angle to horizontal",
    points: ["Back (PSIS)", "Front (ASIS)"],
    fields: ["pelvicTiltDeg"],
    kind: "angle",
    help: "Pelvic tilt from a side view: the PSIS → ASIS line against the horizontal, positive when the front is lower (anterior tilt).",
  },
  reference: {
    label: "Line vs reference direction",
    points: ["Travel from", "Travel to", "Heel", "Second toe"],
    fields: ["fpaLeftDeg", "fpaRightDeg"],
    kind: "angle",
    help: "Foot progression angle from a rear or overhead view: draw the direction of travel (e.g. the belt edge), then heel → second toe. Toe-out is positive.",
  },
  distance: {
    label: "Calibrated distance",
    points: ["Calibration start", "Calibration end", "Centre of mass (hip)", "Heel"],
    fields: ["strikeAheadCm"],
    kind: "distance",
    help: "Draw a calibration line over an object of known length in the runner's plane, enter its length, then place the hip and the heel at initial contact. The horizontal distance is reported.",
  },
  cadence: {
    label: "Cadence from foot contacts",
    points: [],
    fields: ["cadenceSpm"],
    kind: "cadence",
    help: "Step to each foot contact (left and right) and mark it. At least 11 contacts (10 steps); the cadence uses the video's own frame times.",
  },
};

export const TOOL_ORDER: VideoMeasureTool[] = ["three_point", "vertical", "horizontal", "reference", "distance", "cadence"];

/** The tool a field is usually measured with. */
export function defaultToolFor(field: VideoMeasureField): VideoMeasureTool {
  if (field === "shinAngleDeg") return "vertical";
  if (field === "pelvicTiltDeg") return "horizontal";
  if (field === "strikeAheadCm") return "distance";
  if (field === "cadenceSpm") return "cadence";
  return "reference";
}

/** Starting positions for a tool's points (fractions of the frame), so they can be moved by keyboard as well as placed by pointer. */
export function defaultPoints(tool: VideoMeasureTool, w: number, h: number): ToolPoint[] {
  const at = (fx: number, fy: number): ToolPoint => ({ x: fx * w, y: fy * h, suggested: false });
  switch (tool) {
    case "three_point":
      return [at(0.45, 0.3), at(0.5, 0.6), at(0.5, 0.3)];
    case "vertical":
      return [at(0.5, 0.4), at(0.55, 0.7)];
    case "horizontal":
      return [at(0.4, 0.5), at(0.6, 0.52)];
    case "reference":
      return [at(0.3, 0.8), at(0.3, 0.3), at(0.55, 0.75), at(0.6, 0.5)];
    case "distance":
      return [at(0.2, 0.9), at(0.8, 0.9), at(0.45, 0.45), at(0.6, 0.85)];
    case "cadence":
      return [];
  }
}

export type MeasureOptions = { field: VideoMeasureField; forward: Forward; knownCm: number | null; contacts: number[] };
export type MeasureReading = { value: number | null; problem: string | null };

/** The measure the tool's points give for a field, rounded as the form shows it, or the reason there is none. */
export function readMeasure(tool: VideoMeasureTool, points: readonly Point[], o: MeasureOptions): MeasureReading {
  const none = (problem: string): MeasureReading => ({ value: null, problem });
  const [a, b, c, d] = points;
  let raw: number | null = null;
  switch (tool) {
    case "three_point":
      raw = a && b && c ? threePointAngle(a, b, c) : null;
      break;
    case "vertical":
      raw = a && b ? angleToVertical(a, b, o.forward) : null;
      break;
    case "horizontal": {
      const h = a && b ? angleToHorizontal(a, b) : null;
      raw = h === null ? null : o.forward === "right" ? h : -h;
      break;
    }
    case "reference":
      if (!(a && b && c && d)) break;
      raw = o.field === "fpaLeftDeg" ? footProgressionAngle("left", [a, b], [c, d]) : o.field === "fpaRightDeg" ? footProgressionAngle("right", [a, b], [c, d]) : angleFromReference(a, b, c, d);
      break;
    case "distance":
      if (!o.knownCm || !(o.knownCm > 0)) return none("Enter the calibration line's real length in cm.");
      raw = a && b && c && d ? calibratedDistanceCm({ a, b, knownCm: o.knownCm }, c, d, true) : null;
      break;
    case "cadence": {
      const r = cadenceFromContacts(o.contacts);
      if (!r.ok) return none(r.reason);
      raw = r.spm;
      break;
    }
  }
  if (raw === null) return none("Move the points apart: a line has no length.");
  return { value: roundForField(raw, TOOLS[tool].kind === "cadence" ? "cadence" : TOOLS[tool].kind === "distance" ? "distance" : "angle"), problem: null };
}
