/**
 * Numbers and dates as a busy clinician types them: a decimal comma and a mm:ss duration
 * are stored right (read back from the screen and from the CSV), an implausible pace asks
 * "Is this right?" before saving, and an impossible date in the quick entry gets a message
 * beside the field with everything typed kept (no crash).
 */
import type { Page } from "@playwright/test";
import { expect, signInAs, test, USERS } from "./fixtures";

const RUNNER = "Hannah Schäfer";

function clinicToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
}

async function openRunner(page: Page): Promise<string> {
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name: RUNNER }).click();
  await expect(page.getByRole("heading", { name: RUNNER })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Quick entry" })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2]!;
}

test("a run typed with a decimal comma and mm:ss is stored as 5.5 km in 27 min 30 s", async ({ page }) => {
  const patientId = await openRunner(page);
  await page.getByRole("group", { name: "What to log" }).getByRole("button", { name: "Run" }).click();
  const form = page.getByRole("form", { name: "Run" });
  await form.getByLabel("Session type").selectOption("continuous");
  await form.getByLabel("Running (minutes").fill("27:30");
  await form.getByLabel("Distance (km, optional").fill("5,5");
  await form.getByLabel("Pain during the run (0–10)").fill("1");
  await form.getByRole("button", { name: "Save run" }).click();
  await expect(form.getByRole("status")).toContainText("Run saved");
  await expect(page.getByTestId("recent-entries")).toContainText("continuous 27:30 min, 5.5 km");

  const res = await page.request.get(`/api/patients/${patientId}/export/csv?file=runs`);
  expect(res.status()).toBe(200);
  const lines = (await res.text()).replace(/^\uFEFF/, "").split("\r\n");
  const header = lines[0]!.split(",");
  const row = lines.find((l) => l.includes(clinicToday()) && l.includes(",27.5,"));
  expect(row, lines.slice(0, 3).join("\n")).toBeDefined();
  const cells = row!.split(",");
  expect(cells[header.indexOf("continuous_minutes")]).toBe("27.5");
  expect(cells[header.indexOf("distance_km")]).toBe("5.5");
});

test("an implausible pace asks before saving, and saves once confirmed", async ({ page }) => {
  await openRunner(page);
  await page.getByRole("group", { name: "What to log" }).getByRole("button", { name: "Run" }).click();
  const form = page.getByRole("form", { name: "Run" });
  await form.getByLabel("Session type").selectOption("continuous");
  await form.getByLabel("Running (minutes").fill("5");
  await form.getByLabel("Distance (km, optional").fill("5");
  await form.getByLabel("Pain during the run (0–10)").fill("0");
  await form.getByRole("button", { name: "Save run" }).click();
  await expect(form.getByText("faster than 2:30 per km. Is this right?")).toBeVisible();
  await expect(form.getByLabel("Running (minutes")).toHaveValue("5");
  await form.getByLabel("Yes, this is right: save it as typed").check();
  await form.getByRole("button", { name: "Save run" }).click();
  await expect(form.getByRole("status")).toContainText("Run saved");
});

test("an impossible date in the quick entry gets a message beside the field and keeps what was typed", async ({ page }) => {
  await openRunner(page);
  const form = page.getByRole("form", { name: "Daily log" });
  await form.getByLabel("Date").fill("2026-02-30");
  await form.getByLabel("Pain in daily activities (0–10)").fill("2");
  await form.getByLabel("Walking (minutes)").fill("20");
  await form.getByLabel("Pain while walking (0–10)").fill("1");
  await form.getByRole("button", { name: "Save daily log" }).click();
  await expect(form.locator("#quick-day-logDate-error")).toContainText("real date");
  await expect(form.getByLabel("Date")).toHaveValue("2026-02-30");
  await expect(form.getByLabel("Pain in daily activities (0–10)")).toHaveValue("2");
  await expect(form.getByLabel("Walking (minutes)")).toHaveValue("20");
  await expect(page.getByRole("heading", { name: RUNNER })).toBeVisible();
  await expect(page.getByTestId("recent-entries")).not.toContainText("2026-02-30");
});
