// Serves the production build on a freshly migrated and seeded database for the
// Playwright suite. Started by playwright.config.ts; `npm run build` must have run.
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";

const port = process.env.E2E_PORT || "3100";
const dbFile = path.resolve("data/e2e/springback-e2e.db");
fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: dbFile,
  PORT: port,
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET || "e2e-only-secret-not-for-production-use-0123456789",
  // Request lines would flood the test report; warnings and errors still show.
  LOG_LEVEL: process.env.LOG_LEVEL || "warn",
};
for (const script of ["db/migrate.ts", "db/seed.ts"]) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script], { env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const server = spawn(process.execPath, ["scripts/server.mjs"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
