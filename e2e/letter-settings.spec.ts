/**
 * The letterhead (admin) and the signature block (each therapist) are typed in the browser,
 * kept on a refused save, and printed on the next letter.
 */
import { execFileSync } from "node:child_process";
import { expect, signInAs, test, USERS } from "./fixtures";

test("the admin's letterhead and a therapist's signature block reach the letter; a refused save keeps what was typed", async ({ page, browser }) => {
  await signInAs(page, USERS.admin);
  await page.goto("/admin");
  const letterhead = page.getByRole("form", { name: "Letterhead" });
  await letterhead.getByLabel("Postal address").fill("7 Quay Street\nHarbourside BS1 5TT");
  await letterhead.getByLabel("Phone").fill("0117 555 0199");
  await letterhead.getByLabel("E-mail for replies").fill("not an address");
  await letterhead.getByRole("button", { name: "Save letterhead" }).click();
  await expect(letterhead.getByText("Enter an email address like letters@clinic.example.")).toBeVisible();
  // Nothing typed is lost by the refusal.
  await expect(letterhead.getByLabel("Postal address")).toHaveValue("7 Quay Street\nHarbourside BS1 5TT");
  await expect(letterhead.getByLabel("Phone")).toHaveValue("0117 555 0199");
  await letterhead.getByLabel("E-mail for replies").fill("replies@quay-physio.test");
  await letterhead.getByRole("button", { name: "Save letterhead" }).click();
  await expect(letterhead.getByRole("status")).toHaveText("Letterhead saved: new letters print it.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Letterhead" }).getByLabel("E-mail for replies")).toHaveValue("replies@quay-physio.test");

  const context = await browser.newContext();
  const lee = await context.newPage();
  await signInAs(lee, USERS.lee);
  await lee.goto("/account");
  const signature = lee.getByRole("form", { name: "Signature block" });
  await signature.getByLabel("Profession").fill("Sports physiotherapist");
  await signature.getByLabel("Registration number").fill("PH765432");
  await signature.getByRole("button", { name: /Save/ }).click();
  await expect(signature.getByRole("status")).toContainText("saved");

  await lee.goto("/");
  await lee.getByRole("table").getByRole("link", { name: "Samuel Adeyemi" }).click();
  await expect(lee.getByRole("heading", { name: "Samuel Adeyemi" })).toBeVisible();
  const id = new URL(lee.url()).pathname.split("/")[2]!;
  const res = await lee.request.get(`/api/patients/${id}/export/pdf?size=a4`);
  expect(res.status()).toBe(200);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: await res.body() }).toString("utf8").replace(/\s+/g, " ");
  for (const s of ["7 Quay Street", "Harbourside BS1 5TT", "0117 555 0199", "replies@quay-physio.test", "Sports physiotherapist", "Registration number: PH765432"]) expect(text).toContain(s);
  await context.close();
});
