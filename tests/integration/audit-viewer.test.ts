import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { exportAuditEvents, listAuditEvents } from "@/lib/dal/audit-log";
import { listLogEntries } from "@/lib/dal/logs";
import { getPatientHeader } from "@/lib/dal/patients";
import { createUser, listClinicAccounts, setUserDisabled } from "@/lib/dal/users";
import { getClinicProtocol } from "@/lib/dal/protocol";
import { checkCredentials } from "@/lib/auth/credentials";
import { auditFilterSchema } from "@/lib/validation/audit";
import { actAs } from "../support/session-mock";
import { seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));
seedClinicPerFile();

const filter = (raw: Record<string, unknown> = {}) => auditFilterSchema.parse(raw);
const patientNamed = (given: string) => getDb().$client.prepare("select id from patients where given_name = ?").get(given) as { id: string };
const count = (action: string) => (getDb().$client.prepare("select count(*) n from audit_events where action = ?").get(action) as { n: number }).n;

describe("the audit viewer in words", () => {
  it("says who did what to whom, and filters by person, runner, action and date", async () => {
    const marta = patientNamed("Marta");
    actAs("kim@springback.test");
    await listLogEntries(marta.id, 1);
    actAs("kim@springback.test");
    await getPatientHeader(patientNamed("Grace").id);
    actAs("admin@springback.test");
    const sam = await createUser({ name: "Sam Rivera", email: "sam.rivera@springback.test", role: "therapist" });
    await setUserDisabled(sam.id, true);
    await checkCredentials("ghost@nowhere.test", "not-a-password", "192.0.2.5");

    const { rows } = await listAuditEvents(filter());
    const words = rows.map((r) => r.description);
    expect(words).toContain("Kim Park viewed Marta Müller's logs");
    expect(words).toContain("Alex Admin disabled Sam Rivera's account");
    expect(words).toContain("Alex Admin created Sam Rivera's account");
    expect(words).toContain("Kim Park was refused Grace O'Neill's record (not on their caseload)");
    expect(words).toContain("A sign-in as ghost@nowhere.test (no such account) failed");
    const disabled = rows.find((r) => r.action === "user.disable")!;
    expect(disabled).toMatchObject({ targetUserId: sam.id, targetUserName: "Sam Rivera", entityId: sam.id });

    // A person: what they did and what was done to their account.
    const aboutSam = (await listAuditEvents(filter({ userId: sam.id }))).rows.map((r) => r.action).sort();
    expect(aboutSam).toEqual(["user.create", "user.disable"]);
    // A runner, by part of the name or the record number.
    const byName = (await listAuditEvents(filter({ runner: "müller" }))).rows;
    expect(byName.length).toBeGreaterThan(0);
    expect(new Set(byName.map((r) => r.patientId))).toEqual(new Set([marta.id]));
    const record = byName[0]!.patientRecord!;
    expect((await listAuditEvents(filter({ runner: record }))).rows.length).toBe(byName.length);
    expect((await listAuditEvents(filter({ runner: "%" }))).rows).toEqual([]);
    // An action and a day.
    expect((await listAuditEvents(filter({ action: "user.disable" }))).rows.map((r) => r.description)).toEqual(["Alex Admin disabled Sam Rivera's account"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(filter({ action: "user.disable", from: today, to: today }))).total).toBe(1);
    expect((await listAuditEvents(filter({ action: "user.disable", from: "2000-01-01", to: "2000-01-02" }))).total).toBe(0);
  });

  it("another clinic's admin sees none of this clinic's rows or names", async () => {
    actAs("kim@springback.test");
    await listLogEntries(patientNamed("Marta").id, 1);
    // Ola (Northside) made an admin of her own clinic for this test.
    getDb().$client.prepare("update users set role = 'admin' where email = 'ola@northside.test'").run();
    actAs("ola@northside.test");
    const { rows } = await listAuditEvents(filter());
    getDb().$client.prepare("update users set role = 'therapist' where email = 'ola@northside.test'").run();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => `${r.description} ${r.userName} ${r.patientRecord}`).join("\n")).not.toMatch(/Kim Park|Marta|Alex Admin|Sam Rivera/);
  });

  it("each admin page view and the audit viewer itself write one row; the CSV export keeps its columns and is audited", async () => {
    actAs("admin@springback.test");
    const views = count("audit.view");
    await listAuditEvents(filter());
    expect(count("audit.view")).toBe(views + 1);
    const accounts = count("admin.accounts.view");
    await listClinicAccounts();
    expect(count("admin.accounts.view")).toBe(accounts + 1);
    const protocol = count("admin.protocol.view");
    await getClinicProtocol();
    expect(count("admin.protocol.view")).toBe(protocol + 1);
    const exports = count("audit.export");
    const rows = await exportAuditEvents(filter({ action: "user.disable" }));
    expect(rows[0]).toMatchObject({ userEmail: "admin@springback.test", action: "user.disable" });
    expect(count("audit.export")).toBe(exports + 1);
  });
});
