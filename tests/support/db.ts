/**
 * A fresh SQLite file with the real migrations for each test file, and a way to act as a
 * given user. Nothing here mocks the database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { resetConfigForTests } from "@/lib/config";
import type { SessionUser } from "@/lib/auth/types";
import { seedDemo } from "@/db/seed/demo";
import { toSessionUser } from "@/lib/auth/credentials";
import { afterAll, beforeAll, vi } from "vitest";

export function createTempDatabase(): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "springback-test-"));
  const file = path.join(dir, "test.db");
  process.env.DATABASE_URL = file;
  resetConfigForTests();
  closeDb();
  getDb();
  return {
    file,
    cleanup: () => {
      closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The demo's "now" in tests that fix the clock (vi.setSystemTime) so seed and DAL agree. */
export const SEED_NOW = new Date("2026-11-26T10:00:00Z");

/** Seeds the demo clinics relative to `now` (default: the real clock). */
export async function seedDemoDatabase(now = new Date()) {
  await seedDemo(getDb(), now);
}

/** The session user for an email, as requireUser() would return it. */
export function sessionUserFor(email: string): SessionUser {
  const row = getDb().select({ user: users, clinic: clinics }).from(users).innerJoin(clinics, eq(clinics.id, users.clinicId)).where(eq(users.email, email)).get();
  if (!row) throw new Error(`No user ${email}`);
  return toSessionUser(row);
}

/**
 * A fresh seeded database for the test file. With `frozenAt`, the clock is fixed there
 * (Date only) so the seed's "today" and the DAL's agree whatever day the tests run.
 * The file must still call vi.mock("@/lib/auth/session", () => import("../support/session-mock")).
 */
export function seedClinicPerFile(options: { frozenAt?: Date } = {}): void {
  let cleanup: () => void;
  beforeAll(async () => {
    if (options.frozenAt) {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(options.frozenAt);
    }
    cleanup = createTempDatabase().cleanup;
    await seedDemoDatabase(options.frozenAt ?? new Date());
  });
  afterAll(() => {
    if (options.frozenAt) vi.useRealTimers();
    cleanup();
  });
}

export { actAs, signOutTestUser } from "./session-mock";

/** An audit row as stored (snake_case columns), for tests that read the trail. */
export type AuditRow = { clinic_id: string | null; user_id: string | null; action: string; entity_id: string | null; patient_id: string | null; detail: string | null };

/** The id of the newest audit row (0 when none): pass it to `auditRowsSince` after the calls under test. */
export function lastAuditId(): number {
  return (getDb().$client.prepare("select coalesce(max(id), 0) n from audit_events").get() as { n: number }).n;
}

/** The audit rows written after `id`, oldest first. */
export function auditRowsSince(id: number): AuditRow[] {
  return getDb().$client.prepare("select * from audit_events where id > ? order by id").all(id) as AuditRow[];
}

/** A seeded patient's id and clinic by given name. */
export function patientNamed(given: string): { id: string; clinicId: string } {
  return getDb().$client.prepare("select id, clinic_id as clinicId from patients where given_name = ?").get(given) as { id: string; clinicId: string };
}
