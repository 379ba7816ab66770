/** Short words for a daily log or a run, for lists. */
import type { DailyLogDto, RunDto } from "@/lib/dal/logs";
import { isIsoDay } from "@/lib/domain/dates";
import { formatDistance, formatDuration } from "@/lib/validation/parse";
import type { DistanceUnit } from "@/lib/domain/vocabulary";

/** Stored minutes (seconds / 60) as typed back: whole minutes as "30 min", others as "27:30 min". */
export function minutesWords(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${formatDuration(seconds)} min`;
}

const pain = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${v}/10`);

export function describeDay(l: Pick<DailyLogDto, "painRest" | "painDaily" | "walkMinutes" | "painWalk" | "cycleMinutes" | "painCycle" | "swimMinutes" | "painSwim">): string {
  const parts = [`rest ${pain(l.painRest)}`, `daily activities ${pain(l.painDaily)}`];
  if (l.walkMinutes) parts.push(`walk ${l.walkMinutes} min at ${pain(l.painWalk)}`);
  if (l.cycleMinutes) parts.push(`cycle ${l.cycleMinutes} min at ${pain(l.painCycle)}`);
  if (l.swimMinutes) parts.push(`swim ${l.swimMinutes} min at ${pain(l.painSwim)}`);
  return `Pain ${parts.join(", ")}`;
}

export function describeCare(l: Pick<DailyLogDto, "massageSessions" | "iceSessions" | "compression">): string {
  const parts: string[] = [];
  if (l.massageSessions) parts.push(`self-massage ×${l.massageSessions}`);
  if (l.iceSessions) parts.push(`ice ×${l.iceSessions}`);
  if (l.compression) parts.push("compression");
  return parts.length ? `Care: ${parts.join(", ")}` : "";
}

/** A run in words, its distance in the reader's unit (stored kilometres, shown km or mi). */
export function describeRun(r: Pick<RunDto, "kind" | "walkMinutes" | "runMinutes" | "repetitions" | "continuousMinutes" | "distanceKm" | "painDuring" | "painNextMorning">, unit: DistanceUnit = "km"): string {
  const pattern =
    r.kind === "walk_run"
      ? `walk ${minutesWords(r.walkMinutes ?? 0).replace(/ min$/, "")} / run ${minutesWords(r.runMinutes ?? 0)} × ${r.repetitions ?? 1}`
      : `continuous ${minutesWords(r.continuousMinutes ?? 0)}`;
  const distance = r.distanceKm ? `, ${formatDistance(Math.round(r.distanceKm * 1000), unit)} ${unit}` : "";
  const morning = r.painNextMorning === null || r.painNextMorning === undefined ? "next morning not recorded yet" : `next morning ${r.painNextMorning}/10`;
  return `${pattern}${distance}; pain ${r.painDuring}/10 during, ${morning}`;
}

/** "From the watch (Garmin Forerunner 255): cadence 168 steps/min" for an imported run. */
export function describeWatch(watch: NonNullable<RunDto["watch"]>): string {
  const device = watch.device ? ` (${watch.device})` : "";
  const cadence = watch.cadenceSpm === null ? "no cadence recorded" : `cadence ${Math.round(watch.cadenceSpm)} steps/min`;
  return `From the watch${device}: ${cadence}`;
}

// Built once: toLocaleDateString with options builds a formatter on every call.
const DAY_LABEL = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "Wed 25 Nov 2026"; text that is not a real day is shown as it is (never a RangeError). */
export function dayLabel(day: string): string {
  if (!isIsoDay(day)) return day;
  return DAY_LABEL.format(new Date(`${day}T00:00:00Z`));
}
