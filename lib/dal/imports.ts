import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients, runs, runSources } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { todayIn } from "@/lib/domain/dates";
import { activityKey, reviewStatus, runColumnsFrom, type ReviewStatus, type RunColumns } from "@/lib/import/to-run";
import type { FileReading, ImportedActivity, WalkRunPattern } from "@/lib/import/types";
import { writeAudit } from "./audit";
import { DomainRuleError } from "./errors";
import { patientInScope } from "./logs";
import { currentInjury, recomputePatientStatus, type Tx } from "./status";

/** One activity as the review shows it: the run entry it would become, and whether it will be imported. */
export type ImportReviewItem = {
  key: string;
  fileName: string;
  device: string | null;
  startTime: string;
  run: RunColumns;
  movingS: number;
  elapsedS: number;
  avgCadenceSpm: number | null;
  avgHeartRate: number | null;
  walkRun: WalkRunPattern | null;
  status: ReviewStatus;
  /** Set when a run typed by hand is already logged on that day (it may be this one: check before importing). */
  sameDayNote: string | null;
};
export type ImportReviewFile = { fileName: string; error: string | null; items: ImportReviewItem[] };

/** The user's choice for one activity: the pain during the run (required for every run), and whether an odd date is confirmed. */
export type ImportChoice = { key: string; painDuring: number; painNextMorning?: number | null; confirmDate?: boolean };
export type ImportOutcome = { created: { runId: string; runDate: string }[]; skipped: { key: string; message: string }[] };

function openInjury(tx: Tx, patientId: string) {
  const injury = currentInjury(tx, patientId);
  if (!injury) throw new DomainRuleError("This patient has no open injury episode to import runs into.");
  return injury;
}

function existingSources(tx: Tx, patientId: string) {
  const rows = tx.select({ startedAt: runSources.startedAt, hash: runSources.contentHash, index: runSources.activityIndex }).from(runSources).where(eq(runSources.patientId, patientId)).all();
  return { startedAt: new Set(rows.map((r) => r.startedAt)), hashes: new Set(rows.map((r) => `${r.hash}:${r.index}`)) };
}

/** Days with a run typed by hand (no watch source) in the episode. */
function typedRunDays(tx: Tx, injuryId: string): Set<string> {
  const rows = tx.select({ day: runs.runDate }).from(runs).leftJoin(runSources, eq(runSources.runId, runs.id)).where(and(eq(runs.injuryId, injuryId), isNull(runSources.runId))).all();
  return new Set(rows.map((r) => r.day));
}

function reviewItems(tx: Tx, user: SessionUser, patientId: string, readings: FileReading[]) {
  const injury = openInjury(tx, patientId);
  const typedDays = typedRunDays(tx, injury.id);
  const today = todayIn(user.clinicTimeZone);
  const context = { today, onsetDate: injury.onsetDate, ...existingSources(tx, patientId), seen: new Set<string>() };
  const files: ImportReviewFile[] = [];
  const activities = new Map<string, ImportedActivity>();
  for (const reading of readings) {
    const items = reading.activities.map((a): ImportReviewItem => {
      const run = runColumnsFrom(a, user.clinicTimeZone);
      activities.set(activityKey(a), a);
      return {
        key: activityKey(a),
        fileName: a.fileName,
        device: a.device,
        startTime: a.startTime,
        run,
        movingS: a.movingS,
        elapsedS: a.elapsedS,
        avgCadenceSpm: a.avgCadenceSpm,
        avgHeartRate: a.avgHeartRate,
        walkRun: a.walkRun,
        status: reviewStatus(a, run.runDate, context),
        sameDayNote: typedDays.has(run.runDate) ? "A run typed by hand is already logged on this day: check it is not the same run." : null,
      };
    });
    files.push({ fileName: reading.fileName, error: reading.error, items });
  }
  return { files, activities, injury, today };
}

/**
 * Refuses early (NotFoundError) when the patient is not on the user's caseload, so a file
 * is never read for someone who may not import into this record.
 */
export async function assertCanImport(patientId: string): Promise<void> {
  const user = await requireUser();
  patientInScope(getDb(), user, patientId);
}

/**
 * The review of an upload for a patient in scope (otherwise NotFoundError): each activity
 * as the run entry it would become, marked new, duplicate (same start time or same file
 * already imported, or twice in this upload), skipped (not a run) or needing a date check
 * (future, or before the onset). Saves nothing but the audit row of the read.
 * DomainRuleError when the patient has no open injury.
 */
export async function reviewImport(patientId: string, readings: FileReading[]): Promise<ImportReviewFile[]> {
  const user = await requireUser();
  return getDb().transaction((tx) => {
    patientInScope(tx, user, patientId);
    const { files } = reviewItems(tx, user, patientId, readings);
    writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "run_import.review", entityType: "patient", entityId: patientId, patientId, detail: { activities: files.reduce((n, f) => n + f.items.length, 0) } });
    return files;
  });
}

/**
 * Imports the chosen activities of an upload, in one transaction: a run row and its source
 * row (file name, device, content hash, totals, per-minute series) per activity, an audit
 * row per run, the patient's last activity, and the recomputed status. A chosen activity
 * that turned out to be a duplicate or not a run is skipped and reported. A date in the
 * future or before the onset needs `confirmDate` (otherwise DomainRuleError and nothing is
 * saved). The same file imported twice creates nothing the second time.
 */
export async function saveImport(patientId: string, readings: FileReading[], choices: ImportChoice[]): Promise<ImportOutcome> {
  const user = await requireUser();
  return getDb().transaction((tx) => {
    const patient = patientInScope(tx, user, patientId);
    const { files, activities, injury, today } = reviewItems(tx, user, patientId, readings);
    const byKey = new Map(files.flatMap((f) => f.items).map((i) => [i.key, i]));
    const outcome: ImportOutcome = { created: [], skipped: [] };
    for (const choice of choices) {
      const item = byKey.get(choice.key);
      const activity = activities.get(choice.key);
      if (!item || !activity) {
        outcome.skipped.push({ key: choice.key, message: "This activity is not in the uploaded files." });
        continue;
      }
      if (item.status.kind === "duplicate" || item.status.kind === "skipped") {
        outcome.skipped.push({ key: choice.key, message: item.status.message });
        continue;
      }
      if (item.status.kind === "date_check" && !choice.confirmDate) throw new DomainRuleError(`${item.status.message} Confirm the date to import it.`, `confirmDate.${choice.key}`);
      const runId = crypto.randomUUID();
      tx.insert(runs)
        .values({ id: runId, clinicId: patient.clinicId, patientId, injuryId: injury.id, ...item.run, painDuring: choice.painDuring, painNextMorning: choice.painNextMorning ?? null, createdBy: user.id })
        .run();
      tx.insert(runSources)
        .values({
          runId,
          clinicId: patient.clinicId,
          patientId,
          fileName: activity.fileName.slice(0, 255),
          device: activity.device?.slice(0, 120) ?? null,
          contentHash: activity.contentHash,
          activityIndex: activity.index,
          startedAt: activity.startTime,
          elapsedS: activity.elapsedS,
          movingS: activity.movingS,
          distanceM: activity.distanceM,
          avgHeartRate: activity.avgHeartRate,
          maxHeartRate: activity.maxHeartRate,
          avgCadenceSpm: activity.avgCadenceSpm,
          gctLeftPct: activity.gctLeftPct,
          stepLengthM: activity.stepLengthM,
          laps: activity.laps,
          segments: activity.segments,
          series: activity.series,
        })
        .run();
      writeAudit(tx, { clinicId: user.clinicId, userId: user.id, action: "run.import", entityType: "run", entityId: runId, patientId, detail: { date: item.run.runDate } });
      outcome.created.push({ runId, runDate: item.run.runDate });
    }
    if (outcome.created.length) {
      tx.update(patients).set({ lastActivityAt: new Date().toISOString() }).where(eq(patients.id, patientId)).run();
      recomputePatientStatus(tx, patientId, today);
    }
    return outcome;
  });
}
