/**
 * `npm run backup [-- DEST]`: a consistent online copy of DATABASE_URL, safe while the app
 * serves writes (VACUUM INTO, then an integrity check). Default destination:
 * ./backups/springback-<UTC timestamp>.db, keeping the newest BACKUP_KEEP copies there
 * (default 14); a DEST of your choice is never pruned.
 */
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { getConfig } from "../lib/config";
import { backupDatabase, pruneBackups } from "../db/backup";

loadEnvConfig(process.cwd());
const config = getConfig();
const source = config.databasePath;
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const chosen = process.argv[2];
const dir = path.resolve("backups");
const dest = path.resolve(chosen ?? path.join(dir, `springback-${stamp}.db`));

backupDatabase(source, dest)
  .then((r) => {
    console.log(`Backed up ${source} to ${r.file} (${(r.bytes / 1024).toFixed(0)} KiB, ${r.pages} pages, integrity ${r.integrity}).`);
    if (!chosen) {
      const removed = pruneBackups(dir, config.BACKUP_KEEP);
      if (removed.length > 0) console.log(`Kept the newest ${config.BACKUP_KEEP} backups; removed ${removed.length} older.`);
    }
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
