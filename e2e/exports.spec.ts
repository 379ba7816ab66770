/**
 * Exports downloaded from the browser for a seeded patient. The export menu is placed on
 * the patient page separately, so the downloads here go through links added to the
 * signed-in page (a real browser download with the session cookie) and page.request.
 */
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { expect, signInAs, test, USERS } from "./fixtures";

const DAY = /\d{4}-\d{2}-\d{2}/.source;

async function openPatient(page: Page, name: string): Promise<string> {
  await page.getByRole("table").getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** Clicks a download link in the page, as the export menu's links are clicked, and returns the file. */
async function download(page: Page, href: string): Promise<{ name: string; body: Buffer }> {
  const pending = page.waitForEvent("download");
  await page.evaluate((url) => {
    const a = document.createElement("a");
    a.href = url;
    a.download = "";
    a.textContent = "Download";
    document.body.append(a);
    a.click();
    a.remove();
  }, href);
  const file = await pending;
  return { name: file.suggestedFilename(), body: fs.readFileSync((await file.path())!) };
}

test("a therapist downloads the CSVs, the PDF report and the FHIR bundle of their patient", async ({ page }) => {
  await signInAs(page, USERS.lee);
  const id = await openPatient(page, "Samuel Adeyemi");
  const base = `/api/patients/${id}/export`;

  for (const [file, header] of [
    ["daily-logs", "record_number,injury_onset,injury,date,pain_rest_0_10"],
    ["runs", "record_number,injury_onset,injury,date,kind"],
    ["assessments", "record_number,injury_onset,injury,date,assessed_by"],
  ] as const) {
    const csv = await download(page, `${base}/csv?file=${file}`);
    expect(csv.name).toMatch(new RegExp(`^SB-\\d+-${DAY}-${file}\\.csv$`));
    const text = csv.body.toString("utf8").replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toMatch(new RegExp(`^${header}`));
    expect(text.split("\r\n").length).toBeGreaterThan(2);
  }

  const zip = await download(page, `${base}/csv`);
  expect(zip.name).toMatch(new RegExp(`^SB-\\d+-${DAY}-csv\\.zip$`));
  expect(zip.body.subarray(0, 2).toString()).toBe("PK");

  for (const size of ["a4", "letter"]) {
    const pdf = await download(page, `${base}/pdf?size=${size}`);
    expect(pdf.name).toMatch(new RegExp(`^SB-\\d+-${DAY}-progress-${size}\\.pdf$`));
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.body.length).toBeGreaterThan(10_000);
  }

  const fhir = await download(page, `${base}/fhir`);
  expect(fhir.name).toMatch(new RegExp(`^SB-\\d+-${DAY}-fhir\\.json$`));
  const bundle = JSON.parse(fhir.body.toString("utf8"));
  expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  const patient = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === "Patient").resource;
  expect(patient.name[0].family).toBe("Adeyemi");
  expect(bundle.entry.some((e: { resource: { code?: { coding?: { code: string }[] } } }) => e.resource.code?.coding?.[0]?.code === "72514-3")).toBe(true);

  // No file name carries the patient's name; no cache may keep the answer.
  const res = await page.request.get(`${base}/csv?file=runs`);
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toContain("no-store");
  expect(res.headers()["content-disposition"]).not.toMatch(/Samuel|Adeyemi/);
});

test("the patient's therapist can export; a colleague outside the care team gets not found", async ({ page, browser }) => {
  await signInAs(page, USERS.kim);
  const marta = await openPatient(page, "Marta Müller");
  const fhir = await download(page, `/api/patients/${marta}/export/fhir`);
  expect(JSON.parse(fhir.body.toString("utf8")).entry[0].resource.name[0].family).toBe("Müller");

  const other = await browser.newContext();
  const lee = await other.newPage();
  await signInAs(lee, USERS.lee);
  for (const path of ["csv", "csv?file=runs", "pdf", "fhir"]) {
    const res = await lee.request.get(`/api/patients/${marta}/export/${path}`);
    expect(res.status(), path).toBe(404);
    expect(await res.text()).not.toContain("Müller");
  }
  await other.close();
});

test("a patient without any data yet gets a runs CSV with its header row, not an error", async ({ page }) => {
  await signInAs(page, USERS.kim);
  const aoife = await openPatient(page, "Aoife Byrne");
  const res = await page.request.get(`/api/patients/${aoife}/export/csv?file=runs`);
  expect(res.status()).toBe(200);
  const lines = (await res.body()).toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^record_number,injury_onset,injury,date,kind,/);
});

test("the export dialog sends the impression and plan and the letter downloads as a PDF that carries them", async ({ page }) => {
  await signInAs(page, USERS.lee);
  await openPatient(page, "Samuel Adeyemi");
  await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Progress" }).click();
  await page.getByRole("button", { name: "Letter with impression and plan…" }).click();
  const dialog = page.getByRole("dialog", { name: "Letter to the referring doctor (PDF)" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("US Letter").check();
  await dialog.getByLabel("Cadence").check();
  await dialog.getByLabel(/Clinical impression/).fill("Calf capacity nearly symmetrical; running well on hills.");
  await dialog.getByLabel(/^Plan/).fill("Retest heel raises in two weeks, then discharge.");
  const pending = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download PDF" }).click();
  const file = await pending;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^SB-\\d+-${DAY}-progress-letter\\.pdf$`));
  const text = execFileSync("pdftotext", ["-", "-"], { input: fs.readFileSync((await file.path())!) }).toString("utf8").replace(/\s+/g, " ");
  for (const s of ["Calf capacity nearly symmetrical; running well on hills.", "Retest heel raises in two weeks, then discharge.", "Course of care", "Recent runs", "Cadence", "Yours sincerely,", "Lee Jordan"]) expect(text).toContain(s);
  await expect(dialog.getByRole("status")).toContainText("Downloaded SB-");

  // A discharge letter for a runner still in care: the message stands beside the choice, the typed text stays.
  await dialog.getByLabel("Discharge letter (runner has returned)").check();
  await dialog.getByRole("button", { name: "Download PDF" }).click();
  await expect(dialog.locator("#report-variant-error")).toContainText("A discharge letter needs a return to running on record");
  await expect(dialog.getByLabel(/^Plan/)).toHaveValue("Retest heel raises in two weeks, then discharge.");
});
