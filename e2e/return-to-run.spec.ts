import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, signInAs, test, USERS } from "./fixtures";

/** Calendar days in the demo clinic's time zone. */
function clinicDay(offset: number): string {
  const day = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
}

async function openPatient(page: Page, name: string) {
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Return to run" })).toBeVisible();
}

async function logSymptomFreeDay(page: Page, day: string) {
  const form = page.getByRole("form", { name: "Daily log" });
  await form.getByLabel("Date").fill(day);
  await form.getByLabel("Pain at rest (0–10)").fill("0");
  await form.getByLabel("Pain in daily activities (0–10)").fill("0");
  await form.getByLabel("Walking (minutes)").fill("25");
  await form.getByLabel("Pain while walking (0–10)").fill("0");
  await form.getByRole("button", { name: "Save daily log" }).click();
  await expect(form.getByRole("status")).toContainText("Daily log saved");
}

test("logging the missing symptom-free days opens the gate, and the therapist confirms walk-run", async ({ page }) => {
  await openPatient(page, "Daniel Okafor");
  const panel = page.getByTestId("return-to-run");
  await expect(panel.getByTestId("readiness")).toHaveText("Not yet ready for walk-run");
  await expect(panel.getByTestId("criterion-symptom_free_days")).toContainText("5 of 7 symptom-free days");
  // Two days not logged (yesterday and today): the count is not current until they are.
  await expect(panel.getByTestId("criterion-symptom_free_days")).toContainText("the runner last logged on");
  await expect(panel.getByText("One day not logged is bridged; two in a row end it.")).toBeVisible();
  await expect(panel.getByTestId("criterion-heel_raises")).toContainText("on the right");
  await expectNoSeriousA11yViolations(page);

  await logSymptomFreeDay(page, clinicDay(-1));
  await expect(panel.getByTestId("criterion-symptom_free_days")).toContainText("6 of 7 symptom-free days");
  await logSymptomFreeDay(page, clinicDay(0));
  await expect(panel.getByTestId("readiness")).toHaveText("Ready for walk-run");
  await expect(panel.getByTestId("criterion-symptom_free_days")).toContainText("7 of 7 symptom-free days");
  await expect(panel.getByTestId("next-step")).toContainText("Ready for walk-run");
  await expect(page.getByTestId("recent-entries")).toContainText("walk 25 min at 0/10");

  await panel.getByRole("button", { name: "Confirm progression to Walk-run" }).click();
  await expect(panel.getByText("Stage 1: Walk-run")).toBeVisible();
  await expect(panel.getByRole("list", { name: "Stage changes" })).toContainText("Progressed from Protect to Walk-run by Kim Park");
  await expect(panel.getByTestId("next-step")).toContainText("walk 4 min / run 1 min");
});

test("a future date is refused with a message and the entry rolls back", async ({ page }) => {
  await openPatient(page, "Daniel Okafor");
  const form = page.getByRole("form", { name: "Daily log" });
  await form.getByLabel("Date").fill(clinicDay(2));
  await form.getByLabel("Pain in daily activities (0–10)").fill("1");
  await form.getByRole("button", { name: "Save daily log" }).click();
  await expect(form.getByRole("alert")).toContainText("The date cannot be in the future");
  await expect(form.locator("#quick-day-logDate-error")).toContainText("cannot be in the future");
  // Typed input is kept, nothing is left pending in the list.
  await expect(form.getByLabel("Pain in daily activities (0–10)")).toHaveValue("1");
  await expect(page.getByTestId("recent-entries")).not.toContainText("Saving…");
});

test("a run with pain 6 raises the stop flag and suggests a step back", async ({ page }) => {
  // Many steps on a shared machine: a longer budget than the default (nothing here asserts a time).
  test.setTimeout(120_000);
  await openPatient(page, "Priya Nair");
  const panel = page.getByTestId("return-to-run");
  await expect(panel.getByTestId("flag-stop_pain")).toHaveCount(0);
  await page.getByRole("group", { name: "What to log" }).getByRole("button", { name: "Run" }).click();
  const form = page.getByRole("form", { name: "Run" });
  await form.getByLabel("Session type").selectOption("continuous");
  await form.getByLabel("Running (minutes").fill("25");
  await form.getByLabel("Distance (km, optional").fill("4.2");
  await form.getByLabel("Pain during the run (0–10)").fill("6");
  await form.getByRole("button", { name: "Save run" }).click();
  await expect(form.getByRole("status")).toContainText("Run saved");
  await expect(panel.getByTestId("flag-stop_pain")).toContainText("Pain 6/10 during the run");
  await expect(panel.getByTestId("next-step")).toContainText("Step back to Walk-run");
  await expect(panel.getByTestId("readiness")).toHaveText("Not yet ready for build volume");
  await expectNoSeriousA11yViolations(page);

  // The step-back dialog: choose the destination, read where the runner lands, confirm with the prefilled reason.
  await panel.getByRole("button", { name: "Step back…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Step back from/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Reason (required; recorded in the stage history)")).toHaveValue(/Pain 6\/10 during the run/);
  await dialog.getByRole("radio", { name: /^Protect/ }).check();
  await expect(dialog.getByTestId("step-back-preview")).toContainText("The runner lands in: Protect (no running)");
  await expect(dialog.getByTestId("step-back-preview")).toContainText("The symptom-free count restarts the next day");
  await dialog.getByRole("radio", { name: /^Walk-run, step 5 of 5/ }).check();
  await expect(dialog.getByTestId("step-back-preview")).toContainText("The runner lands in: Walk-run, step 5 of 5 (run 5 min)");
  await expectNoSeriousA11yViolations(page);
  // Escape closes without recording anything; the dialog opens again with the keyboard.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await panel.getByRole("button", { name: "Step back…" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: /^Walk-run, step 5 of 5/ }).check();
  await dialog.getByRole("button", { name: "Confirm step back" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText("Stage 1: Walk-run")).toBeVisible();
  // The flags that caused it stay visible in the history, with the destination.
  const latest = panel.getByRole("list", { name: "Stage changes" }).getByTestId("stage-change").first();
  await expect(latest).toContainText("Stepped back from Continuous easy to Walk-run, step 5 of 5 (run 5 min) by Kim Park");
  await expect(latest).toContainText("Pain 6/10 during the run");
  await expect(panel.getByTestId("flag-stop_pain")).toHaveCount(0);
  // The flare stays in the history with its dates, and readiness waits for tomorrow.
  await expect(panel.getByTestId("readiness")).toHaveText("Not yet ready for continuous easy");
  await panel.getByTestId("flag-history").getByText(/Cleared flags/).click();
  await expect(panel.getByTestId("cleared-flag-stop_pain")).toContainText("Pain 6/10 during the run");
  await expect(panel.getByTestId("cleared-flag-stop_pain")).toContainText("Step back recorded on");
  await expect(panel.getByTestId("criterion-not_step_back_day")).toContainText("readiness is judged again from tomorrow");
});

test("the full log is paged newest first and an entry can be edited", async ({ page }) => {
  await openPatient(page, "Priya Nair");
  await page.getByRole("link", { name: "Logs" }).click();
  await expect(page.getByRole("heading", { name: "Daily logs and runs" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Log pages" })).toContainText("Page 1 of");
  await expectNoSeriousA11yViolations(page);
  // The run logged by the stop-pain test above: its next-morning pain is added the next day.
  const first = page.getByRole("list", { name: "Daily logs and runs" }).getByRole("listitem").filter({ hasText: "pain 6/10 during" }).first();
  await first.getByRole("button", { name: /^Edit Run/ }).click();
  const form = page.getByRole("form", { name: "Run" });
  await form.getByLabel("Pain next morning (0–10, add later)").fill("4");
  await expectNoSeriousA11yViolations(page);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(first).toContainText("next morning 4/10");
});

test("a day that is already logged is replaced only when the therapist confirms", async ({ page }) => {
  await openPatient(page, "Daniel Okafor");
  const form = page.getByRole("form", { name: "Daily log" });
  await form.getByLabel("Date").fill(clinicDay(-2));
  await form.getByLabel("Pain in daily activities (0–10)").fill("0");
  await form.getByLabel("Self-massage (sessions)").fill("2");
  await form.getByRole("button", { name: "Save daily log" }).click();
  await expect(form.getByRole("alert")).toContainText("is already saved; nothing was changed");
  await form.getByRole("button", { name: "Replace the saved day" }).click();
  await expect(form.getByRole("status")).toContainText("Daily log saved");
});

test("an admin sees the protocol's defaults and sources, and a bad threshold is refused beside its field", async ({ page }) => {
  await signInAs(page, USERS.admin);
  await page.goto("/admin/protocol");
  await expect(page.getByRole("heading", { name: "Return-to-run protocol" })).toBeVisible();
  await expect(page.getByText("This clinic uses the default thresholds.")).toBeVisible();
  const days = page.getByLabel("Symptom-free days before the first run (days)");
  await expect(days).toHaveValue("7");
  // 25 to start running is a clinic heuristic, 30 for the return is Green et al. 2022: the form says which.
  await expect(page.getByText(/Default 25 repetitions\. Source: Clinic heuristic from jogging-entry guidance/).first()).toBeVisible();
  await expect(page.getByText(/Default 30 repetitions\. Source: Green et al\. 2022/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await days.fill("0");
  await page.getByRole("button", { name: "Save and apply to every patient" }).click();
  await expect(page.locator("#protocol-symptomFreeDays-error")).toHaveText("Symptom-free days before the first run must be 1–28.");
  await expect(days).toHaveValue("0");
  await page.reload();
  await expect(page.getByText("This clinic uses the default thresholds.")).toBeVisible();
});
