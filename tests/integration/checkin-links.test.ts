import { describe, expect, it, vi } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, checkinLinks, checkinViews, dailyLogs, entryRevisions, injuries, runs } from "@/db/schema";
import { hashCheckinSecret } from "@/lib/checkin/token";
import { checkinLinkState, createCheckinLink, revokeCheckinLink, setCheckinLinkDays } from "@/lib/dal/checkin-links";
import { getCheckinBadges } from "@/lib/dal/checkin-badges";
import { listLogEntries, saveDailyLog, updateRun } from "@/lib/dal/logs";
import { getPatientHeader } from "@/lib/dal/patients";
import { NotFoundError } from "@/lib/dal/errors";
import { dailyLogSchema, runSchema } from "@/lib/validation/logs";
import { actAs } from "../support/db";
import { NOW, patientIdByName, seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

const DAY_MS = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const linksOf = (patientId: string) => getDb().select().from(checkinLinks).where(eq(checkinLinks.patientId, patientId)).all();
const auditOf = (action: string, patientId?: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(patientId ? and(eq(auditEvents.action, action), eq(auditEvents.patientId, patientId)) : eq(auditEvents.action, action))
    .all();

/** What the runner's check-in (helper code not on this branch) does when an entry arrives: marks the row and the link. */
function simulateRunnerEntry(table: typeof dailyLogs | typeof runs, id: string, linkId: string, receivedAt: string) {
  getDb().update(table).set({ source: "runner", createdBy: null, checkinLinkId: linkId, receivedAt }).where(eq(table.id, id)).run();
  getDb().update(checkinLinks).set({ lastEntryAt: receivedAt }).where(eq(checkinLinks.id, linkId)).run();
}

describe("check-in links", () => {
  it("stores only the token's hash, expires after the clinic's days and audits without the token", async () => {
    const marta = patientIdByName("Marta", "Müller");
    actAs("kim@springback.test");
    const { token, expiresAt } = await createCheckinLink(marta);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [link] = linksOf(marta);
    expect(link).toMatchObject({ tokenHash: hashCheckinSecret(token), expiresAt: at(28 * DAY_MS), revokedAt: null, firstUsedAt: null });
    expect(JSON.stringify(link)).not.toContain(token);
    const created = auditOf("checkin.create", marta);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ entityType: "checkin_link", entityId: link!.id });
    expect(JSON.stringify(getDb().select().from(auditEvents).all())).not.toContain(token);
    expect(await checkinLinkState(marta)).toMatchObject({ status: "live", canCreate: true, expiresAt: expiresAt, createdByName: expect.stringMatching(/Kim/), lastEntryAt: null });
  });

  it("creating again revokes the previous link in the same write: one live link per episode", async () => {
    const marta = patientIdByName("Marta", "Müller");
    actAs("kim@springback.test");
    const first = await createCheckinLink(marta);
    const second = await createCheckinLink(marta);
    const links = linksOf(marta);
    const live = links.filter((l) => l.revokedAt === null);
    expect(live).toHaveLength(1);
    expect(live[0]!.tokenHash).toBe(hashCheckinSecret(second.token));
    const old = links.find((l) => l.tokenHash === hashCheckinSecret(first.token))!;
    expect(old.revokedAt).not.toBeNull();
    expect(old.revokedBy).not.toBeNull();
    expect(auditOf("checkin.revoke", marta).some((a) => a.entityId === old.id)).toBe(true);
  });

  it("revoke ends the live link; the panel says revoked, then expired links read as expired", async () => {
    const sofia = patientIdByName("Sofia", "Rossi");
    actAs("kim@springback.test");
    await createCheckinLink(sofia);
    expect(await revokeCheckinLink(sofia)).toEqual({ revoked: 1 });
    expect(getDb().select().from(checkinLinks).where(and(eq(checkinLinks.patientId, sofia), isNull(checkinLinks.revokedAt))).all()).toHaveLength(0);
    expect(await checkinLinkState(sofia)).toMatchObject({ status: "revoked", revokedByName: expect.stringMatching(/Kim/) });
    expect(await revokeCheckinLink(sofia)).toEqual({ revoked: 0 });
    await createCheckinLink(sofia);
    getDb().update(checkinLinks).set({ expiresAt: at(-1000) }).where(and(eq(checkinLinks.patientId, sofia), isNull(checkinLinks.revokedAt))).run();
    expect((await checkinLinkState(sofia))?.status).toBe("expired");
  });

  it("takes the validity from the clinic's setting (admins only, 1–90 days)", async () => {
    const daniel = patientIdByName("Daniel", "Okafor");
    actAs("admin@springback.test");
    await setCheckinLinkDays(7);
    await expect(setCheckinLinkDays(91)).rejects.toThrow(/1–90 days/);
    await expect(setCheckinLinkDays(0)).rejects.toThrow(/1–90 days/);
    expect(auditOf("clinic.set_checkin_link_days")).toHaveLength(1);
    actAs("kim@springback.test");
    await expect(setCheckinLinkDays(30)).rejects.toThrow(/NEXT_REDIRECT/);
    const { expiresAt } = await createCheckinLink(daniel);
    expect(expiresAt).toBe(at(7 * DAY_MS));
    actAs("admin@springback.test");
    await setCheckinLinkDays(28);
  });

  it("another caseload or clinic cannot create, revoke or see a link", async () => {
    const tom = patientIdByName("Tom", "Hendriks");
    actAs("kim@springback.test");
    await createCheckinLink(tom);
    const before = JSON.stringify(linksOf(tom));
    for (const outsider of ["lee@springback.test", "ola@northside.test"]) {
      actAs(outsider);
      await expect(createCheckinLink(tom)).rejects.toBeInstanceOf(NotFoundError);
      await expect(revokeCheckinLink(tom)).rejects.toBeInstanceOf(NotFoundError);
      expect(await checkinLinkState(tom)).toBeNull();
      expect(await getCheckinBadges([tom])).toEqual({});
    }
    expect(JSON.stringify(linksOf(tom))).toBe(before);
    expect(auditOf("access.refused", tom).length).toBeGreaterThan(0);
  });

  it("a patient with no open episode gets no link", async () => {
    const kwame = patientIdByName("Kwame", "Mensah");
    actAs("kim@springback.test");
    expect(await checkinLinkState(kwame)).toMatchObject({ status: "none", canCreate: false });
    await expect(createCheckinLink(kwame)).rejects.toThrow(/no open injury episode/);
    expect(linksOf(kwame)).toHaveLength(0);
    // A link left live on an episode that has since returned can still be seen and revoked.
    const injuryId = getDb().select({ id: injuries.id }).from(injuries).where(eq(injuries.patientId, kwame)).all()[0]!.id;
    getDb().insert(checkinLinks).values({ id: crypto.randomUUID(), clinicId: actAs("kim@springback.test").clinicId, patientId: kwame, injuryId, tokenHash: "0".repeat(64), expiresAt: at(DAY_MS) }).run();
    expect(await checkinLinkState(kwame)).toMatchObject({ status: "live", canCreate: false });
    expect(await revokeCheckinLink(kwame)).toEqual({ revoked: 1 });
  });
});

describe("correcting a runner's entry", () => {
  it("keeps the original, audits the fields changed and shows both in the log", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs("kim@springback.test");
    await createCheckinLink(priya);
    const link = linksOf(priya)[0]!;
    const day = getDb().select().from(dailyLogs).where(eq(dailyLogs.patientId, priya)).all().at(-1)!;
    const receivedAt = at(-3_600_000);
    simulateRunnerEntry(dailyLogs, day.id, link.id, receivedAt);
    const input = dailyLogSchema.parse({
      logDate: day.logDate,
      painRest: day.painRest ?? 0,
      painDaily: (day.painDaily ?? 0) === 4 ? 5 : 4,
      walkMinutes: day.walkMinutes ?? undefined,
      painWalk: day.painWalk ?? undefined,
      massageSessions: day.massageSessions ?? undefined,
      iceSessions: day.iceSessions ?? undefined,
      compression: day.compression ?? undefined,
      note: day.note ?? undefined,
      version: day.version,
    });
    const saved = await saveDailyLog(priya, input);
    expect(saved).toMatchObject({ source: "runner", receivedAt, painDaily: input.painDaily });
    const kept = getDb().select().from(entryRevisions).where(eq(entryRevisions.entityId, day.id)).all();
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]!.snapshot)).toMatchObject({ painDaily: day.painDaily, source: "runner", version: day.version });
    const audit = auditOf("daily_log.correct", priya);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ date: day.logDate, fields: ["painDaily"] });
    const page = await listLogEntries(priya, 1, 100);
    const listed = page!.entries.find((e) => e.type === "day" && e.log.id === day.id);
    expect(listed?.type === "day" && listed.log).toMatchObject({ source: "runner", receivedAt, revisions: [{ version: day.version, replacedByName: expect.stringMatching(/Kim/), previous: { painDaily: day.painDaily } }] });
  });

  it("a run the runner reported: run.correct with the fields and the original kept; the therapist's own entry is a plain update", async () => {
    const hannah = patientIdByName("Hannah", "Schäfer");
    actAs("kim@springback.test");
    await createCheckinLink(hannah);
    const link = linksOf(hannah)[0]!;
    const [run, own] = getDb().select().from(runs).where(eq(runs.patientId, hannah)).all().slice(-2);
    simulateRunnerEntry(runs, run!.id, link.id, at(-60_000));
    const edit = (r: typeof run, extra: Record<string, unknown>) =>
      runSchema.parse({
        runDate: r!.runDate,
        kind: r!.kind,
        walkMinutes: r!.walkMinutes ?? undefined,
        runMinutes: r!.runMinutes ?? undefined,
        repetitions: r!.repetitions ?? undefined,
        continuousMinutes: r!.continuousMinutes ?? undefined,
        distanceKm: r!.distanceKm ?? undefined,
        painDuring: r!.painDuring,
        painNextMorning: r!.painNextMorning ?? undefined,
        surface: r!.surface ?? undefined,
        note: r!.note ?? undefined,
        version: r!.version,
        ...extra,
      });
    await updateRun(hannah, run!.id, edit(run, { painDuring: run!.painDuring === 2 ? 3 : 2 }));
    expect(getDb().select().from(entryRevisions).where(eq(entryRevisions.entityId, run!.id)).all()).toHaveLength(1);
    const correct = auditOf("run.correct", hannah);
    expect(correct).toHaveLength(1);
    expect(JSON.parse(correct[0]!.detail!).fields).toEqual(["painDuring"]);
    // Kim's own clinic entry: no revision, an ordinary update.
    getDb().update(runs).set({ createdBy: actAs("kim@springback.test").id }).where(eq(runs.id, own!.id)).run();
    await updateRun(hannah, own!.id, edit(own, { painDuring: own!.painDuring === 2 ? 3 : 2 }));
    expect(getDb().select().from(entryRevisions).where(eq(entryRevisions.entityId, own!.id)).all()).toHaveLength(0);
    expect(auditOf("run.update", hannah)).toHaveLength(1);
  });
});

describe("caseload check-in marks", () => {
  it("new check-in until the runner's page is opened; expiring and idle links", async () => {
    const ben = patientIdByName("Ben", "Carter");
    const jose = patientIdByName("José", "Ramírez");
    const kim = actAs("kim@springback.test");
    expect(await getCheckinBadges([ben, jose])).toEqual({});
    await createCheckinLink(ben);
    // A link made just now: not expiring, not idle, nothing new.
    expect(await getCheckinBadges([ben])).toEqual({});
    const link = linksOf(ben)[0]!;
    const day = getDb().select().from(dailyLogs).where(eq(dailyLogs.patientId, ben)).all().at(-1)!;
    simulateRunnerEntry(dailyLogs, day.id, link.id, at(-60_000));
    expect(await getCheckinBadges([ben])).toEqual({ [ben]: { newCheckin: true, expiresInDays: null, idleDays: null } });
    // Opening the runner's page (its audited read) records the look.
    await getPatientHeader(ben);
    expect(getDb().select().from(checkinViews).where(and(eq(checkinViews.userId, kim.id), eq(checkinViews.patientId, ben))).get()?.seenAt).toBe(NOW.toISOString());
    expect(await getCheckinBadges([ben])).toEqual({});
    // An entry after the look is new again; the same look by another user is theirs alone.
    getDb().update(checkinLinks).set({ lastEntryAt: at(60_000) }).where(eq(checkinLinks.id, link.id)).run();
    expect((await getCheckinBadges([ben]))[ben]?.newCheckin).toBe(true);
    actAs("admin@springback.test");
    expect((await getCheckinBadges([ben]))[ben]?.newCheckin).toBe(true);
    // Expires within 3 days (2.5 days: "in 3 days"); last used 4 days ago.
    getDb().update(checkinLinks).set({ expiresAt: at(2.5 * DAY_MS), lastEntryAt: at(-4 * DAY_MS), createdAt: at(-10 * DAY_MS) }).where(eq(checkinLinks.id, link.id)).run();
    actAs("kim@springback.test");
    expect(await getCheckinBadges([ben])).toEqual({ [ben]: { newCheckin: false, expiresInDays: 3, idleDays: 4 } });
    // Never used: idle counts from creation. A revoked link shows neither.
    getDb().update(checkinLinks).set({ lastEntryAt: null }).where(eq(checkinLinks.id, link.id)).run();
    expect((await getCheckinBadges([ben]))[ben]?.idleDays).toBe(10);
    await revokeCheckinLink(ben);
    expect(await getCheckinBadges([ben])).toEqual({});
  });

  it("a page view with no new check-in writes no check-in view", async () => {
    const zoe = patientIdByName("Zoë", "Laurent");
    const kim = actAs("kim@springback.test");
    const views = () => getDb().select().from(checkinViews).where(and(eq(checkinViews.userId, kim.id), eq(checkinViews.patientId, zoe))).all();
    await getPatientHeader(zoe);
    expect(views()).toHaveLength(0);
    await createCheckinLink(zoe);
    await getPatientHeader(zoe);
    expect(views()).toHaveLength(0);
  });
});
