/** The server actions end to end below the browser: parse → DAL → result shape the forms read. */
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, injuries, patients } from "@/db/schema";
import { createPatientAction } from "@/app/(clinic)/patients/new/actions";
import { createInjuryAction, returnInjuryAction, setArchivedAction, updatePatientAction } from "@/app/(clinic)/patients/[patientId]/details/actions";
import { addDays, todayIn } from "@/lib/domain/dates";
import { actAs, seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));
vi.mock("next/headers", () => import("../support/headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

seedClinicPerFile();

const today = todayIn("Europe/London");
function form(values: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}
const base = { givenName: "Action", familyName: "Runner", dateOfBirth: "1984-02-02", sex: "male", recordNumber: "ACT-1", email: "", phone: "", notes: "" };

describe("patient actions", () => {
  it("refuses a future date of birth on its field and saves nothing", async () => {
    actAs("kim@springback.test");
    const result = await createPatientAction(form({ ...base, dateOfBirth: addDays(today, 1) }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { dateOfBirth: "The date of birth cannot be in the future." } });
    expect(getDb().select().from(patients).where(eq(patients.recordNumber, "ACT-1")).all()).toEqual([]);
  });

  it("creates, then reports a duplicate record number on its field", async () => {
    actAs("kim@springback.test");
    const created = await createPatientAction(form(base));
    expect(created.ok).toBe(true);
    const duplicate = await createPatientAction(form({ ...base, givenName: "Other" }));
    expect(duplicate).toMatchObject({ ok: false, fieldErrors: { recordNumber: "Another patient of this clinic already has this record number." } });
  });

  it("returns the stored values on a stale save", async () => {
    actAs("kim@springback.test");
    const p = getDb().select().from(patients).where(eq(patients.recordNumber, "ACT-1")).get()!;
    expect((await updatePatientAction(p.id, form({ ...base, notes: "one", version: String(p.version) }))).ok).toBe(true);
    const stale = await updatePatientAction(p.id, form({ ...base, notes: "two", version: String(p.version) }));
    expect(stale).toMatchObject({ ok: false, conflict: { currentVersion: p.version + 1, current: { notes: "one" } } });
  });

  it("answers a foreign patient with not found", async () => {
    const p = getDb().select().from(patients).where(eq(patients.recordNumber, "ACT-1")).get()!;
    actAs("ola@northside.test");
    const result = await updatePatientAction(p.id, form({ ...base, version: String(p.version) }));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not found/i) });
  });
});

describe("injury actions", () => {
  it("adds an episode and refuses a return date before onset on its field", async () => {
    actAs("kim@springback.test");
    const p = getDb().select().from(patients).where(eq(patients.recordNumber, "ACT-1")).get()!;
    const onset = addDays(today, -20);
    const created = await createInjuryAction(p.id, form({ side: "right", muscle: "soleus", severity: "strain", grade: "1", onsetDate: onset, priorStrains: "0", achilles: "on" }));
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : "";
    expect(getDb().select().from(injuries).where(eq(injuries.id, id)).get()).toMatchObject({ achilles: true, muscle: "soleus" });
    const early = await returnInjuryAction(p.id, id, form({ returnDate: addDays(onset, -1), version: "1" }));
    expect(early).toMatchObject({ ok: false, fieldErrors: { returnDate: `The return date cannot be before the onset date (${onset}).` } });
    expect(await returnInjuryAction(p.id, id, form({ returnDate: today, version: "1" }))).toEqual({ ok: true, data: { version: 2 } });
  });
});

describe("the action door", () => {
  const auditRows = (patientId: string) => getDb().select().from(auditEvents).where(eq(auditEvents.patientId, patientId)).all().length;

  it("reads only a real boolean for archiving: the string \"false\" archives nothing", async () => {
    actAs("kim@springback.test");
    const p = getDb().select().from(patients).where(eq(patients.recordNumber, "ACT-1")).get()!;
    const result = await setArchivedAction(p.id, "false" as unknown as boolean);
    expect(result).toMatchObject({ ok: false, error: "This request could not be read. Reload the page and try again." });
    expect(getDb().select().from(patients).where(eq(patients.id, p.id)).get()!.archivedAt).toBeNull();
  });

  it("archives once: the same archive again bumps no version and writes no audit row", async () => {
    actAs("kim@springback.test");
    const p = getDb().select().from(patients).where(eq(patients.recordNumber, "ACT-1")).get()!;
    expect((await setArchivedAction(p.id, true)).ok).toBe(true);
    const archived = getDb().select().from(patients).where(eq(patients.id, p.id)).get()!;
    const audits = auditRows(p.id);
    expect((await setArchivedAction(p.id, true)).ok).toBe(true);
    expect(getDb().select().from(patients).where(eq(patients.id, p.id)).get()!.version).toBe(archived.version);
    expect(auditRows(p.id)).toBe(audits);
    expect((await setArchivedAction(p.id, false)).ok).toBe(true);
  });

  it("answers an object, a number or a non-UUID where an id belongs without throwing", async () => {
    actAs("kim@springback.test");
    for (const id of [{ toString: "x" }, 42, "../../etc", null, ["a"]]) {
      const result = await updatePatientAction(id as unknown as string, form(base));
      expect(result).toMatchObject({ ok: false });
    }
  });

  it("keeps what was typed when a field is refused", async () => {
    actAs("kim@springback.test");
    const result = await createPatientAction(form({ ...base, recordNumber: "ACT-2", dateOfBirth: "1984-02-30" }));
    expect(result).toMatchObject({ ok: false, values: { recordNumber: "ACT-2", dateOfBirth: "1984-02-30" } });
  });
});
