/**
 * The return-to-run panel is stored with the status (patient_status.panel) and read on
 * view while it is current. Each kind of write that changes the engine's inputs must
 * rewrite it in its transaction: after every write below the stored panel must equal a
 * fresh engine run, and must differ from the panel before the write (so the write did
 * change what the panel shows, and a forgotten rewrite would leave it stale).
 */
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, injuries, patients, patientStatus, users } from "@/db/schema";
import { visiblePatientsWhere } from "@/lib/dal/access";
import { createAssessment, updateAssessment } from "@/lib/dal/assessments";
import { closeInjury, createInjury, markInjuryReturned, updateInjury } from "@/lib/dal/injuries";
import { createRun, listLogEntries, saveDailyLog, updateRun } from "@/lib/dal/logs";
import { getPatientHeader, getPatientRecord, updatePatient } from "@/lib/dal/patients";
import { scopeParams, visibleSql } from "@/lib/dal/prepared";
import { saveClinicProtocol } from "@/lib/dal/protocol";
import { getReturnToRun, overrideStage } from "@/lib/dal/stages";
import { computePatientState, panelState, recomputeStaleStatuses, type PanelState } from "@/lib/dal/status";
import { DEFAULT_PROTOCOL } from "@/lib/domain/protocol";
import { assessmentInputSchema } from "@/lib/validation/assessment";
import { dailyLogSchema, runSchema } from "@/lib/validation/logs";
import { protocolSchema } from "@/lib/validation/protocol";
import { actAs } from "../support/db";
import { TODAY, patientIdByName, seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

function stored(patientId: string): PanelState | null {
  const row = getDb().select({ panel: patientStatus.panel }).from(patientStatus).where(eq(patientStatus.patientId, patientId)).get();
  return row?.panel ? (JSON.parse(row.panel) as PanelState) : null;
}

function fresh(patientId: string, today = TODAY): PanelState {
  return panelState(computePatientState(getDb(), patientId, today));
}

/** Runs the write and checks the stored panel changed with it and matches a fresh engine run, and that a view shows it. */
async function expectRewritten(patientId: string, write: () => Promise<unknown>) {
  const before = stored(patientId);
  expect(before).toEqual(fresh(patientId));
  await write();
  const after = stored(patientId);
  expect(after).not.toEqual(before);
  expect(after).toEqual(fresh(patientId));
  const { patientId: _p, today: _t, history: _h, redFlag: _r, ...viewed } = (await getReturnToRun(patientId))!;
  expect(viewed).toEqual(after);
}

describe("the stored panel follows every write", () => {
  it("a new daily log and its edit", async () => {
    actAs("kim@springback.test");
    const daniel = patientIdByName("Daniel", "Okafor");
    const day = { logDate: "2026-11-25", painRest: 0, painDaily: 0, walkMinutes: 20, painWalk: 0 };
    await expectRewritten(daniel, () => saveDailyLog(daniel, dailyLogSchema.parse(day)));
    await expectRewritten(daniel, () => saveDailyLog(daniel, dailyLogSchema.parse({ ...day, painDaily: 6, version: 1 })));
  });

  it("a new run and its edit", async () => {
    actAs("kim@springback.test");
    const priya = patientIdByName("Priya", "Nair");
    const run = { runDate: TODAY, kind: "continuous", continuousMinutes: 20, distanceKm: 3, painDuring: 1 };
    let runId = "";
    await expectRewritten(priya, async () => (runId = (await createRun(priya, runSchema.parse(run))).id));
    await expectRewritten(priya, () => updateRun(priya, runId, runSchema.parse({ ...run, painDuring: 7, painNextMorning: 6, version: 1 })));
  });

  it("an assessment and its edit", async () => {
    actAs("kim@springback.test");
    const daniel = patientIdByName("Daniel", "Okafor");
    const input = assessmentInputSchema.parse({ assessedOn: TODAY, setting: "treadmill", heelRaisesLeft: "5", heelRaisesRight: "30" });
    let id = "";
    await expectRewritten(daniel, async () => (id = (await createAssessment(daniel, input)).id));
    await expectRewritten(daniel, () => updateAssessment(daniel, id, 1, { ...input, overstrideSeverity: "severe" }));
  });

  it("a stage change", async () => {
    actAs("kim@springback.test");
    const marta = patientIdByName("Marta", "Müller");
    await expectRewritten(marta, () => overrideStage(marta, 2, "Cleared by the consultant."));
  });

  it("a change of the pre-injury weekly distance", async () => {
    actAs("kim@springback.test");
    const hannah = patientIdByName("Hannah", "Schäfer");
    const record = (await getPatientRecord(hannah))!;
    await expectRewritten(hannah, () => updatePatient(hannah, { ...record.values, preInjuryWeeklyKm: 15, version: record.version }));
  });

  it("injury episodes: moving the onset, returning, closing, a new episode", async () => {
    actAs("kim@springback.test");
    const sofia = patientIdByName("Sofia", "Rossi");
    const episode = () => getDb().select().from(injuries).where(and(eq(injuries.patientId, sofia), eq(injuries.status, "active"))).get()!;
    const e = episode();
    const input = { side: e.side, muscle: e.muscle, severity: e.severity, grade: e.grade, achilles: e.achilles, activity: e.activity ?? undefined, mechanism: e.mechanism ?? undefined, priorStrains: e.priorStrains };
    await expectRewritten(sofia, () => updateInjury(e.id, { ...input, onsetDate: "2026-11-10", muscle: "soleus", version: e.version }));
    await expectRewritten(sofia, () => markInjuryReturned(e.id, { returnDate: TODAY, version: episode().version }));
    const returned = getDb().select().from(injuries).where(eq(injuries.id, e.id)).get()!;
    await expectRewritten(sofia, () => closeInjury(e.id, { closedDate: TODAY, version: returned.version }));
    await expectRewritten(sofia, () => createInjury(sofia, { ...input, side: "left", onsetDate: "2026-11-20" }));
  });

  it("a protocol change rewrites every patient's panel", async () => {
    actAs("admin@springback.test");
    const ben = patientIdByName("Ben", "Carter");
    await expectRewritten(ben, () => saveClinicProtocol(protocolSchema.parse({ ...DEFAULT_PROTOCOL, symptomFreeDays: 4, version: 0 })));
    const zoe = patientIdByName("Zoë", "Laurent");
    expect(stored(zoe)).toEqual(fresh(zoe));
  });

  it("a new day: the caseload's daily refresh rewrites it, and a view of a panel computed for an earlier day recomputes it", async () => {
    actAs("kim@springback.test");
    const ben = patientIdByName("Ben", "Carter");
    const clinicId = getDb().select({ clinicId: patientStatus.clinicId }).from(patientStatus).where(eq(patientStatus.patientId, ben)).get()!.clinicId;
    const tomorrow = "2026-11-27";
    expect(recomputeStaleStatuses(getDb(), clinicId, tomorrow)).toBeGreaterThan(0);
    expect(stored(ben)).toEqual(fresh(ben, tomorrow));
    expect(stored(ben)).not.toEqual(fresh(ben));
    // Back to today: the stored panel is for tomorrow, so the view recomputes it for today.
    const { patientId: _p, today, history: _h, redFlag: _r, ...viewed } = (await getReturnToRun(ben))!;
    expect(today).toBe(TODAY);
    expect(viewed).toEqual(fresh(ben));
    expect(stored(ben)).toEqual(fresh(ben));
  });

  it("a view of a panel never computed (null) computes and stores it", async () => {
    actAs("kim@springback.test");
    const tom = patientIdByName("Tom", "Hendriks");
    getDb().update(patientStatus).set({ panel: null }).where(eq(patientStatus.patientId, tom)).run();
    const { patientId: _p, today: _t, history: _h, redFlag: _r, ...viewed } = (await getReturnToRun(tom))!;
    expect(viewed).toEqual(fresh(tom));
    expect(stored(tom)).toEqual(fresh(tom));
  });
});

describe("a page view", () => {
  it("writes one patient.view row (header), one return_to_run.view row (panel) and one patient.logs.view row (the logs route)", async () => {
    actAs("kim@springback.test");
    const tom = patientIdByName("Tom", "Hendriks");
    const count = () => getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.patientId, tom)).all().length;
    const before = count();
    await getPatientHeader(tom);
    await getReturnToRun(tom);
    // Outside a page render every read writes its row; inside one the first read covers the
    // rest of the request (e2e/audit-views.spec.ts). The logs are fetched by their own route.
    await listLogEntries(tom, 1, 6);
    expect(count()).toBe(before + 3);
    const last = getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.patientId, tom)).all().slice(-3).map((r) => r.action);
    expect(last).toEqual(["patient.view", "return_to_run.view", "patient.logs.view"]);
  });
});

describe("the raw statements' scope", () => {
  it("visibleSql sees exactly the patients visiblePatientsWhere sees, for every user", () => {
    for (const { email } of getDb().select({ email: users.email }).from(users).all()) {
      const user = actAs(email);
      const viaDrizzle = getDb().select({ id: patients.id }).from(patients).where(visiblePatientsWhere(user)).all().map((r) => r.id).sort();
      const viaSql = (getDb().$client.prepare(`select p.id from patients p where ${visibleSql(user)}`).all(scopeParams(user, "")) as { id: string }[]).map((r) => r.id).sort();
      expect(viaSql).toEqual(viaDrizzle);
      expect(viaSql.length).toBeGreaterThan(0);
    }
  });
});
