import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, signInAs, test, USERS } from "./fixtures";

// Hannah Schäfer (Kim's patient, left lateral gastrocnemius) is reserved for this spec.
async function openHannahAssessments(page: Page) {
  await signInAs(page, USERS.kim);
  await page.getByRole("table").getByRole("link", { name: "Hannah Schäfer" }).click();
  await expect(page.getByRole("heading", { name: "Hannah Schäfer" })).toBeVisible();
  await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Assessments" }).click();
  await expect(page.getByRole("heading", { name: "Assessments", exact: true })).toBeVisible();
}

const historyRows = (page: Page) => page.getByTestId("assessment-history").locator("tbody tr");

async function fill(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}

test("two assessments show their asymmetry, the change between them and a side-by-side comparison", async ({ page }) => {
  // Many steps and axe scans on a shared machine: a longer budget than the default (nothing here asserts a time).
  test.setTimeout(120_000);
  await openHannahAssessments(page);
  const before = await historyRows(page).count();

  await page.getByRole("link", { name: "New assessment" }).click();
  await expect(page.getByRole("heading", { name: "New assessment" })).toBeVisible();
  await fill(page, {
    "Foot progression angle, left (°, toe-out +)": "15",
    "Foot progression angle, right (°, toe-out +)": "8",
    "Cadence (steps/min)": "160",
    "Knee-to-wall, left (cm)": "8",
    "Knee-to-wall, right (cm)": "10",
    "Single-leg heel raises, left (reps)": "16",
    "Single-leg heel raises, right (reps)": "25",
  });
  // The suggestion sits beside the therapist's own grading, to accept or change.
  await expect(page.getByTestId("suggestion-calf")).toContainText("Moderate");
  await page.getByRole("button", { name: /Accept the suggested calf and ankle severity/ }).click();
  await expect(page.getByLabel("Calf and ankle: your grading")).toHaveValue("moderate");
  await page.getByLabel("Excessive toe-out: your grading").selectOption("mild");
  await page.getByRole("button", { name: "+5%: 168 steps/min" }).click();
  await expect(page.getByLabel("Cadence target (steps/min)")).toHaveValue("168");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Save assessment" }).click();

  await expect(page.getByRole("heading", { name: /^Assessment of / })).toBeVisible();
  const firstUrl = page.url();
  const calf = page.getByRole("table", { name: "Calf and ankle measures, left and right" });
  await expect(calf.getByRole("row", { name: /Heel raises/ })).toContainText("16");
  // LSI = injured ÷ uninjured: 16 / 25 = 64%; knee-to-wall 2 cm apart (beyond 1.9 cm), 8 / 10 = 80%.
  await expect(calf.getByRole("row", { name: /Heel raises/ }).getByRole("cell").nth(2)).toHaveText("LSI 64%");
  await expect(calf.getByRole("row", { name: /Knee-to-wall/ }).getByRole("cell").nth(2)).toHaveText("2 cm, LSI 80%");
  await expect(page.getByTestId("targets")).toContainText("Heel raises 16/25 on the left: below the target to start running");
  await expect(page.getByText("Cadence target: 168 steps/min")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "All assessments" }).click();
  await expect(historyRows(page)).toHaveCount(before + 1);
  await page.getByRole("link", { name: "New assessment" }).click();
  await fill(page, {
    "Knee-to-wall, left (cm)": "9.8",
    "Knee-to-wall, right (cm)": "10",
    "Single-leg heel raises, left (reps)": "27",
    "Single-leg heel raises, right (reps)": "28",
  });
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByRole("heading", { name: /^Assessment of / })).toBeVisible();
  expect(page.url()).not.toBe(firstUrl);

  const calf2 = page.getByRole("table", { name: "Calf and ankle measures, left and right" });
  const raises = calf2.getByRole("row", { name: /Heel raises/ });
  // 27 / 28 = 96%; knee-to-wall 0.2 cm apart: within measurement error, 9.8 / 10 = 98%.
  await expect(raises.getByRole("cell").nth(2)).toHaveText("LSI 96%");
  await expect(calf2.getByRole("row", { name: /Knee-to-wall/ }).getByRole("cell").nth(2)).toHaveText("0.2 cm (within measurement error, 1.9 cm, Powden 2015), LSI 98%");
  await expect(raises).toContainText("L: +11 reps: beyond measurement error");
  await expect(raises).toContainText("R: +3 reps: within measurement error");
  await expect(calf2.getByRole("row", { name: /Knee-to-wall/ })).toContainText("L: +1.8 cm: within measurement error");
  await expect(page.getByTestId("targets")).toContainText("Heel raises 27/25 on the left: meets the target to start running");
  await expect(page.getByTestId("targets")).toContainText("Heel raises 27/30 on the left, LSI 96% (target ≥90%): below the target for speed work");

  await page.getByRole("link", { name: "All assessments" }).click();
  await expect(historyRows(page)).toHaveCount(before + 2);
  // The picker defaults to the two newest.
  await page.getByRole("button", { name: "Compare" }).click();
  const comparison = page.getByTestId("comparison");
  await expect(comparison).toBeVisible();
  await expect(comparison.locator('[data-measure="heelRaisesLeft"]')).toContainText("16 reps");
  await expect(comparison.locator('[data-measure="heelRaisesLeft"]')).toContainText("27 reps");
  await expect(comparison.locator('[data-measure="heelRaisesLeft"]')).toContainText("+11 reps: beyond measurement error");
  await expect(comparison.locator('[data-measure="cadenceSpm"]')).toContainText("160 steps/min");
  const lsi = comparison.getByRole("row", { name: /Heel-raise LSI/ });
  await expect(lsi).toContainText("64%");
  await expect(lsi).toContainText("96%");
  await expect(lsi).toContainText("+32 points (target ≥90%)");
  await expectNoSeriousA11yViolations(page);
});

test("an impossible cadence is refused beside the field, the typed value is kept and nothing is saved", async ({ page }) => {
  await openHannahAssessments(page);
  const before = await historyRows(page).count();
  await page.getByRole("link", { name: "New assessment" }).click();
  await fill(page, { "Cadence (steps/min)": "400", "Single-leg heel raises, left (reps)": "24" });
  await page.getByRole("button", { name: "Save assessment" }).click();

  const cadence = page.getByLabel("Cadence (steps/min)", { exact: true });
  await expect(page.getByText("Enter a value from 100 steps/min to 230 steps/min").first()).toBeVisible();
  await expect(cadence).toHaveAttribute("aria-invalid", "true");
  await expect(cadence).toHaveAccessibleDescription("Enter a value from 100 steps/min to 230 steps/min");
  await expect(cadence).toHaveValue("400");
  await expect(page.getByLabel("Single-leg heel raises, left (reps)")).toHaveValue("24");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Please correct the highlighted fields.");
  await expect(page).toHaveURL(/\/assessments\/new$/);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Assessments", exact: true })).toBeVisible();
  await expect(historyRows(page)).toHaveCount(before);
});

test("a stale edit is refused with what changed, and nothing is overwritten", async ({ page, browser }) => {
  await openHannahAssessments(page);
  await historyRows(page).first().getByRole("link").click();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit assessment" })).toBeVisible();
  const editUrl = page.url();
  const field = "Single-leg heel raises, right (reps)";
  const opened = await page.getByLabel(field).inputValue();
  const theirs = opened === "29" ? "31" : "29";

  const other = await browser.newContext();
  const second = await other.newPage();
  await signInAs(second, USERS.kim);
  await second.goto(editUrl);
  await second.getByLabel(field).fill(theirs);
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("heading", { name: /^Assessment of / })).toBeVisible();
  await other.close();

  await page.getByLabel(field).fill("35");
  await page.getByRole("button", { name: "Save changes" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toContainText("Someone else saved this assessment after you opened it");
  await expect(conflict).toContainText("Saved by Kim Park.");
  await expect(conflict).toContainText(`${field}: ${opened || "empty"} → ${theirs}`);
  await page.getByRole("button", { name: "Start again from their version" }).click();
  await expect(page.getByLabel(field)).toHaveValue(theirs);
});
