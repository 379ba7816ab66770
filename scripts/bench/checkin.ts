/**
 * The runner's check-in page on an emulated mid-range phone: headless Chromium with a 4×
 * CPU slowdown and a slow-4G network (150 ms latency, 1.6 Mbps down, 750 kbps up) through
 * the DevTools protocol. Measures the first-load JS (gzipped bytes of every script the page
 * loads) and the Largest Contentful Paint, median of 5 loads, each in a fresh browser
 * context (empty cache) that has exchanged the link for its cookie first, as a runner opens
 * the page every day after the first scan. Bars (issue 16): JS ≤ 90 kB gzipped, LCP ≤ 1.5 s.
 */
import fs from "node:fs";
import zlib from "node:zlib";
import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { chromium } from "@playwright/test";

export const CHECKIN_BARS = { jsKb: 90, lcpMs: 1500 } as const;

export type CheckinBenchResult = {
  /** Gzipped bytes of the scripts of one load (the same on every load). */
  jsGzipBytes: number;
  scripts: number;
  /** Median LCP of the loads, ms, and every load's. */
  lcpMedianMs: number;
  lcpMs: number[];
};

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/**
 * Inserts a live check-in link into a database file, for the preferred patient's open episode
 * (another patient's when that one has none); returns its URL path `/c/<token>`.
 */
export function insertCheckinLink(file: string, preferredPatientId: string): string {
  const db = new Database(file);
  try {
    const injury = db
      .prepare("select id, clinic_id as clinicId, patient_id as patientId from injuries where status <> 'closed' order by (patient_id = ?) desc, onset_date desc limit 1")
      .get(preferredPatientId) as { id: string; clinicId: string; patientId: string } | undefined;
    if (!injury) throw new Error("No open injury episode to make a check-in link for");
    const patientId = injury.patientId;
    db.prepare("update checkin_links set revoked_at = ? where injury_id = ? and revoked_at is null").run(new Date().toISOString(), injury.id);
    const token = randomBytes(32).toString("base64url");
    db.prepare("insert into checkin_links (id, clinic_id, patient_id, injury_id, token_hash, expires_at) values (?, ?, ?, ?, ?, ?)").run(
      crypto.randomUUID(),
      injury.clinicId,
      patientId,
      injury.id,
      createHash("sha256").update(token).digest("hex"),
      new Date(Date.now() + 86_400_000).toISOString(),
    );
    return `/c/${token}`;
  } finally {
    db.close();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Measures the runner's page at `baseUrl` reached through `checkinUrl` (absolute, or a path
 * under `baseUrl`): `loads` fresh loads (default 5) under the phone emulation.
 */
export async function benchCheckinPage(baseUrl: string, checkinUrl: string, loads = 5): Promise<CheckinBenchResult> {
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
  const lcpMs: number[] = [];
  let jsGzipBytes = 0;
  let scripts = 0;
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      // The cookie first (unthrottled), as on every day after the first scan.
      await page.goto(new URL(checkinUrl, baseUrl).toString());
      if (!page.url().endsWith("/checkin")) throw new Error(`The check-in link did not open the runner's page (${page.url()})`);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
      const bodies: Promise<number>[] = [];
      page.on("response", (res) => {
        if (res.request().resourceType() === "script") bodies.push(res.body().then((b) => zlib.gzipSync(b, { level: 9 }).length));
      });
      await page.goto(new URL("/checkin", baseUrl).toString(), { waitUntil: "load" });
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]!.startTime);
            }).observe({ type: "largest-contentful-paint", buffered: true });
            setTimeout(() => resolve(NaN), 5000);
          }),
      );
      const sizes = await Promise.all(bodies);
      jsGzipBytes = sizes.reduce((a, b) => a + b, 0);
      scripts = sizes.length;
      lcpMs.push(Math.round(lcp));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { jsGzipBytes, scripts, lcpMedianMs: median(lcpMs), lcpMs };
}

// `npx tsx scripts/bench/checkin.ts <baseUrl> <checkinUrl>`: one measurement, printed as JSON.
if (process.argv[1]?.endsWith("checkin.ts") && process.argv[2] && process.argv[3]) {
  benchCheckinPage(process.argv[2], process.argv[3]).then((r) => console.log(JSON.stringify(r)));
}
