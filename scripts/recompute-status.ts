/**
 * `npm run status:recompute`: recomputes every patient's derived return-to-run status
 * (after a protocol change, a migration or an engine update) and says how many changed.
 */
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd());

async function main() {
  const { getDb, closeDb } = await import("../db/client");
  const { recomputeAllStatuses } = await import("../lib/dal/status");
  const { total, changed } = recomputeAllStatuses({ db: getDb() });
  closeDb();
  console.log(`Recomputed ${total} patients' status: ${changed} changed.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
