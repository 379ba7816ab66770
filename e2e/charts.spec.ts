import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, signInAs, test, USERS } from "./fixtures";
import { addDays, clinicToday, expectNoSideScroll, openE2eDbReadOnly, prepareDocsScreenshot } from "./db";

// Hannah Schäfer (Kim's, Build volume) is read, never changed.
const RUNNER = { given: "Hannah", family: "Schäfer" };

function dailyLogCount(from: string, to: string): number {
  const db = openE2eDbReadOnly();
  try {
    const row = db
      .prepare(
        `select count(*) as n from daily_logs d join patients p on p.id = d.patient_id
         where p.given_name = ? and p.family_name = ? and d.log_date between ? and ? and d.pain_daily is not null`,
      )
      .get(RUNNER.given, RUNNER.family, from, to) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

async function openProgress(page: Page, name = `${RUNNER.given} ${RUNNER.family}`) {
  await signInAs(page, USERS.kim);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Progress" }).click();
  // The Overview has a pain chart too: wait until the Progress tab itself is shown.
  await expect(page).toHaveURL(/\/progress/);
  await expect(page.getByTestId("chart-volume")).toBeVisible();
  await expect(page.getByTestId("chart-pain")).toBeVisible();
}

const dailyMarks = (page: Page) => page.getByTestId("chart-pain").locator('path.chart-mark[data-series="daily"]');

test("the pain chart draws one daily-activities mark per logged day; a range change refetches in place; the table matches", async ({ page }) => {
  await openProgress(page);
  const today = clinicToday();
  const sixWeeks = dailyLogCount(addDays(today, -41), today);
  expect(sixWeeks).toBeGreaterThan(10);
  await expect(page.getByRole("button", { name: "6 weeks" })).toHaveAttribute("aria-pressed", "true");
  await expect(dailyMarks(page)).toHaveCount(sixWeeks);
  // Nothing is drawn on days without a log.
  const dates = await dailyMarks(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-date")));
  expect(new Set(dates).size).toBe(sixWeeks);

  // The range change goes through the chart query, not a page load: the marker survives.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
  const request = page.waitForRequest((r) => r.url().includes("/charts/pain?range=2w"));
  await page.getByRole("button", { name: "2 weeks" }).click();
  await request;
  const twoWeeks = dailyLogCount(addDays(today, -13), today);
  await expect(dailyMarks(page)).toHaveCount(twoWeeks);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
  await expect(page).toHaveURL(/range=2w/);

  // The table alternative holds the same values as the marks.
  await page.getByTestId("chart-pain").getByRole("button", { name: "Show as table" }).click();
  const table = page.getByTestId("chart-pain-table");
  await expect(table).toBeVisible();
  const markValues = await dailyMarks(page).evaluateAll((els) => els.map((e) => `${e.getAttribute("data-date")}:${e.getAttribute("data-value")}`));
  const tableValues = await table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => `${r.getAttribute("data-date")}:${r.querySelector('[data-series="daily"]')?.textContent}`).filter((s) => !s.endsWith(":—")),
  );
  expect(tableValues).toEqual(markValues);

  // A reload keeps the chosen range.
  await page.reload();
  await expect(page.getByRole("button", { name: "2 weeks" })).toHaveAttribute("aria-pressed", "true");
  await expect(dailyMarks(page)).toHaveCount(twoWeeks);
});

test("the volume and measures charts show their baselines, sides and tables", async ({ page }) => {
  await openProgress(page);
  const volume = page.getByTestId("chart-volume");
  await expect(volume.getByText("Pre-injury 55 km", { exact: true })).toBeVisible();
  await expect(volume.getByRole("img", { name: /Bar chart of km per week/ })).toBeVisible();
  const measures = page.getByTestId("chart-measures");
  await expect(measures.getByTestId("chart-measure-heelRaises").locator('path.chart-mark[data-series="heelRaisesLeft"]').first()).toBeVisible();
  await expect(measures.getByTestId("chart-measure-heelRaises").locator('path.chart-mark[data-series="heelRaisesRight"]').first()).toBeVisible();
  await measures.getByRole("button", { name: "Show as table" }).click();
  await expect(page.getByTestId("chart-measures-table")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the server sends the chart frames without a drawing; the browser draws the charts after loading", async ({ page }) => {
  await openProgress(page);
  const html = await (await page.request.get(page.url())).text();
  for (const text of ["Pain over time", "Running volume", "Assessment measures over time", "Show as table", "Download Pain over time as PNG"]) expect(html).toContain(text);
  expect(html).not.toContain("recharts-surface");
  await expect(page.getByTestId("chart-pain").locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("chart-pain").getByRole("button", { name: "Download Pain over time as PNG" })).toBeEnabled();
});

test("a runner with nothing logged sees empty states, not zeros", async ({ page }) => {
  await openProgress(page, "Aoife Byrne");
  await expect(page.getByTestId("chart-pain-empty")).toBeVisible();
  await expect(page.getByTestId("chart-volume-empty")).toBeVisible();
  await expect(page.getByTestId("chart-pain").locator("path.chart-mark")).toHaveCount(0);
});

test("the progress page fits a tablet and passes an accessibility scan", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await openProgress(page);
  await page.getByTestId("chart-pain").getByRole("button", { name: "Show as table" }).click();
  await expectNoSeriousA11yViolations(page);
  await expectNoSideScroll(page);
});

test("screenshot of the progress tab for the docs", async ({ page }) => {
  await prepareDocsScreenshot(page, test.skip);
  await openProgress(page);
  await expect(dailyMarks(page).first()).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/progress.png", fullPage: true });
});
