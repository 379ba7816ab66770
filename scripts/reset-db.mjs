// Deletes the SQLite file named by DATABASE_URL (and its WAL files) so the demo can be re-seeded.
import fs from "node:fs";
import path from "node:path";
import nextEnvModule from "@next/env";
const nextEnv = nextEnvModule.default ?? nextEnvModule;

nextEnv.loadEnvConfig(process.cwd());
const file = path.resolve((process.env.DATABASE_URL || "./data/springback.db").replace(/^file:/, ""));
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
console.log(`Removed ${file}.`);
