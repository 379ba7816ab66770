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

/** A fresh id for one request, sent back as `X-Request-Id` and written on its log lines. */
export function newRequestId(): string {
  return crypto.randomUUID();
}
