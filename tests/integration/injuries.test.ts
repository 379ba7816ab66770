import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, injuries, patients, patientStatus, stageChanges } from "@/db/schema";
import { wholeCaseload } from "./caseload-fixtures";
import { ConflictError, DomainRuleError, NotFoundError } from "@/lib/dal/errors";
import { closeInjury, createInjury, listPatientInjuries, markInjuryReturned, updateInjury } from "@/lib/dal/injuries";
import { createPatient } from "@/lib/dal/patients";
import { todayIn } from "@/lib/domain/dates";
import type { InjuryInput } from "@/lib/validation/injury";
import { actAs, seedDemoDatabase, createTempDatabase } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

let cleanup: () => void;
let patientId: string;
const today = todayIn("Europe/London");

beforeAll(async () => {
  cleanup = createTempDatabase().cleanup;
  await seedDemoDatabase();
  actAs("kim@springback.test");
  patientId = (await createPatient({ givenName: "Episode", familyName: "Tester", dateOfBirth: "1985-03-10", sex: "male", recordNumber: "EP-1" })).id;
});
afterAll(() => cleanup());

const episode = (over: Partial<InjuryInput> = {}): InjuryInput => ({
  side: "left",
  muscle: "medial_gastrocnemius",
  severity: "strain",
  grade: 2,
  achilles: false,
  onsetDate: "2025-01-10",
  activity: "speed_work",
  mechanism: "Felt a grab on the last interval.",
  priorStrains: 0,
  ...over,
});
const row = (id: string) => getDb().select().from(injuries).where(eq(injuries.id, id)).get()!;

describe("creating an episode", () => {
  it("starts it at stage 0 with a start row, a status row and an audit row", async () => {
    actAs("kim@springback.test");
    const created = await createInjury(patientId, episode());
    expect(created).toMatchObject({ status: "active", isRecurrence: false, version: 1, description: "Left medial gastrocnemius strain (grade 2)" });
    const start = getDb().select().from(stageChanges).where(eq(stageChanges.injuryId, created.id)).all();
    expect(start).toEqual([expect.objectContaining({ kind: "start", toStage: 0, fromStage: null, effectiveDate: "2025-01-10" })]);
    expect(getDb().select().from(patientStatus).where(eq(patientStatus.patientId, patientId)).get()).toMatchObject({ injuryId: created.id, stage: 0 });
    expect(getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, "injury.create"))).all()).toHaveLength(1);
  });

  it("refuses an onset before birth or in the future, on the onset field", async () => {
    actAs("kim@springback.test");
    await expect(createInjury(patientId, episode({ onsetDate: "1985-03-09" }))).rejects.toMatchObject({ field: "onsetDate" });
    await expect(createInjury(patientId, episode({ onsetDate: "2999-01-01" }))).rejects.toMatchObject({ field: "onsetDate" });
    await expect(createInjury(patientId, episode({ onsetDate: "1985-03-10", side: "right" }))).resolves.toHaveProperty("id");
  });

  it("is not found for a patient outside the caseload", async () => {
    const grace = getDb().select().from(patients).where(eq(patients.recordNumber, "SB-1013")).get()!;
    actAs("kim@springback.test");
    await expect(createInjury(grace.id, episode())).rejects.toBeInstanceOf(NotFoundError);
    actAs("ola@northside.test");
    await expect(createInjury(patientId, episode())).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPatientInjuries(patientId)).toBeNull();
  });
});

describe("recurrence (Fuller 2006: counted from the previous episode's return)", () => {
  async function returnedFirst(p: string, over: Partial<InjuryInput> = {}) {
    const first = await createInjury(p, episode({ side: "left", onsetDate: "2025-01-10", ...over }));
    return markInjuryReturned(first.id, { returnDate: "2025-02-20", version: first.version });
  }

  it.each([
    ["2 months to the day after the return: early", "2025-04-20", "early"],
    ["2 months and a day after the return: late", "2025-04-21", "late"],
    ["12 months to the day after the return: late", "2026-02-20", "late"],
    ["12 months and a day after the return: delayed", "2026-02-21", "delayed"],
  ] as const)("%s", async (_label, onsetDate, expected) => {
    actAs("admin@springback.test");
    const p = (await createPatient({ givenName: "Recur", familyName: onsetDate, dateOfBirth: "1980-01-01", sex: "female", recordNumber: `R-${onsetDate}` })).id;
    await returnedFirst(p);
    const second = await createInjury(p, episode({ side: "left", onsetDate }));
    expect(second).toMatchObject({ recurrenceClass: expected, isRecurrence: true });
    expect(row(second.id).recurrenceClass).toBe(expected);
  });

  it("a new strain before the return is an exacerbation, and the episode list says so", async () => {
    actAs("kim@springback.test");
    const p = (await createPatient({ givenName: "Exac", familyName: "Erbation", dateOfBirth: "1980-01-01", sex: "male", recordNumber: "R-EXAC" })).id;
    await createInjury(p, episode({ side: "left", onsetDate: "2025-01-10" }));
    const second = await createInjury(p, episode({ side: "left", onsetDate: "2025-02-01" }));
    expect(second).toMatchObject({ recurrenceClass: "none", isRecurrence: false });
    expect(second.recurrenceWords).toMatch(/^Exacerbation: the episode of 2025-01-10/);
  });

  it("another side or muscle group is a first strain; a both-sides strain recurs", async () => {
    actAs("kim@springback.test");
    const p = (await createPatient({ givenName: "Side", familyName: "Muscle", dateOfBirth: "1980-01-01", sex: "male", recordNumber: "R-SIDE" })).id;
    await returnedFirst(p);
    expect((await createInjury(p, episode({ side: "right", onsetDate: "2025-03-01" }))).recurrenceClass).toBe("none");
    expect((await createInjury(p, episode({ side: "left", muscle: "soleus", onsetDate: "2025-03-02" }))).recurrenceClass).toBe("none");
    const q = (await createPatient({ givenName: "Both", familyName: "Sides", dateOfBirth: "1980-01-01", sex: "male", recordNumber: "R-BOTH" })).id;
    await returnedFirst(q);
    expect((await createInjury(q, episode({ side: "both", onsetDate: "2025-03-03" }))).recurrenceClass).toBe("early");
  });

  it("is re-evaluated when a side is edited or a return date is set", async () => {
    actAs("kim@springback.test");
    const p = (await createPatient({ givenName: "Edit", familyName: "Recur", dateOfBirth: "1980-01-01", sex: "male", recordNumber: "R-EDIT" })).id;
    const first = await createInjury(p, episode({ side: "left", onsetDate: "2025-01-10" }));
    const second = await createInjury(p, episode({ side: "left", onsetDate: "2025-05-10" }));
    expect(second.recurrenceClass).toBe("none");
    await markInjuryReturned(first.id, { returnDate: "2025-02-20", version: first.version });
    expect(row(second.id)).toMatchObject({ recurrenceClass: "late", isRecurrence: true });
    const moved = await updateInjury(second.id, { ...episode({ side: "right", onsetDate: "2025-05-10" }), version: row(second.id).version });
    expect(moved.recurrenceClass).toBe("none");
  });
});

describe("status: active → returned → closed", () => {
  it("returns and closes with dates not before onset or return", async () => {
    actAs("kim@springback.test");
    const p = (await createPatient({ givenName: "Status", familyName: "Flow", dateOfBirth: "1980-01-01", sex: "female", recordNumber: "ST-1" })).id;
    const e = await createInjury(p, episode({ onsetDate: "2025-02-01" }));
    await expect(markInjuryReturned(e.id, { returnDate: "2025-01-31", version: 1 })).rejects.toMatchObject({ field: "returnDate" });
    await expect(closeInjury(e.id, { closedDate: "2999-01-01", version: 1 })).rejects.toMatchObject({ field: "closedDate" });
    const returned = await markInjuryReturned(e.id, { returnDate: "2025-02-01", version: 1 });
    expect(returned).toMatchObject({ status: "returned", returnDate: "2025-02-01", version: 2 });
    await expect(markInjuryReturned(e.id, { returnDate: "2025-03-01", version: 2 })).rejects.toBeInstanceOf(DomainRuleError);
    await expect(closeInjury(e.id, { closedDate: "2025-01-31", version: 2 })).rejects.toMatchObject({ field: "closedDate" });
    const closed = await closeInjury(e.id, { closedDate: today, version: 2 });
    expect(closed).toMatchObject({ status: "closed", closedDate: today, version: 3 });
    await expect(closeInjury(e.id, { closedDate: today, version: 3 })).rejects.toBeInstanceOf(DomainRuleError);
    const actions = getDb().select({ a: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, e.id)).all().map((r) => r.a);
    expect(actions).toEqual(["injury.create", "injury.return", "injury.close"]);
  });

  it("a stale version is a conflict with the stored values and changes nothing", async () => {
    actAs("kim@springback.test");
    const p = (await createPatient({ givenName: "Two", familyName: "Tabs", dateOfBirth: "1980-01-01", sex: "female", recordNumber: "TT-1" })).id;
    const e = await createInjury(p, episode({ onsetDate: "2025-02-01" }));
    await updateInjury(e.id, { ...episode({ onsetDate: "2025-02-01", grade: 3 }), version: 1 });
    const error = await updateInjury(e.id, { ...episode({ onsetDate: "2025-02-01", grade: 1 }), version: 1 }).catch((x: unknown) => x);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ grade: 3 });
    await expect(markInjuryReturned(e.id, { returnDate: "2025-03-01", version: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(row(e.id)).toMatchObject({ grade: 3, version: 2, status: "active" });
  });

  it("is not found for another clinic's user", async () => {
    actAs("kim@springback.test");
    const [first] = (await listPatientInjuries(patientId))!;
    actAs("ola@northside.test");
    await expect(updateInjury(first!.id, { ...episode(), version: first!.version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(closeInjury(first!.id, { closedDate: today, version: first!.version })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("caseload", () => {
  it("shows a new patient's new episode at Protect", async () => {
    actAs("lee@springback.test");
    const p = (await createPatient({ givenName: "Fresh", familyName: "Strain", dateOfBirth: "1990-01-01", sex: "male", recordNumber: "FS-1" })).id;
    await createInjury(p, episode({ side: "right", muscle: "soleus", onsetDate: today }));
    const rowOnCaseload = (await wholeCaseload()).find((r) => r.patientId === p);
    expect(rowOnCaseload).toMatchObject({ stage: 0, stageName: "Protect", injury: "R soleus, grade 2", day: 1 });
  });
});
