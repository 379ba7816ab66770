import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { injuries, patients, patientStatus, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/types";
import { getCaseloadPage, RETURNED_WINDOW_DAYS } from "@/lib/dal/caseload";
import { recomputeAllStatuses } from "@/lib/dal/status";
import { addDays, todayIn } from "@/lib/domain/dates";
import { foldForSearch } from "@/lib/domain/text";
import { CASELOAD_PAGE_SIZE, CASELOAD_SORTS, caseloadQuerySchema, defaultDir, type CaseloadQuery } from "@/lib/validation/caseload";
import { SEED_NOW, actAs, seedClinicPerFile } from "../support/db";
import { NO_CASELOAD_KEYS } from "./caseload-fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicPerFile({ frozenAt: SEED_NOW });

/**
 * The caseload reads keys stored on the patient row. This compares every view with the
 * plain query it replaces: the stored status joined to the current episode for each runner,
 * filtered and sorted by the status's own columns.
 */
function reference(user: SessionUser, query: CaseloadQuery) {
  const today = todayIn(user.clinicTimeZone);
  const from = addDays(today, -RETURNED_WINDOW_DAYS);
  const dir = query.dir ?? defaultDir(query.sort);
  const tail = "family_name collate nocase asc, given_name collate nocase asc, id asc";
  const order: Record<string, string> = {
    name: `family_name collate nocase ${dir}, given_name collate nocase ${dir}, id asc`,
    injury: `muscle ${dir}, side ${dir}, grade ${dir}, ${tail}`,
    day: `onset_date ${dir === "asc" ? "desc" : "asc"}, ${tail}`,
    stage: `stage ${dir} nulls last, ${tail}`,
    pain: `latest_pain ${dir} nulls last, ${tail}`,
    streak: `streak ${dir}, ${tail}`,
    flags: `(flag_count > 0) ${dir}, (flags like '%"stop_pain"%') ${dir}, flag_count ${dir}, ${tail}`,
  };
  const visible =
    user.role === "admin"
      ? "1 = 1"
      : `(p.primary_therapist_id = '${user.id}' or exists (select 1 from care_team c where c.patient_id = p.id and c.user_id = '${user.id}'))`;
  const chosen =
    user.role === "admin" && query.therapist && query.therapist !== "all"
      ? `(p.primary_therapist_id = '${query.therapist}' or exists (select 1 from care_team c where c.patient_id = p.id and c.user_id = '${query.therapist}'))`
      : "1 = 1";
  const returned = `(injury_status = 'returned' and return_date >= '${from}' and return_date <= '${today}')`;
  const where = ["1 = 1"];
  const needle = query.q ? foldForSearch(query.q) : "";
  if (needle) where.push(`instr(search_text, '${needle.replace(/'/g, "''")}') > 0`);
  if (query.stage !== undefined) where.push(`stage = ${query.stage}`);
  if (query.flag === "any") where.push("flag_count > 0");
  else if (query.flag) where.push(`exists (select 1 from json_each(flags) where value = '${query.flag}')`);
  if (query.ready) where.push("ready = 1");
  if (query.returned) where.push(returned);
  const base = `
    with base as (
      select p.id, p.family_name, p.given_name, p.search_text, i.muscle, i.side, i.grade, i.onset_date, i.status as injury_status, i.return_date,
        ps.stage, coalesce(ps.ready_to_progress, 0) as ready, coalesce(ps.symptom_free_streak, 0) as streak, ps.latest_pain,
        coalesce(ps.flags, '[]') as flags, coalesce(ps.flag_count, 0) as flag_count
      from patients p
      left join patient_status ps on ps.patient_id = p.id
      join injuries i on i.id = (case when ps.patient_id is null then (
        select i2.id from injuries i2 where i2.patient_id = p.id and i2.status <> 'closed' order by i2.onset_date desc, i2.created_at desc limit 1)
        else ps.injury_id end) and i.status <> 'closed'
      where p.clinic_id = '${user.clinicId}' and p.archived_at is null and ${visible} and ${chosen}
    )`;
  const db = getDb();
  const tiles = db.get<{ active: number; ready: number; flagged: number; returned: number }>(
    sql.raw(`${base} select count(*) as active, coalesce(sum(ready), 0) as ready, coalesce(sum(flag_count > 0), 0) as flagged, coalesce(sum(${returned}), 0) as returned from base`),
  );
  const ids = db.all<{ id: string }>(sql.raw(`${base} select id from base where ${where.join(" and ")} order by ${order[query.sort]}`)).map((r) => r.id);
  const start = (query.page - 1) * CASELOAD_PAGE_SIZE;
  return { tiles, total: ids.length, ids: ids.slice(start, start + CASELOAD_PAGE_SIZE) };
}

async function expectSameAsReference(email: string, params: Record<string, string>) {
  const user = actAs(email);
  const query = caseloadQuerySchema.parse(params);
  const page = await getCaseloadPage(query);
  const expected = reference(user, query);
  const label = `${email} ${JSON.stringify(params)}`;
  expect({ label, ids: page.rows.map((r) => r.patientId) }).toEqual({ label, ids: expected.ids });
  expect({ label, total: page.total }).toEqual({ label, total: expected.total });
  expect({ label, tiles: page.tiles }).toEqual({ label, tiles: expected.tiles });
  return expected.total;
}

const FILTERS: Record<string, string>[] = [
  {},
  { stage: "2" },
  { stage: "0" },
  { flag: "any" },
  { flag: "stop_pain" },
  { flag: "back_to_back" },
  { ready: "1" },
  { returned: "30" },
  { q: "tie" },
  { q: "de v" },
  { flag: "any", stage: "3", q: "e" },
];

const idOf = (email: string) => getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

/** Deterministic extra runners: name ties and case differences, every stage, pain and flag mix, archived and closed ones, some without a stored status. */
function addRunners() {
  const db = getDb();
  const kim = idOf("kim@springback.test");
  const lee = idOf("lee@springback.test");
  const clinicId = db.select({ c: users.clinicId }).from(users).where(eq(users.id, kim)).get()!.c;
  const template = db.select().from(patients).where(eq(patients.clinicId, clinicId)).get()!;
  const families = ["Tie", "tie", "de Vries", "De Vries", "Zed", "Abel", "Tie"];
  const flagSets = [[], ["pain_rise"], ["stop_pain"], ["stop_pain", "pain_rise"], ["back_to_back", "no_recent_log", "gait_fault"], ["no_recent_log"]];
  const muscles = ["soleus", "medial_gastrocnemius", "lateral_gastrocnemius", "unsure"] as const;
  const sides = ["left", "right", "both"] as const;
  db.transaction((tx) => {
    for (let n = 0; n < 70; n++) {
      const id = crypto.randomUUID();
      const injuryId = crypto.randomUUID();
      const family = families[n % families.length]!;
      tx.insert(patients)
        .values({
          ...template,
          id,
          recordNumber: `RF-${n}`,
          givenName: n % 3 === 0 ? "Ana" : "ana",
          familyName: family,
          searchText: foldForSearch(`ana ${family} rf-${n}`),
          primaryTherapistId: n % 2 === 0 ? kim : lee,
          archivedAt: n % 17 === 0 ? "2026-11-01T00:00:00.000Z" : null,
          ...NO_CASELOAD_KEYS,
        })
        .run();
      const status = n % 13 === 0 ? "closed" : n % 5 === 0 ? "returned" : "active";
      tx.insert(injuries)
        .values({
          id: injuryId,
          clinicId,
          patientId: id,
          side: sides[n % 3]!,
          muscle: muscles[n % 4]!,
          severity: "strain",
          grade: (n % 3) + 1,
          onsetDate: addDays("2026-11-20", -(n % 9) * 7),
          status,
          returnDate: status === "returned" ? addDays("2026-11-26", -(n % 50)) : null,
          closedDate: status === "closed" ? "2026-11-20" : null,
        })
        .run();
      if (n % 11 === 0) continue; // no stored status yet
      const flags = flagSets[n % flagSets.length]!;
      tx.insert(patientStatus)
        .values({
          patientId: id,
          clinicId,
          injuryId,
          stage: n % 8 === 7 ? null : n % 6,
          readyToProgress: n % 4 === 1,
          symptomFreeStreak: n % 10,
          latestPain: n % 7 === 0 ? null : n % 10,
          latestPainDate: "2026-11-25",
          flags: JSON.stringify(flags),
          flagCount: flags.length,
          computedFor: "2026-11-26",
        })
        .run();
    }
  });
}

describe("the caseload against the plain query it replaces", () => {
  beforeAll(() => addRunners());

  it("every sort and direction, on the first page and the last, for an admin and a therapist", async () => {
    for (const email of ["admin@springback.test", "kim@springback.test"]) {
      for (const sort of CASELOAD_SORTS) {
        for (const dir of ["asc", "desc"]) {
          const total = await expectSameAsReference(email, { sort, dir });
          const last = Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE));
          expect(last).toBeGreaterThan(1);
          for (let page = 2; page <= last + 1; page++) await expectSameAsReference(email, { sort, dir, page: String(page) });
        }
      }
    }
  });

  it("every filter with every sort, for an admin, a therapist and an admin's one-therapist view", async () => {
    const lee = idOf("lee@springback.test");
    for (const [email, extra] of [
      ["admin@springback.test", {}],
      ["kim@springback.test", {}],
      ["admin@springback.test", { therapist: lee }],
    ] as const) {
      for (const filter of FILTERS) {
        for (const sort of CASELOAD_SORTS) {
          const total = await expectSameAsReference(email, { ...extra, ...filter, sort });
          if (total > CASELOAD_PAGE_SIZE) await expectSameAsReference(email, { ...extra, ...filter, sort, dir: "asc", page: "2" });
        }
      }
    }
  });

  it("stays the same after every status is recomputed by the engine", async () => {
    recomputeAllStatuses({ now: SEED_NOW });
    for (const sort of CASELOAD_SORTS) {
      await expectSameAsReference("admin@springback.test", { sort });
      await expectSameAsReference("admin@springback.test", { sort, dir: "asc", page: "3" });
    }
    await expectSameAsReference("admin@springback.test", { flag: "any" });
    await expectSameAsReference("admin@springback.test", { returned: "30" });
  });
});
