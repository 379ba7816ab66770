/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL. */
import { loadEnvConfig } from "@next/env";
import { getConfig } from "../lib/config";

loadEnvConfig(process.cwd());
import { openDatabase } from "./client";

const file = getConfig().databasePath;
const db = openDatabase(file);
const count = db.$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
db.$client.close();
console.log(`Database ${file} is migrated (${count.n} migrations applied).`);
