import pino from "pino";

/**
 * The server's one structured logger: JSON lines on standard output (one object a line:
 * `level`, `time`, `msg` and fields). Never log a runner's name, note or pain score: log
 * ids (request, user, patient) and codes. `LOG_LEVEL` sets the level (default `info`;
 * `silent` under vitest unless set).
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { service: "springback" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of this request, sent back as `X-Request-Id` and written on its log lines: the one
 * the production server (scripts/server.mjs) gave the request and wrote on its request
 * line, when `headers` carry it; otherwise a fresh one (dev server, tests, scripts).
 */
export function newRequestId(headers?: { get(name: string): string | null } | null): string {
  const given = headers?.get("x-request-id");
  return given && UUID.test(given) ? given : crypto.randomUUID();
}
