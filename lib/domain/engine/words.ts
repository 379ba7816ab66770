// Built once: toLocaleDateString with options builds a formatter on every call, and the
// engine words many days per run.
const SHORT_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const DAY_WITH_YEAR = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// The engine words a day for every run of an episode; formatting is the costly part, and
// the same days recur from one recompute to the next.
const SHORT_CACHE = new Map<string, string>();

/** "24 Nov" for a calendar day, independent of the server's time zone. */
export function shortDay(day: string): string {
  let words = SHORT_CACHE.get(day);
  if (words === undefined) {
    if (SHORT_CACHE.size > 20_000) SHORT_CACHE.clear();
    words = SHORT_DAY.format(new Date(`${day}T00:00:00Z`));
    SHORT_CACHE.set(day, words);
  }
  return words;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function km(n: number): string {
  return `${Math.round(n * 10) / 10} km`;
}

/** "24 Nov 2026" */
export function dayWithYear(day: string): string {
  return DAY_WITH_YEAR.format(new Date(`${day}T00:00:00Z`));
}
