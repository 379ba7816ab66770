import { createHash } from "node:crypto";
import { Gunzip, Unzip, UnzipInflate } from "fflate";
import { decodeFitHere, parseFit, type FitDecoder } from "./fit";
import { parseGpx } from "./gpx";
import { parseStravaCsv, type StravaRow } from "./strava-csv";
import { summariseActivity } from "./summarise";
import { parseTcx } from "./tcx";
import { IMPORT_LIMITS, ImportFileError, megabytes, type FileReading, type ImportedActivity, type RawActivity } from "./types";

export const ACCEPTED_EXTENSIONS = [".fit", ".tcx", ".gpx", ".fit.gz", ".tcx.gz", ".gpx.gz", ".zip"] as const;

type Format = "fit" | "tcx" | "gpx";

/** The format a file name announces, and whether it is gzipped; null for anything else. */
export function formatOf(fileName: string): { format: Format | "zip"; gzipped: boolean } | null {
  const name = fileName.toLowerCase();
  if (name.endsWith(".zip")) return { format: "zip", gzipped: false };
  const gzipped = name.endsWith(".gz");
  const base = gzipped ? name.slice(0, -3) : name;
  for (const format of ["fit", "tcx", "gpx"] as const) if (base.endsWith(`.${format}`)) return { format, gzipped };
  return null;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Gunzips with an output limit (a small .gz can expand enormously): ImportFileError past `limit` bytes or on damage. */
export function gunzipLimited(bytes: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const gz = new Gunzip((chunk) => {
    total += chunk.byteLength;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < bytes.byteLength && !over; i += 65_536) gz.push(bytes.subarray(i, i + 65_536), i + 65_536 >= bytes.byteLength);
  } catch {
    throw new ImportFileError("This .gz file is damaged or incomplete. Export it again.");
  }
  if (over) throw new ImportFileError(`This .gz file expands to more than ${megabytes(limit)}, the limit for one activity file.`);
  if (total === 0) throw new ImportFileError("This .gz file is empty or incomplete.");
  return concat(chunks, total);
}

async function parseFormat(format: Format, bytes: Uint8Array, decodeFit: FitDecoder): Promise<RawActivity[]> {
  if (format === "fit") return parseFit(bytes, decodeFit);
  if (format === "tcx") return parseTcx(bytes);
  return parseGpx(bytes);
}

/**
 * Reads one FIT, TCX or GPX file (optionally gzipped) into summarised activities. The hash
 * is of the content after gunzip, so the same run sent as .fit and as .fit.gz is one file.
 * `decodeFit` decodes FIT bytes (this thread by default; the route passes its worker's).
 * Throws ImportFileError with the message the user sees.
 */
export async function readActivityFile(fileName: string, bytes: Uint8Array, decodeFit: FitDecoder = decodeFitHere): Promise<ImportedActivity[]> {
  const kind = formatOf(fileName);
  if (!kind || kind.format === "zip") throw new ImportFileError(`"${fileName}" is not a watch file this importer reads: use ${ACCEPTED_EXTENSIONS.join(", ")}.`);
  if (bytes.byteLength === 0) throw new ImportFileError("The file is empty.");
  const content = kind.gzipped ? gunzipLimited(bytes, IMPORT_LIMITS.activityFileBytes) : bytes;
  if (content.byteLength > IMPORT_LIMITS.activityFileBytes) throw new ImportFileError(`This file is larger than ${megabytes(IMPORT_LIMITS.activityFileBytes)}, the limit for one activity file.`);
  const raws = await parseFormat(kind.format, content, decodeFit);
  const contentHash = sha256(content);
  return raws.map((raw, index) => summariseActivity(raw, { fileName, contentHash, index }));
}

/**
 * Reads a Strava bulk export (`activities.csv` and an `activities/` folder of .fit/.tcx/.gpx,
 * often gzipped) from a stream of zip bytes, never holding more than one activity file
 * inflated at a time: each entry is inflated, parsed and dropped, so memory stays bounded
 * for a large archive. Other folders (media, profile) are passed through and dropped.
 * Throws ImportFileError when the zip expands past `IMPORT_LIMITS.zipExpandedBytes`, an
 * entry past the per-file limit, it is damaged, or it is not a Strava export.
 */
export async function readStravaArchive(chunks: AsyncIterable<Uint8Array>, archiveName: string, decodeFit: FitDecoder = decodeFitHere): Promise<FileReading> {
  const parsed = new Map<string, ImportedActivity[] | string>();
  const done: { name: string; bytes: Uint8Array }[] = [];
  let csvText: string | null = null;
  let rows: StravaRow[] | null = null;
  let expanded = 0;
  let failure: ImportFileError | null = null;
  let entries = 0;
  const runFiles = () => (rows ? new Set(rows.filter((r) => !r.raw.notRunReason && r.fileName).map((r) => r.fileName!)) : null);
  let wanted: Set<string> | null = null;

  const unzip = new Unzip((file) => {
    entries++;
    const name = file.name;
    const isCsv = name === "activities.csv" || name.endsWith("/activities.csv");
    const isActivity = /(^|\/)activities\/[^/]+$/.test(name) && formatOf(name) !== null && formatOf(name)!.format !== "zip";
    const skip = (!isCsv && !isActivity) || (isActivity && wanted !== null && !wanted.has(name.replace(/^.*?(activities\/)/, "$1")));
    if (skip) {
      // fflate keeps every chunk of an entry never started (in case it is started later), so
      // a skipped entry is started and its bytes dropped as they pass: memory stays flat.
      // They still count towards the expansion limit (a bomb in a skipped folder is a bomb).
      file.ondata = (err, chunk) => {
        if (err || failure) return;
        expanded += chunk.byteLength;
        if (expanded > IMPORT_LIMITS.zipExpandedBytes) {
          failure = new ImportFileError(`"${archiveName}" expands to more than ${megabytes(IMPORT_LIMITS.zipExpandedBytes)}, the limit for an archive. Nothing was imported.`);
          file.terminate();
        }
      };
      file.start();
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new ImportFileError(`"${archiveName}" is damaged or incomplete. Download the export again.`);
        return;
      }
      size += chunk.byteLength;
      expanded += chunk.byteLength;
      if (expanded > IMPORT_LIMITS.zipExpandedBytes) {
        failure = new ImportFileError(`"${archiveName}" expands to more than ${megabytes(IMPORT_LIMITS.zipExpandedBytes)}, the limit for an archive. Nothing was imported.`);
        file.terminate();
        return;
      }
      if (size > IMPORT_LIMITS.activityFileBytes) {
        failure = new ImportFileError(`"${name}" in the archive expands to more than ${megabytes(IMPORT_LIMITS.activityFileBytes)}, the limit for one activity file. Nothing was imported.`);
        file.terminate();
        return;
      }
      parts.push(chunk);
      if (final) done.push({ name, bytes: concat(parts, size) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  const drain = async () => {
    while (done.length) {
      const entry = done.shift()!;
      if (entry.name.endsWith("activities.csv")) {
        csvText = new TextDecoder().decode(entry.bytes);
        rows = parseStravaCsv(csvText);
        wanted = runFiles();
        continue;
      }
      const relative = entry.name.replace(/^.*?(activities\/)/, "$1");
      try {
        parsed.set(relative, await readActivityFile(relative, entry.bytes, decodeFit));
      } catch (err) {
        if (!(err instanceof ImportFileError)) throw err;
        parsed.set(relative, err.message);
      }
      if (parsed.size > IMPORT_LIMITS.activities) throw new ImportFileError(`"${archiveName}" holds more than ${IMPORT_LIMITS.activities} activities; export a shorter period.`);
    }
  };

  let sawBytes = false;
  try {
    for await (const chunk of chunks) {
      sawBytes ||= chunk.byteLength > 0;
      for (let i = 0; i < chunk.byteLength; i += 65_536) {
        unzip.push(chunk.subarray(i, Math.min(chunk.byteLength, i + 65_536)));
        if (failure) throw failure;
        await drain();
      }
    }
    unzip.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError(`"${archiveName}" is damaged or incomplete. Download the export again.`);
  }
  if (failure) throw failure;
  await drain();
  if (!sawBytes) throw new ImportFileError("The file is empty.");
  if (entries === 0) throw new ImportFileError(`"${archiveName}" is not a zip archive, or it is damaged.`);
  if (!rows) throw new ImportFileError(`"${archiveName}" is not a Strava bulk export: it has no activities.csv.`);

  const activities: ImportedActivity[] = [];
  for (const row of rows as StravaRow[]) {
    const fromFile = row.fileName ? parsed.get(row.fileName) : undefined;
    if (!row.raw.notRunReason && Array.isArray(fromFile) && fromFile.length > 0) {
      for (const a of fromFile) activities.push({ ...a, fileName: `${archiveName}: ${row.fileName}`, notRunReason: a.notRunReason });
      continue;
    }
    const summary = summariseActivity(row.raw, { fileName: `${archiveName}: ${row.fileName ?? `activity ${row.id}`}`, contentHash: sha256(new TextEncoder().encode(`strava:${row.id}`)), index: 0 });
    activities.push(summary);
  }
  return { fileName: archiveName, activities, error: null };
}
