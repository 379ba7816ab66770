/**
 * The caseload's sort and filter keys on the patient row (`patients.caseload_*`), copied
 * from the stored status and the current episode. Written with every status recompute
 * (the transaction of any write that changes the status or the episode), so the
 * dashboard counts, filters, sorts and pages over the patients table and its indexes
 * instead of joining every runner's status and episode on each view.
 *
 * Like status.ts this module takes no session and is free of `server-only` (the seed and
 * the recompute command write statuses too).
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { injuries, patients, patientStatus } from "@/db/schema";
import { redFlagStatusFor } from "./red-flag-screen";
import { currentInjury, type Tx } from "./status";

type Episode = Pick<typeof injuries.$inferSelect, "id" | "status" | "returnDate" | "onsetDate" | "muscle" | "side" | "grade">;
type Status = Pick<typeof patientStatus.$inferInsert, "stage" | "readyToProgress" | "symptomFreeStreak" | "latestPain" | "flags" | "flagCount">;

export type CaseloadKeys = {
  caseloadActive: number;
  caseloadFlagRank: number;
  caseloadStage: number | null;
  caseloadReady: number;
  caseloadStreak: number;
  caseloadPain: number | null;
  caseloadOnsetDate: string | null;
  caseloadReturnedOn: string | null;
  caseloadInjury: string | null;
  /** The episode the keys follow (not a column): its red-flag screen gives `caseload_refer` when written. */
  injuryId: string | null;
};

/** Sorts like the flags column: flagged first, a stop-level flag before the others, then more flags first. */
export function flagRank(flags: string, flagCount: number): number {
  return flagCount === 0 ? 0 : (flags.includes('"stop_pain"') ? 1000 : 0) + flagCount;
}

/**
 * The keys for a patient's current episode (null: none) and stored status (null: not
 * computed yet, shown as no stage, no pain and no flags).
 */
export function caseloadKeys(episode: Episode | null, status: Status | null): CaseloadKeys {
  const open = episode !== null && episode.status !== "closed";
  return {
    caseloadActive: open ? 1 : 0,
    caseloadFlagRank: status ? flagRank(status.flags ?? "[]", status.flagCount ?? 0) : 0,
    caseloadStage: status?.stage ?? null,
    caseloadReady: status?.readyToProgress ? 1 : 0,
    caseloadStreak: status?.symptomFreeStreak ?? 0,
    caseloadPain: status?.latestPain ?? null,
    caseloadOnsetDate: episode?.onsetDate ?? null,
    caseloadReturnedOn: episode?.status === "returned" ? episode.returnDate : null,
    // No value of one field is a prefix of another, so this sorts as muscle, then side, then grade.
    caseloadInjury: episode ? `${episode.muscle} ${episode.side} ${episode.grade}` : null,
    injuryId: episode?.id ?? null,
  };
}

const KEY_COLUMNS = [
  patients.caseloadActive,
  patients.caseloadFlagRank,
  patients.caseloadStage,
  patients.caseloadReady,
  patients.caseloadStreak,
  patients.caseloadPain,
  patients.caseloadOnsetDate,
  patients.caseloadReturnedOn,
  patients.caseloadInjury,
  patients.caseloadRefer,
] as const;

/**
 * Stores the keys on the patient row; a row that already holds them is left untouched.
 * `caseload_refer` is 1 while the episode's red-flag screen says "refer before loading".
 */
export function writeCaseloadKeys(tx: Tx, patientId: string, keys: CaseloadKeys): void {
  const { injuryId, ...columns } = keys;
  const caseloadRefer = redFlagStatusFor(tx, injuryId) === "refer" ? 1 : 0;
  const values = [
    keys.caseloadActive,
    keys.caseloadFlagRank,
    keys.caseloadStage,
    keys.caseloadReady,
    keys.caseloadStreak,
    keys.caseloadPain,
    keys.caseloadOnsetDate,
    keys.caseloadReturnedOn,
    keys.caseloadInjury,
    caseloadRefer,
  ];
  const differs = sql`(${sql.join([...KEY_COLUMNS], sql`, `)}) is not (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
  tx.update(patients).set({ ...columns, caseloadRefer }).where(and(eq(patients.id, patientId), differs)).run();
}

/**
 * Computes the keys of the clinic's patients that have none yet (rows from before the
 * keys existed, or written without a status recompute) from their stored status and
 * episode; a patient without a stored status follows their latest episode that is not
 * closed, as the status would. Returns how many there were.
 */
export function fillMissingCaseloadKeys(tx: Tx, clinicId: string): number {
  const missing = tx
    .select({ id: patients.id, status: patientStatus })
    .from(patients)
    .leftJoin(patientStatus, eq(patientStatus.patientId, patients.id))
    .where(and(eq(patients.clinicId, clinicId), isNull(patients.caseloadActive)))
    .all();
  for (const { id, status } of missing) {
    const episode = status
      ? status.injuryId
        ? (tx.select().from(injuries).where(eq(injuries.id, status.injuryId)).get() ?? null)
        : null
      : (currentInjury(tx, id) ?? null);
    writeCaseloadKeys(tx, id, caseloadKeys(episode, status));
  }
  return missing.length;
}
