import "server-only";
import { recomputeStaleStatuses } from "./status";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { careTeam, injuries, patients, patientStatus, users, type InjurySeverity, type Muscle, type Side } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { addDays, injuryDay, todayIn } from "@/lib/domain/dates";
import { describeInjuryShort, stageName } from "@/lib/domain/injury";
import { foldForSearch } from "@/lib/domain/text";
import { CASELOAD_PAGE_SIZE, defaultDir, type CaseloadQuery, type CaseloadSort } from "@/lib/validation/caseload";
import { visiblePatientsWhere } from "./access";
import { writeAudit } from "./audit";

export type CaseloadRow = {
  patientId: string;
  name: string;
  recordNumber: string;
  injury: string;
  onsetDate: string;
  day: number;
  stage: number | null;
  stageName: string;
  latestPain: number | null;
  latestPainDate: string | null;
  streak: number;
  flags: string[];
  readyToProgress: boolean;
  returned: boolean;
  nextStep: string | null;
  therapistName: string;
};

export type CaseloadTiles = { active: number; ready: number; flagged: number; returned: number };

export type CaseloadPage = {
  rows: CaseloadRow[];
  /** Rows matching the filters (all pages). */
  total: number;
  page: number;
  pageSize: number;
  /** Counts over the whole caseload in view (therapist scope), before the table's filters. */
  tiles: CaseloadTiles;
};

/** How many days back the "returned" tile looks. */
export const RETURNED_WINDOW_DAYS = 30;

type RawRow = {
  t_active: number;
  t_ready: number;
  t_flagged: number;
  t_returned: number;
  t_total: number;
  patient_id: string | null;
  given_name: string;
  family_name: string;
  record_number: string;
  therapist_name: string;
  side: Side;
  muscle: Muscle;
  severity: InjurySeverity;
  grade: number;
  onset_date: string;
  injury_status: string;
  return_date: string | null;
  stage: number | null;
  ready: number;
  streak: number;
  latest_pain: number | null;
  latest_pain_date: string | null;
  flags: string;
  flag_count: number;
  next_step: string | null;
};

function orderBy(sort: CaseloadSort, dir: "asc" | "desc"): SQL {
  const d = sql.raw(dir);
  const tail = sql`family_name collate nocase asc, given_name collate nocase asc, patient_id asc`;
  switch (sort) {
    case "name":
      return sql`family_name collate nocase ${d}, given_name collate nocase ${d}, patient_id asc`;
    case "injury":
      return sql`muscle ${d}, side ${d}, grade ${d}, ${tail}`;
    // A higher day number is an earlier onset.
    case "day":
      return sql`onset_date ${sql.raw(dir === "asc" ? "desc" : "asc")}, ${tail}`;
    case "stage":
      return sql`stage ${d} nulls last, ${tail}`;
    case "pain":
      return sql`latest_pain ${d} nulls last, ${tail}`;
    case "streak":
      return sql`streak ${d}, ${tail}`;
    case "flags":
      // Stop-level first among the flagged, then by how many flags.
      return sql`(flag_count > 0) ${d}, (flags like '%"stop_pain"%') ${d}, flag_count ${d}, ${tail}`;
  }
}

function therapistScope(user: SessionUser, therapist: CaseloadQuery["therapist"]): SQL {
  if (user.role !== "admin" || !therapist || therapist === "all") return sql`1 = 1`;
  return sql`(${patients.primaryTherapistId} = ${therapist} or ${patients.id} in (select ${careTeam.patientId} from ${careTeam} where ${careTeam.userId} = ${therapist}))`;
}

function filters(query: CaseloadQuery, today: string): SQL {
  const parts: SQL[] = [sql`1 = 1`];
  if (query.q) {
    const needle = foldForSearch(query.q);
    if (needle) parts.push(sql`instr(search_text, ${needle}) > 0`);
  }
  if (query.stage !== undefined) parts.push(sql`stage = ${query.stage}`);
  if (query.flag === "any") parts.push(sql`flag_count > 0`);
  else if (query.flag) parts.push(sql`exists (select 1 from json_each(flags) where json_each.value = ${query.flag})`);
  if (query.ready) parts.push(sql`ready = 1`);
  if (query.returned) parts.push(returnedSince(today));
  return sql.join(parts, sql` and `);
}

function returnedSince(today: string): SQL {
  return sql`(injury_status = 'returned' and return_date >= ${addDays(today, -RETURNED_WINDOW_DAYS)} and return_date <= ${today})`;
}

/**
 * The caseload in one SQL statement: the scoped active patients (not archived, with an
 * injury that is not closed) joined to their stored derived status, the tile counts, the
 * filtered total and one sorted page. `page: null` returns every filtered row.
 *
 * The stored status names the episode it follows (the latest not closed, rewritten with
 * every write that could change it), so the per-patient search for it runs only for a
 * patient without a stored status yet; `base` is materialized once and read by the
 * tiles, the total and the page.
 */
function selectCaseload(user: SessionUser, query: CaseloadQuery, page: { limit: number; offset: number } | null): RawRow[] {
  const today = todayIn(user.clinicTimeZone);
  const sort = query.sort;
  const dir = query.dir ?? defaultDir(sort);
  const order = orderBy(sort, dir);
  const limit = page ? sql`limit ${page.limit} offset ${page.offset}` : sql``;
  const statement = sql`
    with base as materialized (
      select ${patients.id} as patient_id, ${patients.givenName} as given_name, ${patients.familyName} as family_name,
        ${patients.recordNumber} as record_number, ${patients.searchText} as search_text, u.name as therapist_name,
        i.side as side, i.muscle as muscle, i.severity as severity, i.grade as grade, i.onset_date as onset_date,
        i.status as injury_status, i.return_date as return_date,
        ps.stage as stage, coalesce(ps.ready_to_progress, 0) as ready, coalesce(ps.symptom_free_streak, 0) as streak,
        ps.latest_pain as latest_pain, ps.latest_pain_date as latest_pain_date, coalesce(ps.flags, '[]') as flags,
        coalesce(ps.flag_count, 0) as flag_count, ps.next_step as next_step
      from ${patients}
      left join ${patientStatus} ps on ps.patient_id = ${patients.id}
      join ${injuries} i on i.id = (case when ps.patient_id is null then (
        select i2.id from ${injuries} i2 where i2.patient_id = ${patients.id} and i2.status <> 'closed'
        order by i2.onset_date desc, i2.created_at desc limit 1) else ps.injury_id end) and i.status <> 'closed'
      join ${users} u on u.id = ${patients.primaryTherapistId}
      where ${visiblePatientsWhere(user)} and ${patients.archivedAt} is null and ${therapistScope(user, query.therapist)}
    ),
    filtered as (select * from base where ${filters(query, today)}),
    tiles as (
      select count(*) as t_active, coalesce(sum(ready), 0) as t_ready, coalesce(sum(flag_count > 0), 0) as t_flagged,
        coalesce(sum(${returnedSince(today)}), 0) as t_returned, (select count(*) from filtered) as t_total
      from base
    ),
    paged as (select f.*, row_number() over (order by ${order}) as rn from filtered f order by ${order} ${limit})
    select tiles.*, paged.* from tiles left join paged on 1 = 1 order by paged.rn`;
  return getDb().all<RawRow>(statement);
}

function toRow(r: RawRow, today: string): CaseloadRow {
  return {
    patientId: r.patient_id!,
    name: `${r.given_name} ${r.family_name}`,
    recordNumber: r.record_number,
    injury: describeInjuryShort(r),
    onsetDate: r.onset_date,
    day: injuryDay(r.onset_date, today),
    stage: r.stage,
    stageName: stageName(r.stage),
    latestPain: r.latest_pain,
    latestPainDate: r.latest_pain_date,
    streak: r.streak,
    flags: parseFlags(r.flags),
    readyToProgress: r.ready === 1,
    returned: r.injury_status === "returned",
    nextStep: r.next_step,
    therapistName: r.therapist_name,
  };
}

/** One page of the caseload with its tile counts, filtered, searched and sorted in SQL. */
const refreshedFor = new Map<string, string>();

/**
 * Time-based flags (no log for 7 days, the re-injury window) age overnight. The first
 * caseload read of a clinic's day brings any status computed for an earlier day up to
 * date; later reads of that day are the page query alone.
 */
function refreshStatusesOncePerDay(clinicId: string, today: string) {
  if (refreshedFor.get(clinicId) === today) return;
  getDb().transaction((tx) => recomputeStaleStatuses(tx, clinicId, today));
  refreshedFor.set(clinicId, today);
}

export async function getCaseloadPage(query: CaseloadQuery): Promise<CaseloadPage> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  refreshStatusesOncePerDay(user.clinicId, today);
  const pageSize = CASELOAD_PAGE_SIZE;
  const raw = selectCaseload(user, query, { limit: pageSize, offset: (query.page - 1) * pageSize });
  const head = raw[0]!;
  const rows = raw.filter((r) => r.patient_id !== null).map((r) => toRow(r, today));
  writeAudit(getDb(), {
    clinicId: user.clinicId,
    userId: user.id,
    action: "caseload.view",
    detail: { rows: rows.length, total: head.t_total, page: query.page, filters: { ...query, q: query.q ? "(search)" : undefined } },
  });
  return {
    rows,
    total: head.t_total,
    page: query.page,
    pageSize,
    tiles: { active: head.t_active, ready: head.t_ready, flagged: head.t_flagged, returned: head.t_returned },
  };
}

/**
 * Every active patient the user may see (flagged first, then by name), in one query. Kept
 * for pages that list the whole caseload; the dashboard pages through `getCaseloadPage`.
 */
export async function listCaseload(): Promise<CaseloadRow[]> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  const rows = selectCaseload(user, { sort: "flags", page: 1 }, null)
    .filter((r) => r.patient_id !== null)
    .map((r) => toRow(r, today));
  writeAudit(getDb(), { clinicId: user.clinicId, userId: user.id, action: "caseload.view", detail: { rows: rows.length } });
  return rows;
}

function parseFlags(json: string | null): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}
