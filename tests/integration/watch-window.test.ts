import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { injuries } from "@/db/schema";
import { listPatientInjuries } from "@/lib/dal/injuries";
import { saveClinicProtocol } from "@/lib/dal/protocol";
import { getReturnToRun } from "@/lib/dal/stages";
import { daysBetween } from "@/lib/domain/dates";
import { DEFAULT_PROTOCOL } from "@/lib/domain/protocol";
import { protocolSchema } from "@/lib/validation/protocol";
import { actAs } from "../support/db";
import { patientIdByName, storedStatus, seedClinicForEachFile, TODAY } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

/** The runner's open (returned) episode: days since the return, prior strains, recurrence. */
function returned(patientId: string) {
  const row = getDb().select().from(injuries).where(eq(injuries.patientId, patientId)).all().find((i) => i.status === "returned")!;
  return { daysSince: daysBetween(row.returnDate!, TODAY), priorStrains: row.priorStrains, isRecurrence: row.isRecurrence };
}

const hasWindowFlag = (patientId: string) => storedStatus(patientId).flags.includes("reinjury_window");

describe("the re-injury watch window follows the clinic's protocol settings", () => {
  it("changing the windows changes who is watched, the panel's words and the episode list", async () => {
    const rafael = patientIdByName("Rafael", "Costa");
    const kwame = patientIdByName("Kwame", "Mensah");
    const chen = patientIdByName("Chen", "Wei");
    // The seeded facts this test leans on (so a reseed that moves them fails here, not later).
    expect(returned(rafael)).toMatchObject({ isRecurrence: false, priorStrains: 0 });
    expect(returned(rafael).daysSince).toBeGreaterThanOrEqual(7);
    expect(returned(rafael).daysSince).toBeLessThan(14);
    expect(returned(kwame)).toMatchObject({ isRecurrence: false, priorStrains: 1 });
    expect(returned(kwame).daysSince).toBeGreaterThanOrEqual(14);
    expect(returned(kwame).daysSince).toBeLessThan(42);
    expect(returned(chen)).toMatchObject({ isRecurrence: false, priorStrains: 0 });
    expect(returned(chen).daysSince).toBeGreaterThanOrEqual(42);
    expect(returned(chen).daysSince).toBeLessThan(63);

    // Defaults: 6 weeks, 10 after a recurrence or with 2 prior strains.
    expect([hasWindowFlag(rafael), hasWindowFlag(kwame), hasWindowFlag(chen)]).toEqual([true, true, false]);

    // 1 week ordinarily, 9 weeks from one prior strain: Rafael leaves the window, Kwame stays in
    // the longer one, Chen (no prior strain) stays out.
    actAs("admin@springback.test");
    await saveClinicProtocol(protocolSchema.parse({ ...DEFAULT_PROTOCOL, reinjuryWindowWeeks: 1, reinjuryWindowWeeksLonger: 9, priorStrainsForLongerWindow: 1, version: 0 }));
    expect([hasWindowFlag(rafael), hasWindowFlag(kwame), hasWindowFlag(chen)]).toEqual([false, true, false]);
    const panel = await getReturnToRun(kwame);
    expect(JSON.stringify(panel)).toContain("the first 9 weeks");
    expect(JSON.stringify(panel)).toContain("the clinic's longer window, with 1 prior calf strain");
    const kwameEpisodes = await listPatientInjuries(kwame);
    expect(kwameEpisodes!.find((e) => e.status === "returned")!.watchWindowWords).toBe(
      "9 weeks after the return to full running (the longer window: with 1 prior calf strain).",
    );
    expect((await listPatientInjuries(rafael))!.find((e) => e.status === "returned")!.watchWindowWords).toBe("1 week after the return to full running.");

    // 9 weeks for everyone: Chen comes back into the window.
    await saveClinicProtocol(protocolSchema.parse({ ...DEFAULT_PROTOCOL, reinjuryWindowWeeks: 9, reinjuryWindowWeeksLonger: 9, version: 1 }));
    expect([hasWindowFlag(rafael), hasWindowFlag(kwame), hasWindowFlag(chen)]).toEqual([true, true, true]);

    // No window at all.
    await saveClinicProtocol(protocolSchema.parse({ ...DEFAULT_PROTOCOL, reinjuryWindowWeeks: 0, reinjuryWindowWeeksLonger: 0, version: 2 }));
    expect([hasWindowFlag(rafael), hasWindowFlag(kwame), hasWindowFlag(chen)]).toEqual([false, false, false]);
  });

  it("refuses a longer window shorter than the ordinary one, with a message on the field", () => {
    const r = protocolSchema.safeParse({ ...DEFAULT_PROTOCOL, reinjuryWindowWeeks: 8, reinjuryWindowWeeksLonger: 6, version: 1 });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ["reinjuryWindowWeeksLonger"], message: "The longer watch window cannot be shorter than the ordinary one." })]);
    const range = protocolSchema.safeParse({ ...DEFAULT_PROTOCOL, priorStrainsForLongerWindow: 0, version: 1 });
    expect(range.error!.issues[0]).toMatchObject({ path: ["priorStrainsForLongerWindow"], message: "Prior calf strains from which the longer watch window applies must be 1–10." });
  });
});
