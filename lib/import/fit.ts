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

/**
 * Reads a FIT activity file with `fit-file-parser` (CRC checked). Each session becomes one
 * activity; a session whose sport is not running is kept with the reason it is skipped.
 * Units: seconds, metres, m/s; cadence is converted to steps/min (see `./cadence`);
 * `stance_time_balance` is the left foot's share of ground-contact time in %;
 * `avg_step_length` is in millimetres in FIT and returned in metres.
 *
 * Throws ImportFileError for a truncated or corrupt file, or a FIT file that is not an
 * activity (a course, settings or workout file).
 */
export async function parseFit(bytes: Uint8Array): Promise<RawActivity[]> {
  if (bytes.byteLength === 0) throw new ImportFileError("The file is empty.");
  const parser = new FitParser({ force: false, mode: "list", speedUnit: "m/s", lengthUnit: "m", elapsedRecordField: true });
  let data: Awaited<ReturnType<FitParser["parseAsync"]>>;
  try {
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    data = await parser.parseAsync(copy);
  } catch {
    throw new ImportFileError("This FIT file is damaged or incomplete (it may have been cut off while copying). Export it from the watch again.");
  }
  const fileId = (data.file_ids as FitRecord[] | undefined)?.[0];
  const type = fileId?.type;
  if (type !== undefined && type !== "activity") throw new ImportFileError(`This FIT file is not an activity (it is a ${human(type)} file), so it holds no run.`);
  const sessions = (data.sessions ?? []) as FitRecord[];
  if (sessions.length === 0) throw new ImportFileError("This FIT file holds no recorded activity.");
  const records = (data.records ?? []) as FitRecord[];
  const laps = (data.laps ?? []) as FitRecord[];
  const device = deviceName(fileId);

  return sessions.map((session) => {
    const start = date(session.start_time) ?? date(records[0]?.timestamp);
    if (!start) throw new ImportFileError("This FIT file has no start time.");
    const elapsed = num(session.total_elapsed_time) ?? 0;
    const end = start.getTime() + elapsed * 1000;
    const sport = typeof session.sport === "string" ? session.sport : null;
    const sub = typeof session.sub_sport === "string" && session.sub_sport !== "generic" ? `: ${human(session.sub_sport)}` : "";
    const samples: Sample[] = [];
    for (const r of records) {
      const ts = date(r.timestamp);
      if (!ts || ts.getTime() < start.getTime() || ts.getTime() > end + 1000) continue;
      const perLeg = num(r.cadence);
      const speed = num(r.enhanced_speed) ?? num(r.speed);
      samples.push({
        t: (ts.getTime() - start.getTime()) / 1000,
        distanceM: num(r.distance),
        speedMs: speed,
        cadenceSpm: perLeg !== undefined && perLeg > 0 ? stepsPerMinute(perLeg, num(r.fractional_cadence) ?? 0) : undefined,
        heartRate: num(r.heart_rate),
        gctLeftPct: num(r.stance_time_balance),
      });
    }
    const sessionLaps: Lap[] = laps
      .filter((l) => {
        const ls = date(l.start_time);
        return ls && ls.getTime() >= start.getTime() && ls.getTime() <= end;
      })
      .map((l) => ({
        startOffsetS: Math.round((date(l.start_time)!.getTime() - start.getTime()) / 1000),
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
