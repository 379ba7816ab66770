/** Distance units: chosen per clinic, remembered per user, used to read a typed distance and named in the CSV. */
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, runs, users } from "@/db/schema";
import { createRun } from "@/lib/dal/logs";
import { getPatientExport } from "@/lib/dal/exports";
import { getDistanceUnits, setOwnDistanceUnit } from "@/lib/dal/units";
import { patientCsv } from "@/lib/export/patient-csv";
import { runSchema } from "@/lib/validation/logs";
import { actAs } from "../support/db";
import { patientIdByName, seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

const KIM = "kim@springback.test";
const unitAudits = () => getDb().select().from(auditEvents).where(eq(auditEvents.action, "user.set_distance_unit")).all().length;

describe("distance units", () => {
  it("follows the clinic until the user chooses; the same choice again writes nothing", async () => {
    actAs(KIM);
    expect(await getDistanceUnits()).toEqual({ clinic: "km", own: null, effective: "km" });
    await setOwnDistanceUnit("mi");
    expect(getDb().select({ unit: users.distanceUnit }).from(users).where(eq(users.email, KIM)).get()!.unit).toBe("mi");
    const audits = unitAudits();
    await setOwnDistanceUnit("mi");
    expect(unitAudits()).toBe(audits);
    expect(actAs(KIM).distanceUnit).toBe("mi");
  });

  it("reads a bare distance in the user's unit and stores kilometres from whole metres", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs(KIM);
    const input = runSchema.parse({ runDate: "2026-11-25", kind: "continuous", continuousMinutes: "27:30", distanceKm: "3", distanceUnit: "mi", painDuring: "1" });
    const run = await createRun(priya, input);
    const stored = getDb().select().from(runs).where(eq(runs.id, run.id)).get()!;
    expect(stored.distanceKm).toBe(4.828);
    expect(stored.continuousMinutes).toBe(27.5);
  });

  it("names the unit in the runs CSV header and writes the distance in it", async () => {
    const priya = patientIdByName("Priya", "Nair");
    actAs(KIM);
    const result = await getPatientExport(priya, "csv", "runs");
    expect(result?.ok).toBe(true);
    const csv = result?.ok ? patientCsv(result.data, "runs") : "";
    const [header, ...rows] = csv.replace(/^\uFEFF/, "").split("\r\n");
    const column = header!.split(",").indexOf("distance_mi");
    expect(column).toBeGreaterThan(-1);
    expect(rows.some((r) => r.includes("2026-11-25") && r.split(",")[column] === "3")).toBe(true);
  });
});
