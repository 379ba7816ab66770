// The production server: Next's request handler inside a plain node:http server, so each
// request gets an id, a trustworthy client address and one structured log line with its
// status and duration (`next start` has no hook for that). Started by scripts/start.mjs,
// scripts/e2e-server.mjs and the bench and reliability scripts.
//
// Log lines are JSON on standard output (pino). A request line carries method, route (the
// path with ids replaced by `:id`, never the query string, which may hold a search for a
// name), status, durationMs, requestId and userId; never a runner's name, note or score.
import http from "node:http";
import nextEnv from "@next/env";
import next from "next";
import pino from "pino";
import { clientAddress } from "./lib/client-address.mjs";

// .env and .env.local, as `next start` reads them, before PORT and LOG_LEVEL are read here.
nextEnv.loadEnvConfig(process.cwd());

const port = Number(process.env.PORT || 3000);
const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "springback" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

// Headers the app believes only from this server: any value a client sends is replaced.
const CLIENT_IP = "x-springback-client-ip";
const REQUEST_ID = "x-request-id";
// Set by proxy.ts on the response so the request line can name the user; never sent on.
const USER_ID = "x-springback-user-id";

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The path with ids replaced, without the query string; a check-in link's token is never logged. */
export function routeOf(url) {
  const path = (url ?? "/").split("?")[0].split("#")[0];
  if (path === "/c" || path.startsWith("/c/")) return "/c/:token";
  return path.replace(ID, ":id").slice(0, 200);
}

// Listens on every interface, as `next start` does (HOSTNAME is not read: containers set it
// to their own name).
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  const requestId = crypto.randomUUID();
  req.headers[REQUEST_ID] = requestId;
  req.headers[CLIENT_IP] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], process.env.TRUSTED_PROXY) ?? "";
  res.setHeader("X-Request-Id", requestId);

  let userId = null;
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    const named = res.getHeader(USER_ID);
    if (typeof named === "string" && named) userId = named;
    res.removeHeader(USER_ID);
    return writeHead.apply(this, args);
  };

  let logged = false;
  const line = () => {
    if (logged) return;
    logged = true;
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const fields = { event: "request", method: req.method, route: routeOf(req.url), status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10, requestId, userId };
    if (!res.writableFinished) fields.aborted = true;
    if (res.statusCode >= 500) log.error(fields, "request");
    else log.info(fields, "request");
  };
  res.on("finish", line);
  res.on("close", line);

  handle(req, res).catch((err) => {
    log.error({ event: "request_failed", requestId, route: routeOf(req.url), err }, "request failed");
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    }
  });
});

server.listen(port, () => {
  log.info({ event: "server_started", port }, `Springback ready on http://localhost:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
