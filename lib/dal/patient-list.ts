import "server-only";
import { and, asc, count, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { careTeam, injuries, patients, users } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { ageOn, injuryDay, todayIn } from "@/lib/domain/dates";
import { describeInjuryShort } from "@/lib/domain/injury";
import { foldForSearch } from "@/lib/domain/text";
import { visiblePatientsWhere } from "./access";
import { writeAudit } from "./audit";

export const PATIENT_LIST_STATUSES = ["active", "archived", "all"] as const;
export const PATIENT_LIST_SORTS = ["name", "activity", "onset"] as const;
export const PATIENT_PAGE_SIZE = 25;

export type PatientListQuery = {
  q?: string;
  status?: (typeof PATIENT_LIST_STATUSES)[number];
  sort?: (typeof PATIENT_LIST_SORTS)[number];
  /** Admins only: patients this therapist is primary therapist or care-team member for. */
  therapistId?: string;
  page?: number;
  pageSize?: number;
};

export type PatientListRow = {
  id: string;
  name: string;
  recordNumber: string;
  age: number;
  primaryTherapist: string;
  /** The newest episode in short words, e.g. "L soleus, grade 2". */
  injury: string | null;
  injuryStatus: "active" | "returned" | "closed" | null;
  onsetDate: string | null;
  day: number | null;
  lastActivityAt: string | null;
  archived: boolean;
};

export type PatientListPage = { rows: PatientListRow[]; total: number; page: number; pageSize: number; pageCount: number };

/** Search terms: folded like `patients.search_text`; every term must occur (partial match). */
export function searchTerms(q: string | undefined): string[] {
  return foldForSearch(q ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 6);
}

/**
 * One page of the patients the user may see, filtered, searched and sorted in SQL (a
 * count and a LIMIT/OFFSET page), so a clinic of thousands is never loaded whole.
 */
export async function listPatients(query: PatientListQuery = {}): Promise<PatientListPage> {
  const user = await requireUser();
  const db = getDb();
  const today = todayIn(user.clinicTimeZone);
  const pageSize = Math.min(Math.max(query.pageSize ?? PATIENT_PAGE_SIZE, 1), 100);

  const where: SQL[] = [visiblePatientsWhere(user)];
  const status = query.status ?? "active";
  if (status === "active") where.push(isNull(patients.archivedAt));
  if (status === "archived") where.push(isNotNull(patients.archivedAt));
  // instr() rather than LIKE: no wildcard characters to escape in what the user typed.
  for (const term of searchTerms(query.q)) where.push(sql`instr(${patients.searchText}, ${term}) > 0`);
  if (user.role === "admin" && query.therapistId) {
    where.push(
      or(
        eq(patients.primaryTherapistId, query.therapistId),
        sql`${patients.id} in (select ${careTeam.patientId} from ${careTeam} where ${careTeam.userId} = ${query.therapistId})`,
      )!,
    );
  }
  const filter = and(...where);

  const total = db.select({ n: count() }).from(patients).where(filter).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(query.page ?? 1), 1), pageCount);

  const latestInjury = sql`(select i2.id from ${injuries} i2 where i2.patient_id = ${patients.id} order by i2.onset_date desc, i2.created_at desc limit 1)`;
  const byName = [asc(patients.familyName), asc(patients.givenName), asc(patients.id)];
  const order =
    query.sort === "activity"
      ? [sql`${patients.lastActivityAt} desc nulls last`, ...byName]
      : query.sort === "onset"
        ? [sql`${injuries.onsetDate} desc nulls last`, ...byName]
        : byName;

  const rows = db
    .select({
      id: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      recordNumber: patients.recordNumber,
      dateOfBirth: patients.dateOfBirth,
      therapist: users.name,
      archivedAt: patients.archivedAt,
      lastActivityAt: patients.lastActivityAt,
      side: injuries.side,
      muscle: injuries.muscle,
      severity: injuries.severity,
      grade: injuries.grade,
      status: injuries.status,
      onsetDate: injuries.onsetDate,
    })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.primaryTherapistId))
    .leftJoin(injuries, eq(injuries.id, latestInjury))
    .where(filter)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();

  writeAudit(db, { clinicId: user.clinicId, userId: user.id, action: "patients.list", detail: { status, sort: query.sort ?? "name", page, rows: rows.length } });
  return {
    total,
    page,
    pageSize,
    pageCount,
    rows: rows.map((r) => ({
      id: r.id,
      name: `${r.givenName} ${r.familyName}`,
      recordNumber: r.recordNumber,
      age: ageOn(r.dateOfBirth, today),
      primaryTherapist: r.therapist,
      injury: r.side && r.muscle && r.severity && r.grade ? describeInjuryShort({ side: r.side, muscle: r.muscle, severity: r.severity, grade: r.grade }) : null,
      injuryStatus: r.status ?? null,
      onsetDate: r.onsetDate ?? null,
      day: r.onsetDate ? injuryDay(r.onsetDate, today) : null,
      lastActivityAt: r.lastActivityAt,
      archived: r.archivedAt !== null,
    })),
  };
}
