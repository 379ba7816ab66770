import fs from "node:fs";
import path from "node:path";
import { expect, expectNoSeriousA11yViolations, signInAs, test, USERS } from "./fixtures";
import { addDays, clinicToday, openE2eDbReadOnly } from "./db";
import { fitFile } from "../lib/import/test-files";

// Each test uploads, reviews, imports and opens two tabs: more than the default 30 s on a busy machine.
test.setTimeout(90_000);

// Zoë Laurent (Kim's, late stage, not used by other specs): gets one imported run.
const RUNNER = "Zoë Laurent";

function importedRuns(): number {
  const db = openE2eDbReadOnly();
  try {
    return (db.prepare("select count(*) as n from run_sources s join patients p on p.id = s.patient_id where p.given_name = 'Zoë'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test("a FIT file is reviewed, confirmed with its pain, logged with its cadence, and drawn against the cadence target; a yoga file is skipped", async ({ page }) => {
  const yesterday = addDays(clinicToday(), -1);
  // 25 minutes at 84 per leg: 168 steps/min. A FIT file written by fit-file-parser's encoder.
  const fit = fitFile(new Date(`${yesterday}T07:00:00Z`), [{ seconds: 25 * 60, speedMs: 2.9, cadencePerLeg: 84, heartRate: 150 }]);
  const yoga = fs.readFileSync(path.join(__dirname, "../tests/fixtures/watch/failed.fit"));

  await page.setViewportSize({ width: 768, height: 1024 });
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name: RUNNER, exact: true }).click();
  await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Logs" }).click();
  await expect(page).toHaveURL(/\/logs/);

  await page.getByLabel(/Drop files here or choose them/).setInputFiles([
    { name: "morning-run.fit", mimeType: "application/octet-stream", buffer: Buffer.from(fit) },
    { name: "yoga.fit", mimeType: "application/octet-stream", buffer: yoga },
  ]);
  const runList = page.getByRole("list", { name: "Activities in morning-run.fit" });
  await expect(runList).toContainText("Continuous: 25 min, 4.35 km");
  await expect(runList).toContainText("168 steps/min");
  await expect(page.getByRole("list", { name: "Activities in yoga.fit" })).toContainText("Not a run (training: yoga).");
  await expectNoSeriousA11yViolations(page);

  // The pain during is required before anything is saved.
  await page.getByRole("button", { name: "Import the chosen runs" }).click();
  await expect(page.getByText("Pain during the run is required.")).toBeVisible();
  expect(importedRuns()).toBe(0);

  await page.getByLabel("Pain during the run (0–10)").fill("1");
  await page.getByRole("button", { name: "Import the chosen runs" }).click();
  await expect(page.getByText(/1 run imported/)).toBeVisible();
  expect(importedRuns()).toBe(1);
  await expect(page.getByRole("list", { name: "Daily logs and runs" })).toContainText("cadence 168 steps/min");

  // The same file again is marked as already logged and cannot be chosen.
  await page.getByLabel(/Drop files here or choose them/).setInputFiles([{ name: "morning-run.fit", mimeType: "application/octet-stream", buffer: Buffer.from(fit) }]);
  await expect(page.getByRole("list", { name: "Activities in morning-run.fit" })).toContainText("This file was imported before.");
  await expect(page.getByRole("list", { name: "Activities in morning-run.fit" }).getByRole("checkbox")).toBeDisabled();

  await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Progress" }).click();
  const chart = page.getByTestId("chart-cadence");
  await expect(chart).toContainText("Cadence against the target");
  await expect(chart).toContainText(/Target \d+ steps\/min/);
  await chart.getByRole("button", { name: "Show as table" }).click();
  await expect(page.getByTestId("chart-cadence-table")).toContainText("168");
});

test("a real watch file dated before the injury is imported only once its date is confirmed, and its ground-contact balance is shown", async ({ page }) => {
  const real = fs.readFileSync(path.join(__dirname, "../tests/fixtures/watch/running-with-developer-data.fit"));
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name: RUNNER, exact: true }).click();
  await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Logs" }).click();
  await expect(page).toHaveURL(/\/logs/);
  await page.getByLabel(/Drop files here or choose them/).setInputFiles([{ name: "2018-run.fit", mimeType: "application/octet-stream", buffer: real }]);
  const list = page.getByRole("list", { name: "Activities in 2018-run.fit" });
  await expect(list).toContainText("This run is dated before the injury's onset.");
  await expect(list).toContainText("160 steps/min");
  await list.getByRole("checkbox").first().check();
  await page.getByLabel("Pain during the run (0–10)").fill("2");
  await page.getByRole("button", { name: "Import the chosen runs" }).click();
  await expect(page.getByText("Confirm this date to import the run.")).toBeVisible();
  const before = importedRuns();
  await page.getByLabel(/The date .* is right/).check();
  await page.getByRole("button", { name: "Import the chosen runs" }).click();
  await expect(page.getByText(/1 run imported/)).toBeVisible();
  expect(importedRuns()).toBe(before + 1);

  await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Progress" }).click();
  const balance = page.getByTestId("chart-gct-balance");
  await expect(balance).toContainText("latest 49.7% left, 50.3% right");
  await expectNoSeriousA11yViolations(page);
});
