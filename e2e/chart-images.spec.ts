import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { expect, signInAs, test, USERS } from "./fixtures";
import { openE2eDb } from "./support/http";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number; signature: string } {
  const buf = fs.readFileSync(file);
  return { signature: buf.subarray(1, 4).toString("ascii"), width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test("each chart downloads as a 2x PNG and as a vector SVG (text elements, no foreignObject) that renders outside a browser, each download audited", async ({ page }) => {
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
  const svgFile = (await (await svgDownload).path())!;
  const svg = fs.readFileSync(svgFile, "utf8");
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).not.toContain("foreignObject");
  // It parses as SVG, and its words are SVG <text>: the title, caption, legend and axis labels.
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    return { error: doc.querySelector("parsererror")?.textContent ?? null, root: doc.documentElement.localName, texts: Array.from(doc.querySelectorAll("text")).map((t) => t.textContent ?? "") };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe("svg");
  for (const text of ["Pain over time", "Daily activities", "At rest"]) expect(parsed.texts).toContain(text);
  expect(parsed.texts.some((t) => t.includes("Samuel Adeyemi (SB-"))).toBe(true);
  expect(parsed.texts).toEqual(expect.arrayContaining(["0", "4", "10", "Pain (0–10)", "Day"]));
  expect(svg.length).toBeLessThan(300_000);
  // Rendered by librsvg (no browser), the title is there.
  const rendered = execFileSync("rsvg-convert", ["-f", "pdf", svgFile]);
  expect(execFileSync("pdftotext", ["-", "-"], { input: rendered }).toString("utf8")).toContain("Pain over time");
  const audit = openE2eDb();
  try {
    const row = audit.prepare("select detail from audit_events where action = 'patient.export' order by id desc limit 1").get() as { detail: string };
    expect(JSON.parse(row.detail)).toMatchObject({ format: "chart-svg", chart: "pain" });
  } finally {
    audit.close();
  }

  const volume = page.getByTestId("chart-volume");
  const volumeDownload = page.waitForEvent("download");
  await volume.getByRole("button", { name: "Download Running volume as SVG" }).click();
  const volumeSvg = fs.readFileSync((await (await volumeDownload).path())!, "utf8");
  expect(volumeSvg).toContain("Running volume");
});
