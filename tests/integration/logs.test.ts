import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { dailyLogs, runs } from "@/db/schema";
import { createRun, listLogEntries, saveDailyLog, updateRun } from "@/lib/dal/logs";
import { ConflictError, NotFoundError } from "@/lib/dal/errors";
import { dailyLogSchema, runSchema } from "@/lib/validation/logs";
import { actAs } from "../support/db";
import { auditActions, patientIdByName, storedStatus, seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

const zeroDay = (logDate: string, extra: Record<string, unknown> = {}) => dailyLogSchema.parse({ logDate, painRest: 0, painDaily: 0, walkMinutes: 30, painWalk: 0, ...extra });

describe("daily logs", () => {
  it("logging the missing symptom-free days opens the gate, in the stored status too", async () => {
    const daniel = patientIdByName("Daniel", "Okafor");
    // 5 symptom-free days ending 24 Nov: not current on 26 Nov, so the streak reads 0 (second edition).
    expect(storedStatus(daniel)).toMatchObject({ stage: 0, symptomFreeStreak: 0, readyToProgress: false });
    actAs("kim@springback.test");
    await saveDailyLog(daniel, zeroDay("2026-11-25"));
    expect(storedStatus(daniel).symptomFreeStreak).toBe(6);
    await saveDailyLog(daniel, zeroDay("2026-11-26"));
    const status = storedStatus(daniel);
    expect(status).toMatchObject({ symptomFreeStreak: 7, readyToProgress: true, lastLogDate: "2026-11-26", latestPain: 0, computedFor: "2026-11-26" });
    expect(status.nextStep).toMatch(/^Ready for walk-run/);
    expect(auditActions(daniel).filter((a) => a === "daily_log.create")).toHaveLength(2);
  });

  it("refuses a date in the future or before onset, and stores nothing", async () => {
    const marta = patientIdByName("Marta", "Müller");
    const before = storedStatus(marta);
    actAs("kim@springback.test");
    await expect(saveDailyLog(marta, zeroDay("2026-11-27"))).rejects.toThrow("The date cannot be in the future (today is 26 Nov 2026).");
    await expect(saveDailyLog(marta, zeroDay("2026-11-01"))).rejects.toThrow(/before the injury's onset \(14 Nov 2026\)/);
    expect(getDb().select().from(dailyLogs).where(and(eq(dailyLogs.patientId, marta), eq(dailyLogs.logDate, "2026-11-27"))).all()).toHaveLength(0);
    expect(storedStatus(marta)).toEqual(before);
  });

  it("replaces a day only with its current version", async () => {
    const daniel = patientIdByName("Daniel", "Okafor");
    actAs("kim@springback.test");
    const error = await saveDailyLog(daniel, zeroDay("2026-11-26", { painDaily: 3 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).currentVersion).toBe(1);
    const saved = await saveDailyLog(daniel, zeroDay("2026-11-26", { painDaily: 3, version: 1 }));
    expect(saved).toMatchObject({ version: 2, painDaily: 3 });
    expect(storedStatus(daniel)).toMatchObject({ symptomFreeStreak: 0, readyToProgress: false, latestPain: 3 });
    await expect(saveDailyLog(daniel, zeroDay("2026-11-26", { version: 1 }))).rejects.toBeInstanceOf(ConflictError);
    await saveDailyLog(daniel, zeroDay("2026-11-26", { version: 2 }));
    expect(storedStatus(daniel).symptomFreeStreak).toBe(7);
  });

  it("a patient outside the caseload is not found", async () => {
    actAs("lee@springback.test");
    await expect(saveDailyLog(patientIdByName("Daniel", "Okafor"), zeroDay("2026-11-26"))).rejects.toBeInstanceOf(NotFoundError);
    actAs("ola@northside.test");
    expect(await listLogEntries(patientIdByName("Daniel", "Okafor"))).toBeNull();
  });

  it("a failing write changes neither the log nor the status", async () => {
    const marta = patientIdByName("Marta", "Müller");
    const before = storedStatus(marta);
    const sqlite = getDb().$client;
    sqlite.exec("create temp trigger refuse_status before update on patient_status begin select raise(abort, 'status write refused'); end;");
    try {
      actAs("kim@springback.test");
      await expect(saveDailyLog(marta, zeroDay("2026-11-26", { version: 1 }))).rejects.toThrow(/status write refused|already|changed/);
      await expect(createRun(marta, runSchema.parse({ runDate: "2026-11-26", kind: "continuous", continuousMinutes: 20, painDuring: 2 }))).rejects.toThrow(/status write refused/);
    } finally {
      sqlite.exec("drop trigger refuse_status");
    }
    expect(getDb().select().from(runs).where(and(eq(runs.patientId, marta), eq(runs.runDate, "2026-11-26"))).all()).toHaveLength(0);
    expect(getDb().select().from(dailyLogs).where(and(eq(dailyLogs.patientId, marta), eq(dailyLogs.logDate, "2026-11-26"))).get()?.painDaily).not.toBe(0);
    expect(storedStatus(marta)).toEqual(before);
  });
});

describe("runs", () => {
  it("a run with pain 6 raises the stop flag and suggests a step back", async () => {
    const priya = patientIdByName("Priya", "Nair");
    expect(storedStatus(priya)).toMatchObject({ stage: 2 });
    expect(storedStatus(priya).flags).not.toContain("stop_pain");
    actAs("kim@springback.test");
    const run = await createRun(priya, runSchema.parse({ runDate: "2026-11-26", kind: "continuous", continuousMinutes: 25, distanceKm: 4.2, painDuring: 6, surface: "road" }));
    const status = storedStatus(priya);
    expect(status.flags).toContain("stop_pain");
    expect(status).toMatchObject({ readyToProgress: false, latestPain: 6 });
    expect(status.nextStep).toContain("Step back to Walk-run");
    // The next-morning score is added the next day, with the version check.
    await expect(updateRun(priya, run.id, runSchema.parse({ ...run, painNextMorning: 2, version: 7 }))).rejects.toBeInstanceOf(ConflictError);
    const edited = await updateRun(priya, run.id, runSchema.parse({ runDate: run.runDate, kind: run.kind, continuousMinutes: run.continuousMinutes, painDuring: 6, painNextMorning: 2, version: run.version }));
    expect(edited).toMatchObject({ painNextMorning: 2, version: 2 });
    expect(storedStatus(priya).flags).toEqual(expect.arrayContaining(["stop_pain", "morning_rise"]));
  });

  it("validates the run's shape", () => {
    const r = runSchema.safeParse({ runDate: "2026-11-26", kind: "walk_run", painDuring: 2 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["walkMinutes", "runMinutes", "repetitions"]));
    // A walk-run session faster than 2:30 per km asks "Is this right?"; one as slow as a walk does not.
    const walkRun = { runDate: "2026-11-26", kind: "walk_run", walkMinutes: 4, runMinutes: 1, repetitions: 5, painDuring: 1 };
    expect(runSchema.safeParse({ ...walkRun, distanceKm: "12" }).error!.issues.map((i) => i.message)).toEqual([expect.stringMatching(/faster than 2:30 per km\. Is this right\?/)]);
    expect(runSchema.safeParse({ ...walkRun, distanceKm: "12", confirmImplausible: true }).success).toBe(true);
    expect(runSchema.safeParse({ ...walkRun, distanceKm: "1" }).success).toBe(true);
    expect(dailyLogSchema.safeParse({ logDate: "2026-02-30", painDaily: 11 }).error!.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(["Date must be a real date (YYYY-MM-DD).", "Pain in daily activities must be 0–10."]),
    );
  });
});

describe("the full log", () => {
  it("lists daily logs and runs newest first, paged", async () => {
    actAs("kim@springback.test");
    const priya = patientIdByName("Priya", "Nair");
    const first = (await listLogEntries(priya, 1, 10))!;
    expect(first.entries).toHaveLength(10);
    expect(first.total).toBeGreaterThan(40);
    const dates = first.entries.map((e) => e.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(first.entries[0]!.date).toBe("2026-11-26");
    expect(first.entries.filter((e) => e.date === "2026-11-26").map((e) => e.type)).toContain("run");
    const second = (await listLogEntries(priya, 2, 10))!;
    expect(second.entries[0]!.date <= dates.at(-1)!).toBe(true);
    expect((await listLogEntries(priya, 999, 10))!.page).toBe(first.pageCount);
  });
});
