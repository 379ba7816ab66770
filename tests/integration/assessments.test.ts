import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessments, auditEvents, careTeam, injuries, patients, users } from "@/db/schema";
import { createAssessmentAction, updateAssessmentAction } from "@/app/(clinic)/patients/[patientId]/assessments/actions";
import { calfStatusForInjury, compareAssessments, getAssessment, getNewAssessmentContext, listAssessments } from "@/lib/dal/assessments";
import { todayIn } from "@/lib/domain/dates";
import { actAs, seedDemoDatabase, createTempDatabase } from "../support/db";
import { NOT_FOUND_MESSAGE } from "@/lib/actions/errors";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));
vi.mock("next/headers", () => import("../support/headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const KIM = "kim@springback.test";
const LEE = "lee@springback.test";
const ADMIN = "admin@springback.test";

let cleanup: () => void;
beforeAll(async () => {
  cleanup = createTempDatabase().cleanup;
  await seedDemoDatabase(new Date());
});
afterAll(() => cleanup());

function patientByName(given: string) {
  return getDb().select().from(patients).where(eq(patients.givenName, given)).get()!;
}
function countFor(patientId: string) {
  return getDb().select({ n: sql<number>`count(*)` }).from(assessments).where(eq(assessments.patientId, patientId)).get()!.n;
}
function auditCount(action: string) {
  return getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(eq(auditEvents.action, action)).get()!.n;
}
const today = () => todayIn("Europe/London");

describe("create", () => {
  it("stores an assessment tied to the active injury, with its audit row, and lists it newest first", async () => {
    const hannah = patientByName("Hannah");
    actAs(KIM);
    const before = countFor(hannah.id);
    const result = await createAssessmentAction(hannah.id, {
      assessedOn: today(),
      method: "video",
      cadenceSpm: "172",
      heelRaisesLeft: "22",
      heelRaisesRight: "27",
      kneeToWallLeftCm: "9,5",
      kneeToWallRightCm: "11",
      calfSeverity: "mild",
      planCues: "  Quicker steps  ",
      fpaLeftDeg: "",
    });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : "";
    expect(countFor(hannah.id)).toBe(before + 1);
    const row = getDb().select().from(assessments).where(eq(assessments.id, id)).get()!;
    const active = getDb().select().from(injuries).where(and(eq(injuries.patientId, hannah.id), eq(injuries.status, "active"))).get()!;
    expect(row).toMatchObject({ injuryId: active.id, cadenceSpm: 172, kneeToWallLeftCm: 9.5, heelRaisesLeft: 22, planCues: "Quicker steps", fpaLeftDeg: null, version: 1, clinicId: hannah.clinicId });
    const audit = getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "assessment.create"))).get();
    expect(audit).toMatchObject({ patientId: hannah.id, entityType: "assessment" });

    const list = await listAssessments(hannah.id);
    expect(list![0]!.id).toBe(id);
    const dates = list!.map((a) => a.assessedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("audits a view and gives the previous assessment of the same injury", async () => {
    const hannah = patientByName("Hannah");
    actAs(KIM);
    const [latest, prior] = (await listAssessments(hannah.id))!;
    const views = auditCount("assessment.view");
    const detail = await getAssessment(hannah.id, latest!.id);
    expect(detail!.previous!.id).toBe(prior!.id);
    expect(detail!.injury.side).toBe("left");
    expect(auditCount("assessment.view")).toBe(views + 1);
    const compared = await compareAssessments(hannah.id, latest!.id, prior!.id);
    expect(compared!.older.id).toBe(prior!.id);
    expect(compared!.newer.id).toBe(latest!.id);
  });

  it("gives the return-to-run engine the newest calf measures of the injury", async () => {
    const hannah = patientByName("Hannah");
    actAs(KIM);
    const ctx = await getNewAssessmentContext(hannah.id);
    const status = calfStatusForInjury(getDb(), ctx!.injury!.id, ctx!.injury!.side);
    expect(status).toMatchObject({ heelRaisesInjured: 22, heelRaisesSide: "left", heelRaisesAssessedOn: today() });
    expect(status.heelRaisesAsymmetryPercent).toBeCloseTo((5 / 27) * 100, 5);
  });
});

describe("validation bounds", () => {
  it.each([
    ["cadenceSpm", "400", "Enter a value from 100 steps/min to 230 steps/min"],
    ["cadenceSpm", "99", "Enter a value from 100 steps/min to 230 steps/min"],
    ["kneeToWallLeftCm", "26", "Enter a value from 0 cm to 25 cm"],
    ["kneeToWallRightCm", "-1", "Enter a value from 0 cm to 25 cm"],
    ["heelRaisesLeft", "101", "Enter a value from 0 reps to 100 reps"],
    ["heelRaisesRight", "12.5", "Enter a whole number"],
    ["gluteLeft", "6", "Enter a value from 0/5 to 5/5"],
    ["fpaLeftDeg", "-31", "Enter a value from -30° to 45°"],
    ["pelvicTiltDeg", "41", "Enter a value from -10° to 40°"],
    ["strikeAheadCm", "81", "Enter a value from 0 cm to 80 cm"],
    ["shinAngleDeg", "-21", "Enter a value from -20° to 40°"],
    ["speedKmh", "31", "Enter a value from 0 km/h to 30 km/h"],
    ["cadenceSpm", "fast", "Enter a number"],
    ["calfSeverity", "extreme", "Choose none, mild, moderate or severe"],
    ["assessedOn", "2026-02-30", "Enter a date as YYYY-MM-DD"],
  ])("%s = %s is refused with a message and nothing is saved", async (field, value, message) => {
    const hannah = patientByName("Hannah");
    actAs(KIM);
    const before = countFor(hannah.id);
    const result = await createAssessmentAction(hannah.id, { assessedOn: today(), [field]: value });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors?.[field]).toBe(message);
    expect(countFor(hannah.id)).toBe(before);
  });

  it.each([
    ["cadenceSpm", "100"],
    ["cadenceSpm", "230"],
    ["kneeToWallLeftCm", "0"],
    ["kneeToWallLeftCm", "25"],
    ["heelRaisesLeft", "100"],
    ["fpaRightDeg", "-30"],
    ["shinAngleDeg", "40"],
  ])("%s = %s at the edge of the range is accepted", async (field, value) => {
    const hannah = patientByName("Hannah");
    actAs(KIM);
    const result = await createAssessmentAction(hannah.id, { assessedOn: today(), [field]: value });
    expect(result.ok).toBe(true);
  });

  it("refuses a date in the future or before the injury began", async () => {
    const hannah = patientByName("Hannah");
    const injury = getDb().select().from(injuries).where(and(eq(injuries.patientId, hannah.id), eq(injuries.status, "active"))).get()!;
    actAs(KIM);
    const before = countFor(hannah.id);
    const future = await createAssessmentAction(hannah.id, { assessedOn: "2999-01-01" });
    expect(!future.ok && future.fieldErrors?.assessedOn).toBe("The assessment date cannot be in the future");
    const early = await createAssessmentAction(hannah.id, { assessedOn: "2000-01-01" });
    expect(!early.ok && early.fieldErrors?.assessedOn).toBe(`The assessment date cannot be before the injury began (${injury.onsetDate})`);
    expect(countFor(hannah.id)).toBe(before);
  });
});

describe("edit", () => {
  it("saves from the current version and refuses a stale one with the stored values, without overwriting", async () => {
    const hannah = patientByName("Hannah");
    actAs(KIM);
    const created = await createAssessmentAction(hannah.id, { assessedOn: today(), heelRaisesLeft: "20", heelRaisesRight: "28" });
    const id = created.ok ? created.data.id : "";
    const first = await updateAssessmentAction(hannah.id, id, 1, { assessedOn: today(), heelRaisesLeft: "24", heelRaisesRight: "28" });
    expect(first).toEqual({ ok: true, data: { id, version: 2 } });
    const updates = auditCount("assessment.update");

    // A second form opened at version 1 is saved after the first one.
    const stale = await updateAssessmentAction(hannah.id, id, 1, { assessedOn: today(), heelRaisesLeft: "30", heelRaisesRight: "30" });
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.conflict?.currentVersion).toBe(2);
    expect(!stale.ok && stale.conflict?.current.heelRaisesLeft).toBe(24);
    expect(!stale.ok && stale.conflict?.changedBy).toBe("Kim Park");
    const row = getDb().select().from(assessments).where(eq(assessments.id, id)).get()!;
    expect(row).toMatchObject({ heelRaisesLeft: 24, heelRaisesRight: 28, version: 2 });
    expect(auditCount("assessment.update")).toBe(updates);

    const audit = getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "assessment.update"))).get()!;
    expect(JSON.parse(audit.detail!)).toEqual({ fromVersion: 1, fields: ["heelRaisesLeft"] });
  });

  it("clears a value left empty and validates like create", async () => {
    const hannah = patientByName("Hannah");
    actAs(KIM);
    const [latest] = (await listAssessments(hannah.id))!;
    const bad = await updateAssessmentAction(hannah.id, latest!.id, latest!.version, { assessedOn: latest!.assessedOn, cadenceSpm: "400" });
    expect(!bad.ok && bad.fieldErrors?.cadenceSpm).toBe("Enter a value from 100 steps/min to 230 steps/min");
    const ok = await updateAssessmentAction(hannah.id, latest!.id, latest!.version, { assessedOn: latest!.assessedOn, heelRaisesLeft: "" });
    expect(ok.ok).toBe(true);
    expect(getDb().select().from(assessments).where(eq(assessments.id, latest!.id)).get()!.heelRaisesLeft).toBeNull();
  });
});

describe("scoping", () => {
  function leePrivatePatient() {
    const kim = getDb().select().from(users).where(eq(users.email, KIM)).get()!;
    const lee = getDb().select().from(users).where(eq(users.email, LEE)).get()!;
    return getDb()
      .select()
      .from(patients)
      .where(and(eq(patients.primaryTherapistId, lee.id), sql`not exists (select 1 from ${careTeam} c where c.patient_id = ${patients.id} and c.user_id = ${kim.id})`))
      .get()!;
  }
  const northside = () => getDb().select().from(patients).where(eq(patients.recordNumber, "NR-1001")).get()!;

  it.each([
    ["a colleague's private patient", leePrivatePatient, KIM],
    ["another clinic's patient (therapist)", northside, KIM],
    ["another clinic's patient (admin)", northside, ADMIN],
  ])("%s is not found and nothing is written", async (_name, target, email) => {
    const patient = target();
    const existing = getDb().select().from(assessments).where(eq(assessments.patientId, patient.id)).get()!;
    const rowsBefore = countFor(patient.id);
    const notRefusal = sql`${auditEvents.action} <> 'access.refused'`;
    const auditBefore = getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(notRefusal).get()!.n;
    const refusedBefore = getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(sql`${auditEvents.action} = 'access.refused'`).get()!.n;
    actAs(email);

    const created = await createAssessmentAction(patient.id, { assessedOn: today(), cadenceSpm: "170" });
    expect(created).toMatchObject({ ok: false, error: NOT_FOUND_MESSAGE });
    const updated = await updateAssessmentAction(patient.id, existing.id, existing.version, { assessedOn: existing.assessedOn, cadenceSpm: "170" });
    expect(updated).toMatchObject({ ok: false, error: NOT_FOUND_MESSAGE });
    expect(await getAssessment(patient.id, existing.id)).toBeNull();
    expect(await listAssessments(patient.id)).toBeNull();
    expect(await getNewAssessmentContext(patient.id)).toBeNull();

    expect(countFor(patient.id)).toBe(rowsBefore);
    expect(getDb().select().from(assessments).where(eq(assessments.id, existing.id)).get()).toEqual(existing);
    // No read or write is recorded; the refused reads are (access.refused).
    expect(getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(notRefusal).get()!.n).toBe(auditBefore);
    expect(getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(sql`${auditEvents.action} = 'access.refused'`).get()!.n).toBeGreaterThan(refusedBefore);
  });

  it("an assessment id of another patient is not found through a visible patient", async () => {
    const hannah = patientByName("Hannah");
    const foreign = getDb().select().from(assessments).where(eq(assessments.patientId, northside().id)).get()!;
    actAs(KIM);
    expect(await getAssessment(hannah.id, foreign.id)).toBeNull();
    const updated = await updateAssessmentAction(hannah.id, foreign.id, foreign.version, { assessedOn: foreign.assessedOn });
    expect(updated.ok).toBe(false);
    const [mine] = (await listAssessments(hannah.id))!;
    expect(await compareAssessments(hannah.id, mine!.id, foreign.id)).toBeNull();
  });
});
