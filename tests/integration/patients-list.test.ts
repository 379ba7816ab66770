import { describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { careTeam, patients, users } from "@/db/schema";
import { listPatients, setPatientArchived } from "@/lib/dal/patients";
import { foldForSearch } from "@/lib/domain/text";
import { actAs, seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicPerFile();

const idOf = (email: string) => getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const names = async (q: string) => (await listPatients({ q, status: "all" })).rows.map((r) => r.name);

describe("search", () => {
  it.each([
    ["mull", "Marta Müller"],
    ["MÜLL", "Marta Müller"],
    ["müller marta", "Marta Müller"],
    ["jose", "José Ramírez"],
    ["ramírez", "José Ramírez"],
    ["zoe", "Zoë Laurent"],
    ["sb-1003", "José Ramírez"],
    ["1001", "Marta Müller"],
  ])("%s finds %s", async (q, expected) => {
    actAs("kim@springback.test");
    expect(await names(q)).toContain(expected);
  });

  it("partial terms must all match, and a missing one finds nothing", async () => {
    actAs("kim@springback.test");
    expect(await names("mar mül")).toEqual(["Marta Müller"]);
    expect(await names("marta ramirez")).toEqual([]);
  });

  it("treats LIKE wildcards as plain characters", async () => {
    actAs("admin@springback.test");
    expect(await names("%")).toEqual([]);
    expect(await names("_")).toEqual([]);
  });

  it("does not find what the user may not see", async () => {
    actAs("kim@springback.test");
    expect(await names("grace")).toEqual([]);
    actAs("ola@northside.test");
    expect(await names("mull")).toEqual([]);
    actAs("admin@springback.test");
    expect(await names("grace")).toEqual(["Grace O'Neill"]);
    expect(await names("NR-1001")).toEqual([]);
  });
});

describe("paging and sorting", () => {
  it("pages through every patient exactly once, in name order", async () => {
    actAs("admin@springback.test");
    const seen: string[] = [];
    const first = await listPatients({ pageSize: 5 });
    expect(first.total).toBe(24);
    expect(first.pageCount).toBe(5);
    for (let page = 1; page <= first.pageCount; page++) {
      const result = await listPatients({ pageSize: 5, page });
      expect(result.rows.length).toBe(page < 5 ? 5 : 4);
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(24);
    const family = (await listPatients({ pageSize: 100 })).rows.map((r) => r.name.split(" ").slice(1).join(" "));
    expect(family).toEqual([...family].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || 0));
  });

  it("clamps a page past the end to the last page", async () => {
    actAs("admin@springback.test");
    const result = await listPatients({ pageSize: 10, page: 99 });
    expect(result.page).toBe(3);
    expect(result.rows.length).toBe(4);
  });

  it("sorts by onset (newest first) and by last activity", async () => {
    actAs("admin@springback.test");
    const byOnset = (await listPatients({ sort: "onset", pageSize: 100 })).rows.map((r) => r.onsetDate!);
    expect(byOnset).toEqual([...byOnset].sort().reverse());
    const byActivity = (await listPatients({ sort: "activity", pageSize: 100 })).rows.map((r) => r.lastActivityAt!);
    expect(byActivity).toEqual([...byActivity].sort().reverse());
  });

  it("lets an admin filter by therapist (primary or care team)", async () => {
    actAs("admin@springback.test");
    const lee = idOf("lee@springback.test");
    const rows = (await listPatients({ therapistId: lee, pageSize: 100 })).rows;
    const expected = getDb()
      .select({ id: patients.id })
      .from(patients)
      .where(sql`${patients.primaryTherapistId} = ${lee} or exists (select 1 from ${careTeam} c where c.patient_id = ${patients.id} and c.user_id = ${lee})`)
      .all()
      .map((r) => r.id)
      .sort();
    expect(rows.map((r) => r.id).sort()).toEqual(expected);
    expect(rows.some((r) => r.primaryTherapist === "Kim Park")).toBe(true);
  });

  it("a therapist cannot widen the list with a therapist filter", async () => {
    actAs("kim@springback.test");
    const own = (await listPatients({ pageSize: 100 })).total;
    expect((await listPatients({ therapistId: idOf("lee@springback.test"), pageSize: 100 })).total).toBe(own);
  });
});

describe("archive filter", () => {
  it("archived patients leave the default list and come back on restore", async () => {
    actAs("kim@springback.test");
    const marta = (await listPatients({ q: "marta" })).rows[0]!;
    await setPatientArchived(marta.id, true);
    expect((await listPatients({ q: "marta" })).rows).toEqual([]);
    expect((await listPatients({ q: "marta", status: "archived" })).rows.map((r) => r.id)).toEqual([marta.id]);
    expect((await listPatients({ q: "marta", status: "all" })).rows[0]?.archived).toBe(true);
    await setPatientArchived(marta.id, false);
    expect((await listPatients({ q: "marta" })).rows.map((r) => r.id)).toEqual([marta.id]);
  });
});

describe("a clinic of 5,000 patients", () => {
  it("returns one page and the right total without loading the table", async () => {
    const admin = actAs("admin@springback.test");
    const db = getDb();
    db.transaction((tx) => {
      for (let i = 0; i < 5000; i++) {
        const given = i % 7 === 0 ? "Jürgen" : "Runner";
        const record = `BULK-${String(i).padStart(5, "0")}`;
        tx.insert(patients)
          .values({
            id: crypto.randomUUID(),
            clinicId: admin.clinicId,
            recordNumber: record,
            givenName: given,
            familyName: `Bulk${i}`,
            searchText: foldForSearch(`${given} Bulk${i} ${record}`),
            dateOfBirth: "1980-01-01",
            sex: "unknown",
            primaryTherapistId: admin.id,
          })
          .run();
      }
    });
    const started = performance.now();
    const result = await listPatients({ q: "jurgen", sort: "onset", page: 3 });
    const elapsed = performance.now() - started;
    expect(result.total).toBe(Math.ceil(5000 / 7));
    expect(result.rows.length).toBe(25);
    expect(result.rows.every((r) => r.name.startsWith("Jürgen"))).toBe(true);
    // Generous: on a shared 2-core machine this takes a few milliseconds.
    expect(elapsed).toBeLessThan(500);
    expect((await listPatients({ q: "BULK-04999" })).rows.map((r) => r.recordNumber)).toEqual(["BULK-04999"]);
  });
});
