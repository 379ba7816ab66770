import { describe, expect, it, vi } from "vitest";
import { listLogEntries } from "@/lib/dal/logs";
import { getPatientHeader } from "@/lib/dal/patients";
import { getReturnToRun } from "@/lib/dal/stages";
import { getPainChart } from "@/lib/dal/charts";
import { getPatientExport } from "@/lib/dal/exports";
import { actAs } from "../support/session-mock";
import { auditRowsSince, lastAuditId, patientNamed, seedClinicPerFile } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));
seedClinicPerFile();

const rowsSince = auditRowsSince;
const lastId = lastAuditId;

describe("audited reads", () => {
  it("a page of a runner's logs (pain scores and notes) writes one audit row", async () => {
    const kim = actAs("kim@springback.test");
    const marta = patientNamed("Marta");
    const before = lastId();
    const page = await listLogEntries(marta.id, 1);
    expect(page?.entries.length).toBeGreaterThan(0);
    expect(rowsSince(before)).toEqual([expect.objectContaining({ action: "patient.logs.view", user_id: kim.id, patient_id: marta.id, clinic_id: kim.clinicId })]);
  });
});

describe("refused access", () => {
  it("a therapist reading a colleague's private runner gets not found, and the refusal is audited with who and what", async () => {
    const kim = actAs("kim@springback.test");
    const grace = patientNamed("Grace");
    const before = lastId();
    expect(await getPatientHeader(grace.id)).toBeNull();
    expect(await listLogEntries(grace.id, 1)).toBeNull();
    expect(await getReturnToRun(grace.id)).toBeNull();
    expect(await getPainChart(grace.id, "6w")).toBeNull();
    expect(await getPatientExport(grace.id, "csv", "daily-logs")).toBeNull();
    const rows = rowsSince(before);
    expect(rows.length).toBe(5);
    for (const row of rows) expect(row).toMatchObject({ action: "access.refused", user_id: kim.id, clinic_id: kim.clinicId, patient_id: grace.id, entity_id: grace.id });
    expect(rows.map((r) => JSON.parse(r.detail!).attempted)).toEqual(["patient.view", "patient.logs.view", "return_to_run.view", "patient.charts.view", "patient.export.csv"]);
    expect(JSON.parse(rows[0]!.detail!).reason).toBe("outside_caseload");
  });

  it("a user of another clinic is refused; both clinics' trails record it, and only the patient's clinic names the patient", async () => {
    const ola = actAs("ola@northside.test");
    const marta = patientNamed("Marta");
    const before = lastId();
    expect(await getPatientHeader(marta.id)).toBeNull();
    const rows = rowsSince(before);
    expect(rows).toEqual([
      expect.objectContaining({ action: "access.refused", user_id: ola.id, clinic_id: ola.clinicId, entity_id: marta.id, patient_id: null }),
      expect.objectContaining({ action: "access.refused", user_id: ola.id, clinic_id: marta.clinicId, entity_id: marta.id, patient_id: marta.id }),
    ]);
  });

  it("an id that names no patient is not found and is not recorded as a refusal", async () => {
    actAs("kim@springback.test");
    const before = lastId();
    expect(await getPatientHeader(crypto.randomUUID())).toBeNull();
    expect(rowsSince(before)).toEqual([]);
  });
});
