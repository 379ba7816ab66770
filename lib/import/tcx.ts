import { stepsPerMinute } from "./cadence";
import { ImportFileError, type Lap, type RawActivity, type Sample } from "./types";
import { list, node, num, readXml, text, time } from "./xml";

const RUN_SPORTS = new Set(["running"]);

/**
 * Reads a TCX file (Garmin Training Center): each `Activity` is one activity, its `Lap`s
 * the laps. Distances are metres in TCX whatever the watch showed (so miles need no
 * conversion). Running cadence is per leg, in the Garmin extension `TPX/RunCadence` (or,
 * from some exporters, in `Cadence`), and is converted to steps/min (see `./cadence`).
 * Throws ImportFileError for a malformed, truncated or entity-declaring file, or one with no activity.
 */
export function parseTcx(bytes: Uint8Array): RawActivity[] {
  const doc = readXml(bytes, ["Activity", "Lap", "Track", "Trackpoint"]);
  const root = node(doc.TrainingCenterDatabase);
  if (!root) throw new ImportFileError("This is not a TCX activity file (no TrainingCenterDatabase).");
  const activities = list(node(root.Activities)?.Activity);
  if (activities.length === 0) throw new ImportFileError("This TCX file holds no activity (it may be a course or a workout).");
  return activities.map((activity) => {
    const laps = list(activity.Lap);
    const start = time(activity.Id) ?? time(laps[0]?.["@StartTime"]);
    if (!start) throw new ImportFileError("This TCX activity has no start time.");
    const sportAttr = text(activity["@Sport"]) ?? null;
    const sport = sportAttr ? sportAttr.toLowerCase() : null;
    const creator = node(activity.Creator);
    const device = text(creator?.Name) ?? null;
    const samples: Sample[] = [];
    const lapOut: Lap[] = [];
    let lapDistance = 0;
    let hasLapDistance = false;
    for (const lap of laps) {
      const lapStart = time(lap["@StartTime"]);
      const lapDist = num(lap.DistanceMeters);
      if (lapDist !== undefined) {
        lapDistance += lapDist;
        hasLapDistance = true;
      }
      if (lapStart) lapOut.push({ startOffsetS: Math.round((lapStart.getTime() - start.getTime()) / 1000), elapsedS: Math.round(num(lap.TotalTimeSeconds) ?? 0), distanceM: lapDist ?? null });
      for (const track of list(lap.Track)) {
        for (const tp of list(track.Trackpoint)) {
          const at = time(tp.Time);
          if (!at) continue;
          const tpx = node(node(tp.Extensions)?.TPX);
          const perLeg = num(tpx?.RunCadence) ?? num(tp.Cadence);
          samples.push({
            t: (at.getTime() - start.getTime()) / 1000,
            distanceM: num(tp.DistanceMeters),
            speedMs: num(tpx?.Speed),
            cadenceSpm: perLeg !== undefined && perLeg > 0 ? stepsPerMinute(perLeg) : undefined,
            heartRate: num(tp.HeartRateBpm),
          });
        }
      }
    }
    samples.sort((a, b) => a.t - b.t);
    const hrs = laps.map((l) => num(l.MaximumHeartRateBpm)).filter((h): h is number => h !== undefined);
    return {
      sport,
      notRunReason: sport && RUN_SPORTS.has(sport) ? null : `Not a run (${sportAttr ?? "no sport given"}).`,
      startTime: start,
      device,
      samples,
      laps: lapOut,
      stated: {
        distanceM: hasLapDistance ? lapDistance : undefined,
        maxHeartRate: hrs.length ? Math.max(...hrs) : undefined,
      },
    } satisfies RawActivity;
  });
}
