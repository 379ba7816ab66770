import "server-only";
import { entryRevisions } from "@/db/schema";
import type { Tx } from "./status";

/** The kinds of entry whose earlier versions are kept. */
export type RevisedEntity = "daily_log" | "run";

/**
 * Keeps a daily log or run as it was before a change: the stored row (every column, as
 * drizzle reads it) goes to `entry_revisions` as JSON with its version, who replaced it
 * (a user id, or null for the runner's own check-in) and when. Call it inside the write's
 * transaction, before the update, so a correction and its original are committed together.
 */
export function keepRevision(
  tx: Tx,
  entry: { entityType: RevisedEntity; row: { id: string; clinicId: string; patientId: string; version: number } & Record<string, unknown>; replacedBy: string | null },
): void {
  tx.insert(entryRevisions)
    .values({
      id: crypto.randomUUID(),
      clinicId: entry.row.clinicId,
      patientId: entry.row.patientId,
      entityType: entry.entityType,
      entityId: entry.row.id,
      version: entry.row.version,
      snapshot: JSON.stringify(entry.row),
      replacedBy: entry.replacedBy,
    })
    .run();
}
