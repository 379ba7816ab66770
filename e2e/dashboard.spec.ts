import { expect, expectNoSeriousA11yViolations, signInAs, test, USERS } from "./fixtures";
import { expectNoSideScroll, openE2eDbReadOnly, prepareDocsScreenshot } from "./db";

/** Names of the active patients visible to a user that satisfy an extra SQL condition on patient_status `ps`. */
function activeNames(email: string, condition: string): string[] {
  const db = openE2eDbReadOnly();
  try {
    const rows = db
      .prepare(
        `select p.given_name || ' ' || p.family_name as name from patients p
         join users u on u.email = ?
         left join patient_status ps on ps.patient_id = p.id
         where p.clinic_id = u.clinic_id and p.archived_at is null
           and exists (select 1 from injuries i where i.patient_id = p.id and i.status <> 'closed')
           and (u.role = 'admin' or p.primary_therapist_id = u.id or exists (select 1 from care_team c where c.patient_id = p.id and c.user_id = u.id))
           and (${condition})`,
      )
      .all(email) as { name: string }[];
    return rows.map((r) => r.name).sort();
  } finally {
    db.close();
  }
}

const rowNames = async (page: import("@playwright/test").Page) =>
  (await page.getByTestId("caseload-row").locator("td:first-child a").allTextContents()).map((s) => s.trim());

test("the flagged tile filters the table to exactly the flagged patients, and the view survives reload", async ({ page }) => {
  await signInAs(page, USERS.kim);
  await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
  const flagged = activeNames(USERS.kim, "ps.flag_count > 0");
  expect(flagged.length).toBeGreaterThan(2);
  await expect(page.getByTestId("tile-flagged")).toContainText(String(flagged.length));
  await expect(page.getByTestId("tile-active")).toContainText(String(activeNames(USERS.kim, "1 = 1").length));

  await page.getByTestId("tile-flagged").click();
  await expect(page).toHaveURL(/[?&]flag=any/);
  await expect(page.getByTestId("caseload-row")).toHaveCount(flagged.length);
  expect((await rowNames(page)).sort()).toEqual(flagged);
  // Every row says what its flags are in words.
  for (const cell of await page.getByTestId("flags").all()) await expect(cell.locator("[data-flag]").first()).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("caseload-row")).toHaveCount(flagged.length);
  await expect(page.getByLabel("Flag")).toHaveValue("any");

  // One flag code through the filter form.
  await page.getByLabel("Flag").selectOption("back_to_back");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/flag=back_to_back/);
  const backToBack = activeNames(USERS.kim, `exists (select 1 from json_each(ps.flags) where value = 'back_to_back')`);
  await expect(page.getByTestId("caseload-row")).toHaveCount(backToBack.length);
  expect((await rowNames(page)).sort()).toEqual(backToBack);
});

test("sorting by latest pain orders the rows, both ways, with unlogged pain last", async ({ page }) => {
  await signInAs(page, USERS.admin);
  await page.getByTestId("sort-pain").click();
  await expect(page).toHaveURL(/sort=pain/);
  await expect(page.getByRole("columnheader", { name: /Latest pain/ })).toHaveAttribute("aria-sort", "descending");
  const read = () =>
    page.getByTestId("latest-pain").evaluateAll((cells) =>
      cells.map((c) => {
        const v = c.querySelector("[data-pain]")?.getAttribute("data-pain");
        return v === undefined || v === null ? null : Number(v);
      }),
    );
  const desc = await read();
  const known = desc.filter((v): v is number => v !== null);
  expect(known.length).toBeGreaterThan(5);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(desc.slice(known.length).every((v) => v === null)).toBe(true);

  await page.getByTestId("sort-pain").click();
  await expect(page.getByRole("columnheader", { name: /Latest pain/ })).toHaveAttribute("aria-sort", "ascending");
  const asc = (await read()).filter((v): v is number => v !== null);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
});

test("search folds accents, and an admin switches between therapists", async ({ page }) => {
  await signInAs(page, USERS.admin);
  await page.getByLabel("Search by name or record number").fill("muller");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("caseload-row")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Marta Müller" })).toBeVisible();

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel("Search by name or record number")).toHaveValue("");
  await page.getByLabel("Therapist").selectOption({ label: "Lee Jordan" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/therapist=/);
  const lees = activeNames(USERS.lee, "1 = 1");
  await expect(page.getByTestId("caseload-row")).toHaveCount(lees.length);
  expect((await rowNames(page)).sort()).toEqual(lees);
  await expect(page.getByText("Lee Jordan's caseload")).toBeVisible();
});

test("the dashboard passes an accessibility scan and fits a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signInAs(page, USERS.kim);
  await expect(page.getByTestId("caseload-row").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await expectNoSideScroll(page);
});

test("screenshot of the dashboard for the docs", async ({ page }) => {
  await prepareDocsScreenshot(page, test.skip);
  await signInAs(page, USERS.kim);
  await expect(page.getByTestId("caseload-row").first()).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/dashboard.png", fullPage: true });
});

test("the caseload's links navigate within the app, by mouse and by keyboard", async ({ page }) => {
  await signInAs(page, USERS.kim);
  await expect(page.getByTestId("caseload-row").first()).toBeVisible();
  // A full page load would drop this marker.
  await page.evaluate(() => ((window as unknown as { caseloadMarker: number }).caseloadMarker = 1));
  const marker = () => page.evaluate(() => (window as unknown as { caseloadMarker?: number }).caseloadMarker);

  await page.getByTestId("sort-streak").click();
  await expect(page).toHaveURL(/sort=streak/);
  await expect(page.getByRole("columnheader", { name: /Symptom-free streak/ })).toHaveAttribute("aria-sort", "ascending");
  expect(await marker()).toBe(1);

  await page.getByTestId("tile-flagged").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/flag=any/);
  await expect(page.getByTestId("tile-flagged")).toHaveAttribute("aria-current", "true");
  expect(await marker()).toBe(1);

  const first = page.getByTestId("caseload-row").first().locator("td:first-child a");
  const name = (await first.textContent())!.trim();
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  expect(await marker()).toBe(1);
});
