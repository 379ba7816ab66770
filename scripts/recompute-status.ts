/**
 * `npm run status:recompute`: recomputes every patient's derived return-to-run status
 * (after a protocol change, a migration or an engine update) and prints a summary a clinic
 * can read: how many runners' stages, flags and readiness changed, and why.
 */
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd());

async function main() {
  const { getDb, closeDb } = await import("../db/client");
  const { recomputeAllStatuses } = await import("../lib/dal/status");
  const { summaryLines } = await import("../lib/domain/recompute-summary");
  const { summary } = recomputeAllStatuses({ db: getDb() });
  closeDb();
  console.log(summaryLines(summary).join("\n"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
