import { describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, careTeam, patients, users } from "@/db/schema";
import { wholeCaseload } from "./caseload-fixtures";
import { getPatientHeader } from "@/lib/dal/patients";
import { listClinicUsers } from "@/lib/dal/users";
import { actAs, seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicPerFile();

function idOf(email: string) {
  return getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
}

function patientsVisibleTo(email: string) {
  const db = getDb();
  const uid = idOf(email);
  return db
    .select({ id: patients.id })
    .from(patients)
    .where(sql`${patients.primaryTherapistId} = ${uid} or exists (select 1 from care_team c where c.patient_id = ${patients.id} and c.user_id = ${uid})`)
    .all()
    .map((r) => r.id)
    .sort();
}

describe("caseload scoping", () => {
  it("a therapist sees own patients and care-team patients, not a colleague's private ones", async () => {
    actAs("kim@springback.test");
    const rows = await wholeCaseload();
    const ids = rows.map((r) => r.patientId).sort();
    // Every returned row is Kim's (primary or care team) and every active one is returned.
    const visible = new Set(patientsVisibleTo("kim@springback.test"));
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(visible.has(id)).toBe(true);
    const kimId = idOf("kim@springback.test");
    const leePrivate = getDb()
      .select({ id: patients.id })
      .from(patients)
      .where(sql`${patients.primaryTherapistId} = ${idOf("lee@springback.test")} and not exists (select 1 from care_team c where c.patient_id = ${patients.id} and c.user_id = ${kimId})`)
      .all();
    expect(leePrivate.length).toBeGreaterThan(0);
    for (const p of leePrivate) expect(ids).not.toContain(p.id);
  });

  it("care-team membership grants access to a colleague's patient", async () => {
    const share = getDb().select().from(careTeam).where(eq(careTeam.userId, idOf("kim@springback.test"))).get();
    expect(share).toBeDefined();
    actAs("kim@springback.test");
    const header = await getPatientHeader(share!.patientId);
    expect(header?.id).toBe(share!.patientId);
    expect(header?.primaryTherapist.name).toBe("Lee Jordan");
  });

  it("an admin sees every patient of the clinic and none of another clinic", async () => {
    const admin = actAs("admin@springback.test");
    const rows = await wholeCaseload();
    const clinicActive = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(patients)
      .where(sql`${patients.clinicId} = ${admin.clinicId} and ${patients.archivedAt} is null and exists (select 1 from injuries i where i.patient_id = ${patients.id} and i.status <> 'closed')`)
      .get()!.n;
    expect(rows.length).toBe(clinicActive);
    expect(rows.every((r) => r.recordNumber.startsWith("SB-"))).toBe(true);
  });

  it("a patient of another clinic is not found, and no read of it is audited, only the refusals", async () => {
    const northside = getDb().select({ id: patients.id }).from(patients).where(eq(patients.recordNumber, "NR-1001")).get()!;
    const reads = () => getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(sql`${auditEvents.action} <> 'access.refused'`).get()!.n;
    const refusals = () => getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(sql`${auditEvents.action} = 'access.refused'`).get()!.n;
    const before = reads();
    const refusedBefore = refusals();
    actAs("admin@springback.test");
    expect(await getPatientHeader(northside.id)).toBeNull();
    actAs("kim@springback.test");
    expect(await getPatientHeader(northside.id)).toBeNull();
    expect(await getPatientHeader("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(reads()).toBe(before);
    // Two refusals of a real id of another clinic, each in both clinics' trails; none for the unknown id.
    expect(refusals()).toBe(refusedBefore + 4);
  });

  it("only admins list accounts, and only their own clinic's", async () => {
    actAs("kim@springback.test");
    await expect(listClinicUsers()).rejects.toThrow(/NEXT_REDIRECT/);
    actAs("admin@springback.test");
    const list = await listClinicUsers();
    expect(list.map((u) => u.email).sort()).toEqual(["admin@springback.test", "kim@springback.test", "lee@springback.test"]);
  });
});

describe("audit trail", () => {
  it("records each patient view with who, what and when", async () => {
    const user = actAs("lee@springback.test");
    const target = getDb().select({ id: patients.id }).from(patients).where(eq(patients.primaryTherapistId, user.id)).get()!;
    await getPatientHeader(target.id);
    const row = getDb().select().from(auditEvents).where(sql`${auditEvents.patientId} = ${target.id} and ${auditEvents.userId} = ${user.id}`).get();
    expect(row).toMatchObject({ action: "patient.view", clinicId: user.clinicId, entityType: "patient", entityId: target.id });
    expect(Date.parse(row!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("refuses UPDATE and DELETE on the audit table", () => {
    const sqlite = getDb().$client;
    expect(() => sqlite.prepare("update audit_events set action = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from audit_events").run()).toThrow(/append-only/);
    expect((sqlite.prepare("select count(*) n from audit_events where action = 'x'").get() as { n: number }).n).toBe(0);
  });
});
