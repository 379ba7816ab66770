import fs from "node:fs";
import { expect, signInAs, test, USERS } from "./fixtures";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number; signature: string } {
  const buf = fs.readFileSync(file);
  return { signature: buf.subarray(1, 4).toString("ascii"), width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test("each chart downloads as a 2x PNG and as an SVG carrying its title, legend and the patient", async ({ page }) => {
  await signInAs(page, USERS.lee);
  await page.getByRole("table").getByRole("link", { name: "Samuel Adeyemi" }).click();
  await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Progress" }).click();
  await expect(page).toHaveURL(/\/progress/);
  await expect(page.getByTestId("chart-volume")).toBeVisible();
  const pain = page.getByTestId("chart-pain");
  await expect(pain.locator(".recharts-surface").first()).toBeVisible();
  const box = (await pain.locator('div[role="img"]').boundingBox())!;

  const pngDownload = page.waitForEvent("download");
  await pain.getByRole("button", { name: "Download Pain over time as PNG" }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toMatch(/^SB-\d+-\d{4}-\d{2}-\d{2}-pain\.png$/);
  const size = pngSize((await png.path())!);
  expect(size.signature).toBe("PNG");
  // Twice the on-screen size, plus the frame with the title and caption.
  expect(size.width).toBeGreaterThanOrEqual(Math.floor(box.width * 2));
  expect(size.height).toBeGreaterThan(Math.floor(box.height * 2));

  const svgDownload = page.waitForEvent("download");
  await pain.getByRole("button", { name: "Download Pain over time as SVG" }).click();
  const svg = fs.readFileSync((await (await svgDownload).path())!, "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  for (const text of ["Pain over time", "Daily activities", "At rest", "Samuel Adeyemi"]) expect(svg).toContain(text);

  const volume = page.getByTestId("chart-volume");
  const volumeDownload = page.waitForEvent("download");
  await volume.getByRole("button", { name: "Download Running volume as SVG" }).click();
  const volumeSvg = fs.readFileSync((await (await volumeDownload).path())!, "utf8");
  expect(volumeSvg).toContain("Running volume");
});
