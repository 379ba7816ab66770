/**
 * Generators of small watch files for tests and the bench: TCX, GPX, Strava exports and
 * long FIT recordings. FIT files are written with fit-file-parser's own `FitEncoder` (FIT
 * profile message and field numbers, scaled values), so no binary is written by hand here.
 */
import { zipSync, strToU8 } from "fflate";
import { FitBaseType, FitEncoder, type FitEncoderField } from "fit-file-parser/encoder";

/** A recording plan: stretches of walking and running at a pace and cadence (per leg, as watches store it). */
export type Stretch = { seconds: number; speedMs: number; cadencePerLeg: number; heartRate?: number };

/** 3 min walk / 2 min run × 5: the classic walk-run session. */
export function walkRunPlan(walkS = 180, runS = 120, repetitions = 5): Stretch[] {
  const out: Stretch[] = [];
  for (let i = 0; i < repetitions; i++) {
    out.push({ seconds: walkS, speedMs: 1.5, cadencePerLeg: 58, heartRate: 110 });
    out.push({ seconds: runS, speedMs: 2.8, cadencePerLeg: 82, heartRate: 150 });
  }
  return out;
}

type Point = { at: Date; distanceM: number; speedMs: number; cadencePerLeg: number; heartRate?: number; lat: number; lon: number };

/** One point per second along a northward line from (51.5, -0.1); `pauseAfterS` inserts a gap of `pauseS`. */
export function points(start: Date, plan: Stretch[], options: { pauseAfterS?: number; pauseS?: number; everyS?: number } = {}): Point[] {
  const out: Point[] = [];
  let t = 0;
  let clock = 0;
  let distance = 0;
  const every = options.everyS ?? 1;
  for (const stretch of plan) {
    for (let s = 0; s < stretch.seconds; s += every) {
      if (options.pauseAfterS !== undefined && t === options.pauseAfterS) clock += options.pauseS ?? 0;
      out.push({ at: new Date(start.getTime() + clock * 1000), distanceM: distance, speedMs: stretch.speedMs, cadencePerLeg: stretch.cadencePerLeg, heartRate: stretch.heartRate, lat: 51.5 + distance / 111_195, lon: -0.1 });
      distance += stretch.speedMs * every;
      t += every;
      clock += every;
    }
  }
  return out;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** A TCX file with one running activity; `laps` splits it into that many laps (0: one lap, as TCX requires at least one). */
export function tcxFile(start: Date, plan: Stretch[], options: { sport?: string; heartRate?: boolean; cadenceIn?: "RunCadence" | "Cadence"; laps?: number; pauseAfterS?: number; pauseS?: number } = {}): string {
  const pts = points(start, plan, options);
  const lapCount = Math.max(1, options.laps ?? 1);
  const per = Math.ceil(pts.length / lapCount);
  const laps: string[] = [];
  for (let l = 0; l < lapCount; l++) {
    const slice = pts.slice(l * per, (l + 1) * per);
    if (!slice.length) continue;
    const tps = slice
      .map((p) => {
        const hr = options.heartRate === false || p.heartRate === undefined ? "" : `<HeartRateBpm><Value>${p.heartRate}</Value></HeartRateBpm>`;
        const cad = options.cadenceIn === "Cadence" ? `<Cadence>${p.cadencePerLeg}</Cadence>` : "";
        const ext = options.cadenceIn === "Cadence" ? "" : `<Extensions><ns3:TPX><ns3:Speed>${p.speedMs}</ns3:Speed><ns3:RunCadence>${p.cadencePerLeg}</ns3:RunCadence></ns3:TPX></Extensions>`;
        return `<Trackpoint><Time>${iso(p.at)}</Time><DistanceMeters>${p.distanceM.toFixed(1)}</DistanceMeters>${hr}${cad}${ext}</Trackpoint>`;
      })
      .join("");
    const dist = slice[slice.length - 1]!.distanceM - slice[0]!.distanceM;
    laps.push(`<Lap StartTime="${iso(slice[0]!.at)}"><TotalTimeSeconds>${slice.length}</TotalTimeSeconds><DistanceMeters>${dist.toFixed(1)}</DistanceMeters><Track>${tps}</Track></Lap>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
<Activities><Activity Sport="${options.sport ?? "Running"}"><Id>${iso(start)}</Id>${laps.join("")}<Creator><Name>Forerunner 255</Name></Creator></Activity></Activities>
</TrainingCenterDatabase>`;
}

/** A GPX track (GPX has no laps); cadence and heart rate in Garmin's TrackPointExtension. */
export function gpxFile(start: Date, plan: Stretch[], options: { type?: string | null; heartRate?: boolean; pauseAfterS?: number; pauseS?: number } = {}): string {
  const pts = points(start, plan, options)
    .map((p) => {
      const hr = options.heartRate === false || p.heartRate === undefined ? "" : `<gpxtpx:hr>${p.heartRate}</gpxtpx:hr>`;
      return `<trkpt lat="${p.lat.toFixed(7)}" lon="${p.lon.toFixed(7)}"><time>${iso(p.at)}</time><extensions><gpxtpx:TrackPointExtension>${hr}<gpxtpx:cad>${p.cadencePerLeg}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>`;
    })
    .join("\n");
  const type = options.type === null ? "" : `<type>${options.type ?? "running"}</type>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="StravaGPX" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<metadata><time>${iso(start)}</time></metadata>
<trk><name>Morning Run</name>${type}<trkseg>
${pts}
</trkseg></trk></gpx>`;
}

const STRAVA_HEADER =
  "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,Max Heart Rate,Average Heart Rate,Average Cadence";

export type StravaCsvRow = { id: string; date: string; type: string; elapsedS: number; movingS: number; distanceM: number; displayDistance: string; file?: string; avgHr?: number; cadencePerLeg?: number };

/** Strava's `activities.csv` with its repeated column names (display units first, SI later) and its date format. */
export function stravaCsv(rows: StravaCsvRow[]): string {
  const lines = rows.map((r) =>
    [r.id, `"${r.date}"`, "Easy run", r.type, "", r.elapsedS, r.displayDistance, r.avgHr ? r.avgHr + 20 : "", "", "false", "", "", r.file ?? "", "", "", r.elapsedS, r.movingS, r.distanceM, "", "", "", "", r.avgHr ? r.avgHr + 20 : "", r.avgHr ?? "", r.cadencePerLeg ?? ""].join(","),
  );
  return [STRAVA_HEADER, ...lines].join("\n");
}

/** A Strava bulk export zip: `activities.csv`, the `activities/` files, and a media folder to skip. */
export function stravaZip(csv: string, files: Record<string, Uint8Array | string>): Uint8Array {
  const entries: Record<string, Uint8Array> = { "activities.csv": strToU8(csv), "media/photo.jpg": new Uint8Array(1000) };
  for (const [name, content] of Object.entries(files)) entries[`activities/${name}`] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(entries);
}

// FIT profile numbers (Garmin FIT SDK profile): messages and fields used below.
const MSG = { fileId: 0, record: 20, lap: 19, session: 18, activity: 34 } as const;
const f = (number: number, size: number, baseType: FitBaseType, value: number): FitEncoderField => ({ number, size, baseType, value });

/**
 * A FIT activity file of the plan, one record per `everyS` seconds: file_id, records
 * (timestamp, distance ×100, speed ×1000, heart rate, per-leg cadence), one lap, one session
 * with its totals, one activity. `sport` is FIT's sport enum (1 = running, 2 = cycling);
 * `fileType` FIT's file enum (4 = activity, 6 = course).
 */
export function fitFile(start: Date, plan: Stretch[], options: { sport?: number; everyS?: number; fileType?: number } = {}): Uint8Array {
  const enc = new FitEncoder();
  const ts = (d: Date) => FitEncoder.toFitTimestamp(d);
  enc.writeMessage(MSG.fileId, [f(0, 1, FitBaseType.Enum, options.fileType ?? 4), f(1, 2, FitBaseType.Uint16, 1), f(2, 2, FitBaseType.Uint16, 4315), f(4, 4, FitBaseType.Uint32, ts(start))], 0);
  const pts = points(start, plan, { everyS: options.everyS ?? 1 });
  for (const p of pts) {
    enc.writeMessage(
      MSG.record,
      [
        f(253, 4, FitBaseType.Uint32, ts(p.at)),
        f(5, 4, FitBaseType.Uint32, Math.round(p.distanceM * 100)),
        f(6, 2, FitBaseType.Uint16, Math.round(p.speedMs * 1000)),
        f(3, 1, FitBaseType.Uint8, p.heartRate ?? 255),
        f(4, 1, FitBaseType.Uint8, p.cadencePerLeg),
      ],
      1,
    );
  }
  const last = pts[pts.length - 1]!;
  const elapsedS = (last.at.getTime() - start.getTime()) / 1000 + (options.everyS ?? 1);
  const distance = last.distanceM;
  const avgLeg = Math.round(pts.reduce((a, p) => a + p.cadencePerLeg, 0) / pts.length);
  const end = new Date(start.getTime() + elapsedS * 1000);
  const totals = [f(253, 4, FitBaseType.Uint32, ts(end)), f(2, 4, FitBaseType.Uint32, ts(start)), f(7, 4, FitBaseType.Uint32, Math.round(elapsedS * 1000)), f(8, 4, FitBaseType.Uint32, Math.round(elapsedS * 1000)), f(9, 4, FitBaseType.Uint32, Math.round(distance * 100))];
  enc.writeMessage(MSG.lap, totals, 2);
  enc.writeMessage(MSG.session, [...totals, f(5, 1, FitBaseType.Enum, options.sport ?? 1), f(18, 1, FitBaseType.Uint8, avgLeg)], 3);
  enc.writeMessage(MSG.activity, [f(253, 4, FitBaseType.Uint32, ts(end)), f(1, 2, FitBaseType.Uint16, 1)], 4);
  return enc.close();
}
