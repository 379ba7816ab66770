import FitParser, { getFitGarminProductDisplayName } from "fit-file-parser";
import { stepsPerMinute } from "./cadence";
import { ImportFileError, type Lap, type RawActivity, type Sample } from "./types";

/** FIT sports that are runs (sub-sports such as treadmill, trail and track included). */
const RUN_SPORTS = new Set(["running"]);

type FitRecord = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const date = (v: unknown): Date | undefined => (v instanceof Date && !Number.isNaN(v.getTime()) ? v : typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined);

function deviceName(fileId: FitRecord | undefined): string | null {
  if (!fileId) return null;
  const maker = typeof fileId.manufacturer === "string" ? fileId.manufacturer : null;
  const product = num(fileId.product);
  if (maker === "garmin" && product !== undefined) {
    const name = getFitGarminProductDisplayName(product);
    if (name) return `Garmin ${name}`;
  }
  if (maker) return product !== undefined ? `${maker} (product ${product})` : maker;
  return null;
}

function human(value: unknown): string {
  return typeof value === "string" ? value.replace(/_/g, " ") : "unknown";
}

/** The record fields the importer uses, as columns (NaN where a record lacks the field): cheap to move between threads. */
export type FitRecordColumns = {
  time: Float64Array;
  distance: Float64Array;
  speed: Float64Array;
  cadence: Float64Array;
  fractional: Float64Array;
  heartRate: Float64Array;
  balance: Float64Array;
};
/** What the importer keeps of a decoded FIT file. */
export type DecodedFit = { fileIds: FitRecord[]; sessions: FitRecord[]; laps: FitRecord[]; records: FitRecordColumns };
/** Decodes FIT bytes (in this thread or in a worker); rejects on a damaged file. */
export type FitDecoder = (bytes: Uint8Array) => Promise<DecodedFit>;

/**
 * Records as columns. Self-contained (it only uses its argument and globals) because its
 * source also runs inside the decoding worker (`./fit-worker.ts`).
 */
export function recordColumns(records: Record<string, unknown>[]): FitRecordColumns {
  const n = records.length;
  const cols = { time: new Float64Array(n), distance: new Float64Array(n), speed: new Float64Array(n), cadence: new Float64Array(n), fractional: new Float64Array(n), heartRate: new Float64Array(n), balance: new Float64Array(n) };
  const val = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : NaN);
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const ts = r.timestamp;
    cols.time[i] = ts instanceof Date ? ts.getTime() : typeof ts === "string" ? Date.parse(ts) : NaN;
    cols.distance[i] = val(r.distance);
    const enhanced = val(r.enhanced_speed);
    cols.speed[i] = Number.isNaN(enhanced) ? val(r.speed) : enhanced;
    cols.cadence[i] = val(r.cadence);
    cols.fractional[i] = val(r.fractional_cadence);
    cols.heartRate[i] = val(r.heart_rate);
    cols.balance[i] = val(r.stance_time_balance);
  }
  return cols;
}

/** The parser's options: SI units, one flat list per message type, CRC checked (damage refused). */
export const FIT_PARSER_OPTIONS = { force: false, mode: "list", speedUnit: "m/s", lengthUnit: "m", elapsedRecordField: true } as const;

/** Decodes in this thread with `fit-file-parser`. */
export const decodeFitHere: FitDecoder = async (bytes) => {
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const data = await new FitParser({ ...FIT_PARSER_OPTIONS }).parseAsync(copy);
  return {
    fileIds: (data.file_ids ?? []) as FitRecord[],
    sessions: (data.sessions ?? []) as FitRecord[],
    laps: (data.laps ?? []) as FitRecord[],
    records: recordColumns((data.records ?? []) as FitRecord[]),
  };
};

const present = (v: number | undefined): number | undefined => (v === undefined || Number.isNaN(v) ? undefined : v);

/**
 * Reads a FIT activity file with `fit-file-parser` (CRC checked), decoded by `decode` (this
 * thread by default; the import route passes the worker's). Each session becomes one
 * activity; a session whose sport is not running is kept with the reason it is skipped.
 * Units: seconds, metres, m/s; cadence is converted to steps/min (see `./cadence`);
 * `stance_time_balance` is the left foot's share of ground-contact time in %;
 * `avg_step_length` is in millimetres in FIT and returned in metres.
 *
 * Throws ImportFileError for a truncated or corrupt file, or a FIT file that is not an
 * activity (a course, settings or workout file).
 */
export async function parseFit(bytes: Uint8Array, decode: FitDecoder = decodeFitHere): Promise<RawActivity[]> {
  if (bytes.byteLength === 0) throw new ImportFileError("The file is empty.");
  let data: DecodedFit;
  try {
    data = await decode(bytes);
  } catch {
    throw new ImportFileError("This FIT file is damaged or incomplete (it may have been cut off while copying). Export it from the watch again.");
  }
  const fileId = data.fileIds[0];
  const type = fileId?.type;
  if (type !== undefined && type !== "activity") throw new ImportFileError(`This FIT file is not an activity (it is a ${human(type)} file), so it holds no run.`);
  const sessions = data.sessions;
  if (sessions.length === 0) throw new ImportFileError("This FIT file holds no recorded activity.");
  const rec = data.records;
  const laps = data.laps;
  const device = deviceName(fileId);

  return sessions.map((session) => {
    const start = date(session.start_time) ?? (rec.time.length && !Number.isNaN(rec.time[0]!) ? new Date(rec.time[0]!) : undefined);
    if (!start) throw new ImportFileError("This FIT file has no start time.");
    const elapsed = num(session.total_elapsed_time) ?? 0;
    const startMs = start.getTime();
    const end = startMs + elapsed * 1000;
    const sport = typeof session.sport === "string" ? session.sport : null;
    const sub = typeof session.sub_sport === "string" && session.sub_sport !== "generic" ? `: ${human(session.sub_sport)}` : "";
    const samples: Sample[] = [];
    for (let i = 0; i < rec.time.length; i++) {
      const ts = rec.time[i]!;
      if (Number.isNaN(ts) || ts < startMs || ts > end + 1000) continue;
      const perLeg = present(rec.cadence[i]);
      samples.push({
        t: (ts - startMs) / 1000,
        distanceM: present(rec.distance[i]),
        speedMs: present(rec.speed[i]),
        cadenceSpm: perLeg !== undefined && perLeg > 0 ? stepsPerMinute(perLeg, present(rec.fractional[i]) ?? 0) : undefined,
        heartRate: present(rec.heartRate[i]),
        gctLeftPct: present(rec.balance[i]),
      });
    }
    const sessionLaps: Lap[] = laps
      .filter((l) => {
        const ls = date(l.start_time);
        return ls && ls.getTime() >= startMs && ls.getTime() <= end;
      })
      .map((l) => ({
        startOffsetS: Math.round((date(l.start_time)!.getTime() - startMs) / 1000),
        elapsedS: Math.round(num(l.total_elapsed_time) ?? 0),
        distanceM: num(l.total_distance) ?? null,
      }));
    const avgLeg = num(session.avg_running_cadence) ?? num(session.avg_cadence);
    const stepMm = num(session.avg_step_length);
    return {
      sport,
      notRunReason: sport && RUN_SPORTS.has(sport) ? null : `Not a run (${human(sport)}${sub}).`,
      startTime: start,
      device,
      samples,
      laps: sessionLaps,
      stated: {
        elapsedS: elapsed || undefined,
        distanceM: num(session.total_distance),
        avgHeartRate: num(session.avg_heart_rate),
        maxHeartRate: num(session.max_heart_rate),
        avgCadenceSpm: avgLeg !== undefined ? stepsPerMinute(avgLeg, num(session.avg_fractional_cadence) ?? 0) : undefined,
        gctLeftPct: num(session.avg_stance_time_balance),
        stepLengthM: stepMm !== undefined ? Math.round(stepMm) / 1000 : undefined,
      },
    } satisfies RawActivity;
  });
}
