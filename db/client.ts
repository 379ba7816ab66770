/**
 * One SQLite connection per process, with the pragmas clinical records need, migrated on
 * first use. better-sqlite3 is synchronous: never `await` inside `db.transaction()`.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { getConfig } from "../lib/config";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

type Cache = { db?: Db; path?: string };
const globalCache = globalThis as unknown as { __springbackDb?: Cache };
const cache: Cache = (globalCache.__springbackDb ??= {});

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL: a commit survives power loss; clinical records must never lose a save.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/** The process-wide connection, opened (and migrated) on first use. */
export function getDb(): Db {
  const file = getConfig().databasePath;
  if (cache.db && cache.path === file) return cache.db;
  if (cache.db) cache.db.$client.close();
  cache.db = openDatabase(file);
  cache.path = file;
  return cache.db;
}

export function closeDb(): void {
  cache.db?.$client.close();
  cache.db = undefined;
  cache.path = undefined;
}

export { schema };
