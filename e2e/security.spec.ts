/**
 * The security suite. It finds every page, route handler and server action by itself (the
 * app/ folder and the build's action manifest), so new ones are covered without editing
 * it; an action without an entry in support/action-fixtures.ts fails the first test.
 */
import { expect, test } from "@playwright/test";
import { ACTION_FIXTURES, formArgs, HANDLER_FIXTURES, injuryFields, patientFields, toForm, type ActionFixture, type SuiteContext } from "./support/action-fixtures";
import {
  allPatientNames,
  BASE_URL,
  callAction,
  CHECKIN_ROUTES,
  changedTables,
  discoverActions,
  discoverRoutes,
  fillRoute,
  fingerprint,
  openE2eDb,
  patientNamesHiddenFrom,
  routeOfWorker,
  signInHttp,
  type ActionEntry,
} from "./support/http";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const PUBLIC_PAGES = new Set(["/login"]);
const PUBLIC_HANDLERS = [/^\/api\/auth\//, /^\/api\/health$/, ...CHECKIN_ROUTES];
const SPOOF = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware" };

const actions = discoverActions();
const routes = discoverRoutes();
let ctx: SuiteContext;
let params: Record<string, string>;
let names: string[];
const cookies: Record<string, string> = {};
let counter = 0;

function keyOf(a: ActionEntry) {
  return `${a.filename}#${a.exportedName}`;
}

function argsFor(fixture: ActionFixture, fields: Record<string, unknown>): unknown[] {
  return (fixture.args ?? formArgs)(fields, ctx);
}

/** A page URL with its ids filled in, plus the query a comparison page needs. */
function pageUrl(template: string): string {
  return `${fillRoute(template, params)}?a=${params.assessmentId}&b=${params.previousAssessmentId}`;
}

function hostRoute(a: ActionEntry): string {
  const worker = a.pages[0];
  return worker ? fillRoute(routeOfWorker(worker), params) : "/";
}

/** Runs another action as the owner (a fixture's setup or cleanup) and insists it worked. */
async function runHelper(key: string, args: unknown[], owner: string) {
  const action = actions.find((a) => keyOf(a) === key);
  if (!action) throw new Error(`No action ${key}`);
  const call = await callAction(action, hostRoute(action), args, { cookie: cookies[owner]! });
  expect(succeeded(call), `${key}: ${call.body.slice(0, 300)}`).toBe(true);
}

function leaksPatientData(body: string, hidden: string[] = names): string | undefined {
  return hidden.find((n) => body.includes(n));
}

const EMAILS: Record<string, string> = { kim: "kim@springback.test", lee: "lee@springback.test", admin: "admin@springback.test", ola: "ola@northside.test" };

/** Did the action report success (ok:true, or a redirect after a successful write)? */
function succeeded(call: { status: number; body: string }): boolean {
  return call.status === 303 || /"ok":true/.test(call.body);
}

test.beforeAll(async () => {
  const db = openE2eDb();
  const patient = db
    .prepare(
      `select p.id, i.id injury_id from patients p join users u on u.id = p.primary_therapist_id
       join injuries i on i.patient_id = p.id and i.status <> 'closed'
       where u.email = 'kim@springback.test' and p.given_name = 'Zoë'
         and not exists (select 1 from care_team c where c.patient_id = p.id)`,
    )
    .get() as { id: string; injury_id: string };
  const first = (sql: string) => (db.prepare(sql).get(patient.id) as { id: string } | undefined)?.id ?? "";
  params = {
    patientId: patient.id,
    injuryId: patient.injury_id,
    assessmentId: first("select id from assessments where patient_id = ? order by assessed_on desc"),
    previousAssessmentId: first("select id from assessments where patient_id = ? order by assessed_on asc"),
    logId: first("select id from daily_logs where patient_id = ? order by log_date desc"),
    dailyLogId: first("select id from daily_logs where patient_id = ? order by log_date desc"),
    runId: first("select id from runs where patient_id = ? order by run_date desc"),
  };
  db.close();
  names = allPatientNames();
  for (const who of ["kim", "lee", "admin"]) cookies[who] = await signInHttp(`${who}@springback.test`);
  cookies.ola = await signInHttp("ola@northside.test");

  // A throwaway account, created through the real action, for the account-admin checks.
  const create = actions.find((a) => a.exportedName === "createUserAction")!;
  const email = `throwaway-${Date.now()}@springback.test`;
  await callAction(create, "/admin", [undefined, toForm({ name: "Throwaway", email, role: "therapist" })], { cookie: cookies.admin });
  const db2 = openE2eDb();
  const throwaway = db2.prepare("select id from users where email = ?").get(email) as { id: string };
  const userIds = Object.fromEntries((db2.prepare("select email, id from users").all() as { email: string; id: string }[]).map((u) => [u.email, u.id]));
  db2.close();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

  // Kim's spare patient with three open episodes, for the record and episode actions.
  const createPatient = actions.find((a) => a.exportedName === "createPatientAction")!;
  const createInjury = actions.find((a) => a.exportedName === "createInjuryAction")!;
  const seedCtx = { today, unique: () => `${Date.now()}-${counter++}` } as SuiteContext;
  await callAction(createPatient, "/patients/new", [toForm(patientFields(seedCtx, "SUITE-SPARE"))], { cookie: cookies.kim });
  const db3 = openE2eDb();
  const spare = db3.prepare("select id from patients where record_number = 'SUITE-SPARE'").get() as { id: string };
  db3.close();
  for (let i = 0; i < 3; i++) {
    await callAction(createInjury, `/patients/${spare.id}/details`, [spare.id, toForm(injuryFields(seedCtx))], { cookie: cookies.kim });
  }
  const db4 = openE2eDb();
  const spareInjuries = (db4.prepare("select id from injuries where patient_id = ? order by rowid").all(spare.id) as { id: string }[]).map((r) => r.id);
  db4.close();
  expect(spareInjuries).toHaveLength(3);
  ctx = {
    sparePatientId: spare.id,
    spareReturnInjuryId: spareInjuries[0]!,
    spareCloseInjuryId: spareInjuries[1]!,
    spareEditInjuryId: spareInjuries[2]!,
    kimUserId: userIds["kim@springback.test"]!,
    leeUserId: userIds["lee@springback.test"]!,
    patientId: patient.id,
    injuryId: patient.injury_id,
    throwawayUserId: throwaway.id,
    assessmentId: params.assessmentId!,
    dailyLogId: params.dailyLogId!,
    runId: params.runId!,
    today,
    unique: () => `${Date.now()}-${counter++}`,
    scalar: (sql, ...args) => {
      const conn = openE2eDb();
      try {
        const row = conn.prepare(sql).raw().get(...args) as unknown[] | undefined;
        return row?.[0];
      } finally {
        conn.close();
      }
    },
    versionOf: (table, id) => {
      const conn = openE2eDb();
      try {
        return (conn.prepare(`select version from "${table}" where id = ?`).get(id) as { version: number } | undefined)?.version ?? 1;
      } finally {
        conn.close();
      }
    },
  };
});

const writeHandlers = () => routes.handlers.filter((h) => h.methods.some((m) => m !== "GET") && !PUBLIC_HANDLERS.some((r) => r.test(h.route)));

test("every server action and every write route handler has a security fixture", () => {
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.filter((a) => !ACTION_FIXTURES[keyOf(a)]).map(keyOf)).toEqual([]);
  expect(writeHandlers().filter((h) => !HANDLER_FIXTURES[h.route]).map((h) => h.route)).toEqual([]);
});

test("write route handlers change nothing for outsiders or a foreign Origin, and work for the therapist", async () => {
  for (const handler of writeHandlers()) {
    const fixture = HANDLER_FIXTURES[handler.route]!;
    const query = fixture.query ? `?${new URLSearchParams(fixture.query(ctx)).toString()}` : "";
    const url = `${BASE_URL}${fillRoute(handler.route, params)}${query}`;
    const body = fixture.body(ctx);
    const raw = "bytes" in body && body.bytes instanceof Uint8Array ? (body as { bytes: Uint8Array; contentType: string }) : null;
    const post = (cookie: string | undefined, origin = BASE_URL) =>
      fetch(url, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": raw ? raw.contentType : "application/json", origin, ...(cookie ? { cookie } : {}) },
        body: raw ? Buffer.from(raw.bytes) : JSON.stringify(body),
      });
    for (const who of ["lee", "ola", undefined]) {
      const before = fingerprint();
      const res = await post(who ? cookies[who] : undefined);
      expect([401, 403, 404, 307], `${who ?? "signed out"} POST ${handler.route} → ${res.status}`).toContain(res.status);
      expect(leaksPatientData(await res.text())).toBeUndefined();
      expect(changedTables(before, fingerprint()), `${who} ${handler.route}`).toEqual([]);
    }
    for (const origin of ["null", "https://evil.example"]) {
      const before = fingerprint();
      const res = await post(cookies.kim, origin);
      expect(res.status, `Origin ${origin} POST ${handler.route}`).toBe(403);
      expect(changedTables(before, fingerprint())).toEqual([]);
    }
    const before = fingerprint();
    const res = await post(cookies.kim);
    const text = await res.text();
    expect(res.status, `${handler.route}: ${text.slice(0, 200)}`).toBe(200);
    const changed = changedTables(before, fingerprint());
    // A route that only records (an export) writes its audit row and nothing else.
    if (fixture.writes.length > 0) expect(changed.length).toBeGreaterThan(0);
    for (const table of changed) expect(fixture.writes, `${handler.route} wrote ${table}`).toContain(table);
  }
});

test("signed-out requests to every page, route handler and action are refused, spoofed headers or not", async () => {
  for (const headers of [{}, SPOOF]) {
    for (const template of routes.pages.filter((p) => !PUBLIC_PAGES.has(p))) {
      const url = fillRoute(template, params);
      const res = await fetch(`${BASE_URL}${url}`, { redirect: "manual", headers });
      expect([307, 308, 401, 403, 404], `${url} → ${res.status}`).toContain(res.status);
      if (res.status === 307 || res.status === 308) expect(res.headers.get("location") ?? "").toContain("/login");
      expect(leaksPatientData(await res.text()), url).toBeUndefined();
    }
    for (const { route, methods } of routes.handlers.filter((h) => !PUBLIC_HANDLERS.some((r) => r.test(h.route)))) {
      const url = fillRoute(route, params);
      for (const method of methods) {
        const res = await fetch(`${BASE_URL}${url}`, { method, redirect: "manual", headers });
        expect([307, 308, 401, 403, 404], `${method} ${url} → ${res.status}`).toContain(res.status);
        expect(leaksPatientData(await res.text()), url).toBeUndefined();
      }
    }
    for (const action of actions) {
      const fixture = ACTION_FIXTURES[keyOf(action)]!;
      const before = fingerprint();
      const call = await callAction(action, hostRoute(action), argsFor(fixture, fixture.fields(ctx)), { headers });
      expect(succeeded(call), keyOf(action)).toBe(false);
      expect(leaksPatientData(call.body), keyOf(action)).toBeUndefined();
      expect(changedTables(before, fingerprint()), keyOf(action)).toEqual([]);
    }
  }
});

test("a revoked session is refused by the server itself, not only by the proxy", async () => {
  const stale = await signInHttp("lee@springback.test");
  const signOutEverywhere = actions.find((a) => a.exportedName === "signOutEverywhereAction")!;
  await callAction(signOutEverywhere, "/account", [], { cookie: stale });
  // The cookie still decodes, so proxy.ts lets it through: the page and DAL must refuse it.
  for (const template of routes.pages.filter((p) => !PUBLIC_PAGES.has(p))) {
    const url = fillRoute(template, params);
    const res = await fetch(`${BASE_URL}${url}`, { redirect: "manual", headers: { cookie: stale } });
    expect(leaksPatientData(await res.text()), url).toBeUndefined();
    expect(res.status, url).not.toBe(200);
  }
  for (const { route, methods } of routes.handlers.filter((h) => !PUBLIC_HANDLERS.some((r) => r.test(h.route)))) {
    for (const method of methods) {
      const res = await fetch(`${BASE_URL}${fillRoute(route, params)}`, { method, redirect: "manual", headers: { cookie: stale } });
      expect(res.status, `${method} ${route}`).not.toBe(200);
      expect(leaksPatientData(await res.text())).toBeUndefined();
    }
  }
  for (const action of actions) {
    const fixture = ACTION_FIXTURES[keyOf(action)]!;
    const before = fingerprint();
    const call = await callAction(action, hostRoute(action), argsFor(fixture, fixture.fields(ctx)), { cookie: stale });
    expect(succeeded(call), keyOf(action)).toBe(false);
    expect(changedTables(before, fingerprint()), keyOf(action)).toEqual([]);
  }
  cookies.lee = await signInHttp("lee@springback.test");
});

test("patient pages and route handlers are not found for a colleague outside the care team and for another clinic", async () => {
  const scoped = routes.pages.filter((p) => p.includes("[patientId]"));
  expect(scoped.length).toBeGreaterThan(0);
  for (const who of ["lee", "ola"]) {
    for (const template of scoped) {
      const url = pageUrl(template);
      const res = await fetch(`${BASE_URL}${url}`, { redirect: "manual", headers: { cookie: cookies[who]! } });
      expect(res.status, `${who} ${url}`).toBe(404);
      expect(leaksPatientData(await res.text()), `${who} ${url}`).toBeUndefined();
    }
    for (const { route, methods } of routes.handlers.filter((h) => h.route.includes("[patientId]"))) {
      for (const method of methods) {
        const res = await fetch(`${BASE_URL}${fillRoute(route, params)}`, { method, redirect: "manual", headers: { cookie: cookies[who]!, origin: BASE_URL } });
        // A write without a body is refused before its scope check; the fixtures test those with a valid body.
        expect(method === "GET" ? [403, 404] : [400, 403, 404], `${who} ${method} ${route} → ${res.status}`).toContain(res.status);
        expect(leaksPatientData(await res.text())).toBeUndefined();
      }
    }
  }
  // The rightful therapist does see them (the checks above are not vacuous).
  for (const template of scoped) {
    const res = await fetch(`${BASE_URL}${pageUrl(template)}`, { redirect: "manual", headers: { cookie: cookies.kim! } });
    expect(res.status, template).toBe(200);
  }
});

test("actions change nothing for outsiders and work for their rightful caller", async () => {
  for (const action of actions) {
    const fixture = ACTION_FIXTURES[keyOf(action)]!;
    const outsiders = fixture.scope === "patient" ? ["lee", "ola"] : fixture.scope === "admin" ? ["kim", "ola"] : [];
    for (const who of outsiders) {
      const before = fingerprint();
      const call = await callAction(action, hostRoute(action), argsFor(fixture, fixture.fields(ctx)), { cookie: cookies[who]! });
      expect(succeeded(call), `${who} ${keyOf(action)}`).toBe(false);
      expect(changedTables(before, fingerprint()), `${who} ${keyOf(action)}`).toEqual([]);
      expect(leaksPatientData(call.body, patientNamesHiddenFrom(EMAILS[who]!)), `${who} ${keyOf(action)}`).toBeUndefined();
    }
    if (!fixture.ownerRun) continue;
    const owner = fixture.scope === "admin" ? "admin" : "kim";
    if (fixture.setup) await runHelper(fixture.setup.action, fixture.setup.args(ctx), owner);
    const before = fingerprint();
    const call = await callAction(action, hostRoute(action), argsFor(fixture, fixture.fields(ctx)), { cookie: cookies[owner]! });
    expect(succeeded(call), `${owner} ${keyOf(action)}: ${call.body.slice(0, 300)}`).toBe(true);
    const changed = changedTables(before, fingerprint());
    expect(changed.length, keyOf(action)).toBeGreaterThan(0);
    for (const table of changed) expect(fixture.writes, `${keyOf(action)} wrote ${table}`).toContain(table);
    for (const step of fixture.cleanup ?? []) await runHelper(step.action, step.args(ctx), owner);
  }
});

test("a server action with Origin: null changes nothing", async () => {
  for (const action of actions) {
    const fixture = ACTION_FIXTURES[keyOf(action)]!;
    const owner = fixture.scope === "admin" ? "admin" : "kim";
    const before = fingerprint();
    const call = await callAction(action, hostRoute(action), argsFor(fixture, fixture.fields(ctx)), { cookie: cookies[owner]!, headers: { Origin: "null" } });
    expect(succeeded(call), keyOf(action)).toBe(false);
    expect(changedTables(before, fingerprint()), keyOf(action)).toEqual([]);
  }
});

const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "'; DROP TABLE patients; --",
  '" OR "1"="1',
  "%s%s%s%n%x",
  "{{7*7}} ${7*7} #{7*7}",
  "nul\u0000byte",
  "bell\u0007and\u001bescape",
  "\u202Eright-to-left\u202C mark",
  "runner 🏃‍♀️ calf 🦵",
  "tab\tand\nnewline",
  "𝕊𝕡𝕣𝕚𝕟𝕘𝕓𝕒𝕔𝕜",
  "x".repeat(6000),
];

/** Stored as sent: multipart form data carries line breaks as CRLF, as browsers send them. */
function storedExactly(sent: string, tables: string[]): boolean {
  const candidates = [...new Set([sent, sent.replace(/\r?\n/g, "\r\n")])];
  return candidates.some((value) => storedValue(value, tables));
}

function storedValue(value: string, tables: string[]): boolean {
  const db = openE2eDb();
  try {
    for (const table of tables) {
      const cols = (db.prepare(`pragma table_info("${table}")`).all() as { name: string; type: string }[]).filter((c) => c.type.toLowerCase() === "text");
      for (const col of cols) {
        if (db.prepare(`select 1 from "${table}" where "${col.name}" = ? limit 1`).get(value)) return true;
      }
    }
    return false;
  } finally {
    db.close();
  }
}

test("hostile text in every text field is refused with a message or stored exactly and shown as text", async () => {
  // About a thousand calls, each between two fingerprints of the database.
  test.slow();
  for (const action of actions) {
    const fixture = ACTION_FIXTURES[keyOf(action)]!;
    if (!fixture.textFields?.length || !fixture.ownerRun) continue;
    const owner = fixture.scope === "admin" ? "admin" : "kim";
    for (const field of fixture.textFields) {
      for (const hostile of HOSTILE) {
        const fields = { ...fixture.fields(ctx), [field]: hostile };
        const before = fingerprint();
        const call = await callAction(action, hostRoute(action), argsFor(fixture, fields), { cookie: cookies[owner]! });
        const changed = changedTables(before, fingerprint());
        const label = `${keyOf(action)} ${field}=${JSON.stringify(hostile.slice(0, 30))}`;
        expect(call.status, label).toBeLessThan(500);
        if (succeeded(call)) {
          expect(storedExactly(hostile, fixture.writes), `${label} stored exactly`).toBe(true);
          for (const table of changed) expect(fixture.writes, label).toContain(table);
        } else {
          expect(call.body, `${label} says why`).toMatch(/"error":"[^"]+"/);
          expect(changed, label).toEqual([]);
        }
      }
    }
    // Shown as text: no page of the app returns the markup unescaped.
    for (const template of routes.pages.filter((p) => !PUBLIC_PAGES.has(p))) {
      const res = await fetch(`${BASE_URL}${pageUrl(template)}`, { headers: { cookie: cookies[owner]! } });
      const html = await res.text();
      expect(html, template).not.toContain("<script>alert(1)</script>");
      expect(html, template).not.toContain("<img src=x onerror=alert(1)>");
    }
  }
});

test("out-of-range numbers, wrong types, missing fields and oversized bodies change nothing", async () => {
  for (const action of actions) {
    const fixture = ACTION_FIXTURES[keyOf(action)]!;
    const owner = fixture.scope === "admin" ? "admin" : "kim";
    const valid = fixture.fields(ctx);
    const variants: Record<string, unknown>[] = [];
    for (const field of fixture.numberFields ?? []) for (const bad of ["1e9", "-1e9", "abc", "NaN", "Infinity", "0x10"]) variants.push({ ...valid, [field]: bad });
    for (const field of Object.keys(valid)) {
      const { [field]: _dropped, ...rest } = valid;
      variants.push(rest);
    }
    for (const fields of variants) {
      const before = fingerprint();
      const call = await callAction(action, hostRoute(action), argsFor(fixture, fields), { cookie: cookies[owner]! });
      const label = `${keyOf(action)} ${JSON.stringify(fields).slice(0, 120)}`;
      if (succeeded(call)) {
        // Dropping an optional field may be valid; then only the action's own tables change.
        for (const table of changedTables(before, fingerprint())) expect(fixture.writes, label).toContain(table);
      } else {
        expect(call.status, label).toBeLessThan(500);
        expect(changedTables(before, fingerprint()), label).toEqual([]);
      }
    }
    // A 3 MB body is refused before it reaches the action.
    const huge = Object.fromEntries(Object.keys(valid).map((k) => [k, "y".repeat(3 * 1024 * 1024)]));
    if (Object.keys(huge).length > 0) {
      const before = fingerprint();
      const call = await callAction(action, hostRoute(action), argsFor(fixture, huge), { cookie: cookies[owner]! });
      expect(succeeded(call), keyOf(action)).toBe(false);
      expect(changedTables(before, fingerprint()), keyOf(action)).toEqual([]);
    }
  }
});
