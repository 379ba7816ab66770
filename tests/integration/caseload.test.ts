import { describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, patients, users } from "@/db/schema";
import { getCaseloadPage } from "@/lib/dal/caseload";
import { caseloadQuerySchema } from "@/lib/validation/caseload";
import { SEED_NOW, actAs, seedClinicPerFile } from "../support/db";
import { NO_CASELOAD_KEYS } from "./caseload-fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicPerFile({ frozenAt: SEED_NOW });

const q = (params: Record<string, string> = {}) => caseloadQuerySchema.parse(params);
const idOf = (email: string) => getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

/** Active (not archived, with a non-closed injury) patients visible to a user, straight from SQL. */
function expectedIds(where: string): string[] {
  return getDb()
    .all<{ id: string }>(
      sql.raw(`select p.id from patients p where p.archived_at is null and exists (select 1 from injuries i where i.patient_id = p.id and i.status <> 'closed') and (${where})`),
    )
    .map((r) => r.id)
    .sort();
}
const visibleTo = (uid: string) => `p.primary_therapist_id = '${uid}' or exists (select 1 from care_team c where c.patient_id = p.id and c.user_id = '${uid}')`;

/** SQL statements run while `fn` runs (prepared now or kept from an earlier call), the audit insert left out. */
async function statementsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; reads: string[] }> {
  const proto = Object.getPrototypeOf(getDb().$client.prepare("select 1")) as Record<"all" | "get" | "run" | "iterate", (...a: unknown[]) => unknown>;
  const ran: string[] = [];
  const originals = (["all", "get", "run", "iterate"] as const).map((m) => [m, proto[m]] as const);
  for (const [m, original] of originals) {
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      ran.push(this.source);
      return original.apply(this, args);
    };
  }
  try {
    const result = await fn();
    return { result, reads: ran.filter((s) => !/^\s*insert into "?audit_events"?/i.test(s)) };
  } finally {
    for (const [m, original] of originals) proto[m] = original;
  }
}

describe("caseload scoping", () => {
  it("a therapist sees exactly their own and care-team patients", async () => {
    const kim = actAs("kim@springback.test");
    const page = await getCaseloadPage(q());
    const expected = expectedIds(visibleTo(kim.id));
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.patientId).sort()).toEqual(expected);
    // Yuki Tanaka is Lee's patient shared with Kim; Grace O'Neill is Lee's alone.
    expect(page.rows.map((r) => r.name)).toContain("Yuki Tanaka");
    expect(page.rows.map((r) => r.name)).not.toContain("Grace O'Neill");
    expect(page.tiles.active).toBe(expected.length);
  });

  it("an admin sees every active patient of the clinic, or one therapist's, never another clinic's", async () => {
    const admin = actAs("admin@springback.test");
    const all = await getCaseloadPage(q({ therapist: "all" }));
    expect(all.total).toBe(expectedIds(`p.clinic_id = '${admin.clinicId}'`).length);
    expect(all.rows.every((r) => !r.recordNumber.startsWith("NR-"))).toBe(true);
    const lee = idOf("lee@springback.test");
    const leeOnly = await getCaseloadPage(q({ therapist: lee }));
    expect(leeOnly.total).toBe(expectedIds(visibleTo(lee)).length);
    expect(leeOnly.total).toBeLessThan(all.total);
    // Another clinic's therapist id names nobody in this clinic.
    const ola = idOf("ola@northside.test");
    expect((await getCaseloadPage(q({ therapist: ola }))).total).toBe(0);
  });

  it("a therapist cannot widen the view with the therapist parameter", async () => {
    const kim = actAs("kim@springback.test");
    const page = await getCaseloadPage(q({ therapist: idOf("lee@springback.test") }));
    expect(page.total).toBe(expectedIds(visibleTo(kim.id)).length);
    actAs("ola@northside.test");
    const ola = await getCaseloadPage(q({ therapist: "all" }));
    expect(ola.rows.every((r) => r.recordNumber.startsWith("NR-"))).toBe(true);
  });
});

describe("caseload filters, search, sort and paging", () => {
  it("the flag filter returns exactly the patients with flags, the code filter those with that flag", async () => {
    const admin = actAs("admin@springback.test");
    const flagged = await getCaseloadPage(q({ flag: "any" }));
    const expected = getDb()
      .all<{ id: string }>(sql`select ps.patient_id as id from patient_status ps join patients p on p.id = ps.patient_id where ps.clinic_id = ${admin.clinicId} and ps.flag_count > 0 and p.archived_at is null`)
      .map((r) => r.id)
      .sort();
    expect(expected.length).toBeGreaterThan(2);
    expect(flagged.rows.map((r) => r.patientId).sort()).toEqual(expected);
    expect(flagged.tiles.flagged).toBe(expected.length);
    const backToBack = await getCaseloadPage(q({ flag: "back_to_back" }));
    expect(backToBack.rows.length).toBeGreaterThan(0);
    expect(backToBack.rows.every((r) => r.flags.includes("back_to_back"))).toBe(true);
    expect(backToBack.rows.map((r) => r.name)).toContain("Lars Lindqvist");
  });

  it("filters by stage, readiness and recent return", async () => {
    actAs("admin@springback.test");
    const stage2 = await getCaseloadPage(q({ stage: "2" }));
    expect(stage2.rows.length).toBeGreaterThan(0);
    expect(stage2.rows.every((r) => r.stage === 2)).toBe(true);
    const ready = await getCaseloadPage(q({ ready: "1" }));
    expect(ready.rows.every((r) => r.readyToProgress)).toBe(true);
    expect(ready.total).toBe(ready.tiles.ready);
    const returned = await getCaseloadPage(q({ returned: "30" }));
    // Kwame returned 21 days ago and Rafael 10; Chen returned 60 days ago.
    expect(returned.rows.map((r) => r.name).sort()).toEqual(["Kwame Mensah", "Rafael Costa"]);
    expect(returned.tiles.returned).toBe(2);
  });

  it("searches names without accents or case", async () => {
    actAs("kim@springback.test");
    expect((await getCaseloadPage(q({ q: "MULLER" }))).rows.map((r) => r.name)).toEqual(["Marta Müller"]);
    expect((await getCaseloadPage(q({ q: "jose ram" }))).rows.map((r) => r.name)).toEqual(["José Ramírez"]);
    expect((await getCaseloadPage(q({ q: "100%_" }))).total).toBe(0);
  });

  it("flagged rows come first by default, and every column sorts both ways", async () => {
    actAs("admin@springback.test");
    const first = await getCaseloadPage(q());
    const flagCounts = first.rows.map((r) => (r.flags.length > 0 ? 1 : 0));
    expect(flagCounts).toEqual([...flagCounts].sort((a, b) => b - a));
    expect(first.rows[0]!.flags).toContain("stop_pain");

    const pain = (await getCaseloadPage(q({ sort: "pain", dir: "desc" }))).rows.map((r) => r.latestPain);
    const known = pain.filter((p): p is number => p !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(pain.slice(known.length).every((p) => p === null)).toBe(true);

    const names = (await getCaseloadPage(q({ sort: "name", dir: "asc" }))).rows.map((r) => r.name.split(" ").at(-1)!.toLowerCase());
    expect(names).toEqual([...names].sort());
    const days = (await getCaseloadPage(q({ sort: "day", dir: "asc" }))).rows.map((r) => r.day);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const streaks = (await getCaseloadPage(q({ sort: "streak", dir: "desc" }))).rows.map((r) => r.streak);
    expect(streaks).toEqual([...streaks].sort((a, b) => b - a));
    const stages = (await getCaseloadPage(q({ sort: "stage", dir: "asc" }))).rows.map((r) => r.stage ?? 99);
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
    const injuriesSorted = (await getCaseloadPage(q({ sort: "injury" }))).rows;
    expect(injuriesSorted.length).toBe(first.total > 25 ? 25 : first.total);
  });

  it("pages in SQL: pages do not overlap and together hold every row", async () => {
    const admin = actAs("admin@springback.test");
    const db = getDb();
    // Enough patients for three pages: copy the seed's status onto extra active patients.
    const template = db.select().from(patients).where(eq(patients.clinicId, admin.clinicId)).get()!;
    db.transaction((tx) => {
      for (let n = 0; n < 40; n++) {
        const id = crypto.randomUUID();
        // Written without a status recompute: their caseload keys are not computed yet.
        tx.insert(patients)
          .values({ ...template, ...NO_CASELOAD_KEYS, id, recordNumber: `PG-${n}`, givenName: "Page", familyName: `Tester${String(n).padStart(2, "0")}`, searchText: `page tester${n}` })
          .run();
        tx.run(sql`insert into injuries (id, clinic_id, patient_id, side, muscle, severity, grade, onset_date) values (${crypto.randomUUID()}, ${admin.clinicId}, ${id}, 'left', 'soleus', 'strain', 1, '2026-11-01')`);
      }
    });
    const p1 = await getCaseloadPage(q({ sort: "name", page: "1" }));
    const p2 = await getCaseloadPage(q({ sort: "name", page: "2" }));
    const p3 = await getCaseloadPage(q({ sort: "name", page: "3" }));
    const beyond = await getCaseloadPage(q({ sort: "name", page: "9" }));
    expect(p1.rows).toHaveLength(25);
    const ids = [...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.patientId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(p1.total);
    expect(beyond.rows).toHaveLength(0);
    expect(beyond.total).toBe(p1.total);
    expect(beyond.tiles.active).toBe(p1.tiles.active);
    // A patient without a stored status still shows, with no stage.
    expect(p3.rows.some((r) => r.name.startsWith("Page") && r.stage === null) || p2.rows.some((r) => r.name.startsWith("Page") && r.stage === null)).toBe(true);
  });

  it("reads one page in one SQL statement, and the counts in one more only when they changed, however many patients it holds", async () => {
    actAs("admin@springback.test");
    // The day's first read may refresh statuses computed for an earlier day.
    await getCaseloadPage(q());
    // A view not read before: the page (with the clinic's caseload version) and its counts.
    const { result, reads } = await statementsDuring(() => getCaseloadPage(q({ flag: "any", sort: "pain" })));
    expect(result.rows.length).toBeGreaterThan(2);
    expect(reads).toHaveLength(2);
    // The same counts in another order: kept, so the page alone.
    const resorted = await statementsDuring(() => getCaseloadPage(q({ flag: "any", sort: "name" })));
    expect(resorted.reads).toHaveLength(1);
    expect(resorted.result.total).toBe(result.total);
    const whole = await statementsDuring(() => getCaseloadPage(q()));
    expect(whole.result.rows.length).toBe(25);
    expect(whole.reads).toHaveLength(1);
  });

  it("reads the counts afresh once anything they count changed, from any connection", async () => {
    actAs("admin@springback.test");
    const before = await getCaseloadPage(q());
    const again = await statementsDuring(() => getCaseloadPage(q()));
    expect(again.reads).toHaveLength(1);
    expect(again.result.tiles).toEqual(before.tiles);
    // A write as another process would make it (straight SQL): one runner archived.
    const victim = before.rows[0]!.patientId;
    getDb().$client.prepare("update patients set archived_at = ? where id = ?").run("2026-11-26T09:00:00.000Z", victim);
    try {
      const after = await statementsDuring(() => getCaseloadPage(q()));
      expect(after.reads).toHaveLength(2);
      expect(after.result.tiles.active).toBe(before.tiles.active - 1);
      expect(after.result.total).toBe(before.total - 1);
      // A write that changes nothing the counts read (a note) keeps them.
      getDb().$client.prepare("update patients set notes = coalesce(notes, '') || '.' where id = ?").run(victim);
      expect((await statementsDuring(() => getCaseloadPage(q()))).reads).toHaveLength(1);
    } finally {
      getDb().$client.prepare("update patients set archived_at = null where id = ?").run(victim);
    }
    const restored = await statementsDuring(() => getCaseloadPage(q()));
    expect(restored.reads).toHaveLength(2);
    expect(restored.result.tiles).toEqual(before.tiles);
    // One flag code's view reads the stored flag lists, which the version does not follow: always counted.
    const code = await getCaseloadPage(q({ flag: "no_recent_log" }));
    const codeAgain = await statementsDuring(() => getCaseloadPage(q({ flag: "no_recent_log" })));
    expect(codeAgain.reads).toHaveLength(2);
    expect(codeAgain.result.total).toBe(code.total);
  });

  it("records a caseload view in the audit trail", async () => {
    const kim = actAs("kim@springback.test");
    const before = getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(eq(auditEvents.userId, kim.id)).get()!.n;
    await getCaseloadPage(q({ q: "Marta" }));
    const after = getDb().select().from(auditEvents).where(eq(auditEvents.userId, kim.id)).all();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.action).toBe("caseload.view");
    // The search words themselves are not copied into the audit trail.
    expect(after.at(-1)!.detail).not.toContain("Marta");
  });
});
