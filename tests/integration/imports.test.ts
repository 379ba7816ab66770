import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessments, injuries, runs, runSources } from "@/db/schema";
import { DomainRuleError, NotFoundError } from "@/lib/dal/errors";
import { getReturnToRun } from "@/lib/dal/stages";
import { getCadenceView } from "@/lib/dal/cadence";
import { reviewImport, saveImport } from "@/lib/dal/imports";
import { createRun, listLogEntries } from "@/lib/dal/logs";
import { runSchema } from "@/lib/validation/logs";
import { readActivityFile, readStravaArchive } from "@/lib/import/read";
import { fitFile, stravaCsv, stravaZip, walkRunPlan } from "@/lib/import/test-files";
import type { FileReading } from "@/lib/import/types";
import { actAs } from "../support/db";
import { auditActions, patientIdByName, seedClinicForEachFile, storedStatus } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

async function upload(name: string, bytes: Uint8Array): Promise<FileReading[]> {
  return [{ fileName: name, activities: await readActivityFile(name, bytes), error: null }];
}
const steady = [{ seconds: 25 * 60, speedMs: 2.9, cadencePerLeg: 84, heartRate: 150 }];

describe("importing watch files", () => {
  it("creates the run, its source, its audit row and the new status in one go; the same file again creates nothing", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs("kim@springback.test");
    const before = storedStatus(priya);
    const readings = await upload("morning.fit", fitFile(new Date("2026-11-25T07:30:00Z"), steady));
    const [file] = await reviewImport(priya, readings);
    const item = file!.items[0]!;
    expect(item.status).toEqual({ kind: "new" });
    expect(item.run).toMatchObject({ runDate: "2026-11-25", kind: "continuous", continuousMinutes: 25, distanceKm: 4.35 });
    expect(item.avgCadenceSpm).toBe(168);

    const outcome = await saveImport(priya, readings, [{ key: item.key, painDuring: 6 }]);
    expect(outcome.created).toHaveLength(1);
    const runId = outcome.created[0]!.runId;
    const stored = getDb().select().from(runs).where(eq(runs.id, runId)).get()!;
    expect(stored).toMatchObject({ runDate: "2026-11-25", kind: "continuous", continuousMinutes: 25, distanceKm: 4.35, painDuring: 6 });
    const source = getDb().select().from(runSources).where(eq(runSources.runId, runId)).get()!;
    expect(source).toMatchObject({ fileName: "morning.fit", avgCadenceSpm: 168, elapsedS: 1500, startedAt: "2026-11-25T07:30:00.000Z" });
    expect(source.series!.length).toBe(25);
    expect(auditActions(priya).filter((a) => a === "run.import")).toHaveLength(1);
    expect(storedStatus(priya).panel).not.toEqual(before.panel);
    expect(storedStatus(priya).latestPain).not.toBeUndefined();

    const page = await listLogEntries(priya);
    const logged = page!.entries.find((e) => e.type === "run" && e.run.id === runId);
    expect(logged?.type === "run" && logged.run.watch?.cadenceSpm).toBe(168);

    const again = await reviewImport(priya, readings);
    expect(again[0]!.items[0]!.status).toEqual({ kind: "duplicate", message: "This file was imported before." });
    const second = await saveImport(priya, readings, [{ key: item.key, painDuring: 6 }]);
    expect(second.created).toHaveLength(0);
    expect(getDb().select().from(runSources).where(eq(runSources.patientId, priya)).all()).toHaveLength(1);
    expect(auditActions(priya).filter((a) => a === "run.import")).toHaveLength(1);
  });

  it("marks a run with the same start time from another file as a duplicate", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs("kim@springback.test");
    const readings = await upload("copy.fit", fitFile(new Date("2026-11-25T07:30:00Z"), steady, { everyS: 2 }));
    const [file] = await reviewImport(priya, readings);
    expect(file!.items[0]!.status).toEqual({ kind: "duplicate", message: "A run with this start time is already logged." });
  });

  it("imports a walk-run session as walk/run minutes and repetitions", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs("kim@springback.test");
    const readings = await upload("wr.fit", fitFile(new Date("2026-11-24T07:30:00Z"), walkRunPlan()));
    const [file] = await reviewImport(priya, readings);
    const out = await saveImport(priya, readings, [{ key: file!.items[0]!.key, painDuring: 1, painNextMorning: 0 }]);
    const stored = getDb().select().from(runs).where(eq(runs.id, out.created[0]!.runId)).get()!;
    expect(stored).toMatchObject({ kind: "walk_run", walkMinutes: 3, runMinutes: 2, repetitions: 5, painNextMorning: 0 });
  });

  it("saves a future-dated run only when the date is confirmed, and nothing before", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs("kim@springback.test");
    const readings = await upload("future.fit", fitFile(new Date("2026-12-02T07:30:00Z"), steady));
    const [file] = await reviewImport(priya, readings);
    const item = file!.items[0]!;
    expect(item.status.kind).toBe("date_check");
    const count = () => getDb().select().from(runSources).where(eq(runSources.patientId, priya)).all().length;
    const n = count();
    await expect(saveImport(priya, readings, [{ key: item.key, painDuring: 1 }])).rejects.toBeInstanceOf(DomainRuleError);
    expect(count()).toBe(n);
    await saveImport(priya, readings, [{ key: item.key, painDuring: 1, confirmDate: true }]);
    expect(count()).toBe(n + 1);
  });

  it("saves all the chosen runs of a Strava export or none: an unconfirmed odd date refuses the whole import", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs("kim@springback.test");
    const csv = stravaCsv([
      { id: "21", date: "Nov 19, 2026, 7:00:00 AM", type: "Run", elapsedS: 1500, movingS: 1500, distanceM: 4300, displayDistance: "4.3", cadencePerLeg: 84 },
      { id: "22", date: "Sep 1, 2026, 7:00:00 AM", type: "Run", elapsedS: 1500, movingS: 1500, distanceM: 4300, displayDistance: "4.3", cadencePerLeg: 84 },
    ]);
    async function* once(bytes: Uint8Array) {
      yield bytes;
    }
    const readings = [await readStravaArchive(once(stravaZip(csv, {})), "export.zip")];
    const [file] = await reviewImport(priya, readings);
    expect(file!.items.map((i) => i.status.kind)).toEqual(["new", "date_check"]);
    const count = () => getDb().select().from(runSources).where(eq(runSources.patientId, priya)).all().length;
    const before = count();
    const audits = auditActions(priya).length;
    const choices = file!.items.map((i) => ({ key: i.key, painDuring: 2 }));
    await expect(saveImport(priya, readings, choices)).rejects.toThrow(/before the injury's onset/);
    expect(count()).toBe(before);
    expect(auditActions(priya).length).toBe(audits);
    const out = await saveImport(priya, readings, choices.map((c) => ({ ...c, confirmDate: true })));
    expect(out.created.map((c) => c.runDate)).toEqual(["2026-11-19", "2026-09-01"]);
    expect(count()).toBe(before + 2);
  });

  it("notes a run typed by hand on the same day, without blocking the import", async () => {
    const lars = patientIdByName("Lars", "Lindqvist");
    actAs("kim@springback.test");
    await createRun(lars, runSchema.parse({ runDate: "2026-11-18", kind: "continuous", continuousMinutes: 20, painDuring: 1 }));
    const [file] = await reviewImport(lars, await upload("same-day.fit", fitFile(new Date("2026-11-18T17:00:00Z"), steady)));
    expect(file!.items[0]!.status).toEqual({ kind: "new" });
    expect(file!.items[0]!.sameDayNote).toBe("A run typed by hand is already logged on this day: check it is not the same run.");
  });

  it("skips a ride even if chosen, and a patient outside the caseload is not found", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs("kim@springback.test");
    const readings = await upload("ride.fit", fitFile(new Date("2026-11-23T07:30:00Z"), steady, { sport: 2 }));
    const [file] = await reviewImport(priya, readings);
    const out = await saveImport(priya, readings, [{ key: file!.items[0]!.key, painDuring: 0 }]);
    expect(out.created).toHaveLength(0);
    expect(out.skipped[0]!.message).toBe("Not a run (cycling).");
    actAs("ola@northside.test");
    await expect(reviewImport(priya, readings)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows imported runs' cadence against the assessment's target and advises after 3 runs below it", async () => {
    const hannah = patientIdByName("Hannah", "Schäfer");
    actAs("kim@springback.test");
    const injury = getDb().select().from(injuries).where(eq(injuries.patientId, hannah)).get()!;
    getDb().insert(assessments).values({ id: crypto.randomUUID(), clinicId: injury.clinicId, patientId: hannah, injuryId: injury.id, assessedOn: "2026-11-22", cadenceSpm: 160, cadenceTargetSpm: 172 }).run();
    for (const [day, perLeg] of [["2026-11-22", 80], ["2026-11-24", 81], ["2026-11-25", 80]] as const) {
      const readings = await upload(`${day}.fit`, fitFile(new Date(`${day}T08:00:00Z`), [{ seconds: 20 * 60, speedMs: 2.9, cadencePerLeg: perLeg, heartRate: 150 }]));
      const [file] = await reviewImport(hannah, readings);
      await saveImport(hannah, readings, [{ key: file!.items[0]!.key, painDuring: 1 }]);
    }
    const view = (await getCadenceView(hannah))!;
    expect(view.plan).toMatchObject({ baselineSpm: 160, targetSpm: 172 });
    expect(view.band).toEqual({ low: 168, high: 176 });
    expect(view.points.map((p) => p.cadenceSpm)).toEqual([160, 162, 160]);
    expect(view.advisory).toBe("Cadence below target in the last 3 runs (160, 162, 160 steps/min against a target of 172).");
    // The same advisory is stored with the status: the panel's flags and the caseload's keys.
    const panel = (await getReturnToRun(hannah))!;
    expect(panel.flags.find((f) => f.code === "cadence_below_target")).toMatchObject({ level: "advisory", raisedOn: "2026-11-25", reason: view.advisory });
    const stored = getDb().$client.prepare("select flags from patient_status where patient_id = ?").get(hannah) as { flags: string };
    expect(JSON.parse(stored.flags)).toContain("cadence_below_target");
  });
});
