import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, clinics } from "@/db/schema";
import { saveDailyLog } from "@/lib/dal/logs";
import { getClinicProtocol, saveClinicProtocol } from "@/lib/dal/protocol";
import { ConflictError } from "@/lib/dal/errors";
import { DEFAULT_PROTOCOL } from "@/lib/domain/protocol";
import { dailyLogSchema } from "@/lib/validation/logs";
import { protocolSchema } from "@/lib/validation/protocol";
import { actAs } from "../support/db";
import { patientIdByName, storedStatus, seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

describe("protocol settings", () => {
  it("start at the defaults", async () => {
    actAs("admin@springback.test");
    expect(await getClinicProtocol()).toMatchObject({ settings: DEFAULT_PROTOCOL, version: 0 });
  });

  it("an admin's edit is audited and applies to every patient of the clinic at once", async () => {
    const daniel = patientIdByName("Daniel", "Okafor");
    const fiona = patientIdByName("Fiona", "MacLeod");
    const fionaBefore = storedStatus(fiona);
    // Daniel last logged two days ago: yesterday's log makes his count current (6 of 7).
    actAs("admin@springback.test");
    await saveDailyLog(daniel, dailyLogSchema.parse({ logDate: "2026-11-25", painRest: 0, painDaily: 0, walkMinutes: 20, painWalk: 0 }));
    expect(storedStatus(daniel)).toMatchObject({ readyToProgress: false, symptomFreeStreak: 6 });
    const saved = await saveClinicProtocol(protocolSchema.parse({ ...DEFAULT_PROTOCOL, symptomFreeDays: 5, version: 0 }));
    expect(saved).toMatchObject({ version: 1, patients: 24 });
    expect(saved.statusesChanged).toBeGreaterThan(0);
    expect(storedStatus(daniel)).toMatchObject({ readyToProgress: true });
    expect(storedStatus(daniel).nextStep).toMatch(/^Ready for walk-run/);
    // Another clinic keeps its own (default) protocol.
    expect(storedStatus(fiona)).toEqual(fionaBefore);
    const audit = getDb().select().from(auditEvents).where(eq(auditEvents.action, "protocol.update")).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ changes: { symptomFreeDays: [7, 5] }, version: 1 });
    expect((await getClinicProtocol()).settings.symptomFreeDays).toBe(5);
  });

  it("a save from a stale page is refused with the current values", async () => {
    actAs("admin@springback.test");
    const error = await saveClinicProtocol(protocolSchema.parse({ ...DEFAULT_PROTOCOL, version: 0 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ symptomFreeDays: 5 });
  });

  it("therapists cannot edit it", async () => {
    actAs("kim@springback.test");
    await expect(saveClinicProtocol(protocolSchema.parse({ ...DEFAULT_PROTOCOL, version: 1 }))).rejects.toThrow(/NEXT_REDIRECT/);
    const demo = getDb().select().from(clinics).all();
    expect(demo.length).toBe(2);
  });

  it("validates ranges and relations", () => {
    const r = protocolSchema.safeParse({ ...DEFAULT_PROTOCOL, painSafeMax: 6, painStopAbove: 5, heelRaisesToRun: 0, version: 1 });
    expect(r.success).toBe(false);
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]))).toMatchObject({
      heelRaisesToRun: "Heel raises on the injured side to start running must be 1–60.",
    });
    const rel = protocolSchema.safeParse({ ...DEFAULT_PROTOCOL, painSafeMax: 6, painStopAbove: 5, version: 1 });
    expect(rel.error!.issues[0]).toMatchObject({ path: ["painStopAbove"], message: "The stop limit must be above the safe limit." });
  });
});
