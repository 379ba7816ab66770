/** `npm run db:seed`: fills an empty database with the demo clinic (idempotent). */
import { loadEnvConfig } from "@next/env";
import { getConfig } from "../lib/config";

loadEnvConfig(process.cwd());
import { openDatabase } from "./client";
import { seedDemo } from "./seed/demo";

async function main() {
  const file = getConfig().databasePath;
  const db = openDatabase(file);
  const seeded = await seedDemo(db);
  const counts = db.$client
    .prepare(
      `select (select count(*) from patients) patients, (select count(*) from daily_logs) logs,
              (select count(*) from runs) runs, (select count(*) from assessments) assessments`,
    )
    .get() as Record<string, number>;
  db.$client.close();
  console.log(
    seeded
      ? `Seeded the demo clinics into ${file}: ${counts.patients} patients, ${counts.logs} daily logs, ${counts.runs} runs, ${counts.assessments} assessments.`
      : `${file} already has data; nothing seeded. (Reset with: npm run db:reset)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
