import { expect, expectNoSeriousA11yViolations, signInAs, test, USERS } from "./fixtures";

/**
 * The red-flag screen in the browser: a positive item shows "Refer before loading" on the
 * patient page and the caseload and blocks confirming a progression until the therapist
 * records the clearance with a note. Samuel Adeyemi (Lee's, speed and hills) is the demo
 * clinic's one runner the engine finds ready to progress (to returned); the specs that run
 * before this one only read his record.
 */
test("a positive red-flag screen blocks the progression until the clearance is recorded", async ({ page }) => {
  // Many steps on a shared machine: a longer budget than the default (nothing here asserts a time).
  test.setTimeout(120_000);
  await signInAs(page, USERS.lee);
  await page.getByRole("link", { name: "Samuel Adeyemi" }).click();
  const panel = page.getByTestId("return-to-run");
  await expect(panel.getByTestId("readiness")).toHaveText("Ready for returned");
  await expect(panel.getByRole("button", { name: "Confirm progression to Returned" })).toBeEnabled();

  // Record the screen on the Details tab: a positive Thompson test and a swollen calf.
  await page.getByRole("link", { name: "Details" }).click();
  const screen = page.getByTestId("red-flag-screen").first();
  await expect(screen.getByTestId("red-flag-status")).toHaveText("Not recorded for this episode yet.");
  await screen.getByText("Record the red-flag screen").click();
  await screen.getByLabel("Positive Thompson (calf squeeze) test: no plantar flexion").check();
  await screen.getByLabel(/^Calf swollen/).check();
  await screen.getByRole("button", { name: "Save red-flag screen" }).click();
  await expect(screen.getByTestId("red-flag-status")).toHaveText("Refer before loading: possible deep vein thrombosis; possible Achilles rupture.");
  await expect(screen).toContainText("Wells score from the items recorded: 1");
  await expect(page.getByTestId("refer-before-loading")).toContainText("Refer before loading");
  await expectNoSeriousA11yViolations(page);

  // The overview: the button is disabled and says why.
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(panel.getByRole("button", { name: "Confirm progression to Returned" })).toBeDisabled();
  await expect(panel.getByTestId("progression-blocked")).toContainText("No progression can be confirmed until the clearance is recorded");

  // The caseload flags the runner too.
  await page.goto("/");
  const row = page.getByRole("row", { name: /Samuel Adeyemi/ });
  await expect(row.getByTestId("refer-before-loading")).toHaveText("Refer before loading");

  // The clearance needs a note: refused beside the field, then recorded with who and when.
  await page.getByRole("link", { name: "Samuel Adeyemi" }).click();
  await page.getByRole("link", { name: "Details" }).click();
  const clearance = page.getByRole("form", { name: "Record the clearance" });
  await clearance.getByRole("button", { name: "Record clearance" }).click();
  await expect(clearance.getByText("Write how the red flags were cleared")).toBeVisible();
  await clearance.getByLabel(/^How the red flags were cleared/).fill("Seen by the sports physician: Thompson negative on retest, calf girth equal.");
  await clearance.getByRole("button", { name: "Record clearance" }).click();
  await expect(screen.getByTestId("red-flag-status")).toContainText("Red flags cleared by Lee Jordan on");
  await expect(screen.getByTestId("red-flag-status")).toContainText("Thompson negative on retest");
  await expect(page.getByTestId("refer-before-loading")).toHaveCount(0);

  await page.getByRole("link", { name: "Overview" }).click();
  await expect(panel.getByTestId("progression-blocked")).toHaveCount(0);
  await panel.getByRole("button", { name: "Confirm progression to Returned" }).click();
  await expect(panel.getByText("Stage 5: Returned")).toBeVisible();
  await expect(panel.getByRole("list", { name: "Stage changes" })).toContainText("Progressed from Speed & hills to Returned by Lee Jordan");
});
