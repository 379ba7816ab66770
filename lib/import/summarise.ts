import { plausibleSpm } from "./cadence";
import type { ImportedActivity, RawActivity, Sample, Segment, SeriesPoint, WalkRunPattern } from "./types";

/**
 * Product heuristics for walk/run segments (not from a published source): a sample is
 * *running* at ≥ 140 steps/min where cadence is recorded, otherwise at ≥ 2.0 m/s
 * (7.2 km/h, a slow jog); *stopped* below 0.3 m/s; a gap of more than 30 s between samples
 * is a pause (a watch's auto-pause). Stretches shorter than 20 s are folded into their
 * neighbours, so a stumble or a traffic light does not split a repetition.
 */
export const SEGMENT_RULES = { runCadenceSpm: 140, runSpeedMs: 2.0, stoppedSpeedMs: 0.3, pauseGapS: 30, minSegmentS: 20 } as const;

/** The time between two consecutive samples, with the minute it starts in. */
type Interval = { dt: number; speed: number | null; cadence: number | null; minute: number };

function intervals(samples: Sample[]): Interval[] {
  const out: Interval[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const dt = b.t - a.t;
    if (!(dt > 0)) continue;
    if (dt > SEGMENT_RULES.pauseGapS) continue;
    let speed: number | null = b.speedMs ?? null;
    if (speed === null && a.distanceM !== undefined && b.distanceM !== undefined) speed = Math.max(0, (b.distanceM - a.distanceM) / dt);
    out.push({ dt, speed, cadence: plausibleSpm(b.cadenceSpm) ? b.cadenceSpm : null, minute: Math.floor(a.t / 60) });
  }
  return out;
}

function classify(iv: Interval): "walk" | "run" | "stopped" {
  if (iv.speed !== null && iv.speed < SEGMENT_RULES.stoppedSpeedMs) return "stopped";
  if (iv.cadence !== null) return iv.cadence >= SEGMENT_RULES.runCadenceSpm ? "run" : "walk";
  if (iv.speed === null) return "stopped";
  return iv.speed >= SEGMENT_RULES.runSpeedMs ? "run" : "walk";
}

/** Walk and run stretches in order (stops left out), short ones folded into their neighbours. */
export function findSegments(samples: Sample[]): Segment[] {
  return segmentsOf(intervals(samples));
}

function segmentsOf(ivs: Interval[]): Segment[] {
  const raw: Segment[] = [];
  for (const iv of ivs) {
    const kind = classify(iv);
    if (kind === "stopped") continue;
    const last = raw[raw.length - 1];
    if (last && last.kind === kind) last.seconds += iv.dt;
    else raw.push({ kind, seconds: iv.dt });
  }
  // Fold short stretches into the previous one, then merge equal neighbours.
  const merged: Segment[] = [];
  for (const seg of raw) {
    const last = merged[merged.length - 1];
    if (last && (seg.seconds < SEGMENT_RULES.minSegmentS || last.kind === seg.kind)) last.seconds += seg.seconds;
    else merged.push({ ...seg });
  }
  if (merged.length > 1 && merged[0]!.seconds < SEGMENT_RULES.minSegmentS) {
    const first = merged.shift()!;
    merged[0]!.seconds += first.seconds;
  }
  return merged.map((s) => ({ kind: s.kind, seconds: Math.round(s.seconds) }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds seconds to the nearest half minute (walk-run plans are written in half minutes). */
const halfMinutes = (s: number) => Math.round(s / 30) * 30;

/**
 * A walk-run session: at least two run stretches, each after a walk stretch (a trailing
 * cool-down walk is allowed). The pattern is the median walk and run lengths rounded to
 * half minutes, e.g. 3 min walk / 2 min run × 5. Anything else is null (a continuous run).
 */
export function findWalkRun(segments: Segment[]): WalkRunPattern | null {
  const runs = segments.filter((s) => s.kind === "run");
  const walks = segments.filter((s) => s.kind === "walk");
  if (runs.length < 2 || walks.length < runs.length - 1) return null;
  const walkS = halfMinutes(median(walks.map((w) => w.seconds)));
  const runS = halfMinutes(median(runs.map((r) => r.seconds)));
  if (runS === 0) return null;
  return { walkS, runS, repetitions: runs.length };
}

/** Per-minute cadence (average of recorded steps/min) and pace (s/km from distance or speed) for charts. */
export function perMinuteSeries(samples: Sample[]): SeriesPoint[] {
  return seriesOf(samples, intervals(samples));
}

function seriesOf(samples: Sample[], ivs: Interval[]): SeriesPoint[] {
  if (samples.length === 0) return [];
  const last = samples[samples.length - 1]!.t;
  const minutes = Math.floor(last / 60) + 1;
  const cadSum = new Float64Array(minutes);
  const cadN = new Uint32Array(minutes);
  const dist = new Float64Array(minutes);
  const time = new Float64Array(minutes);
  for (const s of samples) {
    const m = Math.min(minutes - 1, Math.floor(s.t / 60));
    if (plausibleSpm(s.cadenceSpm)) {
      cadSum[m]! += s.cadenceSpm;
      cadN[m]! += 1;
    }
  }
  for (const iv of ivs) {
    if (iv.speed === null || iv.speed < SEGMENT_RULES.stoppedSpeedMs) continue;
    const m = Math.min(minutes - 1, iv.minute);
    dist[m]! += iv.speed * iv.dt;
    time[m]! += iv.dt;
  }
  const out: SeriesPoint[] = [];
  for (let m = 0; m < minutes; m++) {
    const cadence = cadN[m]! > 0 ? Math.round((cadSum[m]! / cadN[m]!) * 10) / 10 : null;
    const pace = dist[m]! > 0 ? Math.round(time[m]! / (dist[m]! / 1000)) : null;
    out.push({ minute: m, cadenceSpm: cadence, paceSPerKm: pace });
  }
  return out;
}

/** Seconds spent moving (not stopped, not paused) according to the samples. */
export function movingSeconds(samples: Sample[]): number {
  return movingOf(intervals(samples));
}

function movingOf(ivs: Interval[]): number {
  let total = 0;
  for (const iv of ivs) if (classify(iv) !== "stopped") total += iv.dt;
  return Math.round(total);
}

function average(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * Turns a parser's raw activity into what the review shows and the import stores: the
 * file's own totals where it states them, otherwise sums and averages of its samples.
 */
export function summariseActivity(raw: RawActivity, source: { fileName: string; contentHash: string; index: number }): ImportedActivity {
  const { samples, stated } = raw;
  const ivs = intervals(samples);
  const lastT = samples.length ? samples[samples.length - 1]!.t : 0;
  const elapsedS = Math.round(stated.elapsedS ?? lastT);
  const fromSamples = samples.length > 1 ? movingOf(ivs) : null;
  const movingS = Math.round(stated.movingS ?? fromSamples ?? elapsedS);
  let lastDistance: number | undefined;
  const hr: number[] = [];
  const cad: number[] = [];
  const gct: number[] = [];
  for (const s of samples) {
    if (s.distanceM !== undefined) lastDistance = s.distanceM;
    if (typeof s.heartRate === "number" && s.heartRate > 0) hr.push(s.heartRate);
    if (plausibleSpm(s.cadenceSpm) && s.cadenceSpm >= SEGMENT_RULES.runCadenceSpm) cad.push(s.cadenceSpm);
    if (typeof s.gctLeftPct === "number" && s.gctLeftPct > 0 && s.gctLeftPct < 100) gct.push(s.gctLeftPct);
  }
  const distanceM = stated.distanceM ?? lastDistance ?? null;
  const segments = segmentsOf(ivs);
  return {
    fileName: source.fileName,
    contentHash: source.contentHash,
    index: source.index,
    sport: raw.sport,
    notRunReason: raw.notRunReason,
    device: raw.device,
    startTime: raw.startTime.toISOString(),
    elapsedS,
    movingS,
    distanceM: distanceM === null ? null : Math.round(distanceM),
    avgHeartRate: stated.avgHeartRate ?? (hr.length ? Math.round(average(hr)!) : null),
    maxHeartRate: stated.maxHeartRate ?? (hr.length ? hr.reduce((a, b) => (b > a ? b : a)) : null),
    avgCadenceSpm: round1(plausibleSpm(stated.avgCadenceSpm) ? stated.avgCadenceSpm : average(cad)),
    gctLeftPct: round1(stated.gctLeftPct ?? average(gct)),
    stepLengthM: stated.stepLengthM ?? null,
    laps: raw.laps,
    segments,
    walkRun: findWalkRun(segments),
    series: seriesOf(samples, ivs),
  };
}
