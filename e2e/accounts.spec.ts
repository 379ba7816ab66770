import fs from "node:fs";
import { expect, expectNoSeriousA11yViolations, signIn, signInAs, test, USERS } from "./fixtures";

test("an admin creates an account; the one-time password must be changed at first sign-in; disabling ends the session", async ({ page, browser }) => {
  const email = `robin-${Date.now()}@springback.test`;
  await signInAs(page, USERS.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true }).click();
  await expectNoSeriousA11yViolations(page);
  const form = page.getByRole("form", { name: "New account" });
  await form.getByLabel("Name").fill("Robin Hale");
  await form.getByLabel("Email").fill("kim@springback.test");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("An account with this email already exists.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Robin Hale");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Create account" }).click();
  const otp = (await page.getByTestId("one-time-password").textContent())!.trim();
  expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

  const robinContext = await browser.newContext();
  const robin = await robinContext.newPage();
  await robin.goto("/");
  await signIn(robin, email, otp);
  await expect(robin).toHaveURL(/\/account\/password/);
  await expect(robin.getByText("Your account has a one-time password.")).toBeVisible();
  await expectNoSeriousA11yViolations(robin);
  await robin.getByLabel("Current password").fill(otp);
  await robin.getByLabel("New password (at least 12 characters)").fill("password1234");
  await robin.getByLabel("New password again").fill("password1234");
  await robin.getByRole("button", { name: "Change password" }).click();
  await expect(robin.getByText("This password is too common; choose another.")).toBeVisible();
  await robin.getByLabel("Current password").fill(otp);
  await robin.getByLabel("New password (at least 12 characters)").fill("slow and steady return");
  await robin.getByLabel("New password again").fill("slow and steady return");
  await robin.getByRole("button", { name: "Change password" }).click();
  await expect(robin.getByRole("heading", { name: "Caseload" })).toBeVisible();
  await expect(robin.getByText("No active runners on your caseload.")).toBeVisible();

  await page.reload();
  const row = page.getByTestId(`user-${email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();
  await robin.reload();
  await expect(robin).toHaveURL(/\/login/);
  await robinContext.close();
});

test("the last active admin cannot be demoted", async ({ page }) => {
  await signInAs(page, USERS.admin);
  await page.goto("/admin");
  const row = page.getByTestId(`user-${USERS.admin}`);
  await row.getByLabel("Role").selectOption("therapist");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("alert")).toHaveText("This is the clinic's last active admin; make another admin first.");
});

test("the audit log says in words who did what, filters by action and downloads as CSV", async ({ page }) => {
  await signInAs(page, USERS.admin);
  await page.goto("/admin/audit");
  await expectNoSeriousA11yViolations(page);
  // The viewer's own page view is the newest row.
  await expect(page.getByTestId("audit-description").first()).toHaveText("Alex Admin viewed the audit log");
  await page.getByLabel("Action").selectOption({ label: "signed in" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=auth.sign_in/);
  const cells = page.getByTestId("audit-description");
  await expect(cells.first()).toHaveText(/^[A-Z][a-z]+ [A-Z][a-z]+ signed in$/);
  for (const text of await cells.allTextContents()) expect(text).toMatch(/ signed in$/);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await (await download).path();
  const raw = fs.readFileSync(file!, "utf8");
  // A byte-order mark first, so Excel reads the file as UTF-8.
  expect(raw.startsWith("\uFEFF")).toBe(true);
  const csv = raw.slice(1);
  expect(csv.split("\r\n")[0]).toBe("at_utc,user,action,entity_type,entity_id,patient_record,detail,ip");
  const lines = csv.trim().split("\r\n").slice(1);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line.split(",")[2]).toBe("auth.sign_in");
  expect(csv).not.toContain("caseload.view");
});

test("a therapist cannot open the admin pages or the audit export", async ({ page }) => {
  await signInAs(page, USERS.kim);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
  const response = await page.request.get("/api/admin/audit");
  expect(response.headers()["content-type"] ?? "").not.toContain("text/csv");
});

test("pages carry the security headers and a nonce-only script policy", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-inline' 'strict");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["cache-control"]).toContain("no-store");
  // The page still works under the policy: sign-in runs its scripts.
  await signIn(page, USERS.kim);
  await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
  const caseload = await page.request.get("/");
  expect(caseload.headers()["cache-control"]).toContain("no-store");
});

test("your account page signs out every session", async ({ page, browser }) => {
  await signInAs(page, USERS.lee);
  const other = await browser.newContext();
  const second = await other.newPage();
  await signInAs(second, USERS.lee);
  await page.getByTestId("user-name").click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Sign out on every device" }).click();
  await expect(page).toHaveURL(/\/login/);
  await second.reload();
  await expect(second).toHaveURL(/\/login/);
  await other.close();
});

test("a session ended elsewhere returns the user to sign-in and then to the page they were on", async ({ page, browser }) => {
  await signInAs(page, USERS.lee);
  await page.getByRole("table").getByRole("link", { name: "Samuel Adeyemi" }).click();
  await expect(page.getByRole("heading", { name: "Samuel Adeyemi" })).toBeVisible();
  const patientUrl = new URL(page.url()).pathname;
  // Lee signs out on every device from another browser.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signInAs(second, USERS.lee);
  await second.goto("/account");
  await second.getByRole("button", { name: "Sign out on every device" }).click();
  await expect(second).toHaveURL(/\/login/);
  await other.close();

  await page.reload();
  await expect(page).toHaveURL(/\/login\?expired=1&next=/);
  await expect(page.getByText("Your session has ended. Please sign in again.")).toBeVisible();
  await signIn(page, USERS.lee);
  await expect(page.getByRole("heading", { name: "Samuel Adeyemi" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(patientUrl);
});
