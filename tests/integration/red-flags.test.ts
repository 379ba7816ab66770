import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, patients, redFlagScreens, stageChanges } from "@/db/schema";
import { ConflictError, DomainRuleError, NotFoundError } from "@/lib/dal/errors";
import { saveDailyLog } from "@/lib/dal/logs";
import { getPatientHeader } from "@/lib/dal/patients";
import { clearRedFlags, listRedFlagScreens, saveRedFlagScreen } from "@/lib/dal/red-flags";
import { confirmProgression, getReturnToRun, overrideStage, stepBackStage } from "@/lib/dal/stages";
import { emptyAnswers } from "@/lib/domain/red-flags";
import { dailyLogSchema } from "@/lib/validation/logs";
import { redFlagClearanceSchema, redFlagScreenSchema } from "@/lib/validation/red-flags";
import { actAs } from "../support/db";
import { auditActions, patientIdByName, seedClinicForEachFile, storedStatus } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

const referKey = (patientId: string) => getDb().select({ refer: patients.caseloadRefer }).from(patients).where(eq(patients.id, patientId)).get()!.refer;
const currentInjuryId = (patientId: string) => storedStatus(patientId).injuryId!;

describe("red-flag screen blocks progression until cleared", () => {
  it("a positive Thompson test refuses the progression, shows refer, and a clearance with a note lets it through", async () => {
    const daniel = patientIdByName("Daniel", "Okafor");
    const injuryId = currentInjuryId(daniel);
    actAs("kim@springback.test");
    const saved = await saveRedFlagScreen(injuryId, redFlagScreenSchema.parse({ ...emptyAnswers(), thompsonPositive: "on" }));
    expect(saved).toMatchObject({ status: "refer", recorded: true, version: 1 });
    expect(saved.words).toBe("Refer before loading: possible Achilles rupture.");
    expect(referKey(daniel)).toBe(1);
    expect((await getPatientHeader(daniel))?.redFlag).toMatchObject({ status: "refer" });

    // Every other criterion met: only the screen stands in the way.
    for (const logDate of ["2026-11-25", "2026-11-26"]) await saveDailyLog(daniel, dailyLogSchema.parse({ logDate, painRest: 0, painDaily: 0, walkMinutes: 20, painWalk: 0 }));
    const panel = (await getReturnToRun(daniel))!;
    expect(panel.redFlag.status).toBe("refer");
    await expect(confirmProgression(daniel, 0)).rejects.toThrow(/red-flag screen is positive: refer before loading/);
    await expect(overrideStage(daniel, 2, "Runner insists")).rejects.toBeInstanceOf(DomainRuleError);
    expect(getDb().select().from(stageChanges).where(and(eq(stageChanges.patientId, daniel), eq(stageChanges.kind, "progression"))).all()).toHaveLength(0);

    // The clearance needs a note; a stale version is a conflict.
    expect(redFlagClearanceSchema.safeParse({ version: 1, note: "  " }).success).toBe(false);
    await expect(clearRedFlags(injuryId, { version: 7, note: "Seen by the GP" })).rejects.toBeInstanceOf(ConflictError);
    const cleared = await clearRedFlags(injuryId, { version: 1, note: "Seen by the sports physician: Thompson negative on retest." });
    expect(cleared).toMatchObject({ status: "cleared", clearedBy: "Kim Park", clearanceNote: "Seen by the sports physician: Thompson negative on retest." });
    const row = getDb().select().from(redFlagScreens).where(eq(redFlagScreens.injuryId, injuryId)).get()!;
    expect(row.clearedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(referKey(daniel)).toBe(0);
    await expect(clearRedFlags(injuryId, { version: 2, note: "again" })).rejects.toThrow(/already cleared/);

    const progressed = await confirmProgression(daniel, 0);
    expect(progressed.stage).toBe(1);
    expect(auditActions(daniel)).toEqual(expect.arrayContaining(["red_flags.update", "red_flags.clear", "stage.progression"]));
    const audit = getDb().select().from(auditEvents).where(and(eq(auditEvents.patientId, daniel), eq(auditEvents.action, "red_flags.clear"))).get()!;
    expect(JSON.parse(audit.detail!)).toEqual({ cleared: ["thompsonPositive"] });
    expect(audit.detail).not.toContain("physician");
  });

  it("a new positive item after a clearance voids it; removing items does not", async () => {
    const lars = patientIdByName("Lars", "Lindqvist");
    const injuryId = currentInjuryId(lars);
    actAs("kim@springback.test");
    await saveRedFlagScreen(injuryId, { ...emptyAnswers(), nightPain: true, numbness: true });
    await clearRedFlags(injuryId, { version: 1, note: "Nerve screen normal" });
    expect((await saveRedFlagScreen(injuryId, { ...emptyAnswers(), nightPain: true, version: 2 })).status).toBe("cleared");
    const again = await saveRedFlagScreen(injuryId, { ...emptyAnswers(), nightPain: true, calfSwelling: true, previousClot: true, version: 3 });
    expect(again).toMatchObject({ status: "refer", clearedAt: null, clearanceNote: null });
    expect(again.wells.score).toBe(2);
    expect(referKey(lars)).toBe(1);
    await expect(saveRedFlagScreen(injuryId, { ...emptyAnswers(), version: 3 })).rejects.toBeInstanceOf(ConflictError);
    expect((await listRedFlagScreens(lars))![injuryId]).toMatchObject({ status: "refer", version: 4 });
  });

  it("is not found for another clinic", async () => {
    const lars = patientIdByName("Lars", "Lindqvist");
    actAs("ola@northside.test");
    await expect(saveRedFlagScreen(currentInjuryId(lars), emptyAnswers())).rejects.toBeInstanceOf(NotFoundError);
    expect(await listRedFlagScreens(lars)).toBeNull();
  });
});

describe("step back to a chosen destination", () => {
  it("stores the destination, its ladder step and the reason, and refuses a destination not offered", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs("kim@springback.test");
    expect(storedStatus(priya).stage).toBe(2);
    await expect(stepBackStage(priya, { fromStage: 2, toStage: 1, toLadderStep: 1, reason: "Sore next morning" })).rejects.toMatchObject({ field: "destination" });
    const panel = await stepBackStage(priya, { fromStage: 2, toStage: 1, toLadderStep: 4, reason: "Pain 5/10 the morning after the run of 2026-11-24." });
    expect(panel.stage).toBe(1);
    expect(panel.history[0]).toMatchObject({ kind: "step_back", fromStage: 2, toStage: 1, toLadderStep: 4, reason: "Pain 5/10 the morning after the run of 2026-11-24.", changedBy: "Kim Park" });
    const row = getDb().select().from(stageChanges).where(and(eq(stageChanges.patientId, priya), eq(stageChanges.kind, "step_back"))).get()!;
    expect(row).toMatchObject({ toStage: 1, toLadderStep: 4, reason: "Pain 5/10 the morning after the run of 2026-11-24." });
    const audit = getDb().select().from(auditEvents).where(and(eq(auditEvents.patientId, priya), eq(auditEvents.action, "stage.step_back"))).get()!;
    expect(JSON.parse(audit.detail!)).toMatchObject({ from: 2, to: 1, toLadderStep: 4 });
  });
});
