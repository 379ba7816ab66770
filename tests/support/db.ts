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

export function useTempDatabase(): { file: string; cleanup: () => void } {
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
  return {
    id: row.user.id,
    clinicId: row.user.clinicId,
    clinicName: row.clinic.name,
    clinicTimeZone: row.clinic.timeZone,
    role: row.user.role,
    name: row.user.name,
    email: row.user.email,
    sessionVersion: row.user.sessionVersion,
    mustChangePassword: row.user.mustChangePassword,
  };
}

export { actAs, signOutTestUser } from "./session-mock";
