import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { injuries, patientStatus, stageChanges } from "@/db/schema";
import { saveDailyLog } from "@/lib/dal/logs";
import { confirmProgression, getReturnToRun, overrideStage, stepBackStage } from "@/lib/dal/stages";
import { recomputeAllStatuses, recomputeStaleStatuses } from "@/lib/dal/status";
import { summaryLines } from "@/lib/domain/recompute-summary";
import { dailyLogSchema } from "@/lib/validation/logs";
import { actAs } from "../support/db";
import { NOW, auditActions, patientIdByName, storedStatus, seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

describe("the seeded stories", () => {
  it.each<[string, string, number, string[]]>([
    ["Tom", "Hendriks", 1, ["stop_pain", "morning_rise"]],
    ["Lars", "Lindqvist", 2, ["back_to_back"]],
    ["Kwame", "Mensah", 5, ["reinjury_window"]],
    ["Ben", "Carter", 0, ["no_recent_log"]],
    ["Grace", "O'Neill", 0, ["run_before_gate"]],
    ["Mateo", "García", 2, ["pain_rise"]],
    ["Olivia", "Brown", 1, ["gait_fault"]],
  ])("%s %s: stage %i with %j", (given, family, stage, flags) => {
    const s = storedStatus(patientIdByName(given, family));
    expect(s.stage).toBe(stage);
    expect(s.flags).toEqual(expect.arrayContaining(flags));
    expect(s.flagCount).toBe(s.flags.length);
    expect(s.computedFor).toBe("2026-11-26");
  });

  it("Chen returned two months ago is past the re-injury window; Daniel's 5 symptom-free days are not current", async () => {
    expect(storedStatus(patientIdByName("Chen", "Wei")).flags).not.toContain("reinjury_window");
    // The count is current only when the last logged day is today or yesterday (second edition).
    const daniel = patientIdByName("Daniel", "Okafor");
    expect(storedStatus(daniel)).toMatchObject({ stage: 0, symptomFreeStreak: 0, lastLogDate: "2026-11-24", readyToProgress: false });
    actAs("kim@springback.test");
    const panel = (await getReturnToRun(daniel))!;
    expect(panel.criteria.find((c) => c.code === "symptom_free_days")?.detail).toContain("5 of 7 symptom-free days");
    expect(panel.criteria.find((c) => c.code === "symptom_free_days")?.detail).toContain("the runner last logged on 24 Nov");
  });
});

describe("recompute all", () => {
  it("finds nothing to change right after the seed, and repairs a stale row", () => {
    expect(recomputeAllStatuses({ now: NOW })).toMatchObject({ total: 28, changed: 0 });
    const marta = patientIdByName("Marta", "Müller");
    getDb().update(patientStatus).set({ symptomFreeStreak: 42, flags: "[]", flagCount: 0 }).where(eq(patientStatus.patientId, marta)).run();
    const repaired = recomputeAllStatuses({ now: NOW });
    expect(repaired).toMatchObject({ total: 28, changed: 1 });
    expect(summaryLines(repaired.summary)).toEqual(expect.arrayContaining(["Recomputed the return-to-run status of 28 runners: 1 changed.", expect.stringMatching(/^Symptom-free count changed for 1 runner /)]));
    expect(storedStatus(marta).symptomFreeStreak).toBe(0);
  });

  it("brings recurrence classes written before the classes existed up to date, and says so", () => {
    const db = getDb();
    const recurring = db.select({ id: injuries.id, cls: injuries.recurrenceClass }).from(injuries).all().filter((i) => i.cls !== "none");
    expect(recurring.length).toBeGreaterThan(0);
    // As a database from before the classes: every episode "none", none a recurrence.
    for (const i of recurring) db.update(injuries).set({ recurrenceClass: "none", isRecurrence: false }).where(eq(injuries.id, i.id)).run();
    const result = recomputeAllStatuses({ now: NOW });
    expect(result.summary.recurrencesReclassified).toBe(recurring.length);
    expect(summaryLines(result.summary)).toContain(`Recurrence: ${recurring.length} injury episode${recurring.length === 1 ? "" : "s"} newly classed against the earlier episode's return (exacerbation; early, late or delayed recurrence).`);
    for (const i of recurring) expect(db.select({ cls: injuries.recurrenceClass, is: injuries.isRecurrence }).from(injuries).where(eq(injuries.id, i.id)).get()).toEqual({ cls: i.cls, is: true });
    expect(recomputeAllStatuses({ now: NOW }).summary.recurrencesReclassified).toBe(0);
  });

  it("time-based flags age with the day the status is computed for", () => {
    const later = new Date("2026-12-06T10:00:00Z");
    const result = recomputeAllStatuses({ now: later });
    expect(result.changed).toBeGreaterThan(5);
    const daniel = storedStatus(patientIdByName("Daniel", "Okafor"));
    expect(daniel.flags).toContain("no_recent_log");
    expect(daniel.computedFor).toBe("2026-12-06");
    recomputeAllStatuses({ now: NOW });
  });

  it("recomputes only the rows computed for an earlier day", () => {
    const clinicId = storedStatus(patientIdByName("Ben", "Carter")).clinicId;
    expect(recomputeStaleStatuses(getDb(), clinicId, "2026-11-26")).toBe(0);
    expect(recomputeStaleStatuses(getDb(), clinicId, "2026-11-27")).toBe(24);
    expect(storedStatus(patientIdByName("Ben", "Carter")).computedFor).toBe("2026-11-27");
    recomputeAllStatuses({ now: NOW });
  });
});

describe("stage changes", () => {
  it("confirming a progression needs every criterion met; then it is recorded with who and why", async () => {
    const daniel = patientIdByName("Daniel", "Okafor");
    actAs("kim@springback.test");
    await expect(confirmProgression(daniel, 0)).rejects.toThrow(/Not every criterion for Walk-run is met/);
    for (const logDate of ["2026-11-25", "2026-11-26"]) await saveDailyLog(daniel, dailyLogSchema.parse({ logDate, painRest: 0, painDaily: 0, walkMinutes: 20, painWalk: 0 }));
    const panel = await confirmProgression(daniel, 0);
    expect(panel).toMatchObject({ stage: 1, stageName: "Walk-run", stageSince: "2026-11-26" });
    expect(panel.history[0]).toMatchObject({ kind: "progression", fromStage: 0, toStage: 1, changedBy: "Kim Park" });
    expect(panel.nextStep).toContain("walk 4 min / run 1 min");
    expect(storedStatus(daniel).stage).toBe(1);
    expect(auditActions(daniel)).toContain("stage.progression");
    // A second click from the same page is refused, not applied twice.
    await expect(confirmProgression(daniel, 0)).rejects.toThrow(/stage has changed/);
  });

  it("an override needs no criteria and records its reason; returning sets the injury's return date", async () => {
    const zoe = patientIdByName("Zoë", "Laurent");
    actAs("kim@springback.test");
    const panel = await overrideStage(zoe, 5, "Cleared by the sports physician after hill session");
    expect(panel.stage).toBe(5);
    expect(panel.history[0]).toMatchObject({ kind: "override", reason: "Cleared by the sports physician after hill session" });
    const injury = getDb().select().from(injuries).where(eq(injuries.id, panel.injury!.id)).get()!;
    expect(injury).toMatchObject({ status: "returned", returnDate: "2026-11-26" });
    expect(storedStatus(zoe).flags).toContain("reinjury_window");
  });

  it("a step back records the pain rule's reason and lowers the stage to the chosen destination; the flare stays in the history and readiness waits a day", async () => {
    const tom = patientIdByName("Tom", "Hendriks");
    actAs("kim@springback.test");
    const before = (await getReturnToRun(tom))!;
    expect(before.flags.map((f) => f.code)).toContain("stop_pain");
    expect(before.stepBack?.reason).toMatch(/means stop/);
    const reason = before.flags.map((f) => f.reason).join("\n");
    const panel = await stepBackStage(tom, { fromStage: 1, toStage: 0, toLadderStep: null, reason });
    expect(panel.stage).toBe(0);
    expect(panel.history[0]!.reason).toMatch(/means stop/);
    expect(panel.flags.map((f) => f.code)).not.toContain("stop_pain");
    expect(panel.flagHistory.map((f) => f.code)).toContain("stop_pain");
    expect(panel.readyToProgress).toBe(false);
    expect(panel.criteria.find((c) => c.code === "not_step_back_day")?.met).toBe(false);
    expect(storedStatus(tom)).toMatchObject({ readyToProgress: false, symptomFreeStreak: 0 });
    const rows = getDb().select().from(stageChanges).where(eq(stageChanges.patientId, tom)).all();
    expect(rows.at(-1)).toMatchObject({ kind: "step_back", fromStage: 1, effectiveDate: "2026-11-26" });
  });

  it("another therapist's patient is not found", async () => {
    actAs("ola@northside.test");
    expect(await getReturnToRun(patientIdByName("Tom", "Hendriks"))).toBeNull();
    await expect(overrideStage(patientIdByName("Tom", "Hendriks"), 3, "nope")).rejects.toThrow(/not found/);
  });
});

describe("the engine's hand-written reads", () => {
  it("read every seeded patient's current episode and its data exactly as the drizzle queries they replaced", async () => {
    const { and, asc, desc, ne } = await import("drizzle-orm");
    const { assessments, dailyLogs, patients, runs } = await import("@/db/schema");
    const { computePatientState, currentInjury } = await import("@/lib/dal/status");
    const db = getDb();
    const ids = db.select({ id: patients.id }).from(patients).all().map((p) => p.id);
    let withData = 0;
    for (const id of ids) {
      const injury = db.select().from(injuries).where(and(eq(injuries.patientId, id), ne(injuries.status, "closed"))).orderBy(desc(injuries.onsetDate), desc(injuries.createdAt)).limit(1).get();
      expect(currentInjury(db, id)).toEqual(injury);
      const state = computePatientState(db, id, "2026-11-26");
      if (!injury) {
        expect(state?.input).toBeNull();
        continue;
      }
      const logs = db
        .select({ date: dailyLogs.logDate, painRest: dailyLogs.painRest, painDaily: dailyLogs.painDaily, walkMinutes: dailyLogs.walkMinutes, painWalk: dailyLogs.painWalk, painCycle: dailyLogs.painCycle, painSwim: dailyLogs.painSwim })
        .from(dailyLogs).where(eq(dailyLogs.injuryId, injury.id)).orderBy(asc(dailyLogs.logDate)).all();
      const runRows = db
        .select({ date: runs.runDate, kind: runs.kind, walkMinutes: runs.walkMinutes, runMinutes: runs.runMinutes, repetitions: runs.repetitions, continuousMinutes: runs.continuousMinutes, distanceKm: runs.distanceKm, painDuring: runs.painDuring, painNextMorning: runs.painNextMorning })
        .from(runs).where(eq(runs.injuryId, injury.id)).orderBy(asc(runs.runDate), asc(runs.createdAt)).all();
      const assessmentRows = db
        .select({ assessedOn: assessments.assessedOn, setting: assessments.setting, speedKmh: assessments.speedKmh, heelRaisesLeft: assessments.heelRaisesLeft, heelRaisesRight: assessments.heelRaisesRight, kneeToWallLeftCm: assessments.kneeToWallLeftCm, kneeToWallRightCm: assessments.kneeToWallRightCm, toeOutSeverity: assessments.toeOutSeverity, pelvicSeverity: assessments.pelvicSeverity, overstrideSeverity: assessments.overstrideSeverity })
        .from(assessments).where(eq(assessments.injuryId, injury.id)).orderBy(asc(assessments.assessedOn), asc(assessments.createdAt)).all();
      const changes = db
        .select({ toStage: stageChanges.toStage, fromStage: stageChanges.fromStage, kind: stageChanges.kind, effectiveDate: stageChanges.effectiveDate, reason: stageChanges.reason })
        .from(stageChanges).where(eq(stageChanges.injuryId, injury.id)).orderBy(asc(stageChanges.changedAt)).all()
        .map((c) => ({ ...c, toLadderStep: null }));
      expect(state?.input).toMatchObject({
        logs,
        runs: runRows,
        assessments: assessmentRows,
        stageChanges: changes,
        onsetDate: injury.onsetDate,
        injury: { side: injury.side, muscle: injury.muscle, grade: injury.grade, achilles: injury.achilles, priorStrains: injury.priorStrains, isRecurrence: injury.isRecurrence },
        redFlagScreen: "clear",
      });
      if (logs.length && runRows.length && assessmentRows.length) withData++;
    }
    expect(withData).toBeGreaterThan(3);
  });
});
