/** Runs once when the server starts: refuse a bad configuration, then open and migrate the database. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertProductionConfig } = await import("./lib/config");
  assertProductionConfig();
  const { getDb } = await import("./db/client");
  getDb();
}
