/**
 * Every route that reads data writes an audit row, and a refused read of a real runner is
 * recorded. The routes are found by walking app/ (as the security suite does), so a new
 * read route fails here until it is audited.
 */
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { BASE_URL, CHECKIN_ROUTES, discoverRoutes, E2E_DB, fillRoute, openE2eDb, signInHttp } from "./support/http";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const PUBLIC = [/^\/api\/auth\//, /^\/api\/health$/, ...CHECKIN_ROUTES];
/** Query strings some read routes need to answer with data. */
const QUERY: Record<string, string> = {
  "/api/patients/[patientId]/export/csv": "?file=daily-logs",
  "/api/patients/[patientId]/charts/[chart]": "?range=all",
};

const readRoutes = discoverRoutes()
  .handlers.filter((h) => h.methods.includes("GET") && !PUBLIC.some((p) => p.test(h.route)))
  .map((h) => h.route);

type AuditRow = { user_id: string | null; action: string; patient_id: string | null; entity_id: string | null; detail: string | null };

function rowsAfter(mark: number): AuditRow[] {
  const db = openE2eDb();
  try {
    return db.prepare("select user_id, action, patient_id, entity_id, detail from audit_events where id > ? order by id").all(mark) as AuditRow[];
  } finally {
    db.close();
  }
}

function lastId(): number {
  const db = openE2eDb();
  try {
    return (db.prepare("select coalesce(max(id), 0) n from audit_events").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function lookup() {
  const db = openE2eDb();
  try {
    const marta = db.prepare("select id from patients where given_name = 'Marta'").get() as { id: string };
    const ids = db.prepare("select id, email from users where email in ('kim@springback.test', 'admin@springback.test', 'ola@northside.test')").all() as { id: string; email: string }[];
    const id = (email: string) => ids.find((u) => u.email === email)!.id;
    const assessment = db.prepare("select id from assessments where patient_id = ? order by assessed_on desc limit 1").get(marta.id) as { id: string };
    return { patientId: marta.id, assessmentId: assessment.id, kim: id("kim@springback.test"), admin: id("admin@springback.test"), ola: id("ola@northside.test") };
  } finally {
    db.close();
  }
}

/**
 * A video measure's still frame on Marta's latest assessment, so the frame-image route has
 * something to answer with (the demo seed has no video measures).
 */
function storeFrame(ids: ReturnType<typeof lookup>): string {
  const db = new Database(E2E_DB, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const clinicId = (db.prepare("select clinic_id from patients where id = ?").get(ids.patientId) as { clinic_id: string }).clinic_id;
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xff, 0xd9]);
    db.prepare(
      `insert or ignore into assessment_frames (id, clinic_id, patient_id, assessment_id, field, tool, value, frame_time_s, detail, image, image_width, image_height, created_by)
       values (?, ?, ?, ?, 'cadenceSpm', 'cadence', 170, 1.5, '{}', ?, 1, 1, ?)`,
    ).run(crypto.randomUUID(), clinicId, ids.patientId, ids.assessmentId, jpeg, ids.kim);
    return "cadenceSpm";
  } finally {
    db.close();
  }
}

const params = (ids: ReturnType<typeof lookup>, field: string) => ({ patientId: ids.patientId, assessmentId: ids.assessmentId, field, chart: "pain" });

test("the read routes are found", () => {
  expect(readRoutes).toContain("/api/patients/[patientId]/logs");
  expect(readRoutes.length).toBeGreaterThanOrEqual(5);
});

test("every read route writes an audit row naming the reader (and the runner)", async () => {
  const ids = lookup();
  const field = storeFrame(ids);
  const cookies = { kim: await signInHttp("kim@springback.test"), admin: await signInHttp("admin@springback.test") };
  const missing: string[] = [];
  for (const route of readRoutes) {
    const adminRoute = route.startsWith("/api/admin/");
    const url = `${fillRoute(route, params(ids, field))}${QUERY[route] ?? ""}`;
    const mark = lastId();
    const response = await fetch(`${BASE_URL}${url}`, { headers: { cookie: adminRoute ? cookies.admin : cookies.kim } });
    expect(response.status, `${route} answered ${response.status}`).toBe(200);
    await response.arrayBuffer();
    const rows = rowsAfter(mark).filter((r) => r.user_id === (adminRoute ? ids.admin : ids.kim));
    const ok = adminRoute ? rows.length > 0 : rows.some((r) => r.patient_id === ids.patientId);
    if (!ok) missing.push(route);
  }
  expect(missing, "read routes that wrote no audit row").toEqual([]);
});

test("a refused read of another clinic's runner is answered not found and recorded with who and what", async () => {
  const ids = lookup();
  const field = storeFrame(ids);
  const ola = await signInHttp("ola@northside.test");
  for (const route of readRoutes.filter((r) => r.includes("[patientId]"))) {
    const url = `${fillRoute(route, params(ids, field))}${QUERY[route] ?? ""}`;
    const mark = lastId();
    const response = await fetch(`${BASE_URL}${url}`, { headers: { cookie: ola } });
    expect(response.status, route).toBe(404);
    expect(await response.text()).not.toContain("Marta");
    const refused = rowsAfter(mark).filter((r) => r.action === "access.refused" && r.user_id === ids.ola && r.entity_id === ids.patientId);
    expect(refused.length, `${route}: access.refused rows`).toBeGreaterThan(0);
    // No read row for the refused patient.
    expect(rowsAfter(mark).filter((r) => r.action !== "access.refused" && r.patient_id === ids.patientId)).toEqual([]);
  }
});
