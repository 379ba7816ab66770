/**
 * The runner's check-in, runner side (lib/dal/checkin.ts), against a real seeded database:
 * token and session hashing, expiry and revocation, the per-address rate limit, idempotent
 * replays, the date window, one runner's session never reaching another's data.
 */
import { describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, checkinLinks, injuries, checkinReceipts, checkinSessions, dailyLogs, entryRevisions, runs } from "@/db/schema";
import { currentInjury } from "@/lib/dal/status";
import {
  CHECKIN_THROTTLE,
  checkinPageData,
  exchangeCheckinToken,
  resolveCheckinSession,
  saveCheckinDay,
  saveCheckinMorning,
  saveCheckinRun,
  type CheckinSession,
} from "@/lib/dal/checkin";
import { hashCheckinSecret, newCheckinSecret } from "@/lib/checkin/token";
import { patientIdByName, storedStatus, TODAY } from "./engine-support";
import { seedClinicPerFile, SEED_NOW } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicPerFile({ frozenAt: SEED_NOW });

let ipCounter = 0;
/** A fresh client address per test, so refusals of one test do not throttle another. */
const freshIp = () => `203.0.113.${++ipCounter}`;

/** Inserts a live link for the patient's open episode (as the therapist's side would) and returns its token. */
function linkFor(patientId: string, options: { expiresAt?: string; revoked?: boolean } = {}): { token: string; linkId: string } {
  const db = getDb();
  const injury = currentInjury(db, patientId)!;
  db.update(checkinLinks).set({ revokedAt: SEED_NOW.toISOString() }).where(and(eq(checkinLinks.injuryId, injury.id), sql`revoked_at is null`)).run();
  const { secret, hash } = newCheckinSecret();
  const linkId = crypto.randomUUID();
  db.insert(checkinLinks)
    .values({
      id: linkId,
      clinicId: injury.clinicId,
      patientId,
      injuryId: injury.id,
      tokenHash: hash,
      expiresAt: options.expiresAt ?? new Date(SEED_NOW.getTime() + 28 * 86_400_000).toISOString(),
      revokedAt: options.revoked ? SEED_NOW.toISOString() : null,
    })
    .run();
  return { token: secret, linkId };
}

function sessionFor(patientId: string, ip = freshIp()): { session: CheckinSession; secret: string; linkId: string } {
  const { token, linkId } = linkFor(patientId);
  const out = exchangeCheckinToken(token, ip);
  if (!out.ok) throw new Error(`exchange refused: ${out.reason}`);
  const resolved = resolveCheckinSession(out.secret, ip);
  if (!resolved.ok) throw new Error(`session refused: ${resolved.reason}`);
  return { session: resolved.session, secret: out.secret, linkId };
}

const entryId = () => crypto.randomUUID();
const dumpAll = () =>
  JSON.stringify([
    getDb().select().from(checkinLinks).all(),
    getDb().select().from(checkinSessions).all(),
    getDb().select().from(auditEvents).all(),
  ]);

describe("check-in tokens and sessions", () => {
  it("stores only hashes: neither the token nor the session secret is in the database or the audit", () => {
    const marta = patientIdByName("Marta", "Müller");
    const { token, linkId } = linkFor(marta);
    const out = exchangeCheckinToken(token, freshIp());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const all = dumpAll();
    expect(all).not.toContain(token);
    expect(all).not.toContain(out.secret);
    expect(all).toContain(hashCheckinSecret(token));
    expect(getDb().select().from(checkinSessions).where(eq(checkinSessions.linkId, linkId)).get()?.sessionHash).toBe(hashCheckinSecret(out.secret));
    expect(getDb().select().from(checkinLinks).where(eq(checkinLinks.id, linkId)).get()?.firstUsedAt).toBe(SEED_NOW.toISOString());
    const audit = getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, linkId), eq(auditEvents.action, "checkin.exchange"))).get();
    expect(audit).toMatchObject({ userId: null, entityType: "checkin_link", patientId: marta });
  });

  it("resolves a session to exactly one link, runner and episode, with the given name only", () => {
    const marta = patientIdByName("Marta", "Müller");
    const { session, linkId } = sessionFor(marta);
    expect(session).toEqual({
      linkId,
      clinicId: expect.any(String),
      patientId: marta,
      injuryId: currentInjury(getDb(), marta)!.id,
      givenName: "Marta",
      timeZone: "Europe/London",
      distanceUnit: "km",
      expiresAt: expect.any(String),
    });
  });

  it("refuses unknown and malformed tokens, and audits the refusal without the token", () => {
    const ip = freshIp();
    const unknown = newCheckinSecret().secret;
    expect(exchangeCheckinToken(unknown, ip)).toEqual({ ok: false, reason: "unknown" });
    expect(exchangeCheckinToken("not a token", ip)).toEqual({ ok: false, reason: "unknown" });
    expect(resolveCheckinSession(unknown, ip)).toEqual({ ok: false, reason: "unknown" });
    const refusals = getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "checkin.refused"), eq(auditEvents.ip, ip))).all();
    expect(refusals).toHaveLength(3);
    expect(JSON.stringify(refusals)).not.toContain(unknown);
  });

  it("refuses an expired link, and a revoked one, with its sessions", () => {
    const marta = patientIdByName("Marta", "Müller");
    const expired = linkFor(marta, { expiresAt: new Date(SEED_NOW.getTime() - 1000).toISOString() });
    expect(exchangeCheckinToken(expired.token, freshIp())).toEqual({ ok: false, reason: "expired" });
    const { secret, linkId } = sessionFor(marta);
    // The session lapses with its link, too.
    expect(resolveCheckinSession(secret, freshIp(), new Date(SEED_NOW.getTime() + 29 * 86_400_000))).toEqual({ ok: false, reason: "expired" });
    getDb().update(checkinLinks).set({ revokedAt: SEED_NOW.toISOString() }).where(eq(checkinLinks.id, linkId)).run();
    expect(resolveCheckinSession(secret, freshIp())).toEqual({ ok: false, reason: "revoked" });
    const refused = getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "checkin.refused"), eq(auditEvents.entityId, linkId))).all();
    expect(refused.map((r) => JSON.parse(r.detail!).reason)).toEqual(["expired", "revoked"]);
    const revoked = linkFor(marta, { revoked: true });
    expect(exchangeCheckinToken(revoked.token, freshIp())).toEqual({ ok: false, reason: "revoked" });
  });

  it("ends a link's sessions when its episode is closed", () => {
    const ben = patientIdByName("Ben", "Carter");
    const { secret, session } = sessionFor(ben);
    getDb().update(injuries).set({ status: "closed", closedDate: TODAY }).where(eq(injuries.id, session.injuryId)).run();
    expect(resolveCheckinSession(secret, freshIp())).toEqual({ ok: false, reason: "closed" });
  });

  it("rate-limits bad tokens per client address, before any lookup", () => {
    const marta = patientIdByName("Marta", "Müller");
    const ip = freshIp();
    for (let i = 0; i < CHECKIN_THROTTLE.freeRefusals; i++) expect(exchangeCheckinToken(newCheckinSecret().secret, ip)).toEqual({ ok: false, reason: "unknown" });
    const { token } = linkFor(marta);
    // Even a valid token is refused from that address now; another address is not affected.
    expect(exchangeCheckinToken(token, ip)).toEqual({ ok: false, reason: "throttled" });
    expect(exchangeCheckinToken(token, freshIp()).ok).toBe(true);
    // The window passes.
    expect(exchangeCheckinToken(token, ip, new Date(Date.now() + (CHECKIN_THROTTLE.windowMinutes + 1) * 60_000)).ok).toBe(true);
  });
});

describe("check-in saves", () => {
  it("saves today's day as the runner's, recomputes the status and audits with the link as actor", () => {
    const marta = patientIdByName("Marta", "Müller");
    const { session, linkId } = sessionFor(marta);
    expect(storedStatus(marta).lastLogDate).not.toBe(TODAY);
    const out = saveCheckinDay(session, { entryId: entryId(), date: TODAY, painRest: "0", painDaily: "1", crossKind: "cycle", crossMinutes: "30", crossPain: "0", ice: "2", compression: "on", note: "Felt fine" }, "198.51.100.1");
    expect(out).toMatchObject({ ok: true, entityType: "daily_log", replay: false });
    const row = getDb().select().from(dailyLogs).where(and(eq(dailyLogs.patientId, marta), eq(dailyLogs.logDate, TODAY))).get()!;
    expect(row).toMatchObject({ painRest: 0, painDaily: 1, cycleMinutes: 30, painCycle: 0, iceSessions: 2, compression: true, note: "Felt fine", source: "runner", checkinLinkId: linkId, createdBy: null });
    expect(row.receivedAt).toBe(SEED_NOW.toISOString());
    expect(getDb().select().from(checkinLinks).where(eq(checkinLinks.id, linkId)).get()?.lastEntryAt).toBe(SEED_NOW.toISOString());
    expect(storedStatus(marta)).toMatchObject({ lastLogDate: TODAY, latestPain: 1, latestPainDate: TODAY });
    const audit = getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "checkin.day.save"), eq(auditEvents.entityId, linkId))).get();
    expect(audit).toMatchObject({ userId: null, entityType: "checkin_link", patientId: marta, ip: "198.51.100.1" });
  });

  it("keeps the clinic's earlier version of a day before the runner replaces it", () => {
    const daniel = patientIdByName("Daniel", "Okafor");
    const { session } = sessionFor(daniel);
    const day = "2026-11-24";
    const clinic = getDb().select().from(dailyLogs).where(and(eq(dailyLogs.patientId, daniel), eq(dailyLogs.logDate, day))).get()!;
    expect(clinic.source).toBe("clinic");
    expect(saveCheckinDay(session, { entryId: entryId(), date: day, painDaily: "2" }, null).ok).toBe(true);
    const after = getDb().select().from(dailyLogs).where(eq(dailyLogs.id, clinic.id)).get()!;
    expect(after).toMatchObject({ painDaily: 2, source: "runner", version: clinic.version + 1 });
    const kept = getDb().select().from(entryRevisions).where(eq(entryRevisions.entityId, clinic.id)).get()!;
    expect(kept).toMatchObject({ entityType: "daily_log", version: clinic.version, replacedBy: null });
    expect(JSON.parse(kept.snapshot)).toMatchObject({ painDaily: clinic.painDaily, source: "clinic" });
  });

  it("stores an entry sent twice (an offline replay) once, and answers the replay as the first time", () => {
    const tom = patientIdByName("Tom", "Hendriks");
    const { session, linkId } = sessionFor(tom);
    const id = entryId();
    const run = { entryId: id, date: TODAY, kind: "walk_run", walkMinutes: "3", runMinutes: "2", repetitions: "5", painDuring: "1" };
    const count = () => getDb().select().from(runs).where(eq(runs.patientId, tom)).all().length;
    const before = count();
    const first = saveCheckinRun(session, run, null);
    expect(first).toMatchObject({ ok: true, entityType: "run", replay: false });
    const second = saveCheckinRun(session, run, null);
    expect(second).toEqual({ ...first, replay: true });
    expect(count()).toBe(before + 1);
    expect(getDb().select().from(checkinReceipts).where(eq(checkinReceipts.linkId, linkId)).all()).toHaveLength(1);
    // A day replay stores no second revision either.
    const dayId = entryId();
    saveCheckinDay(session, { entryId: dayId, date: TODAY, painDaily: "1" }, null);
    const revisions = getDb().select().from(entryRevisions).all().length;
    expect(saveCheckinDay(session, { entryId: dayId, date: TODAY, painDaily: "1" }, null)).toMatchObject({ ok: true, replay: true });
    expect(getDb().select().from(entryRevisions).all().length).toBe(revisions);
  });

  it("validates with the therapist's rules and keeps the field names of the runner's form", () => {
    const tom = patientIdByName("Tom", "Hendriks");
    const { session } = sessionFor(tom);
    const out = saveCheckinDay(session, { entryId: entryId(), date: TODAY, painDaily: "11", crossKind: "swim", crossMinutes: "20" }, null);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(Object.keys(out.fieldErrors).sort()).toEqual(["crossPain", "painDaily"]);
    const run = saveCheckinRun(session, { entryId: entryId(), date: TODAY, kind: "continuous", continuousMinutes: "30", distance: "90", painDuring: "1" }, null);
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.fieldErrors.confirmImplausible ?? run.fieldErrors.distance).toBeDefined();
    expect(saveCheckinRun(session, { entryId: "not-a-uuid", date: TODAY, kind: "continuous", continuousMinutes: "30", painDuring: "1" }, null).ok).toBe(false);
  });

  it("hostile values in any field (beside a bad date) never throw or store anything", () => {
    const tom = patientIdByName("Tom", "Hendriks");
    const { session } = sessionFor(tom);
    const before = JSON.stringify([getDb().select().from(runs).where(eq(runs.patientId, tom)).all(), getDb().select().from(dailyLogs).where(eq(dailyLogs.patientId, tom)).all()]);
    const hostile: unknown[] = ["__proto__", "constructor", "toString", [], [1], {}, { valueOf: 1 }, null, true, -1, 1e308, "1e3", "<script>", "x".repeat(5000), "2026-02-30", "‮1"];
    const fields = ["entryId", "date", "painRest", "painDaily", "crossKind", "crossMinutes", "crossPain", "massage", "ice", "compression", "note", "kind", "walkMinutes", "runMinutes", "repetitions", "continuousMinutes", "distance", "painDuring", "runId", "painNextMorning"];
    for (const field of fields) {
      for (const value of hostile) {
        for (const save of [saveCheckinDay, saveCheckinRun, saveCheckinMorning]) {
          const raw: Record<string, unknown> = { entryId: crypto.randomUUID(), date: "2026-13-01", painDaily: "1", kind: "walk_run", [field]: value };
          expect(save(session, raw, null).ok, `${save.name} ${field}=${String(value).slice(0, 20)}`).toBe(false);
        }
      }
    }
    expect(JSON.stringify([getDb().select().from(runs).where(eq(runs.patientId, tom)).all(), getDb().select().from(dailyLogs).where(eq(dailyLogs.patientId, tom)).all()])).toBe(before);
  });

  it("accepts the last 7 days (±1 for time zones), never the future or before onset", () => {
    const marta = patientIdByName("Marta", "Müller"); // onset 14 Nov 2026
    const { session } = sessionFor(marta);
    const day = (date: string) => saveCheckinDay(session, { entryId: entryId(), date, painDaily: "1" }, null);
    expect(day("2026-11-27").ok).toBe(true); // a phone a time zone ahead
    expect(day("2026-11-28")).toMatchObject({ ok: false, fieldErrors: { date: "That day has not come yet." } });
    expect(day("2026-11-18").ok).toBe(true);
    expect(day("2026-11-17")).toMatchObject({ ok: false, fieldErrors: { date: expect.stringContaining("last 7 days") } });
    const sofia = patientIdByName("Sofia", "Rossi"); // onset 9 days ago: 17 Nov
    const s = sessionFor(sofia).session;
    expect(saveCheckinDay(s, { entryId: entryId(), date: "2026-11-16", painDaily: "1" }, null).ok).toBe(false);
    const aoife = patientIdByName("Aoife", "Byrne"); // onset 2 days ago
    const a = sessionFor(aoife).session;
    expect(saveCheckinDay(a, { entryId: entryId(), date: "2026-11-23", painDaily: "1" }, null)).toMatchObject({ ok: false, fieldErrors: { date: "That day is before your injury." } });
  });

  it("asks for the next-morning pain of yesterday's run and stores it on that run", () => {
    const priya = patientIdByName("Priya", "Nair");
    const { session } = sessionFor(priya);
    // Today's run has no next morning yet.
    const todays = saveCheckinRun(session, { entryId: entryId(), date: TODAY, kind: "continuous", continuousMinutes: "20", painDuring: "1" }, null);
    expect(todays.ok).toBe(true);
    expect(checkinPageData(session, null).morningsDue.some((m) => todays.ok && m.runId === todays.entityId)).toBe(false);
    const saved = saveCheckinRun(session, { entryId: entryId(), date: "2026-11-25", kind: "continuous", continuousMinutes: "25", distance: "4", painDuring: "1" }, null);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const page = checkinPageData(session, null);
    expect(page.morningsDue.map((m) => m.runId)).toContain(saved.entityId);
    expect(saveCheckinMorning(session, { entryId: entryId(), runId: saved.entityId, painNextMorning: "1" }, null)).toMatchObject({ ok: true, entityId: saved.entityId });
    expect(getDb().select().from(runs).where(eq(runs.id, saved.entityId)).get()).toMatchObject({ painNextMorning: 1, distanceKm: 4, source: "runner" });
    expect(checkinPageData(session, null).morningsDue.map((m) => m.runId)).not.toContain(saved.entityId);
  });

  it("runner A's session cannot read or write runner B's data", () => {
    const a = sessionFor(patientIdByName("Tom", "Hendriks")).session;
    const grace = patientIdByName("Grace", "O'Neill");
    const bRun = getDb().select().from(runs).where(eq(runs.patientId, grace)).all()[0]!;
    const before = JSON.stringify(getDb().select().from(runs).where(eq(runs.patientId, grace)).all());
    const out = saveCheckinMorning(a, { entryId: entryId(), runId: bRun.id, painNextMorning: "9" }, null);
    expect(out.ok).toBe(false);
    expect(JSON.stringify(getDb().select().from(runs).where(eq(runs.patientId, grace)).all())).toBe(before);
    // Whatever A sends, the saves land on A's episode only; A's page shows A only.
    const day = saveCheckinDay({ ...a }, { entryId: entryId(), date: TODAY, painDaily: "2", patientId: grace, injuryId: bRun.injuryId }, null);
    expect(day.ok).toBe(true);
    if (day.ok) expect(getDb().select().from(dailyLogs).where(eq(dailyLogs.id, day.entityId)).get()?.patientId).toBe(a.patientId);
    const page = JSON.stringify(checkinPageData(a, null));
    expect(page).not.toContain("Grace");
    expect(page).not.toContain("Hendriks");
    expect(page).toContain("Tom");
  });
});
