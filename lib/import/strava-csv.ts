import { parse } from "csv-parse/sync";
import { stepsPerMinute } from "./cadence";
import { ImportFileError, type RawActivity } from "./types";

/** Strava activity types that are runs. Walks, hikes, rides and the rest are skipped with their name. */
const RUN_TYPES = new Set(["Run", "Trail Run", "Virtual Run", "Treadmill"]);

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Strava's `Activity Date`, e.g. "Jun 14, 2018, 2:55:22 PM", always UTC in the bulk export.
 * Returns null for anything else (never a guessed date).
 */
export function parseStravaDate(value: string): Date | null {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ?([AP]M)$/.exec(value.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!);
  let hour = Number(m[4]);
  if (month < 0 || hour < 1 || hour > 12) return null;
  if (m[7] === "PM" && hour !== 12) hour += 12;
  if (m[7] === "AM" && hour === 12) hour = 0;
  const ms = Date.UTC(Number(m[3]), month, Number(m[2]), hour, Number(m[5]), Number(m[6]));
  const d = new Date(ms);
  return d.getUTCDate() === Number(m[2]) ? d : null;
}

/** One row of `activities.csv` as the importer uses it. */
export type StravaRow = { id: string; type: string; fileName: string | null; raw: RawActivity };

const number = (v: string | undefined): number | undefined => {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v.replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
};

/**
 * Reads Strava's `activities.csv`. Its header repeats names: the first `Elapsed Time`,
 * `Distance` and `Max Heart Rate` are in the athlete's display units (distance in km **or
 * miles**), the later ones are SI (seconds, metres). This reader takes the **last**
 * occurrence of each name, so distance is always metres whatever the athlete's units.
 * `Average Cadence` is per leg for runs (converted to steps/min, see `./cadence`).
 * Throws ImportFileError when the header lacks `Activity ID`, `Activity Date` or `Activity Type`.
 */
export function parseStravaCsv(text: string): StravaRow[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    throw new ImportFileError("The export's activities.csv could not be read (it may be damaged).");
  }
  const header = rows[0];
  if (!header) throw new ImportFileError("The export's activities.csv is empty.");
  const at = new Map<string, number>();
  header.forEach((name, i) => at.set(name.trim(), i)); // the last occurrence wins
  const col = (row: string[], name: string) => {
    const i = at.get(name);
    return i === undefined ? undefined : row[i];
  };
  for (const required of ["Activity ID", "Activity Date", "Activity Type"]) {
    if (!at.has(required)) throw new ImportFileError(`The export's activities.csv has no "${required}" column, so it is not a Strava export.`);
  }
  const out: StravaRow[] = [];
  for (const row of rows.slice(1)) {
    const id = col(row, "Activity ID")?.trim() ?? "";
    const type = col(row, "Activity Type")?.trim() ?? "";
    const start = parseStravaDate(col(row, "Activity Date") ?? "");
    if (!id || !start) continue;
    const perLeg = number(col(row, "Average Cadence"));
    const file = col(row, "Filename")?.trim();
    out.push({
      id,
      type,
      fileName: file ? file : null,
      raw: {
        sport: type || null,
        notRunReason: RUN_TYPES.has(type) ? null : `Not a run (${type || "no type given"}).`,
        startTime: start,
        device: null,
        samples: [],
        laps: [],
        stated: {
          elapsedS: number(col(row, "Elapsed Time")),
          movingS: number(col(row, "Moving Time")),
          distanceM: number(col(row, "Distance")),
          avgHeartRate: number(col(row, "Average Heart Rate")),
          maxHeartRate: number(col(row, "Max Heart Rate")),
          avgCadenceSpm: perLeg !== undefined && perLeg > 0 ? stepsPerMinute(perLeg) : undefined,
        },
      },
    });
  }
  return out;
}
