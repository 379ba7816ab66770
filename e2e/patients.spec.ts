import type { Page } from "@playwright/test";
import { addDays, todayIn } from "../lib/domain/dates";
import { expect, expectNoSeriousA11yViolations, signInAs, test, USERS } from "./fixtures";

const today = todayIn("Europe/London");
const suffix = () => Math.random().toString(36).slice(2, 8);
const XSS = "<img src=x onerror=alert(1)>";

type NewPatient = { given: string; family: string; record: string; dob?: string; notes?: string };

async function fillPatientForm(page: Page, p: NewPatient) {
  const form = page.getByRole("form", { name: "New patient" });
  await form.getByLabel("Given name").fill(p.given);
  await form.getByLabel("Family name").fill(p.family);
  await form.getByLabel("Date of birth").fill(p.dob ?? "1986-04-12");
  await form.getByLabel("Sex").selectOption({ label: "Female" });
  await form.getByLabel("Clinic record number").fill(p.record);
  await form.getByLabel("Pre-injury weekly distance (km)").fill("32");
  if (p.notes) await form.getByLabel(/^Notes/).fill(p.notes);
  return form;
}

async function createPatient(page: Page, p: NewPatient) {
  await page.goto("/patients/new");
  const form = await fillPatientForm(page, p);
  await form.getByRole("button", { name: "Create patient" }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}\/details$/);
  await expect(page.getByRole("heading", { level: 1, name: `${p.given} ${p.family}` })).toBeVisible();
  return page.url();
}

async function addInjury(page: Page, { mechanism = "Sharp grab in the calf on a hill repeat.", daysAgo = 11 } = {}) {
  const form = page.getByRole("form", { name: "New injury episode" });
  if (!(await form.isVisible())) await page.getByText("Add an injury episode").click();
  await form.getByLabel("Side").selectOption({ label: "Left" });
  await form.getByLabel("Muscle").selectOption({ label: "medial gastrocnemius" });
  await form.getByLabel(/^Severity/).selectOption({ label: "Strain" });
  await form.getByLabel("Grade").selectOption({ label: "Grade 2" });
  await form.getByLabel("Onset date").fill(addDays(today, -daysAgo));
  await form.getByLabel("What the runner was doing").selectOption({ label: "Hills" });
  await form.getByLabel("Previous calf strains (count)").fill("1");
  await form.getByLabel(/^How it happened/).fill(mechanism);
  await form.getByRole("button", { name: "Add episode" }).click();
  await expect(page.getByTestId("injury-summary")).toHaveText(`Left medial gastrocnemius strain (grade 2), day ${daysAgo + 1}`);
}

async function search(page: Page, q: string, status?: "Active" | "Archived" | "All") {
  await page.goto("/patients");
  const form = page.getByRole("search", { name: "Find patients" });
  await form.getByLabel("Name or record number").fill(q);
  if (status) await form.getByLabel("Show").selectOption({ label: status });
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(q).replace(/%20/g, "\\+")}`));
}

test("a therapist creates a runner with an injury, finds, edits, archives and restores them", async ({ page }) => {
  const id = suffix();
  const p = { given: "Rúna", family: `Ísaksdóttir${id}`, record: `E2E-${id}` };
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name: "Patients", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Patients" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "New patient" }).click();
  await expect(page.getByRole("form", { name: "New patient" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await createPatient(page, p);
  await expect(page.getByTestId("patient-header")).toContainText("Primary therapist: Kim Park");
  await addInjury(page);
  await expect(page.getByTestId("patient-header")).toContainText("1 prior calf strain");
  await expect(page.getByTestId("injury-episode")).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  // Case- and accent-insensitive partial search, and the record number.
  await search(page, `RUNA saksdottir${id}`);
  await expect(page.getByRole("link", { name: `${p.given} ${p.family}` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "1 patient" })).toBeVisible();
  await search(page, p.record.toLowerCase());
  await page.getByRole("link", { name: `${p.given} ${p.family}` }).click();
  await expect(page.getByTestId("injury-summary")).toContainText("day 12");

  await page.getByRole("link", { name: "Details" }).click();
  const details = page.getByRole("form", { name: "Patient details" });
  await details.getByLabel("Runs per week (0–14)").fill("5");
  await details.getByLabel("Phone (optional)").fill("+44 7700 900555");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Details saved.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Patient details" }).getByLabel("Phone (optional)")).toHaveValue("+44 7700 900555");

  await page.getByRole("button", { name: "Archive patient" }).click();
  await expect(page.getByTestId("patient-header").getByText("Archived", { exact: true })).toBeVisible();
  await search(page, p.record);
  await expect(page.getByText("No patients match.")).toBeVisible();
  await search(page, p.record, "Archived");
  await page.getByRole("link", { name: `${p.given} ${p.family}` }).click();
  await page.getByRole("link", { name: "Details" }).click();
  await page.getByRole("button", { name: "Restore patient" }).click();
  await expect(page.getByRole("button", { name: "Archive patient" })).toBeVisible();
  await search(page, p.record);
  await expect(page.getByRole("link", { name: `${p.given} ${p.family}` })).toBeVisible();
});

test("the same patient saved in two tabs gives the second a conflict, and nothing is overwritten", async ({ page, context }) => {
  const id = suffix();
  await signInAs(page, USERS.kim);
  const url = await createPatient(page, { given: "Tab", family: `Conflict${id}`, record: `E2E-C-${id}` });
  const other = await context.newPage();
  await other.goto(url);

  const first = page.getByRole("form", { name: "Patient details" });
  await first.getByLabel(/^Notes/).fill("Saved from the first tab");
  await first.getByLabel("Runs per week (0–14)").fill("3");
  await first.getByRole("button", { name: "Save details" }).click();
  await expect(first.getByRole("status")).toHaveText("Details saved.");

  const second = other.getByRole("form", { name: "Patient details" });
  await second.getByLabel(/^Notes/).fill("Typed in the second tab");
  await second.getByRole("button", { name: "Save details" }).click();
  const alert = second.getByRole("alert");
  await expect(alert).toContainText("Someone else saved this record after you opened it");
  const notesRow = alert.getByRole("row", { name: /Notes/ });
  await expect(notesRow).toContainText("Typed in the second tab");
  await expect(notesRow).toContainText("Saved from the first tab");
  await expect(alert.getByRole("row", { name: /Runs per week/ })).toContainText("3");
  await expect(second.getByLabel(/^Notes/)).toHaveValue("Typed in the second tab");

  await other.reload();
  await expect(other.getByRole("form", { name: "Patient details" }).getByLabel(/^Notes/)).toHaveValue("Saved from the first tab");
  await other.close();
});

test("markup typed into notes and injury text is shown as plain text", async ({ page }) => {
  const id = suffix();
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await signInAs(page, USERS.kim);
  await createPatient(page, { given: "Plain", family: `Text${id}`, record: `E2E-X-${id}`, notes: XSS });
  await addInjury(page, { mechanism: XSS });
  await page.reload();
  await expect(page.getByTestId("injury-episode").getByRole("definition").filter({ hasText: XSS })).toHaveText(XSS);
  await expect(page.getByRole("form", { name: "Patient details" }).getByLabel(/^Notes/)).toHaveValue(XSS);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("a date of birth in the future is refused beside the field and nothing is saved", async ({ page }) => {
  const id = suffix();
  const family = `Future${id}`;
  await signInAs(page, USERS.kim);
  await page.goto("/patients/new");
  const form = await fillPatientForm(page, { given: "Not", family, record: `E2E-F-${id}`, dob: addDays(today, 1) });
  await form.getByRole("button", { name: "Create patient" }).click();
  await expect(form.locator("#dateOfBirth-error")).toHaveText("The date of birth cannot be in the future.");
  await expect(form.getByLabel("Date of birth")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Family name")).toHaveValue(family);
  await expect(page).toHaveURL(/\/patients\/new$/);
  await search(page, family, "All");
  await expect(page.getByText("No patients match.")).toBeVisible();
});

test("an episode is marked returned, a new one on the same side is a recurrence, and the care team is shared", async ({ page, browser }) => {
  // Many steps and axe scans on a shared machine: a longer budget than the default (nothing here asserts a time).
  test.setTimeout(120_000);
  const id = suffix();
  const name = `Care Team${id}`;
  await signInAs(page, USERS.kim);
  await createPatient(page, { given: "Care", family: `Team${id}`, record: `E2E-T-${id}` });
  await addInjury(page);

  await page.getByText("Mark as returned or close").click();
  const returned = page.getByRole("form", { name: "Mark as returned" });
  await returned.getByLabel("Date of return to full running").fill(today);
  await returned.getByRole("button", { name: "Mark as returned" }).click();
  await expect(page.getByTestId("injury-summary")).toHaveText(`Left medial gastrocnemius strain (grade 2): returned to full running on ${today}`);

  await addInjury(page, { daysAgo: 0 });
  await expect(page.getByTestId("patient-header")).toContainText("Early recurrence (within 2 months of the return)");

  // A therapist adds a colleague to the care team of their own patient.
  await page.getByLabel("Add a colleague to the care team").selectOption({ label: "Lee Jordan" });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("patient-header")).toContainText("Care team: Lee Jordan");
  const url = page.url();

  // An admin hands the patient to Lee; Kim stays on the care team.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, USERS.admin);
  await admin.goto(url);
  await admin.getByLabel("Primary therapist", { exact: true }).selectOption({ label: "Lee Jordan" });
  await admin.getByRole("button", { name: "Change primary therapist" }).click();
  await expect(admin.getByTestId("patient-header")).toContainText("Primary therapist: Lee Jordan · Care team: Kim Park");
  await expectNoSeriousA11yViolations(admin);
  await adminContext.close();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});
