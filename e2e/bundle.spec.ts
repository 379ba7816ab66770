/**
 * No browser code pulls in the database layer: forms import the clinical vocabulary from
 * lib/domain, never db/schema (which would bring drizzle into every form's first load).
 * Reads the production build's static chunks (`npm run build` runs before the e2e suite).
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const CHUNKS = ".next/static/chunks";
const STATS = ".next/diagnostics/route-bundle-stats.json";
// drizzle-orm tags every class with these symbol names; better-sqlite3 names itself in its errors.
const MARKERS = ["drizzle:entityKind", "drizzle:Name", "drizzle:Columns", "better-sqlite3"];

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : []));
}

test("no client chunk of any route carries drizzle or the SQLite driver", () => {
  const files = jsFiles(CHUNKS);
  expect(files.length).toBeGreaterThan(0);
  const offenders = files.flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    return MARKERS.filter((m) => text.includes(m)).map((m) => `${path.relative(CHUNKS, file)}: ${m}`);
  });
  expect(offenders).toEqual([]);

  // And, route by route, the first-load chunks the build lists are among those checked.
  const stats = JSON.parse(fs.readFileSync(STATS, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const checked = new Set(files.map((f) => path.resolve(f)));
  for (const route of stats) for (const chunk of route.firstLoadChunkPaths.filter((c) => c.endsWith(".js"))) expect(checked.has(path.resolve(chunk)), `${route.route}: ${chunk}`).toBe(true);
});
