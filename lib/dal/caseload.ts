import "server-only";
import { recomputeStaleStatuses } from "./status";
import { fillPlaceholders, sql, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { prepared } from "@/db/statements";
import { careTeam, injuries, patients, patientStatus, users } from "@/db/schema";
import type { InjurySeverity, Muscle, Side } from "@/lib/domain/vocabulary";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { addDays, injuryDay, todayIn } from "@/lib/domain/dates";
import { describeInjuryShort, stageName } from "@/lib/domain/injury";
import { foldForSearch } from "@/lib/domain/text";
import { CASELOAD_PAGE_SIZE, defaultDir, type CaseloadQuery, type CaseloadSort } from "@/lib/validation/caseload";
import { visiblePatientsWhere } from "./access";
import { commitReadAudit } from "./audit-writer";
import { fillMissingCaseloadKeys } from "./caseload-keys";

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
  /** The current episode's red-flag screen is positive and not cleared: "Refer before loading". */
  refer: boolean;
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
  t_missing: number;
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
  stage: number | null;
  ready: number;
  streak: number;
  latest_pain: number | null;
  latest_pain_date: string | null;
  flags: string;
  next_step: string | null;
  refer: number | null;
};

/*
 * The caseload reads the keys stored on each patient row (`patients.caseload_*`, see
 * caseload-keys.ts): the counts come from one covering index, the page from an index in
 * the sort's order where there is one (flags, pain, name), and only the page's rows are
 * joined to their status, episode and therapist.
 */
const ACTIVE = sql`patients.archived_at is null and patients.caseload_active = 1`;
const NAME_TAIL = sql`patients.family_name collate nocase asc, patients.given_name collate nocase asc, patients.id asc`;

function orderBy(sort: CaseloadSort, dir: "asc" | "desc"): SQL {
  const d = sql.raw(dir);
  switch (sort) {
    case "name":
      return sql`patients.family_name collate nocase ${d}, patients.given_name collate nocase ${d}, patients.id asc`;
    case "injury":
      return sql`patients.caseload_injury ${d}, ${NAME_TAIL}`;
    // A higher day number is an earlier onset.
    case "day":
      return sql`patients.caseload_onset_date ${sql.raw(dir === "asc" ? "desc" : "asc")}, ${NAME_TAIL}`;
    case "stage":
      return sql`patients.caseload_stage ${d} nulls last, ${NAME_TAIL}`;
    case "pain":
      return sql`patients.caseload_pain ${d} nulls last, ${NAME_TAIL}`;
    case "streak":
      return sql`patients.caseload_streak ${d}, ${NAME_TAIL}`;
    case "flags":
      // Stop-level first among the flagged, then by how many flags (see flagRank).
      return sql`patients.caseload_flag_rank ${d}, ${NAME_TAIL}`;
  }
}

/*
 * The statement is built with named placeholders for the view's values, so its text and
 * parameter list depend only on the view's shape (which filters, sort, direction) and
 * the user's scope, and are built once per user and shape.
 */
const P = {
  therapist: sql.placeholder("therapist"),
  needle: sql.placeholder("needle"),
  stage: sql.placeholder("stage"),
  flag: sql.placeholder("flag"),
  from: sql.placeholder("from"),
  today: sql.placeholder("today"),
  limit: sql.placeholder("limit"),
  offset: sql.placeholder("offset"),
};

type View = {
  therapist: boolean;
  needle: boolean;
  stage: boolean;
  flag: "any" | "code" | null;
  ready: boolean;
  returned: boolean;
  sort: CaseloadSort;
  dir: "asc" | "desc";
};

function therapistScope(view: View): SQL {
  if (!view.therapist) return sql`1 = 1`;
  return sql`(${patients.primaryTherapistId} = ${P.therapist} or ${patients.id} in (select ${careTeam.patientId} from ${careTeam} where ${careTeam.userId} = ${P.therapist}))`;
}

/** The table's filters, or null when there are none. */
function filters(view: View): SQL | null {
  const parts: SQL[] = [];
  if (view.needle) parts.push(sql`instr(patients.search_text, ${P.needle}) > 0`);
  if (view.stage) parts.push(sql`patients.caseload_stage = ${P.stage}`);
  if (view.flag === "any") parts.push(sql`patients.caseload_flag_rank > 0`);
  else if (view.flag === "code") {
    parts.push(
      sql`patients.caseload_flag_rank > 0 and exists (select 1 from ${patientStatus} fs, json_each(fs.flags) where fs.patient_id = patients.id and json_each.value = ${P.flag})`,
    );
  }
  if (view.ready) parts.push(sql`patients.caseload_ready = 1`);
  if (view.returned) parts.push(RETURNED);
  return parts.length ? sql.join(parts, sql` and `) : null;
}

const RETURNED = sql`(patients.caseload_returned_on >= ${P.from} and patients.caseload_returned_on <= ${P.today})`;

type Counts = Pick<RawRow, "t_active" | "t_ready" | "t_flagged" | "t_returned" | "t_total" | "t_missing">;
type PageRow = Omit<RawRow, keyof Counts>;

/**
 * The counts of a view: the tile counts over the scoped active patients (not archived,
 * with an episode that is not closed), the filtered total, and how many patients of the
 * clinic have no stored keys yet. One covering index read over every active runner in
 * scope: the part of the caseload whose cost grows with the clinic.
 */
function countsStatement(user: SessionUser, view: View): SQL {
  const scope = sql`${visiblePatientsWhere(user)} and ${ACTIVE} and ${therapistScope(view)}`;
  const where = filters(view);
  return sql`
    select count(*) as t_active, count(*) filter (where patients.caseload_ready = 1) as t_ready,
      count(*) filter (where patients.caseload_flag_rank > 0) as t_flagged, count(*) filter (where ${RETURNED}) as t_returned,
      ${where ? sql`count(*) filter (where ${where})` : sql`count(*)`} as t_total,
      (select count(*) from ${patients} m where m.clinic_id = ${user.clinicId} and m.caseload_active is null) as t_missing
    from ${patients} where ${scope}`;
}

/**
 * One sorted page of the view, only its rows joined to their status, episode and therapist,
 * with the clinic's caseload version (one row with only the version when the page is empty).
 */
function pageStatement(user: SessionUser, view: View): SQL {
  const order = orderBy(view.sort, view.dir);
  const scope = sql`${visiblePatientsWhere(user)} and ${ACTIVE} and ${therapistScope(view)}`;
  const where = filters(view);
  return sql`
    with page as (
      select patients.id as id from ${patients} where ${scope} ${where ? sql`and ${where}` : sql``}
      order by ${order} limit ${P.limit} offset ${P.offset}
    ),
    shown as (
      select ${patients.id} as patient_id, ${patients.givenName} as given_name, ${patients.familyName} as family_name,
        ${patients.recordNumber} as record_number, u.name as therapist_name,
        i.side as side, i.muscle as muscle, i.severity as severity, i.grade as grade, i.onset_date as onset_date, i.status as injury_status,
        ps.stage as stage, coalesce(ps.ready_to_progress, 0) as ready, coalesce(ps.symptom_free_streak, 0) as streak,
        ps.latest_pain as latest_pain, ps.latest_pain_date as latest_pain_date, coalesce(ps.flags, '[]') as flags, ps.next_step as next_step,
        ${patients.caseloadRefer} as refer, row_number() over (order by ${order}) as rn
      from page
      join ${patients} on ${patients.id} = page.id
      left join ${patientStatus} ps on ps.patient_id = ${patients.id}
      join ${injuries} i on i.id = (case when ps.patient_id is null then (
        select i2.id from ${injuries} i2 where i2.patient_id = ${patients.id} and i2.status <> 'closed'
        order by i2.onset_date desc, i2.created_at desc limit 1) else ps.injury_id end)
      join ${users} u on u.id = ${patients.primaryTherapistId}
    )
    select v.version as version, shown.* from (select coalesce((select version from caseload_versions where clinic_id = ${user.clinicId}), 0) as version) v
    left join shown on 1 = 1 order by shown.rn`;
}

const dialect = new SQLiteSyncDialect();
/** Built statements by user (their scope's own values are in the parameters), view shape and part; small and bounded. */
const built = new Map<string, { sql: string; params: unknown[] }>();

function builtStatement(key: string, build: () => SQL): { sql: string; params: unknown[] } {
  let statement = built.get(key);
  if (!statement) {
    if (built.size >= 1000) built.clear();
    statement = dialect.sqlToQuery(build());
    built.set(key, statement);
  }
  return statement;
}

type Page = { limit: number; offset: number };

/*
 * The counts of a view stay the same until something they read changes: a patient's
 * stored caseload keys, archiving, therapist, name or clinic, or a care team. Triggers
 * move `caseload_versions.version` of the clinic on each such change, from any connection
 * (migration 0012), so a view's counts are kept here for the version they were read at and
 * read again once it moves. The version is read (with the page) before the counts, so
 * counts kept under a version are never older than it. Views filtered by one flag code read the status's flag
 * list, which the version does not follow: those are always counted afresh.
 */
const countsCache = new WeakMap<object, Map<string, { version: number; counts: Counts }>>();

type ViewOf = {
  view: View;
  values: { therapist: string | null; needle: string; stage: number | null; flag: string | null; from: string; today: string };
  /** Keys of the built statements (user, scope and shape) and of the kept counts (and the values). */
  pageKey: string;
  countsKey: string;
  countsValuesKey: string;
};

/** The view's shape, its values and their keys, worked out once per read. */
function viewOf(user: SessionUser, query: CaseloadQuery, today: string): ViewOf {
  const needle = query.q ? foldForSearch(query.q) : "";
  const therapist = user.role === "admin" && query.therapist && query.therapist !== "all" ? query.therapist : null;
  const view: View = {
    therapist: therapist !== null,
    needle: needle !== "",
    stage: query.stage !== undefined,
    flag: query.flag === "any" ? "any" : query.flag ? "code" : null,
    ready: Boolean(query.ready),
    returned: Boolean(query.returned),
    sort: query.sort,
    dir: query.dir ?? defaultDir(query.sort),
  };
  const values = { therapist, needle, stage: query.stage ?? null, flag: query.flag ?? null, from: addDays(today, -RETURNED_WINDOW_DAYS), today };
  const who = `${user.id}|${user.role}|${user.clinicId}|`;
  // The sort does not change the counts.
  const countsKey = `counts|${who}${view.therapist}|${view.needle}|${view.stage}|${view.flag}|${view.ready}|${view.returned}`;
  return {
    view,
    values,
    pageKey: `page|${who}${JSON.stringify(view)}`,
    countsKey,
    countsValuesKey: `${countsKey}|${JSON.stringify(values)}`,
  };
}

function selectCounts(user: SessionUser, v: ViewOf, version: number, fresh = false): Counts {
  const statement = builtStatement(v.countsKey, () => countsStatement(user, v.view));
  const run = () => prepared<Counts>(getDb(), statement.sql).get(...fillPlaceholders(statement.params, v.values))!;
  if (v.view.flag === "code") return run();
  const db = getDb();
  let cache = countsCache.get(db);
  if (!cache) countsCache.set(db, (cache = new Map()));
  const kept = cache.get(v.countsValuesKey);
  if (kept && kept.version === version && !fresh) return kept.counts;
  const counts = run();
  if (cache.size >= 1000) cache.clear();
  cache.set(v.countsValuesKey, { version, counts });
  return counts;
}

/** The page's rows and the clinic's caseload version, read in one statement before the counts. */
function selectPage(user: SessionUser, v: ViewOf, page: Page): { version: number; rows: PageRow[] } {
  const statement = builtStatement(v.pageKey, () => pageStatement(user, v.view));
  const raw = prepared<PageRow & { version: number }>(getDb(), statement.sql).all(...fillPlaceholders(statement.params, { ...v.values, limit: page.limit, offset: page.offset }));
  return { version: raw[0]!.version, rows: raw[0]!.patient_id === null ? [] : raw };
}

/**
 * Reads the caseload's page and counts, first computing the stored keys of any patient of
 * the clinic without them. Usually one statement (the page, with the version the kept counts
 * are checked against); two when the counts are read afresh.
 */
function readCaseload(user: SessionUser, query: CaseloadQuery, page: Page, today: string): { counts: Counts; rows: PageRow[] } {
  const v = viewOf(user, query, today);
  const first = selectPage(user, v, page);
  const counts = selectCounts(user, v, first.version);
  if (counts.t_missing === 0) return { counts, rows: first.rows };
  getDb().transaction((tx) => fillMissingCaseloadKeys(tx, user.clinicId));
  const again = selectPage(user, v, page);
  return { counts: selectCounts(user, v, again.version, true), rows: again.rows };
}

function toRow(r: PageRow, today: string): CaseloadRow {
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
    refer: r.refer === 1,
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

/**
 * One page of the signed-in user's caseload (admin: the clinic; therapist: their own and
 * shared runners) with the tile counts and the filtered total, for the query's filters,
 * search, sort and page. Counts are kept per view until the clinic's caseload version moves.
 * Writes one `caseload.view` audit row before returning.
 */
export async function getCaseloadPage(query: CaseloadQuery): Promise<CaseloadPage> {
  const user = await requireUser();
  const today = todayIn(user.clinicTimeZone);
  refreshStatusesOncePerDay(user.clinicId, today);
  const pageSize = CASELOAD_PAGE_SIZE;
  const { counts: head, rows: raw } = readCaseload(user, query, { limit: pageSize, offset: (query.page - 1) * pageSize }, today);
  const rows = raw.map((r) => toRow(r, today));
  // Committed before the page renders; off the server's thread in production (audit-writer.ts).
  await commitReadAudit({
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

function parseFlags(json: string | null): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}
