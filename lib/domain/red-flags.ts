/**
 * The red-flag screen (PRODUCT.md, "Clinical rules, second edition"): calf pain that may be a
 * deep vein thrombosis, an Achilles rupture or something other than a strain needs a doctor
 * before any loading. Pure rules: the items, their words, the partial Wells score and the
 * status the return-to-run engine takes (`redFlagScreen`).
 */
import { RED_FLAG_ITEMS, type RedFlagItem, type RedFlagStatus } from "./vocabulary";

export type RedFlagGroup = "dvt" | "achilles" | "atypical";

export type RedFlagItemInfo = {
  item: RedFlagItem;
  group: RedFlagGroup;
  /** The question as the therapist reads it on the form. */
  label: string;
  /** Points in the Wells DVT score when the item is one of its criteria (Wells et al. 2003), else null. */
  wells: number | null;
};

/** Every item in form order, with its group, words and Wells points. */
export const RED_FLAG_INFO: readonly RedFlagItemInfo[] = [
  { item: "calfSwelling", group: "dvt", label: "Calf swollen: girth more than 3 cm above the other calf (10 cm below the tibial tuberosity)", wells: 1 },
  { item: "calfWarmth", group: "dvt", label: "Calf warm or red", wells: null },
  { item: "pittingOedema", group: "dvt", label: "Pitting oedema (in the painful leg only)", wells: 1 },
  { item: "legLarger", group: "dvt", label: "Whole leg visibly larger", wells: 1 },
  { item: "travelOrImmobilised", group: "dvt", label: "Long-haul travel (over 4 hours) or immobilisation (cast, bed rest over 3 days) in the last 4 weeks", wells: null },
  { item: "recentSurgery", group: "dvt", label: "Major surgery in the last 12 weeks", wells: 1 },
  { item: "previousClot", group: "dvt", label: "Previous deep vein thrombosis or other clot", wells: 1 },
  { item: "hormonalTherapy", group: "dvt", label: "Hormonal therapy (combined contraceptive pill, hormone replacement)", wells: null },
  { item: "thompsonPositive", group: "achilles", label: "Positive Thompson (calf squeeze) test: no plantar flexion", wells: null },
  { item: "palpableGap", group: "achilles", label: "Palpable gap in the Achilles tendon", wells: null },
  { item: "nightPain", group: "atypical", label: "Night pain (wakes the runner, not eased by position)", wells: null },
  { item: "numbness", group: "atypical", label: "Numbness or tingling in the leg or foot", wells: null },
  { item: "noMechanism", group: "atypical", label: "Pain with no mechanism (no moment the calf went)", wells: null },
];

export const RED_FLAG_GROUP_LABEL: Record<RedFlagGroup, string> = {
  dvt: "Possible deep vein thrombosis",
  achilles: "Possible Achilles rupture",
  atypical: "Not typical of a calf strain",
};

/** One boolean per item: true is a positive finding. */
export type RedFlagAnswers = Record<RedFlagItem, boolean>;

/** A stored screen: the answers and, when a positive screen was cleared, who, when and why. */
export type RedFlagScreen = RedFlagAnswers & {
  clearedAt: string | null;
  clearedBy: string | null;
  clearanceNote: string | null;
};

/** Every item negative (a screen with nothing found). */
export function emptyAnswers(): RedFlagAnswers {
  return Object.fromEntries(RED_FLAG_ITEMS.map((k) => [k, false])) as RedFlagAnswers;
}

/** The positive items, in form order. */
export function positiveItems(answers: RedFlagAnswers): RedFlagItemInfo[] {
  return RED_FLAG_INFO.filter((i) => answers[i.item]);
}

/**
 * The status the engine takes (`redFlagScreen`): "refer" while any item is positive and no
 * clearance is recorded, "cleared" once it is, "clear" when nothing is positive. An episode
 * with no screen recorded (episodes from before the screen existed) is "clear": the screen
 * blocks on what was found, and the Details tab asks for the screen separately
 * (see `screenRecorded`).
 */
export function redFlagStatus(screen: RedFlagScreen | null): RedFlagStatus {
  if (!screen || positiveItems(screen).length === 0) return "clear";
  return screen.clearedAt ? "cleared" : "refer";
}

export type WellsPartial = {
  /** Sum of the Wells points of the items this screen records (0–5). */
  score: number;
  /** The Wells criteria this screen does not ask, so the full score may be higher (or 2 lower). */
  missing: string[];
  /** Words for the screen: the score, what it means and what is missing. */
  words: string;
};

const WELLS_NOT_ASKED = [
  "active cancer",
  "paralysis, paresis or recent plaster cast of the leg",
  "localised tenderness along the deep veins",
  "collateral superficial veins (not varicose)",
  "an alternative diagnosis at least as likely (−2)",
];

/**
 * The part of the Wells DVT score the screen's items allow (Wells PS et al., N Engl J Med
 * 2003;349:1227: one point each for calf swelling > 3 cm, pitting oedema in the symptomatic
 * leg, the entire leg swollen, major surgery or bed rest within 12 weeks, previously
 * documented DVT). The full score also needs the criteria in `missing`; a full score of 2 or
 * more means DVT likely. A partial score is context for the referral, never a rule-out.
 */
export function wellsPartial(answers: RedFlagAnswers): WellsPartial {
  const score = RED_FLAG_INFO.reduce((sum, i) => sum + (i.wells !== null && answers[i.item] ? i.wells : 0), 0);
  const meaning = score >= 2 ? "2 or more: DVT likely on these items alone" : "below 2 on these items; the full score needs the items not asked";
  return {
    score,
    missing: WELLS_NOT_ASKED,
    words: `Wells score from the items recorded: ${score} (${meaning}). Not asked here: ${WELLS_NOT_ASKED.join("; ")}.`,
  };
}

/**
 * The words shown beside the stage, the header and the caseload: "Refer before loading"
 * with the groups found, or the clearance, or null when nothing is positive.
 */
export function redFlagWords(screen: RedFlagScreen | null): string | null {
  const status = redFlagStatus(screen);
  if (status === "clear" || !screen) return null;
  const lower = (words: string) => words.charAt(0).toLowerCase() + words.slice(1);
  const groups = [...new Set(positiveItems(screen).map((i) => lower(RED_FLAG_GROUP_LABEL[i.group])))].join("; ");
  if (status === "refer") return `Refer before loading: ${groups}.`;
  return `Red flags cleared${screen.clearedBy ? ` by ${screen.clearedBy}` : ""} on ${screen.clearedAt!.slice(0, 10)} (${groups}).`;
}

/** Whether a new set of answers adds a positive item the stored ones did not have (a clearance no longer covers it). */
export function addsPositive(before: RedFlagAnswers | null, after: RedFlagAnswers): boolean {
  return RED_FLAG_ITEMS.some((k) => after[k] && !(before?.[k] ?? false));
}
