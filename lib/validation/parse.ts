/**
 * Numbers, durations and distances as people type them, parsed the same way in the browser
 * and on the server (pure: no I/O, safe in client bundles).
 *
 * - A decimal comma or point: `5,5` and `5.5` are both 5.5. Thousands separators are not
 *   read (`1.234,5` or `5,5,5` is refused with a message rather than guessed).
 * - Any Unicode decimal digits (Arabic-Indic `١٢`, Devanagari, full-width…) read as 0–9.
 * - Loose JavaScript/JSON forms are refused: `true`, `[1]`, `"0x5"`, `"1e3"`, `"Infinity"`.
 * - Durations: minutes (`45`, `4,5`), `mm:ss` (`27:30`) or `h:mm:ss` (`1:05:00`), in seconds.
 * - Distances: kilometres or miles (`2.5 mi`, `5 km`, or a bare number in the user's unit),
 *   in whole metres.
 *
 * Each parser returns `{ ok: true, value }` or `{ ok: false, message }`, the message written
 * for the field's label.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

import { DISTANCE_UNITS, type DistanceUnit } from "@/lib/domain/vocabulary";

export { DISTANCE_UNITS, type DistanceUnit };

/** Metres in one unit: the international mile is exactly 1,609.344 m. */
export const METRES_PER = { km: 1000, mi: 1609.344, m: 1 } as const;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

const DIGIT = /\p{Nd}/u;

/**
 * Replaces every Unicode decimal digit with its ASCII digit and the Arabic decimal and
 * thousands marks (U+066B, U+066C) with `.` and `,`. Decimal digits come in runs of ten
 * consecutive code points from zero (Unicode's rule for Nd), so a digit's value is its
 * distance from the start of its run, modulo ten.
 */
export function asciiDigits(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x30 && cp <= 0x39) out += ch;
    else if (cp === 0x066b) out += ".";
    else if (cp === 0x066c) out += ",";
    else if (DIGIT.test(ch)) {
      let start = cp;
      while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
      out += String((cp - start) % 10);
    } else out += ch;
  }
  return out;
}

/** Trimmed, digits made ASCII, and the no-break and thin spaces people paste made plain. */
function clean(text: string): string {
  return asciiDigits(text.normalize("NFKC")).replace(/[\u00a0\u202f\u2009]/g, " ").trim();
}

/**
 * A decimal number typed with a comma or a point. `raw` may be a finite number (a JSON
 * client), or a string; anything else is refused. Empty text is `{ ok: true, value: undefined }`.
 */
export function parseDecimal(raw: unknown, label = "This value"): Parsed<number | undefined> {
  if (raw === undefined || raw === null) return ok(undefined);
  if (typeof raw === "number") return Number.isFinite(raw) ? ok(raw) : fail(`${label} must be a number.`);
  if (typeof raw !== "string") return fail(`${label} must be a number.`);
  const text = clean(raw);
  if (text === "") return ok(undefined);
  if (text.length > 40) return fail(`${label} must be a number.`);
  const marks = text.match(/[.,]/g) ?? [];
  if (marks.length > 1 && /^[+-]?\d+([.,]\d+)+$/.test(text)) {
    return fail(`${label}: use one decimal mark and no thousands separator, like 1234.5 or 1234,5.`);
  }
  const m = /^([+-]?)(\d*)(?:[.,](\d*))?$/.exec(text);
  if (!m || (m[2] === "" && !m[3])) return fail(`${label} must be a number, like 5.5 or 5,5.`);
  const value = Number(`${m[1]}${m[2] || "0"}${m[3] ? `.${m[3]}` : ""}`);
  return Number.isFinite(value) ? ok(value) : fail(`${label} must be a number.`);
}

/** A whole number (a pain score, a count): as `parseDecimal`, and refused with a message when it has a fraction. */
export function parseWholeNumber(raw: unknown, label = "This value"): Parsed<number | undefined> {
  const n = parseDecimal(raw, label);
  if (n.ok && n.value !== undefined && !Number.isInteger(n.value)) return fail(`${label} must be a whole number.`);
  return n;
}

/**
 * A duration in whole seconds: minutes as a number (`45`, `4,5`), `mm:ss` (`27:30`) or
 * `h:mm:ss` (`1:05:00`). Seconds and the minutes of `h:mm:ss` must be 0–59. A JSON number
 * is minutes. Empty is `undefined`.
 */
export function parseDuration(raw: unknown, label = "The duration"): Parsed<number | undefined> {
  if (typeof raw === "string" && clean(raw).includes(":")) {
    const text = clean(raw);
    const m = /^(?:(\d+):)?(\d{1,3}):(\d{2})$/.exec(text);
    if (!m) return fail(`${label}: write minutes (45), mm:ss (27:30) or h:mm:ss (1:05:00).`);
    const hours = m[1] === undefined ? 0 : Number(m[1]);
    const minutes = Number(m[2]);
    const seconds = Number(m[3]);
    if (seconds > 59) return fail(`${label}: the seconds must be 00–59.`);
    if (m[1] !== undefined && minutes > 59) return fail(`${label}: in h:mm:ss the minutes must be 00–59.`);
    return ok(hours * 3600 + minutes * 60 + seconds);
  }
  const minutes = parseDecimal(raw, label);
  if (!minutes.ok || minutes.value === undefined) return minutes;
  if (minutes.value < 0) return fail(`${label} cannot be negative.`);
  return ok(Math.round(minutes.value * 60));
}

/**
 * A distance in whole metres: a number with an optional unit (`km`, `mi`, `m`; `miles`,
 * `kilometres` too), a bare number being in `unit` (the user's distance unit). A JSON number
 * is in `unit`. Empty is `undefined`.
 */
export function parseDistance(raw: unknown, unit: DistanceUnit, label = "The distance"): Parsed<number | undefined> {
  let amount: unknown = raw;
  let factor: number = METRES_PER[unit];
  if (typeof raw === "string") {
    const text = clean(raw).toLowerCase();
    const m = /^(.*?)\s*(km|kms|kilometres?|kilometers?|mi|miles?|m|metres?|meters?)$/.exec(text);
    if (m && m[1] !== "") {
      amount = m[1];
      const word = m[2]!;
      factor = word.startsWith("k") ? METRES_PER.km : word.startsWith("mi") ? METRES_PER.mi : METRES_PER.m;
    }
  }
  const n = parseDecimal(amount, label);
  if (!n.ok || n.value === undefined) return n;
  if (n.value < 0) return fail(`${label} cannot be negative.`);
  return ok(Math.round(n.value * factor));
}

/** The run form field an implausible run's question is reported on (the form shows a confirm box there). */
export const IMPLAUSIBLE_FIELD = "confirmImplausible";

/** Seconds as `m:ss` or `h:mm:ss` (e.g. 1650 → "27:30", 3900 → "1:05:00"). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** Metres in the given unit, rounded to 2 decimals, without trailing zeros (5500 m → "5.5"). */
export function formatDistance(metres: number, unit: DistanceUnit): string {
  return String(Math.round((metres / METRES_PER[unit]) * 100) / 100);
}

/** Pace in seconds per kilometre for a distance (m) and a duration (s); null without distance. */
export function paceSecondsPerKm(metres: number, seconds: number): number | null {
  return metres > 0 ? (seconds / metres) * 1000 : null;
}

/**
 * Why a run looks implausible (to be confirmed with "Is this right?"), or null: a pace
 * faster than 2:30 min/km (beyond elite racing), or a run longer than 6 hours; for a
 * continuous run also a pace slower than 20:00 min/km (a slow walk). A walk-run session
 * (`walkRun`: the seconds include its walking) may be as slow as a walk, so only its fast
 * bound applies. Product heuristics, not clinical rules.
 */
export function implausibleRun(metres: number | undefined, seconds: number | undefined, walkRun = false): string | null {
  if (seconds !== undefined && seconds > 6 * 3600) return `A run of ${formatDuration(seconds)} is over 6 hours.`;
  if (metres && seconds) {
    const pace = paceSecondsPerKm(metres, seconds)!;
    if (pace < 150) return `That is a pace of ${formatDuration(pace)} per km, faster than 2:30 per km.`;
    if (pace > 1200 && !walkRun) return `That is a pace of ${formatDuration(pace)} per km, slower than 20:00 per km.`;
  }
  return null;
}
