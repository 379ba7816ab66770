/**
 * Online backup with `VACUUM INTO`: one statement that copies a consistent snapshot of the
 * database (one read transaction under WAL) while the app keeps serving reads and writes,
 * checked with `integrity_check` before it is reported good. Unlike the stepwise backup
 * API, which restarts whenever another connection writes between steps and may never
 * finish under steady writes, it always completes: writers go on in the WAL meanwhile.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupResult = { file: string; bytes: number; pages: number; integrity: string };

/**
 * Copies `sourceFile` to `destFile` (written as `destFile.partial`, checked, then renamed,
 * so a file at `destFile` is always a complete, checked backup). Throws when the source is
 * missing or the copy fails its integrity check (the partial file is removed).
 */
export async function backupDatabase(sourceFile: string, destFile: string): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(destFile), { recursive: true });
  const partial = `${destFile}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new Database(sourceFile, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    source.prepare("vacuum into ?").run(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial, { readonly: true });
  let integrity: string;
  let pages: number;
  try {
    integrity = String(copy.pragma("integrity_check", { simple: true }));
    pages = Number(copy.pragma("page_count", { simple: true }));
  } finally {
    copy.close();
  }
  if (integrity !== "ok") {
    fs.rmSync(partial, { force: true });
    throw new Error(`The backup failed its integrity check: ${integrity}`);
  }
  fs.renameSync(partial, destFile);
  return { file: destFile, bytes: fs.statSync(destFile).size, pages, integrity };
}

/** The backup files `npm run backup` names (`springback-<UTC time>.db`), sorted oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^springback-\d{8}T\d{6}Z\.db$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Deletes the oldest backups in `dir` so that the newest `keep` remain (`BACKUP_KEEP`).
 * Only files named as `npm run backup` names them are touched. Returns the deleted paths.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - Math.max(1, keep)));
  for (const file of old) fs.rmSync(file, { force: true });
  return old;
}

/**
 * Puts a backup in place of the database file. The server must be stopped first: an open
 * connection would keep writing to the replaced file.
 */
export function restoreDatabase(backupFile: string, targetFile: string): void {
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  const integrity = String(check.pragma("integrity_check", { simple: true }));
  check.close();
  if (integrity !== "ok") throw new Error(`Refusing to restore ${backupFile}: integrity check says ${integrity}`);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${targetFile}${suffix}`, { force: true });
  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  const tmp = `${targetFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  fs.renameSync(tmp, targetFile);
}
