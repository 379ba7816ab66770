import path from "node:path";
import Database from "better-sqlite3";

/** The e2e server's database, opened read-only: specs count rows, never change them. */
export function openE2eDbReadOnly() {
  return new Database(path.resolve("data/e2e/springback-e2e.db"), { readonly: true, fileMustExist: true });
}

/**
 * The e2e server's database opened for writing, only to stand in for what another part of
 * the app stores that a spec cannot reach through the screen (e.g. an entry the runner sent
 * through a check-in link). Close it when done.
 */
export function openE2eDbForWrite() {
  const db = new Database(path.resolve("data/e2e/springback-e2e.db"), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

/** The clinic's today (the demo clinic is in Europe/London). */
export function clinicToday(timeZone = "Europe/London"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The page scrolls only vertically at its current width (e.g. a 768-px tablet). */
export async function expectNoSideScroll(page: import("@playwright/test").Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) throw new Error(`The page is ${overflow}px wider than the window.`);
}

/** Skips unless SCREENSHOTS is set; sizes the window for a docs screenshot. */
export async function prepareDocsScreenshot(page: import("@playwright/test").Page, skip: (condition: boolean, why: string) => void) {
  skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to refresh docs/screenshots");
  await page.setViewportSize({ width: 1280, height: 900 });
}
