import type { Page } from "@playwright/test";
import { expect, signInAs, test, USERS } from "./fixtures";

async function setHeelRaiseTarget(page: Page, value: string) {
  await page.goto("/admin/protocol");
  const form = page.getByRole("form", { name: "Protocol thresholds" });
  await form.getByLabel("Heel raises on the injured side to start running (repetitions)").fill(value);
  await form.getByRole("button", { name: "Save and apply to every patient" }).click();
  await expect(form.getByText(/^Saved \(version \d+\)/)).toBeVisible({ timeout: 30_000 });
}

test("a clinic that sets the heel-raise target to 20 sees 20 on the assessment screen and the chart", async ({ page }) => {
  // Many steps on a shared machine: a longer budget than the default (nothing here asserts a time).
  test.setTimeout(120_000);
  await signInAs(page, USERS.admin);
  await setHeelRaiseTarget(page, "20");
  try {
    await page.goto("/");
    await page.getByRole("link", { name: "Hannah Schäfer" }).click();
    await page.getByRole("link", { name: "Assessments" }).click();
    await page.getByRole("link", { name: "New assessment" }).click();
    await page.getByLabel("Single-leg heel raises, left (reps)").fill("21");
    await page.getByLabel("Single-leg heel raises, right (reps)").fill("24");
    const hints = page.getByRole("list", { name: "Return-to-run targets" });
    await expect(hints).toContainText("Heel raises 21/20 on the left: meets the target to start running");
    await expect(hints).toContainText("Heel raises 21/30 on the left, LSI 88% (target ≥90%): below the target for speed work");

    await page.getByRole("link", { name: "Progress" }).click();
    const heelRaises = page.getByTestId("chart-measure-heelRaises");
    await expect(heelRaises.getByRole("img", { name: /^Single-leg heel raises in/ })).toHaveAttribute("aria-label", /Targets: 20: start running; 30: full return\./);
    await expect(heelRaises.getByText("20: start running")).toBeVisible();
  } finally {
    await setHeelRaiseTarget(page, "25");
  }
});
