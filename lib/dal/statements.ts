import "server-only";
import type Database from "better-sqlite3";

/**
 * Hand-written statements for the hot reads and the audit insert, prepared once per
 * connection and kept. drizzle builds each query anew on every call and maps every row
 * through its column objects; for a 0.3 ms lookup or a 1,000-row export that is most of
 * the time. Columns are aliased to the DTO's names, so better-sqlite3 builds the row
 * objects itself. The SQL stays in lib/dal, beside the drizzle queries it replaces.
 */

/** A drizzle database or a transaction on it; both run on one better-sqlite3 connection. */
export type Handle = object;

/** The better-sqlite3 connection under a drizzle database or transaction. */
export function connectionOf(handle: Handle): Database.Database {
  if ("$client" in handle) return (handle as { $client: Database.Database }).$client;
  // A drizzle transaction keeps its connection on its session (same object as $client).
  const client = (handle as { session?: { client?: Database.Database } }).session?.client;
  if (!client) throw new Error("Not a better-sqlite3 database or transaction");
  return client;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `source` on this connection, prepared on first use. */
export function prepared<Row = unknown>(handle: Handle, source: string): Database.Statement<unknown[], Row> {
  const connection = connectionOf(handle);
  let statements = cache.get(connection);
  if (!statements) {
    statements = new Map();
    cache.set(connection, statements);
  }
  let statement = statements.get(source);
  if (!statement) {
    statement = connection.prepare(source);
    statements.set(source, statement);
  }
  return statement as Database.Statement<unknown[], Row>;
}

/** SQLite's 0/1 (or null) as the boolean the DTO carries. */
export function bool(value: number | null): boolean | null {
  return value === null ? null : value !== 0;
}
