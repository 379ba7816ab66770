/**
 * Online backup with SQLite's backup API: a consistent copy of the database taken while
 * the app keeps serving reads and writes, checked before it is reported good.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupResult = { file: string; bytes: number; pages: number; integrity: string };

export async function backupDatabase(sourceFile: string, destFile: string): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(destFile), { recursive: true });
  const source = new Database(sourceFile, { fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  let pages = 0;
  try {
    // Copy in steps of 256 pages so writers are never blocked for long.
    await source.backup(destFile, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 256;
      },
    });
  } finally {
    source.close();
  }
  const copy = new Database(destFile, { readonly: true });
  const integrity = String(copy.pragma("integrity_check", { simple: true }));
  copy.close();
  if (integrity !== "ok") throw new Error(`The backup failed its integrity check: ${integrity}`);
  return { file: destFile, bytes: fs.statSync(destFile).size, pages, integrity };
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
