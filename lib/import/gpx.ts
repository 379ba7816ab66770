import { stepsPerMinute } from "./cadence";
import { ImportFileError, type RawActivity, type Sample } from "./types";
import { list, node, num, readXml, text, time } from "./xml";

/** GPX `type` values that mean a run (Garmin writes "running", Strava "running" or "9"). */
const RUN_TYPES = new Set(["running", "run", "9", "trail_running", "treadmill_running"]);

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two WGS84 points (haversine, mean Earth radius). */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Reads a GPX track: each `trk` is one activity (GPX has no laps). Distance is summed from
 * the points (haversine); speed follows from distance over time. Heart rate and cadence come
 * from Garmin's TrackPointExtension (`hr`, `cad`); `cad` is per leg for a run and is
 * converted to steps/min (see `./cadence`). A track without a `type` is taken as a run
 * (the user chose to import it); any other type is skipped with its name.
 * Throws ImportFileError for a malformed, truncated or entity-declaring file, or one with no timed track.
 */
export function parseGpx(bytes: Uint8Array): RawActivity[] {
  const doc = readXml(bytes, ["trk", "trkseg", "trkpt"]);
  const gpx = node(doc.gpx);
  if (!gpx) throw new ImportFileError("This is not a GPX file.");
  const creator = text(gpx["@creator"]) ?? null;
  const tracks = list(gpx.trk);
  if (tracks.length === 0) throw new ImportFileError("This GPX file holds no track (it may be a route or waypoints only).");
  return tracks.map((trk) => {
    const points = list(trk.trkseg).flatMap((seg) => list(seg.trkpt));
    const timed = points.map((p) => ({ p, at: time(p.time) })).filter((x): x is { p: (typeof points)[number]; at: Date } => !!x.at);
    if (timed.length === 0) throw new ImportFileError("This GPX track has no times, so it is a route, not a recorded run.");
    const start = timed[0]!.at;
    const samples: Sample[] = [];
    let distance = 0;
    let prev: { lat: number; lon: number; t: number } | undefined;
    for (const { p, at } of timed) {
      const lat = num(p["@lat"]);
      const lon = num(p["@lon"]);
      const t = (at.getTime() - start.getTime()) / 1000;
      let speed: number | undefined;
      if (lat !== undefined && lon !== undefined) {
        if (prev) {
          const step = haversineM(prev.lat, prev.lon, lat, lon);
          distance += step;
          if (t > prev.t) speed = step / (t - prev.t);
        }
        prev = { lat, lon, t };
      }
      const ext = node(node(p.extensions)?.TrackPointExtension);
      const perLeg = num(ext?.cad);
      samples.push({ t, distanceM: distance, speedMs: speed, cadenceSpm: perLeg !== undefined && perLeg > 0 ? stepsPerMinute(perLeg) : undefined, heartRate: num(ext?.hr), lat, lon });
    }
    const type = text(trk.type)?.toLowerCase() ?? null;
    return {
      sport: type ?? "running",
      notRunReason: type === null || RUN_TYPES.has(type) ? null : `Not a run (${type}).`,
      startTime: start,
      device: creator,
      samples,
      laps: [],
      stated: { distanceM: distance },
    } satisfies RawActivity;
  });
}
