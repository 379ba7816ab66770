/**
 * Geometry of gait measures read from a video frame: pure functions of image points
 * (pixels, y pointing down as on a canvas) and frame times (seconds). No I/O.
 *
 * Conventions:
 * - A point is `{ x, y }` in image pixels; y grows downwards (canvas and video coordinates).
 * - Angles are degrees. "Signed" angles are positive clockwise on screen (because y is down).
 * - Times are the video's own media times in seconds (from `requestVideoFrameCallback`
 *   metadata or `video.currentTime`), never wall-clock time, so slow motion does not change
 *   a cadence.
 */

export type Point = { x: number; y: number };

const DEG = 180 / Math.PI;

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

function length(dx: number, dy: number): number {
  return Math.hypot(dx, dy);
}

/** True when two points are closer than a tenth of a pixel (no direction can be read). */
function same(a: Point, b: Point): boolean {
  return length(a.x - b.x, a.y - b.y) < 0.1;
}

/**
 * The angle at `vertex` between the rays to `a` and `b`, 0–180°. Returns null when either
 * ray has no length. Example: a knee angle from hip, knee and ankle points.
 */
export function threePointAngle(a: Point, vertex: Point, b: Point): number | null {
  if (same(a, vertex) || same(b, vertex)) return null;
  const ax = a.x - vertex.x;
  const ay = a.y - vertex.y;
  const bx = b.x - vertex.x;
  const by = b.y - vertex.y;
  // atan2 of cross and dot is accurate near 0° and 180°, where acos is not.
  return Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by)) * DEG;
}

/**
 * The angle of the segment p–q against the vertical, −90° to 90°, in either order of points.
 * With `lower` the point nearer the bottom of the frame and `upper` the other,
 * the result is atan(Δx / Δy) where Δx = lower.x − upper.x and Δy = lower.y − upper.y, so a
 * lower end further right than the upper end is positive. Null for a zero-length segment.
 *
 * Shin angle at initial contact (Souza 2016, "An evidence-based videotaped running
 * biomechanics analysis"): the angle of the line knee → ankle to the vertical, positive when
 * the ankle is ahead of the knee in the direction of travel. Pass `forward: "left"` when the
 * runner moves to the left of the frame.
 */
export function angleToVertical(p: Point, q: Point, forward: "right" | "left" = "right"): number | null {
  if (same(p, q)) return null;
  const [lower, upper] = p.y >= q.y ? [p, q] : [q, p];
  const dy = lower.y - upper.y;
  const dx = (lower.x - upper.x) * (forward === "right" ? 1 : -1);
  if (dy === 0) return 90; // a level segment has no "ahead" end
  return Math.atan(dx / dy) * DEG;
}

/**
 * The angle of the segment p–q against the horizontal, −90° to 90°: positive when the
 * right-hand end of the segment is lower on screen than the left-hand end. Null for a
 * zero-length segment. Pelvic tilt from a side view is read this way (ASIS → PSIS line), with
 * the sign chosen by the therapist for the direction the runner faces (product heuristic:
 * the screen asks which way is anterior).
 */
export function angleToHorizontal(p: Point, q: Point): number | null {
  if (same(p, q)) return null;
  const [left, right] = p.x <= q.x ? [p, q] : [q, p];
  const dx = right.x - left.x;
  const dy = right.y - left.y;
  if (dx === 0) return 90;
  return Math.atan(dy / dx) * DEG;
}

/**
 * The signed angle from a reference direction (`refFrom` → `refTo`) to a line (`from` → `to`),
 * −180° to 180°, positive clockwise on screen. Null when either has no length.
 *
 * Foot progression angle (FPA): reference = the direction of travel, line = heel → second
 * toe. Use `footProgressionAngle` for the toe-out-positive sign per side.
 */
export function angleFromReference(refFrom: Point, refTo: Point, from: Point, to: Point): number | null {
  if (same(refFrom, refTo) || same(from, to)) return null;
  const r = Math.atan2(refTo.y - refFrom.y, refTo.x - refFrom.x);
  const l = Math.atan2(to.y - from.y, to.x - from.x);
  let d = (l - r) * DEG;
  while (d > 180) d -= 360;
  while (d <= -180) d += 360;
  return d;
}

/**
 * Foot progression angle in degrees, toe-out positive (the assessment's convention).
 * Reference = the direction of travel drawn rear → front (e.g. along a treadmill belt edge),
 * foot = heel → second toe. Valid from behind, from in front or from above, as long as the
 * image is not mirrored (a front-camera "selfie" recording is): the two mirrorings of a front
 * view cancel out. Null when a line has no length.
 */
export function footProgressionAngle(side: "left" | "right", ref: [Point, Point], foot: [Point, Point]): number | null {
  const d = angleFromReference(ref[0], ref[1], foot[0], foot[1]);
  if (d === null) return null;
  return side === "right" ? d : -d;
}

/** Pixels per centimetre from a calibration line of known real length. Null for a zero-length line or a length ≤ 0. */
export function pixelsPerCm(a: Point, b: Point, knownCm: number): number | null {
  if (!(knownCm > 0) || same(a, b)) return null;
  return length(b.x - a.x, b.y - a.y) / knownCm;
}

/**
 * A distance in centimetres between two points, calibrated by a line of known length drawn
 * in the same plane (e.g. a 1 m stick on the treadmill). Null when the calibration cannot
 * be used. Foot strike ahead of the centre of mass: the horizontal distance from the hip
 * (centre of mass proxy) to the heel at initial contact; pass `horizontalOnly`.
 */
export function calibratedDistanceCm(
  calibration: { a: Point; b: Point; knownCm: number },
  p: Point,
  q: Point,
  horizontalOnly = false,
): number | null {
  const ppc = pixelsPerCm(calibration.a, calibration.b, calibration.knownCm);
  if (ppc === null) return null;
  const px = horizontalOnly ? Math.abs(q.x - p.x) : length(q.x - p.x, q.y - p.y);
  return px / ppc;
}

/** The least number of steps (foot contacts − 1 intervals) a cadence is read over. */
export const MIN_CADENCE_STEPS = 10;

export type CadenceResult =
  | { ok: true; spm: number; steps: number; seconds: number }
  | { ok: false; reason: string; steps: number };

/**
 * Cadence in steps per minute from the media times (seconds) of successive foot contacts,
 * left and right alike (each contact is one step). Steps are the intervals between
 * contacts: n contacts give n − 1 steps over (last − first) seconds. Needs at least
 * `MIN_CADENCE_STEPS` steps (product heuristic: enough to average out a tap one frame off at
 * 30 fps to within about 1 step/min at running cadences). Times may come unsorted; a
 * repeated time (the same frame tapped twice) counts once.
 */
export function cadenceFromContacts(times: readonly number[]): CadenceResult {
  const sorted = [...new Set(times.filter((t) => Number.isFinite(t)))].sort((a, b) => a - b);
  const steps = Math.max(0, sorted.length - 1);
  if (steps < MIN_CADENCE_STEPS) {
    return { ok: false, steps, reason: `Mark at least ${MIN_CADENCE_STEPS + 1} foot contacts (${MIN_CADENCE_STEPS} steps); ${sorted.length} marked so far.` };
  }
  const seconds = sorted[sorted.length - 1]! - sorted[0]!;
  if (!(seconds > 0)) return { ok: false, steps, reason: "The contacts span no time." };
  return { ok: true, spm: round((steps / seconds) * 60, 1), steps, seconds };
}

/**
 * Frames per second estimated from successive frame media times (seconds), as the median of
 * their differences. Null with fewer than two distinct times. Used to step one frame when
 * the browser does not report frame times.
 */
export function estimateFps(frameTimes: readonly number[]): number | null {
  const sorted = [...new Set(frameTimes)].sort((a, b) => a - b);
  const diffs: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const d = sorted[i]! - sorted[i - 1]!;
    if (d > 1e-4) diffs.push(d);
  }
  if (diffs.length === 0) return null;
  diffs.sort((a, b) => a - b);
  const median = diffs[Math.floor(diffs.length / 2)]!;
  return 1 / median;
}

/**
 * Indices of foot contacts in a series of vertical heel positions (pixels, y down), one per
 * sampled frame: a contact is a local maximum of y (the heel at its lowest) that is within
 * `tolerancePx` of the lowest heel position over the clip and at least `minGap` samples after
 * the previous contact. Product heuristic for the pose model's contact detection; the
 * therapist checks the marks before using the cadence.
 */
export function contactsFromHeelHeights(heelY: readonly (number | null)[], tolerancePx: number, minGap = 2): number[] {
  const values = heelY.filter((v): v is number => v !== null);
  if (values.length === 0) return [];
  const floor = Math.max(...values);
  const out: number[] = [];
  for (let i = 0; i < heelY.length; i++) {
    const y = heelY[i];
    if (y === null || y === undefined || floor - y > tolerancePx) continue;
    const prev = heelY[i - 1] ?? -Infinity;
    const next = heelY[i + 1] ?? -Infinity;
    if (y < prev || y < next) continue;
    const last = out[out.length - 1];
    if (last !== undefined && i - last < minGap) continue;
    out.push(i);
  }
  return out;
}

/** A measure rounded as the form shows it: angles and distances to 0.1, cadence to whole steps per minute. */
export function roundForField(value: number, kind: "angle" | "distance" | "cadence"): number {
  if (kind === "cadence") return Math.round(value);
  return round(value, 1);
}
