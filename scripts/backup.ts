/**
 * `npm run backup [-- DEST]`: a consistent online copy of DATABASE_URL, safe while the app
 * serves writes. Default destination: ./backups/springback-<UTC timestamp>.db
 */
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { getConfig } from "../lib/config";
import { backupDatabase } from "../db/backup";

loadEnvConfig(process.cwd());
const source = getConfig().databasePath;
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const dest = path.resolve(process.argv[2] ?? `backups/springback-${stamp}.db`);

backupDatabase(source, dest)
  .then((r) => console.log(`Backed up ${source} to ${r.file} (${(r.bytes / 1024).toFixed(0)} KiB, ${r.pages} pages, integrity ${r.integrity}).`))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
