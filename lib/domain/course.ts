/**
 * The runner's own injury: an expected range of days from onset to the return to full
 * running, from published data by muscle, and advisory words ("faster than usual", "slower
 * than usual") beside the stage. Advisory only: never a gate (PRODUCT.md, "Clinical rules,
 * second edition"). Pure; the patient page and the PDF letter call `expectedCourse`.
 *
 * Sources:
 * - Muscle: time loss per injury in British Olympic track-and-field athletes over three
 *   seasons, soleus 25.1 days and gastrocnemius 7.7 days (mean), as reported by Green B,
 *   Jeanguyot E, Pizzari T, "Calf muscle injuries in track and field athletes", Aspetar
 *   Sports Medicine Journal vol. 13 (athletics).
 * - Achilles (tendon or aponeurosis) involvement: Green B et al., "Return to play and
 *   recurrence after calf muscle strain injuries in elite Australian football players",
 *   Am J Sports Med 2020 (doi 10.1177/0363546520959327): severe aponeurotic disruption
 *   31.3 ± 12.6 days vs none 19.4 ± 10.8 days, a ratio of about 1.6. Applying it to an
 *   "Achilles involved" strain is our reading (the aponeuroses form the Achilles tendon).
 * - Age and prior calf strains: in the same study they predicted recurrence, not a longer
 *   time to return, so they change no figure here (the app says so).
 * - Grade: no calf-specific grade-by-grade figures were found (the BAMIC outcome studies
 *   are of hamstrings); the range covers all grades, and the app says so.
 * The range around a mean (half to one and a half times it) is a product heuristic: the
 * studies give means, and recreational runners are not elite athletes.
 */
import type { Muscle } from "./vocabulary";

export type CourseInput = { muscle: Muscle; grade: number; achilles: boolean; age: number | null; priorStrains: number };

export type CourseEstimate = {
  /** Published mean (after the adjustments that have a source), in days from onset; null when no figure exists. */
  typicalDays: number | null;
  /** The expected range in days from onset (product heuristic around the mean); null when no figure exists. */
  lowDays: number | null;
  highDays: number | null;
  /** What the figure rests on, in words with sources. */
  basis: string[];
  /** What the data could not adjust for this injury, in words. */
  notAdjusted: string[];
  /** One line for the page and the letter. */
  words: string;
};

export const MUSCLE_MEAN_DAYS = { gastrocnemius: 7.7, soleus: 25.1 } as const;
export const ACHILLES_FACTOR = 31.3 / 19.4;
const TRACK_SOURCE = "British Olympic track-and-field data (Green, Jeanguyot & Pizzari, Aspetar Sports Med J)";
const AFL_SOURCE = "Green et al. 2020, Am J Sports Med (Australian football)";

function range(mean: number): { low: number; high: number } {
  return { low: Math.max(1, Math.round(mean * 0.5)), high: Math.round(mean * 1.5) };
}

/**
 * The expected course for an injury: muscle sets the mean (soleus about three times
 * gastrocnemius), Achilles involvement multiplies it by about 1.6; grade, age and prior
 * strains are listed as not adjusted. "Muscle not sure" spans both muscles' ranges.
 */
export function expectedCourse(input: CourseInput): CourseEstimate {
  const basis: string[] = [];
  const notAdjusted: string[] = [];
  let low: number;
  let high: number;
  let typical: number | null;
  const factor = input.achilles ? ACHILLES_FACTOR : 1;
  if (input.muscle === "unsure") {
    typical = null;
    low = range(MUSCLE_MEAN_DAYS.gastrocnemius * factor).low;
    high = range(MUSCLE_MEAN_DAYS.soleus * factor).high;
    basis.push(`Muscle not known: the range spans gastrocnemius (mean ${MUSCLE_MEAN_DAYS.gastrocnemius} days) to soleus (mean ${MUSCLE_MEAN_DAYS.soleus} days), ${TRACK_SOURCE}.`);
  } else {
    const soleus = input.muscle === "soleus";
    const mean = (soleus ? MUSCLE_MEAN_DAYS.soleus : MUSCLE_MEAN_DAYS.gastrocnemius) * factor;
    typical = Math.round(mean);
    ({ low, high } = range(mean));
    basis.push(`${soleus ? "Soleus" : "Gastrocnemius"} strains: mean ${soleus ? MUSCLE_MEAN_DAYS.soleus : MUSCLE_MEAN_DAYS.gastrocnemius} days lost, ${TRACK_SOURCE}.`);
  }
  if (input.achilles) basis.push(`Achilles involved: about 1.6 times longer, from aponeurotic disruption (31.3 vs 19.4 days), ${AFL_SOURCE}; applied as our reading.`);
  basis.push("Range: half to one and a half times the mean (a product heuristic; the studies give means of elite athletes).");
  notAdjusted.push(`Grade ${input.grade}: no published calf figure by grade, so the range covers all grades${input.grade === 3 ? " and may be short for a grade 3 tear" : ""}.`);
  if (input.age !== null && input.age >= 30) notAdjusted.push(`Age ${input.age}: linked with recurrence, not with a longer return (${AFL_SOURCE}); no adjustment.`);
  if (input.priorStrains > 0) notAdjusted.push(`${input.priorStrains} prior calf strain${input.priorStrains === 1 ? "" : "s"}: linked with recurrence, not with a longer return (${AFL_SOURCE}); no adjustment.`);
  const words = typical === null ? `Expected return to full running: ${low}–${high} days after onset (muscle not known).` : `Expected return to full running: ${low}–${high} days after onset (typically about ${typical}).`;
  return { typicalDays: typical, lowDays: low, highDays: high, basis, notAdjusted, words };
}

export type CourseNote = { pace: "faster" | "slower" | "usual"; words: string };

/**
 * The advisory note beside the stage: compares the day of the episode (onset = day 1) with
 * the expected range. Returned (stage 5): by the day of the return. Not yet returned: slower
 * when the range's end has passed; faster when the runner already reached speed and hills
 * (stage 4) before the range's start. Null when there is no range. Never a gate.
 */
export function courseNote(estimate: CourseEstimate, progress: { day: number; stage: number | null; returnedOnDay?: number | null }): CourseNote | null {
  const { lowDays: low, highDays: high } = estimate;
  if (low === null || high === null) return null;
  const returned = progress.returnedOnDay ?? null;
  if (returned !== null) {
    if (returned < low) return { pace: "faster", words: `Faster than usual: returned on day ${returned}, before the usual ${low}–${high} days (advisory).` };
    if (returned > high) return { pace: "slower", words: `Slower than usual: returned on day ${returned}, after the usual ${low}–${high} days (advisory).` };
    return { pace: "usual", words: `Returned on day ${returned}, within the usual ${low}–${high} days.` };
  }
  if (progress.day > high) return { pace: "slower", words: `Slower than usual: day ${progress.day}, past the usual ${low}–${high} days to full running (advisory, not a gate).` };
  if ((progress.stage ?? 0) >= 4 && progress.day < low) return { pace: "faster", words: `Faster than usual: speed and hills on day ${progress.day}, before the usual ${low}–${high} days (advisory: check the criteria, not the calendar).` };
  return { pace: "usual", words: `Day ${progress.day} of a usual ${low}–${high} days to full running.` };
}
