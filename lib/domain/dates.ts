/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Days are clinic-local dates, so the
 * arithmetic runs in UTC to be free of daylight-saving jumps.
 */
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The day's UTC midnight in ms, or NaN when it is not a real calendar date. Checked by
 * arithmetic rather than a Date round trip: charts step through years of days one at a
 * time. Years before 100 are refused, as Date.UTC would read them as 19xx.
 */
function utcMs(value: string): number {
  const m = ISO_DAY.exec(value);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1) return NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  return Date.UTC(year, month - 1, day);
}

export function isIsoDay(value: string): boolean {
  return !Number.isNaN(utcMs(value));
}

function toUtc(day: string): number {
  const ms = utcMs(day);
  if (Number.isNaN(ms)) throw new RangeError(`Not a calendar date: ${day}`);
  return ms;
}

/** Today's date in a time zone, e.g. the clinic's. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(timeZone: string, now: Date = new Date()): string {
  // Building a formatter costs far more than using one; every request asks for today.
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const momentFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment (ISO-8601 UTC text) as a reader in `timeZone` says it: "25 Nov 2026, 08:14"
 * (24-hour clock). Null or text that is not a moment gives "—" (never a RangeError).
 */
export function momentIn(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "—";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "—";
  let format = momentFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    momentFormats.set(timeZone, format);
  }
  return format.format(new Date(ms));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a UTC midnight, by civil-calendar arithmetic (Date's formatter outside 1000–9999). */
function fromUtc(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return new Date(ms).toISOString().slice(0, 10);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Completed years of age on a given day. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Day 1 is the day of onset, as clinicians count it. */
export function injuryDay(onsetDate: string, today: string): number {
  return daysBetween(onsetDate, today) + 1;
}
