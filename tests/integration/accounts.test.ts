import { describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { changeOwnPassword, changeUserRole, createUser, listClinicUsers, resetUserPassword, setUserDisabled, signOutEverywhere } from "@/lib/dal/users";
import { exportAuditEvents, listAuditEvents } from "@/lib/dal/audit-log";
import { checkCredentials, loadSessionUser, signInWaitSeconds, SignInThrottledError } from "@/lib/auth/credentials";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { auditFilterSchema } from "@/lib/validation/audit";
import { actAs, seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicPerFile();

const userRow = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()!;
const claimsOf = (email: string) => {
  const u = userRow(email);
  return { uid: u.id, cid: u.clinicId, role: u.role, sv: u.sessionVersion, authTime: Math.floor(Date.now() / 1000), sid: crypto.randomUUID() };
};

describe("account administration", () => {
  it("creates an account with a one-time password that must be changed", async () => {
    actAs("admin@springback.test");
    const created = await createUser({ name: "Sam New", email: "sam@springback.test", role: "therapist" });
    expect(created.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const signedIn = await checkCredentials("sam@springback.test", created.oneTimePassword, null);
    expect(signedIn?.id).toBe(created.id);
    expect(loadSessionUser(claimsOf("sam@springback.test"))?.mustChangePassword).toBe(true);

    actAs("sam@springback.test");
    await expect(changeOwnPassword(created.oneTimePassword, "qwerty123456")).rejects.toThrow(/too common/);
    await expect(changeOwnPassword(created.oneTimePassword, "sam-runs-soleus-safely")).rejects.toThrow(/email name/);
    await expect(changeOwnPassword("wrong", "a calm steady return")).rejects.toThrow(/current password/);
    const before = claimsOf("sam@springback.test");
    await changeOwnPassword(created.oneTimePassword, "a calm steady return");
    expect(loadSessionUser(before)).toBeNull();
    expect(loadSessionUser(claimsOf("sam@springback.test"))?.mustChangePassword).toBe(false);
    expect(await checkCredentials("sam@springback.test", "a calm steady return", null)).not.toBeNull();
    expect(await checkCredentials("sam@springback.test", created.oneTimePassword, null)).toBeNull();
  });

  it("refuses a duplicate email and a therapist acting as admin", async () => {
    actAs("admin@springback.test");
    await expect(createUser({ name: "Dup", email: "kim@springback.test", role: "therapist" })).rejects.toThrow(/already exists/);
    actAs("kim@springback.test");
    await expect(createUser({ name: "X", email: "x@springback.test", role: "admin" })).rejects.toThrow(/NEXT_REDIRECT/);
    await expect(setUserDisabled(userRow("lee@springback.test").id, true)).rejects.toThrow(/NEXT_REDIRECT/);
    expect(userRow("lee@springback.test").disabled).toBe(false);
  });

  it("disabling ends the user's sessions at once; enabling lets them sign in again", async () => {
    const claims = claimsOf("lee@springback.test");
    expect(loadSessionUser(claims)).not.toBeNull();
    actAs("admin@springback.test");
    await setUserDisabled(claims.uid, true);
    expect(loadSessionUser(claims)).toBeNull();
    expect(await checkCredentials("lee@springback.test", DEMO_PASSWORD, null)).toBeNull();
    await setUserDisabled(claims.uid, false);
    expect(await checkCredentials("lee@springback.test", DEMO_PASSWORD, null)).not.toBeNull();
  });

  it("keeps the clinic's last active admin", async () => {
    const admin = actAs("admin@springback.test");
    await expect(changeUserRole(admin.id, "therapist")).rejects.toThrow(/last active admin/);
    await expect(setUserDisabled(admin.id, true)).rejects.toThrow(/last active admin/);
    await changeUserRole(userRow("kim@springback.test").id, "admin");
    await changeUserRole(admin.id, "therapist");
    expect(userRow("admin@springback.test").role).toBe("therapist");
    actAs("kim@springback.test");
    await changeUserRole(admin.id, "admin");
    await changeUserRole(userRow("kim@springback.test").id, "therapist");
    expect(userRow("kim@springback.test").role).toBe("therapist");
  });

  it("cannot touch another clinic's account", async () => {
    actAs("admin@springback.test");
    const ola = userRow("ola@northside.test");
    await expect(setUserDisabled(ola.id, true)).rejects.toThrow(/not found/);
    await expect(resetUserPassword(ola.id)).rejects.toThrow(/not found/);
    expect(userRow("ola@northside.test").disabled).toBe(false);
    expect((await listClinicUsers()).some((u) => u.email === "ola@northside.test")).toBe(false);
  });

  it("a password reset ends sessions and forces a change", async () => {
    const claims = claimsOf("lee@springback.test");
    actAs("admin@springback.test");
    const { oneTimePassword } = await resetUserPassword(claims.uid);
    expect(loadSessionUser(claims)).toBeNull();
    expect(userRow("lee@springback.test").mustChangePassword).toBe(true);
    expect(await checkCredentials("lee@springback.test", oneTimePassword, null)).not.toBeNull();
  });

  it("sign out everywhere ends every session of the user", async () => {
    const claims = claimsOf("kim@springback.test");
    actAs("kim@springback.test");
    await signOutEverywhere();
    expect(loadSessionUser(claims)).toBeNull();
  });
});

describe("sign-in throttling", () => {
  it("delays an account after repeated failures, and lets it in once the delay has passed", async () => {
    const email = "admin@springback.test";
    for (let i = 0; i < 5; i++) expect(await checkCredentials(email, `wrong-${i}`, "10.9.9.9")).toBeNull();
    await expect(checkCredentials(email, DEMO_PASSWORD, "10.9.9.9")).rejects.toBeInstanceOf(SignInThrottledError);
    expect(signInWaitSeconds(email, null)).toBeGreaterThan(0);
    // After the (1-second) delay the right password works and resets the count.
    expect(signInWaitSeconds(email, null, Date.now() + 2_000)).toBe(0);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await checkCredentials(email, DEMO_PASSWORD, "10.9.9.9")).not.toBeNull();
    expect(signInWaitSeconds(email, null)).toBe(0);
    const throttled = getDb().select({ n: sql<number>`count(*)` }).from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_throttled")).get()!.n;
    expect(throttled).toBe(1);
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < 20; i++) await checkCredentials(`guess${i}@springback.test`, "nope-nope-nope", "10.7.7.7");
    await expect(checkCredentials("kim@springback.test", DEMO_PASSWORD, "10.7.7.7")).rejects.toBeInstanceOf(SignInThrottledError);
    expect(await checkCredentials("kim@springback.test", DEMO_PASSWORD, "10.8.8.8")).not.toBeNull();
  });
});

describe("audit viewer", () => {
  it("filters by user and action within the clinic, pages, and audits its export", async () => {
    const admin = actAs("admin@springback.test");
    const all = await listAuditEvents(auditFilterSchema.parse({}));
    expect(all.total).toBeGreaterThan(5);
    expect(all.rows.length).toBeLessThanOrEqual(all.pageSize);
    const creates = await listAuditEvents(auditFilterSchema.parse({ action: "user.create" }));
    expect(creates.rows.map((r) => r.action)).toEqual(["user.create"]);
    const byAdmin = await listAuditEvents(auditFilterSchema.parse({ userId: admin.id }));
    // A person: what they did, and what was done to their account.
    expect(byAdmin.rows.every((r) => r.userEmail === "admin@springback.test" || r.targetUserId === admin.id)).toBe(true);
    const future = await listAuditEvents(auditFilterSchema.parse({ from: "2999-01-01" }));
    expect(future.total).toBe(0);
    const ola = userRow("ola@northside.test");
    const foreign = await listAuditEvents(auditFilterSchema.parse({ userId: ola.id }));
    expect(foreign.total).toBe(0);
    const exported = await exportAuditEvents(auditFilterSchema.parse({ action: "user.create" }));
    expect(exported).toHaveLength(1);
    const last = getDb().select().from(auditEvents).orderBy(sql`id desc`).limit(1).get()!;
    expect(last.action).toBe("audit.export");
  });

  it("ignores malformed filters instead of failing", () => {
    expect(auditFilterSchema.parse({ userId: "'; drop table users;--", page: "-3", from: "yesterday" })).toEqual({ page: 1 });
  });
});
