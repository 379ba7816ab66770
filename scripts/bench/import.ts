/**
 * The watch-import measures of `npm run bench` (also alone: `npx tsx --tsconfig
 * scripts/bench/tsconfig.json scripts/bench/import.ts`):
 *
 * - a 4-hour FIT file (one record per second: 14,400 records, written by fit-file-parser's
 *   FitEncoder through lib/import/test-files.ts) read into a reviewed activity, as the
 *   import route does before its single insert; median and worst of 5; bar ≤ 1 s;
 * - a 100 MB Strava bulk export (activities.csv, 40 gzipped one-hour FIT runs, and 90 MB of
 *   stored media the reader must skip) streamed from disk in 64 kB chunks through the zip
 *   reader in a fresh process; bar: the process's peak resident memory grows by at most
 *   64 MB, whatever the archive's size (IMPORT_BENCH_MEDIA_MB=400 makes a 450 MB one).
 *
 * Prints a table, and the results as JSON on the last line.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync, strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { readActivityFile, readStravaArchive } from "@/lib/import/read";
import { fitFile, stravaCsv } from "@/lib/import/test-files";

export type ImportBenchResult = { name: string; value: number; unit: string; bar: string; pass: boolean };

const MB = 1024 * 1024;
/** Bounded memory: the reader holds one activity file and its parse at a time, never the archive. */
const ARCHIVE_GROWTH_MB = 64;

async function fourHourFit(): Promise<ImportBenchResult[]> {
  const bytes = fitFile(new Date("2026-11-20T06:00:00Z"), [{ seconds: 4 * 3600, speedMs: 2.8, cadencePerLeg: 84, heartRate: 148 }]);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const [run] = await readActivityFile("long.fit", bytes);
    times.push(performance.now() - t);
    if (!run || run.series.length < 239) throw new Error("The 4-hour file was not read whole");
  }
  times.sort((a, b) => a - b);
  return [
    { name: `4-hour FIT file (${(bytes.byteLength / MB).toFixed(1)} MB, 14,400 records): median read`, value: times[2]!, unit: "ms", bar: "≤ 1000 ms", pass: times[2]! <= 1000 },
    { name: "4-hour FIT file: worst of 5 (a shared machine's noise)", value: times[4]!, unit: "ms", bar: "—", pass: true },
  ];
}

/** Writes the archive entry by entry (fflate's streaming Zip), so generating it needs no 100 MB buffer either. */
function writeArchive(file: string): number {
  const out = fs.openSync(file, "w");
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    fs.writeSync(out, chunk);
  });
  const add = (name: string, data: Uint8Array, store: boolean) => {
    const entry = store ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(data, true);
  };
  const rows = [];
  const fit = fitFile(new Date("2026-11-01T07:00:00Z"), [{ seconds: 3600, speedMs: 2.8, cadencePerLeg: 84, heartRate: 148 }]);
  for (let i = 0; i < 40; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    rows.push({ id: String(1000 + i), date: `Oct ${Number(day)}, 2026, 7:00:00 AM`, type: "Run", elapsedS: 3600, movingS: 3600, distanceM: 10080, displayDistance: "10.08", file: `activities/${1000 + i}.fit.gz` });
    // Each file differs by its first timestamp byte's neighbours only in name; the content is what the reader parses.
    add(`activities/${1000 + i}.fit.gz`, gzipSync(fit), true);
  }
  add("activities.csv", strToU8(stravaCsv(rows)), false);
  const mediaMb = Number(process.env.IMPORT_BENCH_MEDIA_MB ?? 90);
  for (let i = 0; i < mediaMb; i++) add(`media/${i}.jpg`, randomBytes(MB), true);
  zip.end();
  fs.closeSync(out);
  return fs.statSync(file).size;
}

/** In a fresh process: stream the archive and report the peak RSS growth. */
async function measureArchive(file: string): Promise<void> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t = performance.now();
  const reading = await readStravaArchive(fs.createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Uint8Array>, "export.zip");
  const ms = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ growth: peak - base, ms, activities: reading.activities.length }));
}

async function archive(): Promise<ImportBenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "springback-import-bench-"));
  try {
    const file = path.join(dir, "export.zip");
    const size = writeArchive(file);
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--measure-archive", file], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    if (child.status !== 0) throw new Error("The archive measure failed");
    const out = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { growth: number; ms: number; activities: number };
    if (out.activities !== 40) throw new Error(`The archive gave ${out.activities} activities, not 40`);
    return [
      { name: `Strava archive of ${(size / MB).toFixed(0)} MB: peak memory growth`, value: out.growth / MB, unit: "MB", bar: `≤ ${ARCHIVE_GROWTH_MB} MB whatever the archive's size`, pass: out.growth <= ARCHIVE_GROWTH_MB * MB },
      { name: "Strava archive: time to read 40 runs", value: out.ms, unit: "ms", bar: "—", pass: true },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const i = process.argv.indexOf("--measure-archive");
  if (i >= 0) return measureArchive(process.argv[i + 1]!);
  const results = [...(await fourHourFit()), ...(await archive())];
  for (const r of results) console.log(`[bench] ${r.name}: ${r.value.toFixed(1)} ${r.unit} (${r.bar}) ${r.pass ? "pass" : "FAIL"}`);
  console.log(JSON.stringify(results));
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
