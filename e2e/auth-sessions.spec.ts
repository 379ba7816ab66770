/**
 * Sessions that end, redirects that stay on this site, and a sign-in throttle that holds
 * against the running production server (scripts/server.mjs). Runs before the security
 * suite, which changes Kim's password; it ends with a successful sign-in so the address's
 * failures do not hold back the specs after it.
 */
import { expect, signIn, signInAs, test, USERS } from "./fixtures";
import { BASE_URL, openE2eDb } from "./support/http";

test.describe.configure({ mode: "serial" });

const PASSWORD = "springback-demo";

test("a session cookie copied before sign-out is refused afterwards, and the sign-out is audited", async ({ page, browser }) => {
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name: "Marta Müller" }).click();
  await expect(page.getByRole("heading", { name: "Marta Müller" })).toBeVisible();
  const patientUrl = page.url();
  const patientId = new URL(patientUrl).pathname.split("/")[2]!;
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name === "next-auth.session-token")).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const replayPage = await replay.newPage();
  await replayPage.goto(patientUrl);
  await expect(replayPage).toHaveURL(/\/login/);
  await expect(replayPage.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(replayPage.getByText("Marta Müller")).toHaveCount(0);
  for (const path of [`/api/patients/${patientId}/logs`, `/api/patients/${patientId}/export/csv`]) {
    const response = await replay.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(await response.text()).not.toContain("Marta");
    // A refused token is never re-issued.
    expect(response.headers()["set-cookie"] ?? "").not.toContain("next-auth.session-token=ey");
  }
  await replay.close();

  const db = openE2eDb();
  const row = db.prepare("select a.user_id, a.entity_id from audit_events a join users u on u.id = a.user_id where a.action = 'auth.sign_out' and u.email = ? order by a.id desc").get(USERS.kim) as
    | { user_id: string; entity_id: string }
    | undefined;
  db.close();
  expect(row?.user_id).toBeTruthy();
  expect(row?.entity_id).toBe(row?.user_id);
});

test("callbackUrl to another site is refused, and no callback cookie value breaks sign-in", async ({ page, context, request }) => {
  for (const callbackUrl of ["//evil.test/x", "/\\evil.test", "https:evil.test", "https://evil.test/", "http://localhost.evil.test/"]) {
    const result = await attempt(USERS.kim, PASSWORD, {}, { callbackUrl });
    expect(result.signedIn, callbackUrl).toBe(true);
    expect(new URL(result.url, BASE_URL).origin, `${callbackUrl} → ${result.url}`).toBe(BASE_URL);
    expect(result.url).not.toContain("evil.test");
  }
  const unsigned = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent("//evil.test/x")}`, { maxRedirects: 0 });
  expect(unsigned.status()).toBeLessThan(500);
  expect(unsigned.headers()["set-cookie"] ?? "").not.toContain("evil.test");

  const hostile = ["//evil.test/x", "%", "%E0%A4%A", "/\u00e9\u202e", "javascript:alert(1)", "{\"a\":1}", "x".repeat(3000), "/login?next=//evil.test", "http://evil.test/\r\nSet-Cookie: a=b"];
  for (const value of hostile) {
    await context.clearCookies();
    await context.addCookies([{ name: "next-auth.callback-url", value: encodeURIComponent(value), url: BASE_URL }]);
    const login = await page.goto("/login");
    expect(login?.status(), value).toBe(200);
    const signinPage = await page.request.get("/api/auth/signin", { maxRedirects: 0 });
    expect(signinPage.status(), value).toBeLessThan(500);
    const location = signinPage.headers()["location"];
    if (location) expect(new URL(location, BASE_URL).origin, value).toBe(BASE_URL);
  }
  await context.clearCookies();
  await context.addCookies([{ name: "next-auth.callback-url", value: encodeURIComponent("//evil.test/x"), url: BASE_URL }]);
  await page.goto("/login");
  await signIn(page, USERS.kim);
  await expect(page.getByTestId("user-name")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(BASE_URL);
});

/** Posts one sign-in attempt over HTTP: where next-auth sends the browser, and whether a session cookie was set. */
async function attempt(email: string, password: string, headers: Record<string, string> = {}, extra: Record<string, string> = {}) {
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
  const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ csrfToken, email, password, json: "true", ...extra }),
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...headers },
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const signedIn = response.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));
  return { status: response.status, url: body.url ?? response.headers.get("location") ?? "", signedIn };
}

test("60 parallel wrong passwords are verified at most the policy's number of times; forged X-Forwarded-For values are neither trusted nor stored", async () => {
  test.setTimeout(120_000);
  const email = "parallel-guess@springback.test";
  const started = Date.now();
  await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(email, `wrong-password-${i}`)));
  const elapsedSeconds = (Date.now() - started) / 1000;

  const db = openE2eDb();
  const verified = (db.prepare("select count(*) n from audit_events where action = 'auth.sign_in_failed' and json_extract(detail, '$.email') = ?").get(email) as { n: number }).n;
  const throttled = (db.prepare("select count(*) n from audit_events where action = 'auth.sign_in_throttled' and json_extract(detail, '$.email') = ?").get(email) as { n: number }).n;
  // The policy: 5 free failures, then each further one only after a delay doubling from 1 s.
  // However slow the machine, it allows 5 + k where the k delays (1 + 2 + … + 2^(k-1) s) fit in the time taken.
  const allowed = 5 + Math.floor(Math.log2(elapsedSeconds + 1));
  expect(verified).toBeGreaterThanOrEqual(5);
  expect(verified).toBeLessThanOrEqual(allowed);
  expect(verified + throttled).toBe(60);
  // Unknown emails are audited too, with the address the server saw (the socket's), not a forged one.
  const ips = db.prepare("select distinct ip from audit_events where json_extract(detail, '$.email') = ?").all(email) as { ip: string | null }[];
  expect(ips.map((r) => r.ip)).toEqual([expect.stringMatching(/^(127\.0\.0\.1|::1)$/)]);

  // 25 attempts, each with a new forged X-Forwarded-For and a new email: the per-address limit still counts them.
  const forged = Array.from({ length: 25 }, (_, i) => (i % 5 === 0 ? `=HYPERLINK("http://evil.test/${i}")` : `198.51.100.${i + 1}`));
  for (const [i, value] of forged.entries()) await attempt(`forged-${i}@springback.test`, "wrong-password", { "x-forwarded-for": value, "x-real-ip": value });
  const rows = db.prepare("select ip, action from audit_events where json_extract(detail, '$.email') like 'forged-%'").all() as { ip: string | null; action: string }[];
  db.close();
  expect(rows).toHaveLength(25);
  expect(rows.filter((r) => r.action === "auth.sign_in_throttled").length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(forged).not.toContain(row.ip);
    expect(row.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  }

  // A correct sign-in from this address, once the short delay has passed, clears its count for the specs after this one.
  await expect.poll(async () => (await attempt(USERS.kim, PASSWORD)).signedIn, { timeout: 60_000, intervals: [1_000] }).toBe(true);
});
