/**
 * Recurrence (Fuller CW et al., consensus statement on injury definitions in football,
 * Br J Sports Med 2006;40:193): an injury of the same type at the same site after the
 * previous one's return to full participation. For a calf strain: the same side and muscle
 * group after the previous episode's return to full running, classed by the time since that
 * return: early within 2 months, late from 2 to 12 months, delayed over 12 months. A new
 * strain before the return belongs to the same episode (an exacerbation).
 *
 * Interpretations (say so on screen): the muscle groups are gastrocnemius (medial or lateral
 * head) and soleus, and "muscle not sure" matches either; "both" sides overlaps left and
 * right; an episode closed without a return date counts from its closing day.
 */
import type { Muscle, RecurrenceClass, Side } from "@/lib/domain/vocabulary";
import { isIsoDay } from "./dates";
import type { ProtocolSettings } from "./protocol";

export type EpisodeFacts = {
  id?: string;
  side: Side;
  muscle: Muscle;
  onsetDate: string;
  returnDate?: string | null;
  closedDate?: string | null;
};

/** True when two episodes' sides can be the same calf: equal, or either one "both". */
export function sidesOverlap(a: Side, b: Side): boolean {
  return a === b || a === "both" || b === "both";
}

function muscleGroup(m: Muscle): "gastrocnemius" | "soleus" | "unsure" {
  return m === "soleus" ? "soleus" : m === "unsure" ? "unsure" : "gastrocnemius";
}

/** Same muscle group: both heads of gastrocnemius are one group; "not sure" matches any. */
export function sameMuscleGroup(a: Muscle, b: Muscle): boolean {
  const ga = muscleGroup(a);
  const gb = muscleGroup(b);
  return ga === gb || ga === "unsure" || gb === "unsure";
}

/** The same calendar day `months` later, clamped to the month's last day (31 March + 1 → 30 April). */
export function addMonths(day: string, months: number): string {
  if (!isIsoDay(day)) throw new RangeError(`Not a calendar date: ${day}`);
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The same calendar day one year later (29 February → 28 February). */
export function oneYearAfter(day: string): string {
  return addMonths(day, 12);
}

/**
 * The class of a strain whose onset is `onset`, `returned` being the previous episode's
 * return to full running: early when the onset is on or before the day 2 months after it,
 * late on or before the day 12 months after it, delayed after that.
 */
export function recurrenceClassFor(returned: string, onset: string): Exclude<RecurrenceClass, "none"> {
  if (onset <= addMonths(returned, 2)) return "early";
  if (onset <= addMonths(returned, 12)) return "late";
  return "delayed";
}

export type RecurrenceVerdict =
  | { kind: "first"; class: "none" }
  | { kind: "exacerbation"; class: "none"; of: EpisodeFacts }
  | { kind: "recurrence"; class: Exclude<RecurrenceClass, "none">; of: EpisodeFacts; since: string };

/**
 * How a new (or edited) episode relates to the patient's others: a recurrence of the latest
 * earlier episode of the same side and muscle group that had returned (or closed) before this
 * onset; an exacerbation when such an earlier episode had not returned by then; else a first
 * strain. `others` may include the episode itself (matched by id and skipped).
 */
export function classifyRecurrence(episode: EpisodeFacts, others: readonly EpisodeFacts[]): RecurrenceVerdict {
  const earlier = others
    .filter((o) => (episode.id === undefined || o.id !== episode.id) && o.onsetDate < episode.onsetDate)
    .filter((o) => sidesOverlap(o.side, episode.side) && sameMuscleGroup(o.muscle, episode.muscle))
    .sort((a, b) => (a.onsetDate < b.onsetDate ? 1 : -1));
  for (const prev of earlier) {
    const back = prev.returnDate ?? prev.closedDate ?? null;
    // On the return day itself the runner is back: a strain that day is a recurrence.
    if (back === null || back > episode.onsetDate) return { kind: "exacerbation", class: "none", of: prev };
    return { kind: "recurrence", class: recurrenceClassFor(back, episode.onsetDate), of: prev, since: back };
  }
  return { kind: "first", class: "none" };
}

export const RECURRENCE_CLASS_WORDS: Record<RecurrenceClass, string> = {
  none: "First strain of this side and muscle group",
  early: "Early recurrence (within 2 months of the return)",
  late: "Late recurrence (2 to 12 months after the return)",
  delayed: "Delayed recurrence (over 12 months after the return)",
};

/** Words for a verdict, for the injury form and the episode list. */
export function recurrenceWords(v: RecurrenceVerdict): string {
  if (v.kind === "first") return RECURRENCE_CLASS_WORDS.none;
  if (v.kind === "exacerbation") {
    return `Exacerbation: the episode of ${v.of.onsetDate} on this side and muscle group had not returned to full running by this onset, so this strain belongs to it (record a step back there).`;
  }
  return `${RECURRENCE_CLASS_WORDS[v.class]}, after the return of ${v.since} (Fuller et al. 2006).`;
}

/** The protocol settings that set the re-injury watch window (see `ProtocolSettings`). */
export type WatchWindowSettings = Pick<ProtocolSettings, "reinjuryWindowWeeks" | "reinjuryWindowWeeksLonger" | "priorStrainsForLongerWindow">;

/** What the watch window depends on: whether the episode is a recurrence (any class) and the prior calf strains. */
export type WatchWindowEpisode = { isRecurrence: boolean; priorStrains: number | null };

export type WatchWindow = {
  /** Weeks watched after the return (0: no window). */
  weeks: number;
  /** True when the longer window applies. */
  longer: boolean;
  /** Why this length, in words ("after a recurrence", "with 2 prior calf strains"), or null for the ordinary window. */
  why: string | null;
};

/**
 * The re-injury watch window after the return to full running: the clinic's ordinary
 * window (`reinjuryWindowWeeks`, 6 weeks by default), or the longer one
 * (`reinjuryWindowWeeksLonger`, 10) after a recurrence (early, late or delayed, as
 * `classifyRecurrence` classes it) or with `priorStrainsForLongerWindow` (2) or more prior
 * calf strains. A product heuristic, not a published rule (PRODUCT.md, "Recurrence"). The
 * one home of this rule: the engine's re-injury flag, the episode list and the discharge
 * letter all read it.
 */
export function watchWindow(episode: WatchWindowEpisode, s: WatchWindowSettings): WatchWindow {
  const prior = episode.priorStrains ?? 0;
  const reasons: string[] = [];
  if (episode.isRecurrence) reasons.push("after a recurrence");
  if (prior >= s.priorStrainsForLongerWindow) reasons.push(`with ${prior} prior calf strain${prior === 1 ? "" : "s"}`);
  if (reasons.length === 0) return { weeks: s.reinjuryWindowWeeks, longer: false, why: null };
  return { weeks: s.reinjuryWindowWeeksLonger, longer: true, why: reasons.join(" and ") };
}

/** The watch window in words, for the episode list: "10 weeks after the return (longer: after a recurrence)". */
export function watchWindowWords(w: WatchWindow): string {
  if (w.weeks === 0) return "No re-injury watch window (the clinic set it to 0 weeks).";
  return `${w.weeks} week${w.weeks === 1 ? "" : "s"} after the return to full running${w.longer ? ` (the longer window: ${w.why})` : ""}.`;
}
