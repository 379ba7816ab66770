/**
 * Hand-written statements for the hot reads, the engine's reads and the audit insert,
 * prepared once per connection (tests open several databases) and kept by their SQL
 * text. drizzle builds each query anew on every call and maps every row through its
 * column objects; for a 0.3 ms lookup or a 1,000-row export that was most of the time.
 * Columns are aliased to the DTO's names, so better-sqlite3 builds the row objects
 * itself. They hold no data: each call binds its own parameters. No `server-only` here:
 * the seed and the bench generator recompute statuses through the same code.
 */
import type Database from "better-sqlite3";

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A drizzle database or a transaction on it; both run on one better-sqlite3 connection. */
export type Handle = object;

/** The better-sqlite3 connection under a drizzle database or transaction. */
export function connectionOf(handle: Handle): Database.Database {
  if ("$client" in handle) return (handle as { $client: Database.Database }).$client;
  // A drizzle transaction keeps its connection on its session (the same object as $client).
  const client = (handle as { session?: { client?: Database.Database } }).session?.client;
  if (!client) throw new Error("Not a better-sqlite3 database or transaction");
  return client;
}

/** The statement for `sqlText` on the connection under `handle`, prepared on first use. */
export function prepared<Row = unknown>(handle: Handle, sqlText: string): Database.Statement<unknown[], Row> {
  const client = connectionOf(handle);
  let cache = byConnection.get(client);
  if (!cache) byConnection.set(client, (cache = new Map()));
  let stmt = cache.get(sqlText);
  if (!stmt) cache.set(sqlText, (stmt = client.prepare(sqlText)));
  return stmt as Database.Statement<unknown[], Row>;
}

/** SQLite's 0/1 (or null) as the boolean the DTO carries. */
export function bool(value: number | null): boolean | null {
  return value === null ? null : value !== 0;
}
