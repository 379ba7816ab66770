import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { and, asc, between, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, dailyLogs, injuries, patients, patientStatus, runs } from "@/db/schema";
import { getMeasuresChart, getPainChart, getProgressCharts, getVolumeChart } from "@/lib/dal/charts";
import { getReturnToRun } from "@/lib/dal/stages";
import { painSeries, rangeStart } from "@/lib/domain/chart-pain";
import { addDays } from "@/lib/domain/dates";
import { SEED_NOW, actAs, seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicPerFile({ frozenAt: SEED_NOW });

const TODAY = "2026-11-26";
const idOfPatient = (given: string) => getDb().select({ id: patients.id }).from(patients).where(eq(patients.givenName, given)).get()!.id;

describe("chart reads", () => {
  it("pain: one point per day of the range, as many daily-activity points as logs with that score", async () => {
    actAs("kim@springback.test");
    const id = idOfPatient("Hannah");
    const chart = (await getPainChart(id, "6w"))!;
    expect(chart.from).toBe("2026-10-16");
    expect(chart.points).toHaveLength(42);
    const logged = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(dailyLogs)
      .where(and(eq(dailyLogs.patientId, id), between(dailyLogs.logDate, chart.from, TODAY), isNotNull(dailyLogs.painDaily)))
      .get()!.n;
    expect(chart.points.filter((p) => p.daily !== null)).toHaveLength(logged);
    const runDays = getDb().selectDistinct({ d: runs.runDate }).from(runs).where(and(eq(runs.patientId, id), between(runs.runDate, chart.from, TODAY))).all();
    expect(chart.points.filter((p) => p.run)).toHaveLength(runDays.length);
    expect(runDays.length).toBeGreaterThan(0);
    // Hannah is in Build volume (stage 3) today.
    expect(chart.stageBands.at(-1)).toMatchObject({ stage: 3, to: TODAY });
  });

  it("pain ranges: since onset starts at the onset, 2 weeks has 14 days", async () => {
    actAs("kim@springback.test");
    const id = idOfPatient("Hannah");
    expect((await getPainChart(id, "2w"))!.points).toHaveLength(14);
    const onset = (await getPainChart(id, "onset"))!;
    expect(onset.from).toBe("2026-09-17");
    expect(onset.stageBands[0]).toMatchObject({ stage: 0, from: "2026-09-17" });
  });

  it("volume: weekly buckets with the pre-injury baseline, measures: the assessments in order", async () => {
    actAs("kim@springback.test");
    const id = idOfPatient("Hannah");
    const volume = (await getVolumeChart(id))!;
    expect(volume.baselineKm).toBe(55);
    const totalKm = getDb().select({ km: sql<number>`coalesce(sum(distance_km), 0)` }).from(runs).where(eq(runs.patientId, id)).get()!.km;
    expect(volume.weeks.reduce((a, w) => a + w.km, 0)).toBeCloseTo(totalKm, 0);
    expect(volume.weeks.at(-1)!.stage).toBe(3);
    const measures = (await getMeasuresChart(id))!;
    expect(measures.rows.length).toBeGreaterThan(0);
    expect(measures.rows.map((r) => r.date)).toEqual([...measures.rows.map((r) => r.date)].sort());
  });

  it("a runner with nothing logged gets empty series, not zeros", async () => {
    actAs("kim@springback.test");
    const charts = (await getProgressCharts(idOfPatient("Aoife"), "2w"))!;
    expect(charts.pain.points.every((p) => p.daily === null && p.rest === null && !p.run)).toBe(true);
    expect(charts.volume.weeks.every((w) => w.runs === 0)).toBe(true);
  });

  it("is scoped: a colleague's private patient and another clinic's patient are not found, and not audited", async () => {
    const before = getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(eq(auditEvents.action, "patient.charts.view")).get()!.n;
    actAs("kim@springback.test");
    expect(await getProgressCharts(idOfPatient("Grace"))).toBeNull();
    actAs("admin@springback.test");
    expect(await getPainChart(idOfPatient("Fiona"), "6w")).toBeNull();
    expect(await getVolumeChart("00000000-0000-4000-8000-000000000000")).toBeNull();
    const after = getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(eq(auditEvents.action, "patient.charts.view")).get()!.n;
    expect(after).toBe(before);
    // The admin sees Grace's charts; the view is audited against her record.
    const admin = actAs("admin@springback.test");
    expect(await getMeasuresChart(idOfPatient("Grace"))).not.toBeNull();
    const last = getDb().select().from(auditEvents).where(eq(auditEvents.userId, admin.id)).all().at(-1)!;
    expect(last).toMatchObject({ action: "patient.charts.view", patientId: idOfPatient("Grace") });
  });

  it("pain (all): the same days and values as worked out from every log of the patient, and the engine's symptom-free streak", async () => {
    const admin = actAs("admin@springback.test");
    const db = getDb();
    const ids = db.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, admin.clinicId)).all().map((r) => r.id);
    let streaks = 0;
    for (const id of ids) {
      const chart = (await getPainChart(id, "all"))!;
      const episodes = db.select().from(injuries).where(eq(injuries.patientId, id)).orderBy(desc(injuries.onsetDate), desc(injuries.createdAt)).all();
      const injury = episodes.find((e) => e.status !== "closed") ?? episodes[0] ?? null;
      const pain = { date: dailyLogs.logDate, painRest: dailyLogs.painRest, painDaily: dailyLogs.painDaily, painWalk: dailyLogs.painWalk, painCycle: dailyLogs.painCycle, painSwim: dailyLogs.painSwim };
      const logs = db.select(pain).from(dailyLogs).where(and(eq(dailyLogs.patientId, id), lte(dailyLogs.logDate, TODAY))).orderBy(asc(dailyLogs.logDate)).all();
      const earliest = [episodes.at(-1)?.onsetDate, logs[0]?.date].filter((d): d is string => !!d).sort()[0] ?? null;
      const from = rangeStart("all", TODAY, injury?.onsetDate ?? null, earliest);
      const runRows = db.select({ date: runs.runDate, painDuring: runs.painDuring, painNextMorning: runs.painNextMorning }).from(runs).where(and(eq(runs.patientId, id), between(runs.runDate, from, TODAY))).all();
      expect(chart.from).toBe(from);
      expect(chart.points).toEqual(painSeries(logs, runRows, from, TODAY));
      // The streak is the engine's count, as the panel and the caseload show it (one rule).
      const panel = (await getReturnToRun(id))!;
      const status = db.select().from(patientStatus).where(eq(patientStatus.patientId, id)).get();
      expect(chart.streak?.days ?? 0).toBe(panel.symptomFreeStreak);
      expect(chart.streak?.days ?? 0).toBe(status?.symptomFreeStreak ?? 0);
      expect(chart.streak).toEqual(panel.symptomFreeSpan);
      if (chart.streak) {
        streaks++;
        // Its last day is the last logged day, today or yesterday (a count that is not current is 0).
        expect(chart.streak.to >= addDays(TODAY, -1)).toBe(true);
        expect(chart.streak.from <= chart.streak.to).toBe(true);
      }
    }
    // The seeded clinic has runners with and without a current streak.
    expect(streaks).toBeGreaterThan(0);
    expect(streaks).toBeLessThan(ids.length);
  });

  it("pain: a logged day without any pain score neither breaks nor lengthens the streak", async () => {
    actAs("admin@springback.test");
    const db = getDb();
    const ids = db.select({ id: patients.id }).from(patients).all().map((r) => r.id);
    let withStreak: { id: string; streak: NonNullable<Awaited<ReturnType<typeof getPainChart>>>["streak"] } | null = null;
    for (const id of ids) {
      const chart = await getPainChart(id, "2w");
      if (chart?.streak) withStreak = { id, streak: chart.streak };
    }
    expect(withStreak).not.toBeNull();
    const { id, streak } = withStreak!;
    const latest = db.select().from(dailyLogs).where(and(eq(dailyLogs.patientId, id), eq(dailyLogs.logDate, streak!.to))).get()!;
    const day = "2027-01-05";
    db.insert(dailyLogs).values({ id: randomUUID(), clinicId: latest.clinicId, patientId: id, injuryId: latest.injuryId, logDate: day, note: "Walked the dog" }).run();
    try {
      expect((await getPainChart(id, "2w"))!.streak).toEqual(streak);
    } finally {
      db.delete(dailyLogs).where(and(eq(dailyLogs.injuryId, latest.injuryId), eq(dailyLogs.logDate, day))).run();
    }
  });
});
