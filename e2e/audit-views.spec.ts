import { expect, signInAs, test, USERS } from "./fixtures";
import { openE2eDbReadOnly } from "./db";

// Hannah Schäfer (Kim's) is read, never changed.
function patientId(given: string, family: string): string {
  const db = openE2eDbReadOnly();
  try {
    return (db.prepare("select id from patients where given_name = ? and family_name = ?").get(given, family) as { id: string }).id;
  } finally {
    db.close();
  }
}

/** The audit rows about one patient written after row `afterId`. */
function auditRowsAfter(afterId: number, patient: string): { action: string; detail: string | null }[] {
  const db = openE2eDbReadOnly();
  try {
    return db.prepare("select action, detail from audit_events where id > ? and patient_id = ? order by id").all(afterId, patient) as { action: string; detail: string | null }[];
  } finally {
    db.close();
  }
}

function lastAuditId(): number {
  const db = openE2eDbReadOnly();
  try {
    return (db.prepare("select coalesce(max(id), 0) as id from audit_events").get() as { id: number }).id;
  } finally {
    db.close();
  }
}

test("a patient page view writes one audit row, however many parts of the record it reads", async ({ page }) => {
  await signInAs(page, USERS.kim);
  const id = patientId("Hannah", "Schäfer");

  // The overview reads the header (layout), the return-to-run panel, recent entries and the pain chart.
  let mark = lastAuditId();
  const overview = await page.request.get(`/patients/${id}`);
  expect(overview.status()).toBe(200);
  expect(await overview.text()).toContain("Return to run");
  expect(auditRowsAfter(mark, id).map((r) => r.action)).toEqual(["patient.view"]);

  // The progress tab reads the header and the three charts.
  mark = lastAuditId();
  expect((await page.request.get(`/patients/${id}/progress`)).status()).toBe(200);
  expect(auditRowsAfter(mark, id).map((r) => r.action)).toEqual(["patient.view"]);

  // A chart's own data request (a range change in the browser) is a read of its own.
  mark = lastAuditId();
  expect((await page.request.get(`/api/patients/${id}/charts/pain?range=all`)).status()).toBe(200);
  const rows = auditRowsAfter(mark, id);
  expect(rows.map((r) => r.action)).toEqual(["patient.charts.view"]);
  expect(JSON.parse(rows[0]!.detail!)).toMatchObject({ charts: ["pain"], range: "all" });
});
