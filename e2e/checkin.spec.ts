/**
 * The runner's check-in in a real browser at phone size: a link opened in a fresh context
 * loses its token from the address after the first visit and never sends it in a Referer;
 * today, a run and the next morning are logged (also offline, sent once when back online);
 * the pages are axe-clean. And the check-in cookie alone opens nothing else in the app.
 */
import Database from "better-sqlite3";
import { expect, test, type Request } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import { expectNoSeriousA11yViolations, signInAs, USERS } from "./fixtures";
import { addDays, clinicToday, expectNoSideScroll } from "./db";
import { allPatientNames, BASE_URL, callAction, CHECKIN_ROUTES, discoverActions, discoverRoutes, E2E_DB, fillRoute, routeOfWorker } from "./support/http";
import { ACTION_FIXTURES, formArgs } from "./support/action-fixtures";

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 360, height: 740 } });

/** A writable connection to the e2e database: links are inserted as the therapist's side would. */
function db() {
  const conn = new Database(E2E_DB);
  conn.pragma("busy_timeout = 5000");
  return conn;
}

/** A fresh live link for the named runner's open episode; returns the token (only its hash is stored). */
function newLink(given: string, family: string): { token: string; patientId: string; injuryId: string } {
  const conn = db();
  try {
    const p = conn
      .prepare("select p.id, p.clinic_id as clinicId, i.id as injuryId from patients p join injuries i on i.patient_id = p.id and i.status <> 'closed' where p.given_name = ? and p.family_name = ? order by i.onset_date desc limit 1")
      .get(given, family) as { id: string; clinicId: string; injuryId: string };
    conn.prepare("update checkin_links set revoked_at = ? where injury_id = ? and revoked_at is null").run(new Date().toISOString(), p.injuryId);
    const token = randomBytes(32).toString("base64url");
    conn
      .prepare("insert into checkin_links (id, clinic_id, patient_id, injury_id, token_hash, expires_at) values (?, ?, ?, ?, ?, ?)")
      .run(crypto.randomUUID(), p.clinicId, p.id, p.injuryId, createHash("sha256").update(token).digest("hex"), new Date(Date.now() + 28 * 86_400_000).toISOString());
    return { token, patientId: p.id, injuryId: p.injuryId };
  } finally {
    conn.close();
  }
}

function rows<T>(sql: string, ...params: unknown[]): T[] {
  const conn = db();
  try {
    return conn.prepare(sql).all(...params) as T[];
  } finally {
    conn.close();
  }
}

test("the therapist hands over a link; the runner opens it on a phone, logs today, a run and the next morning's pain; the therapist sees them", async ({ browser }) => {
  // The therapist creates the link on the runner's page (a desktop browser in the clinic).
  const clinic = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const therapist = await clinic.newPage();
  await signInAs(therapist, USERS.kim);
  await therapist.getByRole("table").getByRole("link", { name: "Tom Hendriks" }).click();
  await expect(therapist.getByRole("heading", { name: "Tom Hendriks" })).toBeVisible();
  const patientId = new URL(therapist.url()).pathname.split("/")[2]!;
  const panel = therapist.getByTestId("checkin-panel");
  await panel.getByRole("button", { name: "Create check-in link" }).click();
  const linkField = panel.getByRole("textbox", { name: "Check-in link" });
  await expect(linkField).toHaveValue(/\/c\/[A-Za-z0-9_-]{43}$/);
  const token = (await linkField.inputValue()).split("/c/")[1]!;
  const injuryId = rows<{ injuryId: string }>("select injury_id as injuryId from checkin_links where patient_id = ? and revoked_at is null", patientId)[0]!.injuryId;

  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const requests: Request[] = [];
  context.on("request", (r) => requests.push(r));
  const page = await context.newPage();

  const first = await page.goto(`/c/${token}`);
  expect(page.url()).toBe(`${BASE_URL}/checkin`);
  expect(first?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(first?.headers()["cache-control"]).toContain("no-store");
  const cookie = (await context.cookies()).find((c) => c.name === "springback-checkin")!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
  expect(cookie.value).not.toBe(token);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi Tom");
  await expect(page.getByText("Hendriks")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "My plan" })).toBeVisible();
  await expectNoSideScroll(page);
  await expectNoSeriousA11yViolations(page);

  // Today, in one screen and one tap.
  const today = page.locator('form[data-kind="day"]');
  await today.getByLabel("Pain at rest").selectOption("0");
  await today.getByLabel("Pain in daily activities").selectOption("1");
  await today.getByLabel("Which").selectOption("cycle");
  await today.getByLabel("Minutes").fill("20");
  await today.getByLabel("Pain during it").selectOption("0");
  await today.getByLabel("Ice").selectOption("1");
  await today.getByRole("button", { name: "Save today" }).click();
  await expect(page.getByText("Today is saved. Thank you!")).toBeVisible();
  const day = clinicToday();
  expect(rows("select source, pain_daily as painDaily, cycle_minutes as cycleMinutes from daily_logs where injury_id = ? and source = 'runner'", injuryId)).toEqual([{ source: "runner", painDaily: 1, cycleMinutes: 20 }]);

  // A run: an error keeps what was typed.
  const run = page.locator('form[data-kind="run"]');
  await run.getByLabel("Walk min").fill("3");
  await run.getByLabel("Run min").fill("2");
  await run.getByLabel("Pain during the run").selectOption("1");
  await run.getByRole("button", { name: "Save run" }).click();
  await expect(run.getByText("Give the number of repetitions.")).toBeVisible();
  await expect(run.getByLabel("Walk min")).toHaveValue("3");
  await run.getByLabel("Times").fill("5");
  await run.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByText("Your run is saved.")).toBeVisible();
  const stored = rows<{ id: string; runDate: string }>("select id, run_date as runDate from runs where injury_id = ? and source = 'runner'", injuryId);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.runDate >= addDays(day, -1)).toBe(true);

  // The next day: the run moves back a day and the page asks for its next-morning pain first.
  const conn = db();
  conn.prepare("update runs set run_date = ? where id = ?").run(addDays(day, -1), stored[0]!.id);
  conn.close();
  await page.goto("/checkin");
  const ask = page.locator("section.ask").first();
  await expect(ask.getByRole("heading", { name: "How did it feel this morning?" })).toBeVisible();
  await expect(page.locator("section").first()).toHaveClass(/ask/);
  await expectNoSeriousA11yViolations(page);
  await ask.getByLabel("Pain the morning after").selectOption("1");
  await ask.getByRole("button", { name: "Save morning pain" }).click();
  await expect(page.getByText("Saved. Thank you!")).toBeVisible();
  expect(rows("select pain_next_morning as p from runs where id = ?", stored[0]!.id)).toEqual([{ p: 1 }]);
  await expect(page.locator("section.ask")).toHaveCount(0);
  // The engine's status followed the runner's entries.
  expect(rows<{ d: string }>("select last_log_date as d from patient_status where patient_id = ?", patientId)[0]!.d).toBe(day);

  // Every use is audited with the link as actor, and no audit row holds the token.
  const audit = rows<{ action: string; userId: string | null; entityType: string }>(
    "select action, user_id as userId, entity_type as entityType from audit_events where patient_id = ? and action like 'checkin.%' and action <> 'checkin.create' order by id",
    patientId,
  );
  expect(new Set(audit.map((a) => a.action))).toEqual(new Set(["checkin.exchange", "checkin.view", "checkin.day.save", "checkin.run.save", "checkin.morning.save"]));
  expect(audit.every((a) => a.userId === null && a.entityType === "checkin_link")).toBe(true);
  expect(rows("select id from audit_events where detail like ? or entity_id like ?", `%${token}%`, `%${token}%`)).toEqual([]);

  // The token is in the first request's URL only, and in no Referer at all.
  for (const r of requests) {
    if (r.url() !== `${BASE_URL}/c/${token}`) expect(r.url()).not.toContain(token);
    expect((await r.allHeaders())["referer"] ?? "").not.toContain(token);
  }
  await context.close();

  // The therapist sees the entries as the runner's, on the log and the caseload.
  await therapist.goto("/");
  const row = therapist.getByTestId("caseload-row").filter({ hasText: "Tom Hendriks" });
  await expect(row.getByTestId("checkin-new")).toHaveText("New check-in");
  await therapist.goto(`/patients/${patientId}/logs`);
  const reported = therapist.getByRole("list", { name: "Daily logs and runs" }).getByRole("listitem").filter({ has: therapist.getByTestId("runner-reported") });
  await expect(reported).toHaveCount(2);
  await therapist.goto(`/patients/${patientId}`);
  await expect(therapist.getByTestId("checkin-panel").getByTestId("checkin-use")).toContainText("Last entry on");
  await clinic.close();
});

test("an entry saved offline is kept on the phone and sent once when the connection returns", async ({ browser }) => {
  const { token, injuryId } = newLink("Priya", "Nair");
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`/c/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi Priya");
  const before = rows("select id from runs where injury_id = ?", injuryId).length;
  await context.setOffline(true);
  const run = page.locator('form[data-kind="run"]');
  await run.getByRole("radio", { name: "Running only" }).check();
  await run.getByLabel("Or, running only: minutes").fill("25");
  await run.getByLabel("Pain during the run").selectOption("1");
  await run.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByText(/Saved on this phone \(1 waiting\)/)).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem("springback-checkin-queue") ?? "[]").length)).toBe(1);
  expect(rows("select id from runs where injury_id = ?", injuryId)).toHaveLength(before);
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByText("Your saved entry was sent.")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("springback-checkin-queue"))).toBe("[]");
  // Opening the page again sends nothing twice.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi Priya");
  expect(rows("select id from runs where injury_id = ? and source = 'runner'", injuryId)).toHaveLength(1);
  await context.close();
});

test("without JavaScript the forms post and come back, keeping what was typed after an error", async ({ browser }) => {
  const { token, injuryId } = newLink("Hannah", "Schäfer");
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/c/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi Hannah");
  const run = page.locator('form[data-kind="run"]');
  await run.getByRole("radio", { name: "Running only" }).check();
  await run.getByLabel("Distance (km)").fill("5");
  await run.getByLabel("Pain during the run").selectOption("2");
  await run.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please check the highlighted answers.");
  await expect(page.locator('form[data-kind="run"]').getByText("Give the minutes of continuous running.")).toBeVisible();
  await expect(page.locator('form[data-kind="run"]').getByLabel("Distance (km)")).toHaveValue("5");
  await expect(page.locator('form[data-kind="run"]').getByLabel("Or, running only: minutes")).toHaveAttribute("aria-invalid", "true");
  await page.locator('form[data-kind="run"]').getByLabel("Or, running only: minutes").fill("30");
  await page.locator('form[data-kind="run"]').getByRole("button", { name: "Save run" }).click();
  await expect(page.getByText("Your run is saved.")).toBeVisible();
  expect(page.url()).toBe(`${BASE_URL}/checkin?saved=run`);
  expect(rows("select distance_km as km, continuous_minutes as min from runs where injury_id = ? and source = 'runner'", injuryId)).toEqual([{ km: 5, min: 30 }]);
  await context.close();
});

test("a bad, revoked or unknown link gets a plain refusal page", async ({ page }) => {
  const res = await page.goto(`/c/${randomBytes(32).toString("base64url")}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByText("This link is not valid any more; ask your therapist for a new one.")).toBeVisible();
  expect(res?.headers()["referrer-policy"]).toBe("no-referrer");
  const home = await page.goto("/checkin");
  expect(home?.status()).toBe(403);
  await expectNoSeriousA11yViolations(page);
});

test("the check-in cookie alone opens no other page, route or action", async () => {
  test.setTimeout(180_000);
  const { token, patientId } = newLink("José", "Ramírez");
  const opened = await fetch(`${BASE_URL}/c/${token}`, { redirect: "manual" });
  expect(opened.status).toBe(303);
  const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0]!;
  expect(cookie).toMatch(/^springback-checkin=/);
  // The cookie works for its own page…
  const own = await fetch(`${BASE_URL}/checkin`, { headers: { cookie } });
  expect(own.status).toBe(200);
  expect(await own.text()).toContain("Hi José");
  // Its saves are refused from another site, and work from its own page.
  const entry = (id: string) => JSON.stringify({ type: "day", entryId: id, date: clinicToday(), painDaily: "1" });
  const count = () => rows<{ n: number }>("select count(*) as n from daily_logs where patient_id = ? and source = 'runner'", patientId)[0]!.n;
  const runnerDays = count();
  for (const origin of ["https://evil.example", "null"]) {
    const res = await fetch(`${BASE_URL}/checkin`, { method: "POST", headers: { cookie, origin, "content-type": "application/json" }, body: entry(crypto.randomUUID()) });
    expect(res.status, origin).toBe(403);
  }
  expect(count()).toBe(runnerDays);
  const saved = await fetch(`${BASE_URL}/checkin`, { method: "POST", headers: { cookie, origin: BASE_URL, "content-type": "application/json" }, body: entry(crypto.randomUUID()) });
  expect(await saved.json()).toMatchObject({ ok: true, entityType: "daily_log", replay: false });
  // …and nowhere else.
  const names = allPatientNames();
  const leaks = (body: string) => names.find((n) => body.includes(n));
  const params: Record<string, string> = { patientId };
  const routes = discoverRoutes();
  const actions = discoverActions();
  expect(routes.pages.length).toBeGreaterThan(10);
  expect(routes.handlers.length).toBeGreaterThan(5);
  expect(actions.length).toBeGreaterThan(10);
  for (const template of routes.pages.filter((p) => p !== "/login")) {
    const url = fillRoute(template, params);
    const res = await fetch(`${BASE_URL}${url}`, { redirect: "manual", headers: { cookie } });
    expect([307, 308, 401, 403, 404], `${url} → ${res.status}`).toContain(res.status);
    if (res.status === 307 || res.status === 308) expect(res.headers.get("location") ?? "").toContain("/login");
    expect(leaks(await res.text()), url).toBeUndefined();
  }
  for (const { route, methods } of routes.handlers.filter((h) => !/^\/api\/auth\/|^\/api\/health$/.test(h.route) && !CHECKIN_ROUTES.some((r) => r.test(h.route)))) {
    const url = fillRoute(route, params);
    for (const method of methods) {
      const res = await fetch(`${BASE_URL}${url}`, { method, redirect: "manual", headers: { cookie, origin: BASE_URL } });
      expect([307, 308, 401, 403, 404], `${method} ${url} → ${res.status}`).toContain(res.status);
      expect(leaks(await res.text()), url).toBeUndefined();
    }
  }
  const before = rows<{ n: number }>("select (select count(*) from daily_logs) + (select count(*) from runs) + (select count(*) from patients) + (select count(*) from users) as n")[0]!.n;
  for (const action of actions) {
    const fixture = ACTION_FIXTURES[`${action.filename}#${action.exportedName}`];
    let args: unknown[] = [];
    try {
      // A partial suite context: enough for most fixtures' fields; an action whose fixture needs more is called without arguments.
      const ctx = { patientId, today: clinicToday(), unique: () => crypto.randomUUID().slice(0, 8) } as never;
      if (fixture) args = (fixture.args ?? formArgs)(fixture.fields(ctx), ctx);
    } catch {
      args = [];
    }
    const route = action.pages[0] ? fillRoute(routeOfWorker(action.pages[0]), params) : "/";
    const call = await callAction(action, route, args, { cookie });
    expect(call.status === 303 || /"ok":true/.test(call.body), action.exportedName).toBe(false);
    expect(leaks(call.body), action.exportedName).toBeUndefined();
  }
  expect(rows<{ n: number }>("select (select count(*) from daily_logs) + (select count(*) from runs) + (select count(*) from patients) + (select count(*) from users) as n")[0]!.n).toBe(before);
});
