/**
 * `npm run restore -- BACKUP_FILE`: replaces DATABASE_URL with a backup after checking its
 * integrity. Stop the server first, and start it again afterwards.
 */
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { getConfig } from "../lib/config";
import { restoreDatabase } from "../db/backup";

loadEnvConfig(process.cwd());
const backup = process.argv[2];
if (!backup) {
  console.error("Usage: npm run restore -- path/to/backup.db   (stop the server first)");
  process.exit(2);
}
const target = getConfig().databasePath;
try {
  restoreDatabase(path.resolve(backup), target);
  console.log(`Restored ${backup} to ${target}. Start the server again.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
