/**
 * Server configuration, read from the environment and validated once. A bad value stops
 * the server at start with a message that says which variable and why.
 */
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().min(1).default("./data/springback.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  /** How many backups `npm run backup` keeps in ./backups (the newest; older ones are deleted). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
});

export type AppConfig = z.infer<typeof schema> & { databasePath: string };

let cached: AppConfig | undefined;

export function getConfig(): AppConfig {
  if (cached) return cached;
  const parsed = schema.safeParse({
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    PORT: process.env.PORT || undefined,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || undefined,
    SESSION_IDLE_MINUTES: process.env.SESSION_IDLE_MINUTES || undefined,
    SESSION_MAX_HOURS: process.env.SESSION_MAX_HOURS || undefined,
    BACKUP_KEEP: process.env.BACKUP_KEEP || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Springback configuration is invalid:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const url = parsed.data.DATABASE_URL.replace(/^file:/, "");
  cached = { ...parsed.data, databasePath: path.resolve(/* turbopackIgnore: true */ process.cwd(), url) };
  return cached;
}

/** Called when the production server starts: it refuses to run without a signing secret. */
export function assertProductionConfig(): void {
  const config = getConfig();
  if (process.env.NODE_ENV === "production" && !config.NEXTAUTH_SECRET) {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Set it to a random string of at least 32 characters " +
        "(for example: openssl rand -base64 32), or start with `npm run demo`, which writes one to .env.local.",
    );
  }
}

/** For tests that point the app at another database file. */
export function resetConfigForTests(): void {
  cached = undefined;
}
