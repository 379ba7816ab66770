import { expect, expectNoSeriousA11yViolations, signIn, signInAs, test, USERS } from "./fixtures";

test("a therapist signs in and sees their own caseload, not a colleague's private patients", async ({ page }) => {
  await signInAs(page, USERS.kim);
  await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: "Marta Müller" })).toBeVisible();
  // Lee's patient shared with Kim through the care team.
  await expect(table.getByRole("link", { name: "Yuki Tanaka" })).toBeVisible();
  // Lee's private patient.
  await expect(table.getByRole("link", { name: "Grace O'Neill" })).toHaveCount(0);
  await expect(page.getByText("Kim Park")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a wrong password shows one generic message", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousA11yViolations(page);
  await signIn(page, USERS.kim, "not-the-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password do not match an active account.");
  await signIn(page, "nobody@springback.test", "whatever-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password do not match an active account.");
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-out visit to a patient goes to sign-in, then back to that patient", async ({ page }) => {
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name: "Marta Müller" }).click();
  await expect(page.getByRole("heading", { name: "Marta Müller" })).toBeVisible();
  const patientUrl = page.url();
  await page.context().clearCookies();

  await page.goto(patientUrl);
  await expect(page).toHaveURL(/\/login\?next=%2Fpatients%2F/);
  await signIn(page, USERS.kim);
  await expect(page.getByRole("heading", { name: "Marta Müller" })).toBeVisible();
  expect(page.url()).toBe(patientUrl);
  await expect(page.getByTestId("injury-summary")).toContainText("Left medial gastrocnemius strain (grade 2), day 13");
});

test("after sign-out the back button shows no patient data", async ({ page }) => {
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name: "Marta Müller" }).click();
  await expect(page.getByRole("heading", { name: "Marta Müller" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goBack();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("Marta Müller")).toHaveCount(0);
});

test("a therapist of another clinic opening a demo-clinic patient gets not found", async ({ page, browser }) => {
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name: "Marta Müller" }).click();
  await expect(page.getByRole("heading", { name: "Marta Müller" })).toBeVisible();
  const patientUrl = page.url();

  const other = await browser.newContext();
  const olaPage = await other.newPage();
  await signInAs(olaPage, USERS.ola);
  const response = await olaPage.goto(patientUrl);
  expect(response?.status()).toBe(404);
  await expect(olaPage.getByRole("heading", { name: "Patient not found" })).toBeVisible();
  await expect(olaPage.getByText("Marta")).toHaveCount(0);
  await other.close();
});

test("an admin sees the Admin section and every clinic account", async ({ page }) => {
  await signInAs(page, USERS.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Clinic accounts" })).toBeVisible();
  await expect(page.getByText("lee@springback.test")).toBeVisible();
  await expect(page.getByText("ola@northside.test")).toHaveCount(0);
});
