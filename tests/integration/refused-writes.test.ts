import { describe, expect, it, vi } from "vitest";
import { saveDailyLogAction } from "@/app/(clinic)/patients/[patientId]/logs/actions";
import { setArchivedAction } from "@/app/(clinic)/patients/[patientId]/details/actions";
import { POST as chartRoute } from "@/app/api/patients/[patientId]/export/chart/route";
import { actAs, auditRowsSince, lastAuditId, patientNamed, seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));
vi.mock("next/headers", () => import("../support/headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
seedClinicPerFile();

const rowsSince = auditRowsSince;
const lastId = lastAuditId;
const today = new Date().toISOString().slice(0, 10);

function chartDownload(patientId: string) {
  return chartRoute(
    new Request(`http://localhost/api/patients/${patientId}/export/chart`, {
      method: "POST",
      headers: { host: "localhost", origin: "http://localhost", "content-type": "application/json" },
      body: JSON.stringify({ chart: "pain", format: "svg", from: "2026-01-01", to: "2026-02-01" }),
    }),
    { params: Promise.resolve({ patientId }) },
  );
}

describe("refused writes are recorded like refused reads", () => {
  it("a therapist saving a day or archiving a colleague's private runner gets not found, and each refusal is audited once the write has rolled back", async () => {
    const kim = actAs("kim@springback.test");
    const grace = patientNamed("Grace");
    const before = lastId();
    const day = await saveDailyLogAction(grace.id, { logDate: today, painDaily: "2", version: "" });
    expect(day.ok).toBe(false);
    expect((await setArchivedAction(grace.id, true)).ok).toBe(false);
    const rows = rowsSince(before);
    const refused = rows.filter((r) => r.action === "access.refused");
    // Only the refusals: nothing else of the attempted writes was kept.
    expect(rows).toEqual(refused);
    expect(refused.map((r) => JSON.parse(r.detail!).attempted)).toEqual(["patient.write", "patient.update"]);
    for (const row of refused) expect(row).toMatchObject({ user_id: kim.id, clinic_id: kim.clinicId, patient_id: grace.id, entity_id: grace.id });
    expect(refused.map((r) => JSON.parse(r.detail!).reason)).toEqual(refused.map(() => "outside_caseload"));
    expect(refused.map((r) => JSON.parse(r.detail!).attempted)).toContain("patient.write");
  });

  it("a chart download of another clinic's runner is refused, and both clinics' trails record it", async () => {
    const ola = actAs("ola@northside.test");
    const marta = patientNamed("Marta");
    const before = lastId();
    const res = await chartDownload(marta.id);
    expect(res.status).toBe(404);
    expect(rowsSince(before)).toEqual([
      expect.objectContaining({ action: "access.refused", user_id: ola.id, clinic_id: ola.clinicId, entity_id: marta.id, patient_id: null }),
      expect.objectContaining({ action: "access.refused", user_id: ola.id, clinic_id: marta.clinicId, entity_id: marta.id, patient_id: marta.id }),
    ]);
    expect(JSON.parse(rowsSince(before)[0]!.detail!).attempted).toBe("patient.export");
  });

  it("an id that names no runner records nothing", async () => {
    actAs("kim@springback.test");
    const before = lastId();
    expect((await saveDailyLogAction(crypto.randomUUID(), { logDate: today, painDaily: "2", version: "" })).ok).toBe(false);
    expect((await chartDownload(crypto.randomUUID())).status).toBe(404);
    expect(rowsSince(before)).toEqual([]);
  });
});
