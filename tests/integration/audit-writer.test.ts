import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { commitReadAudit } from "@/lib/dal/audit-writer";
import { getCaseloadPage } from "@/lib/dal/caseload";
import { caseloadQuerySchema } from "@/lib/validation/caseload";
import { SEED_NOW, actAs, seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicPerFile({ frozenAt: SEED_NOW });

// The production server's path: audit rows of reads committed by the writer thread.
beforeAll(() => {
  process.env.SPRINGBACK_AUDIT_WRITER = "on";
});
afterAll(() => {
  delete process.env.SPRINGBACK_AUDIT_WRITER;
});

const views = (userId: string) =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(auditEvents)
    .where(and(eq(auditEvents.userId, userId), eq(auditEvents.action, "caseload.view")))
    .get()!.n;

describe("the audit writer thread", () => {
  it("commits each view's row before the view's data is returned, concurrent views included", async () => {
    const kim = actAs("kim@springback.test");
    const before = views(kim.id);
    await getCaseloadPage(caseloadQuerySchema.parse({}));
    // Read through the server's own connection: already committed by the other one.
    expect(views(kim.id)).toBe(before + 1);
    const pages = await Promise.all([1, 2, 3, 4, 5].map(() => getCaseloadPage(caseloadQuerySchema.parse({ sort: "name" }))));
    expect(pages).toHaveLength(5);
    expect(views(kim.id)).toBe(before + 6);
    const last = getDb().select().from(auditEvents).where(eq(auditEvents.userId, kim.id)).orderBy(sql`id desc`).limit(1).get()!;
    expect(last).toMatchObject({ action: "caseload.view", clinicId: kim.clinicId, patientId: null });
    expect(JSON.parse(last.detail!)).toMatchObject({ page: 1, filters: { sort: "name" } });
  });

  it("rejects when the row cannot be written, so nothing is shown without its audit row", async () => {
    const admin = getDb().select().from(users).where(eq(users.email, "admin@springback.test")).get()!;
    await expect(commitReadAudit({ clinicId: admin.clinicId, userId: admin.id, action: null as unknown as string })).rejects.toThrow(/Audit row not written: NOT NULL/);
    // The writer keeps working after a failed row.
    await commitReadAudit({ clinicId: admin.clinicId, userId: admin.id, action: "caseload.view", detail: { probe: true } });
    expect(getDb().select().from(auditEvents).where(eq(auditEvents.userId, admin.id)).orderBy(sql`id desc`).limit(1).get()!.detail).toBe('{"probe":true}');
  });
});
