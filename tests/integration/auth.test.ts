import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, signInAttempts, users } from "@/db/schema";
import { checkCredentials, loadSessionUser } from "@/lib/auth/credentials";
import { endSession } from "@/lib/auth/session-end";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { seedClinicPerFile } from "../support/db";

seedClinicPerFile();

const now = () => Math.floor(Date.now() / 1000);

describe("checkCredentials", () => {
  it("accepts the right password, case-insensitive email, and records the attempt", async () => {
    const user = await checkCredentials("  Kim@Springback.test ", DEMO_PASSWORD, "127.0.0.1");
    expect(user).toMatchObject({ email: "kim@springback.test", role: "therapist" });
    const audit = getDb().select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in")).all();
    expect(audit.at(-1)?.userId).toBe(user!.id);
  });

  it("refuses a wrong password, an unknown email and a disabled account alike", async () => {
    expect(await checkCredentials("kim@springback.test", "wrong-password", null)).toBeNull();
    expect(await checkCredentials("nobody@springback.test", DEMO_PASSWORD, null)).toBeNull();
    expect(await checkCredentials("", "", null)).toBeNull();
    expect(await checkCredentials(undefined, { not: "a string" }, null)).toBeNull();
    getDb().update(users).set({ disabled: true }).where(eq(users.email, "lee@springback.test")).run();
    expect(await checkCredentials("lee@springback.test", DEMO_PASSWORD, null)).toBeNull();
    getDb().update(users).set({ disabled: false }).where(eq(users.email, "lee@springback.test")).run();
    const failures = getDb().select({ n: sql<number>`count(*)` }).from(signInAttempts).where(eq(signInAttempts.success, false)).get()!.n;
    expect(failures).toBe(5);
  });

  it("takes about as long for an unknown email as for a wrong password", async () => {
    const time = async (email: string) => {
      const start = performance.now();
      await checkCredentials(email, "not-the-password", null);
      return performance.now() - start;
    };
    await time("kim@springback.test");
    const known = [await time("kim@springback.test"), await time("kim@springback.test"), await time("kim@springback.test")].sort()[1]!;
    const unknown = [await time("ghost@springback.test"), await time("ghost@springback.test"), await time("ghost@springback.test")].sort()[1]!;
    // Both pay one argon2id verification; without the dummy hash the unknown email returns ~100x faster.
    expect(unknown).toBeGreaterThan(known * 0.5);
  });
});

describe("loadSessionUser", () => {
  it("re-reads the user and refuses a disabled account or a stale session version", () => {
    const kim = getDb().select().from(users).where(eq(users.email, "kim@springback.test")).get()!;
    const claims = { uid: kim.id, cid: kim.clinicId, role: kim.role, sv: kim.sessionVersion, authTime: now(), sid: crypto.randomUUID() };
    expect(loadSessionUser(claims)?.email).toBe("kim@springback.test");
    getDb().update(users).set({ sessionVersion: kim.sessionVersion + 1 }).where(eq(users.id, kim.id)).run();
    expect(loadSessionUser(claims)).toBeNull();
    expect(loadSessionUser({ ...claims, sv: kim.sessionVersion + 1 })?.id).toBe(kim.id);
    getDb().update(users).set({ disabled: true }).where(eq(users.id, kim.id)).run();
    expect(loadSessionUser({ ...claims, sv: kim.sessionVersion + 1 })).toBeNull();
    getDb().update(users).set({ disabled: false }).where(eq(users.id, kim.id)).run();
  });

  it("refuses a session older than its absolute lifetime, and malformed claims", () => {
    const kim = getDb().select().from(users).where(eq(users.email, "kim@springback.test")).get()!;
    const claims = { uid: kim.id, cid: kim.clinicId, role: kim.role, sv: kim.sessionVersion, sid: crypto.randomUUID() };
    expect(loadSessionUser({ ...claims, authTime: now() - 11 * 3600 })?.id).toBe(kim.id);
    expect(loadSessionUser({ ...claims, authTime: now() - 13 * 3600 })).toBeNull();
    expect(loadSessionUser({ ...claims })).toBeNull();
    expect(loadSessionUser(null)).toBeNull();
    expect(loadSessionUser({ uid: "nope", sv: 1, authTime: now() })).toBeNull();
  });
});

describe("sign-out", () => {
  it("ends this session on the server, once, with an audit row naming the user", () => {
    const kim = getDb().select().from(users).where(eq(users.email, "kim@springback.test")).get()!;
    const claims = { uid: kim.id, cid: kim.clinicId, role: kim.role, sv: kim.sessionVersion, authTime: now() };
    const mine = { ...claims, sid: crypto.randomUUID() };
    const otherDevice = { ...claims, sid: crypto.randomUUID() };
    expect(loadSessionUser(mine)?.id).toBe(kim.id);
    expect(endSession(mine)).toBe(true);
    expect(endSession(mine)).toBe(false);
    expect(loadSessionUser(mine)).toBeNull();
    // Only this session ends; "sign out on every device" is the version bump.
    expect(loadSessionUser(otherDevice)?.id).toBe(kim.id);
    const rows = getDb().select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_out")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: kim.id, clinicId: kim.clinicId, entityType: "user", entityId: kim.id });
  });

  it("refuses a token without a session id", () => {
    const kim = getDb().select().from(users).where(eq(users.email, "kim@springback.test")).get()!;
    expect(loadSessionUser({ uid: kim.id, cid: kim.clinicId, role: kim.role, sv: kim.sessionVersion, authTime: now() })).toBeNull();
  });
});
