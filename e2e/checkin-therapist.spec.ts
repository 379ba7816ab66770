import { expect, expectNoSeriousA11yViolations, signInAs, test, USERS } from "./fixtures";
import { openE2eDbForWrite, openE2eDbReadOnly } from "./db";

const RUNNER = "Priya Nair";

test("the therapist creates, revokes and reissues a runner's check-in link; a runner's entry is marked, badged on the caseload and corrected with its original kept", async ({ page }) => {
  await signInAs(page, USERS.kim);
  await page.goto("/");
  const row = page.getByTestId("caseload-row").filter({ hasText: RUNNER });
  const href = await row.getByRole("link", { name: RUNNER }).getAttribute("href");
  const patientId = href!.split("/").at(-1)!;

  // Create: the QR code and the URL are shown once.
  await page.goto(`/patients/${patientId}`);
  const panel = page.getByTestId("checkin-panel");
  await expect(panel.getByTestId("checkin-status")).toHaveText("No link yet");
  await panel.getByRole("button", { name: "Create check-in link" }).click();
  await expect(panel.getByRole("img", { name: "QR code of the runner's check-in link" }).locator("svg")).toBeVisible();
  const url = panel.getByRole("textbox", { name: "Check-in link" });
  await expect(url).toHaveValue(/\/c\/[A-Za-z0-9_-]{43}$/);
  const firstUrl = await url.inputValue();
  await expect(panel.getByTestId("checkin-status")).toHaveText("Live");
  await expect(panel.getByTestId("checkin-use")).toHaveText("Not used yet");
  await expectNoSeriousA11yViolations(page);

  // Revoke, after a confirmation.
  await panel.getByRole("button", { name: "Revoke link" }).click();
  await panel.getByRole("group", { name: "Confirm revoking" }).getByRole("button", { name: "Yes, revoke" }).click();
  await expect(panel.getByTestId("checkin-status")).toHaveText("Revoked");
  await expect(panel.getByTestId("checkin-qr")).toHaveCount(0);

  // Reissue: a new link, the old one stays revoked.
  await panel.getByRole("button", { name: "Create a new link" }).click();
  await expect(panel.getByTestId("checkin-status")).toHaveText("Live");
  await expect(url).toHaveValue(/\/c\/[A-Za-z0-9_-]{43}$/);
  expect(await url.inputValue()).not.toBe(firstUrl);
  await expect(panel.getByRole("button", { name: "Reissue link" })).toBeVisible();
  const read = openE2eDbReadOnly();
  const links = read.prepare("select id, revoked_at as revokedAt, token_hash as tokenHash from checkin_links where patient_id = ?").all(patientId) as { id: string; revokedAt: string | null; tokenHash: string }[];
  read.close();
  expect(links).toHaveLength(2);
  const live = links.filter((l) => l.revokedAt === null);
  expect(live).toHaveLength(1);
  expect(links.map((l) => l.tokenHash).join()).not.toContain(firstUrl.split("/c/")[1]!);

  // The runner sends today's entry (stored as the runner's check-in stores it).
  const write = openE2eDbForWrite();
  const day = write.prepare("select id, log_date as logDate, pain_daily as painDaily from daily_logs where patient_id = ? order by log_date desc limit 1").get(patientId) as { id: string; logDate: string; painDaily: number };
  const receivedAt = new Date().toISOString();
  write.prepare("update daily_logs set source = 'runner', created_by = null, checkin_link_id = ?, received_at = ? where id = ?").run(live[0]!.id, receivedAt, day.id);
  write.prepare("update checkin_links set last_entry_at = ? where id = ?").run(receivedAt, live[0]!.id);
  write.close();

  // The caseload shows it as new until the runner's page is opened.
  await page.goto("/");
  await expect(row.getByTestId("checkin-new")).toHaveText("New check-in");
  await page.goto(`/patients/${patientId}/logs`);
  const entry = page.getByRole("list", { name: "Daily logs and runs" }).getByRole("listitem").filter({ has: page.getByTestId("runner-reported") });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByText("Reported by the runner")).toBeVisible();
  await expect(entry.getByText(/^arrived \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/)).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("caseload-row").filter({ hasText: RUNNER })).toBeVisible();
  await expect(row.getByTestId("checkin-new")).toHaveCount(0);

  // The therapist corrects it: the original stays visible.
  await page.goto(`/patients/${patientId}/logs`);
  await entry.getByRole("button", { name: /^Edit Daily log/ }).click();
  const corrected = day.painDaily === 6 ? 7 : 6;
  await entry.getByLabel("Pain in daily activities (0–10)").fill(String(corrected));
  await entry.getByRole("button", { name: "Save changes" }).click();
  const note = entry.getByTestId("entry-corrected");
  await expect(note).toContainText("Corrected by Kim");
  await expect(entry).toContainText(`daily activities ${corrected}/10`);
  await note.getByText(/^Show the original/).click();
  await expect(note.getByRole("list", { name: "Earlier versions, oldest first" })).toContainText(`As the runner reported it`);
  await expect(note.getByRole("list", { name: "Earlier versions, oldest first" })).toContainText(`daily activities ${day.painDaily ?? "—"}/10`);
  await expectNoSeriousA11yViolations(page);
});

test("an admin sets how long a new check-in link is valid", async ({ page }) => {
  await signInAs(page, USERS.admin);
  await page.goto("/admin");
  const form = page.getByRole("form", { name: "Check-in link validity" });
  await form.getByLabel(/valid for/).fill("120");
  await form.getByRole("button", { name: "Save days" }).click();
  await expect(form.getByRole("alert")).toHaveText("A link is valid for 1–90 days.");
  await form.getByLabel(/valid for/).fill("14");
  await form.getByRole("button", { name: "Save days" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  const read = openE2eDbReadOnly();
  expect((read.prepare("select checkin_link_days as d from clinics where name like 'Demo%'").get() as { d: number }).d).toBe(14);
  read.close();
  // Back to the default for the specs after this one.
  await form.getByLabel(/valid for/).fill("28");
  await form.getByRole("button", { name: "Save days" }).click();
  await expect(form.getByLabel(/valid for/)).toHaveValue("28");
});
