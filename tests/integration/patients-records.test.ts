import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, careTeam, patients, users } from "@/db/schema";
import { addCareTeamMember, changePrimaryTherapist, getCareTeam, removeCareTeamMember } from "@/lib/dal/care-team";
import { ConflictError, DomainRuleError, NotFoundError } from "@/lib/dal/errors";
import { createPatient, getPatientHeader, getPatientRecord, setPatientArchived, updatePatient } from "@/lib/dal/patients";
import type { PatientInput } from "@/lib/validation/patient";
import { actAs, seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicPerFile();

const db = () => getDb();
const idOf = (email: string) => db().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const patientByRecord = (record: string) => db().select().from(patients).where(eq(patients.recordNumber, record)).get()!;
const auditActions = (patientId: string) =>
  db()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.patientId, patientId))
    .all()
    .map((a) => a.action);

const input = (over: Partial<PatientInput> = {}): PatientInput => ({
  givenName: "Íde",
  familyName: "Nic Aodha",
  dateOfBirth: "1990-05-04",
  sex: "female",
  recordNumber: "SB-9001",
  preInjuryWeeklyKm: 40,
  runsPerWeek: 4,
  notes: "<img src=x onerror=alert(1)>",
  ...over,
});

describe("create", () => {
  it("makes the creator primary therapist, folds the search text and audits", async () => {
    actAs("kim@springback.test");
    const { id } = await createPatient(input());
    const row = db().select().from(patients).where(eq(patients.id, id)).get()!;
    expect(row.primaryTherapistId).toBe(idOf("kim@springback.test"));
    expect(row.searchText).toBe("ide nic aodha sb-9001");
    expect(row.notes).toBe("<img src=x onerror=alert(1)>");
    expect(row.version).toBe(1);
    expect(auditActions(id)).toContain("patient.create");
  });

  it("refuses a record number already used in the clinic, on that field", async () => {
    actAs("lee@springback.test");
    const error = await createPatient(input({ recordNumber: "SB-1001" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainRuleError);
    expect((error as DomainRuleError).field).toBe("recordNumber");
    expect(db().select().from(patients).where(eq(patients.recordNumber, "SB-1001")).all()).toHaveLength(1);
  });

  it("allows the same record number in another clinic", async () => {
    actAs("ola@northside.test");
    await expect(createPatient(input({ recordNumber: "SB-1020" }))).resolves.toHaveProperty("id");
  });
});

describe("edit and version conflicts", () => {
  it("saves with the current version, bumps it and keeps the search text current", async () => {
    actAs("kim@springback.test");
    const p = patientByRecord("SB-9001");
    const saved = await updatePatient(p.id, { ...input(), familyName: "Ó Briain", version: p.version });
    expect(saved.version).toBe(p.version + 1);
    expect(patientByRecord("SB-9001").searchText).toBe("ide o briain sb-9001");
    const audit = db().select().from(auditEvents).where(and(eq(auditEvents.patientId, p.id), eq(auditEvents.action, "patient.update"))).get();
    expect(JSON.parse(audit!.detail!)).toEqual({ fields: ["familyName"] });
  });

  it("a second save on the old version is a conflict with the stored values, and nothing is overwritten", async () => {
    actAs("kim@springback.test");
    const p = patientByRecord("SB-9001");
    await updatePatient(p.id, { ...input({ familyName: "Ó Briain" }), notes: "first tab", version: p.version });
    const error = await updatePatient(p.id, { ...input({ familyName: "Ó Briain" }), notes: "second tab", version: p.version }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ notes: "first tab" });
    expect((error as ConflictError).currentVersion).toBe(p.version + 1);
    expect(patientByRecord("SB-9001").notes).toBe("first tab");
  });

  it("refuses a record number taken by another patient", async () => {
    actAs("kim@springback.test");
    const p = patientByRecord("SB-9001");
    await expect(updatePatient(p.id, { ...input({ recordNumber: "SB-1002" }), version: p.version })).rejects.toMatchObject({ field: "recordNumber" });
  });

  it("refuses a date of birth after an injury's onset", async () => {
    actAs("kim@springback.test");
    const marta = patientByRecord("SB-1001");
    await expect(updatePatient(marta.id, { ...input({ recordNumber: "SB-1001", dateOfBirth: "2026-11-25" }), version: marta.version })).rejects.toMatchObject({ field: "dateOfBirth" });
    expect(patientByRecord("SB-1001").version).toBe(marta.version);
  });
});

describe("scoping", () => {
  it("own caseload and care team can read and edit; a colleague's private patient and another clinic's are not found", async () => {
    const grace = patientByRecord("SB-1013"); // Lee's, not shared
    const yuki = db().select().from(patients).where(eq(patients.familyName, "Tanaka")).get()!; // Lee's, shared with Kim
    actAs("kim@springback.test");
    expect(await getPatientRecord(grace.id)).toBeNull();
    await expect(updatePatient(grace.id, { ...input({ recordNumber: grace.recordNumber }), version: grace.version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setPatientArchived(grace.id, true)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPatientRecord(yuki.id))?.values.familyName).toBe("Tanaka");

    actAs("admin@springback.test");
    expect((await getPatientRecord(grace.id))?.values.givenName).toBe("Grace");

    actAs("ola@northside.test");
    expect(await getPatientRecord(yuki.id)).toBeNull();
    await expect(setPatientArchived(yuki.id, true)).rejects.toBeInstanceOf(NotFoundError);
    expect(patientByRecord(yuki.recordNumber).archivedAt).toBeNull();
  });
});

describe("archive and restore", () => {
  it("keeps the data, bumps the version and audits both", async () => {
    actAs("kim@springback.test");
    const p = patientByRecord("SB-9001");
    const archived = await setPatientArchived(p.id, true);
    expect(archived.archived).toBe(true);
    expect((await getPatientHeader(p.id))?.archived).toBe(true);
    const restored = await setPatientArchived(p.id, false);
    expect(restored.archived).toBe(false);
    expect(restored.version).toBe(p.version + 2);
    expect(auditActions(p.id)).toEqual(expect.arrayContaining(["patient.archive", "patient.restore"]));
  });
});

describe("care team", () => {
  it("the primary therapist adds a colleague, who then sees the patient", async () => {
    const p = patientByRecord("SB-9001");
    actAs("lee@springback.test");
    expect(await getPatientRecord(p.id)).toBeNull();
    actAs("kim@springback.test");
    const team = await getCareTeam(p.id);
    expect(team?.candidates.map((c) => c.name)).toEqual(["Lee Jordan"]);
    await addCareTeamMember(p.id, idOf("lee@springback.test"));
    actAs("lee@springback.test");
    expect((await getPatientRecord(p.id))?.id).toBe(p.id);
    expect(auditActions(p.id)).toContain("care_team.add");
  });

  it("a care-team member cannot change the team; a colleague of another clinic cannot be added", async () => {
    const p = patientByRecord("SB-9001");
    actAs("lee@springback.test");
    await expect(addCareTeamMember(p.id, idOf("admin@springback.test"))).rejects.toBeInstanceOf(DomainRuleError);
    actAs("kim@springback.test");
    await expect(addCareTeamMember(p.id, idOf("ola@northside.test"))).rejects.toMatchObject({ field: "userId" });
    actAs("ola@northside.test");
    await expect(addCareTeamMember(p.id, idOf("ola@northside.test"))).rejects.toBeInstanceOf(NotFoundError);
    expect(db().select().from(careTeam).where(eq(careTeam.patientId, p.id)).all().map((c) => c.userId)).toEqual([idOf("lee@springback.test")]);
  });

  it("only an admin changes the primary therapist; the previous one stays on the team", async () => {
    const p = patientByRecord("SB-9001");
    actAs("kim@springback.test");
    await expect(changePrimaryTherapist(p.id, idOf("lee@springback.test"), p.version)).rejects.toBeInstanceOf(DomainRuleError);
    actAs("admin@springback.test");
    await expect(changePrimaryTherapist(p.id, idOf("lee@springback.test"), p.version - 1)).rejects.toBeInstanceOf(ConflictError);
    await changePrimaryTherapist(p.id, idOf("lee@springback.test"), p.version);
    const header = await getPatientHeader(p.id);
    expect(header?.primaryTherapist.name).toBe("Lee Jordan");
    expect(header?.careTeam.map((m) => m.name)).toEqual(["Kim Park"]);
    expect(auditActions(p.id)).toContain("patient.primary_therapist.change");
    await removeCareTeamMember(p.id, idOf("kim@springback.test"));
    actAs("kim@springback.test");
    expect(await getPatientRecord(p.id)).toBeNull();
  });
});
