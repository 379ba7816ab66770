import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessments, dailyLogs, injuries, patients, runs, stageChanges } from "@/db/schema";
import { ageOn } from "@/lib/domain/dates";
import { computeReturnToRun, type EngineInput } from "@/lib/domain/engine";
import { DEFAULT_PROTOCOL } from "@/lib/domain/protocol";
import { seedClinicForEachFile } from "./engine-support";

seedClinicForEachFile();

/** The engine's answer on the morning of `day`: the stored data dated before it, and the stage changes recorded before this one. */
function engineOn(injuryId: string, day: string, changesBefore: (typeof stageChanges.$inferSelect)[]): ReturnType<typeof computeReturnToRun> {
  const db = getDb();
  const injury = db.select().from(injuries).where(eq(injuries.id, injuryId)).get()!;
  const patient = db.select().from(patients).where(eq(patients.id, injury.patientId)).get()!;
  const input: EngineInput = {
    today: day,
    injury: { muscle: injury.muscle, grade: injury.grade, severity: injury.severity, achilles: injury.achilles, priorStrains: injury.priorStrains, side: injury.side, isRecurrence: injury.isRecurrence },
    patient: { age: ageOn(patient.dateOfBirth, day), sex: patient.sex },
    redFlagScreen: "clear",
    onsetDate: injury.onsetDate,
    returnDate: null,
    preInjuryWeeklyKm: patient.preInjuryWeeklyKm,
    logs: db.select().from(dailyLogs).where(eq(dailyLogs.injuryId, injuryId)).orderBy(asc(dailyLogs.logDate)).all()
      .filter((l) => l.logDate < day)
      .map((l) => ({ date: l.logDate, painRest: l.painRest, painDaily: l.painDaily, walkMinutes: l.walkMinutes, painWalk: l.painWalk, painCycle: l.painCycle, painSwim: l.painSwim })),
    runs: db.select().from(runs).where(eq(runs.injuryId, injuryId)).orderBy(asc(runs.runDate), asc(runs.createdAt)).all()
      .filter((r) => r.runDate < day)
      .map((r) => ({ date: r.runDate, kind: r.kind, walkMinutes: r.walkMinutes, runMinutes: r.runMinutes, repetitions: r.repetitions, continuousMinutes: r.continuousMinutes, distanceKm: r.distanceKm, painDuring: r.painDuring, painNextMorning: r.painNextMorning })),
    assessments: db.select().from(assessments).where(eq(assessments.injuryId, injuryId)).orderBy(asc(assessments.assessedOn), asc(assessments.createdAt)).all()
      .filter((a) => a.assessedOn < day)
      .map((a) => ({ assessedOn: a.assessedOn, setting: a.setting, speedKmh: a.speedKmh, heelRaisesLeft: a.heelRaisesLeft, heelRaisesRight: a.heelRaisesRight, kneeToWallLeftCm: a.kneeToWallLeftCm, kneeToWallRightCm: a.kneeToWallRightCm, toeOutSeverity: a.toeOutSeverity, pelvicSeverity: a.pelvicSeverity, overstrideSeverity: a.overstrideSeverity })),
    stageChanges: changesBefore.map((c) => ({ toStage: c.toStage, fromStage: c.fromStage, kind: c.kind, effectiveDate: c.effectiveDate, toLadderStep: null, reason: c.reason })),
    settings: DEFAULT_PROTOCOL,
  };
  return computeReturnToRun(input);
}

describe("the demo clinic and its own engine", () => {
  it("every seeded progression was suggested by the engine on its day, or is an override with a recorded reason", () => {
    const db = getDb();
    const byInjury = new Map<string, (typeof stageChanges.$inferSelect)[]>();
    for (const c of db.select().from(stageChanges).orderBy(asc(stageChanges.changedAt)).all()) byInjury.set(c.injuryId, [...(byInjury.get(c.injuryId) ?? []), c]);
    let progressions = 0;
    let overrides = 0;
    for (const [injuryId, changes] of byInjury) {
      changes.forEach((c, i) => {
        if (c.kind === "progression") {
          progressions++;
          const r = engineOn(injuryId, c.effectiveDate, changes.slice(0, i));
          expect({ injuryId, day: c.effectiveDate, toStage: c.toStage, ready: r.readyToProgress, unmet: r.criteria.filter((x) => !x.met).map((x) => x.label) }).toMatchObject({ ready: true, unmet: [] });
          expect(r.stage).toBe(c.toStage - 1);
        }
        if (c.kind === "override") {
          overrides++;
          expect(c.reason?.trim().length ?? 0).toBeGreaterThan(10);
        }
      });
    }
    expect(progressions + overrides).toBeGreaterThan(40);
  });
});
