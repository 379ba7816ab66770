/**
 * The stored red-flag screen of an episode, read with a statement prepared once per
 * connection. Free of `server-only` and of the session (like status.ts): the caseload keys,
 * the stage rules and the seed read it inside their transactions.
 */
import { prepared, type Handle } from "@/db/statements";
import { redFlagStatus, redFlagWords, type RedFlagScreen } from "@/lib/domain/red-flags";
import { RED_FLAG_ITEMS, type RedFlagItem, type RedFlagStatus } from "@/lib/domain/vocabulary";

export type ScreenRow = Record<RedFlagItem, boolean> & {
  clearedAt: string | null;
  clearedByName: string | null;
  clearanceNote: string | null;
  version: number;
};

const SCREEN_SQL = `select r.calf_swelling as calfSwelling, r.calf_warmth as calfWarmth, r.pitting_oedema as pittingOedema, r.leg_larger as legLarger,
    r.travel_or_immobilised as travelOrImmobilised, r.recent_surgery as recentSurgery, r.previous_clot as previousClot,
    r.hormonal_therapy as hormonalTherapy, r.thompson_positive as thompsonPositive, r.palpable_gap as palpableGap,
    r.night_pain as nightPain, r.numbness, r.no_mechanism as noMechanism,
    r.cleared_at as clearedAt, u.name as clearedByName, r.clearance_note as clearanceNote, r.version
  from red_flag_screens r left join users u on u.id = r.cleared_by where r.injury_id = ?`;

/** The screen of an episode (items as booleans), or null when none was recorded. */
export function readRedFlagScreen(tx: Handle, injuryId: string): ScreenRow | null {
  const row = prepared<Record<string, unknown>>(tx, SCREEN_SQL).get(injuryId);
  if (!row) return null;
  const out = { ...row } as Record<string, unknown>;
  for (const k of RED_FLAG_ITEMS) out[k] = row[k] === 1;
  return out as ScreenRow;
}

/** The engine's `redFlagScreen` input for an episode: "clear", "refer" or "cleared" (see lib/domain/red-flags.ts). */
export function redFlagStatusFor(tx: Handle, injuryId: string | null | undefined): RedFlagStatus {
  if (!injuryId) return "clear";
  const row = readRedFlagScreen(tx, injuryId);
  const screen: RedFlagScreen | null = row ? { ...row, clearedBy: row.clearedByName } : null;
  return redFlagStatus(screen);
}

/** The screen's status and words ("Refer before loading: …") for an episode, for headers and panels. */
export function redFlagOfEpisode(tx: Handle, injuryId: string): { status: RedFlagStatus; words: string | null } {
  const row = readRedFlagScreen(tx, injuryId);
  const screen: RedFlagScreen | null = row ? { ...row, clearedBy: row.clearedByName } : null;
  return { status: redFlagStatus(screen), words: redFlagWords(screen) };
}
