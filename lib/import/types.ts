/**
 * What the watch-file importer reads out of FIT, TCX, GPX and Strava export files, before
 * anything is saved. Pure data: no database, no React. Units are SI throughout (seconds,
 * metres, metres per second) except cadence, which is always **steps per minute** here
 * (both feet), whatever the file stored (see `cadence.ts` in this folder).
 */

/** Size limits, in bytes. Said in the messages so the user knows what to do. */
export const IMPORT_LIMITS = {
  /** One FIT, TCX or GPX file (after gunzip). A 4-hour FIT file is about 1 MB; a TCX of it about 15 MB. */
  activityFileBytes: 40 * 1024 * 1024,
  /** One uploaded file as sent (a Strava bulk export can be large). */
  uploadBytes: 300 * 1024 * 1024,
  /** Everything a zip may expand to in total. */
  zipExpandedBytes: 1024 * 1024 * 1024,
  /** How many activities one upload may hold. */
  activities: 2000,
} as const;

/** "12 MB": a byte count as people read it. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** A file that cannot be imported, with the message the user sees. Nothing of it is saved. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

/** One timed sample of a recording. `t` is seconds since the activity's start. */
export type Sample = {
  t: number;
  /** Cumulative distance from the start, metres, when the file has it. */
  distanceM?: number;
  /** Instantaneous speed, m/s, when the file has it. */
  speedMs?: number;
  /** Steps per minute (both feet). */
  cadenceSpm?: number;
  heartRate?: number;
  /** Ground-contact time balance: the left foot's share, in %. */
  gctLeftPct?: number;
  lat?: number;
  lon?: number;
};

export type Lap = { startOffsetS: number; elapsedS: number; distanceM: number | null };

/** What a format parser hands to `summariseActivity`. */
export type RawActivity = {
  /** The activity as named by the file's sport field (e.g. "running", "cycling", "Ride"). */
  sport: string | null;
  /** null when the sport is a run (or unknown: a GPX without a type); otherwise why it is skipped. */
  notRunReason: string | null;
  startTime: Date;
  device: string | null;
  samples: Sample[];
  laps: Lap[];
  /** Totals the file states itself (a FIT session, a TCX lap sum, a Strava CSV row); preferred over sums of samples. */
  stated: {
    elapsedS?: number;
    movingS?: number;
    distanceM?: number;
    avgHeartRate?: number;
    maxHeartRate?: number;
    avgCadenceSpm?: number;
    gctLeftPct?: number;
    stepLengthM?: number;
  };
};

/** A walk or run stretch found from speed (and cadence where present). */
export type Segment = { kind: "walk" | "run"; seconds: number };

/** A recognised walk-run pattern: `walkS` walking then `runS` running, `repetitions` times. */
export type WalkRunPattern = { walkS: number; runS: number; repetitions: number };

/** One minute of the run for charts: average cadence (spm) and pace (s/km), null where not recorded. */
export type SeriesPoint = { minute: number; cadenceSpm: number | null; paceSPerKm: number | null };

/** One activity as the importer understood it, ready for review. */
export type ImportedActivity = {
  /** The uploaded file it came from (the file inside a zip for a Strava export). */
  fileName: string;
  /** SHA-256 (hex) of the activity file's bytes after gunzip; a Strava row without a file: of its activity id. */
  contentHash: string;
  /** Which activity of the file (a TCX file may hold several). */
  index: number;
  sport: string | null;
  notRunReason: string | null;
  device: string | null;
  /** ISO-8601 UTC. */
  startTime: string;
  elapsedS: number;
  movingS: number;
  distanceM: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  avgCadenceSpm: number | null;
  gctLeftPct: number | null;
  stepLengthM: number | null;
  laps: Lap[];
  segments: Segment[];
  walkRun: WalkRunPattern | null;
  series: SeriesPoint[];
};

/** The outcome of reading one uploaded file: its activities, or why none could be read. */
export type FileReading = { fileName: string; activities: ImportedActivity[]; error: string | null };
